import { bigint, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Fixed-window counters kept in the database, so every app process sees the same counts. */
export const rateLimitCounters = pgTable("rate_limit_counters", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true, mode: "date" }).notNull(),
  hits: integer("hits").notNull(),
  windowMs: bigint("window_ms", { mode: "number" }).notNull(),
});
