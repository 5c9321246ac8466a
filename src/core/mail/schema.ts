import { bigserial, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Demo mode keeps every sent mail here, listed at the dev-only mailbox page. */
export const devMailbox = pgTable("dev_mailbox", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  html: text("html"),
  sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }).notNull(),
});
