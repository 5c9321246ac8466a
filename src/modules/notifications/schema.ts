import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { userForeignKey } from "../accounts/index.ts";
import { Delivery, NotificationKind } from "./contract.ts";

// One list of kinds and deliveries: the contract's.
const notificationKinds = NotificationKind.options as [NotificationKind, ...NotificationKind[]];
const deliveries = Delivery.options as [Delivery, ...Delivery[]];
export const digestCadences = ["daily", "weekly"] as const;

/**
 * One notice to one person. The text is not stored: kind and params are, so the list and the
 * e-mails render it in the reader's language of the moment.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(userForeignKey, { onDelete: "cascade" }),
    kind: text("kind", { enum: notificationKinds }).notNull(),
    params: jsonb("params").$type<Record<string, string>>().notNull(),
    /** A path inside the web app. */
    link: text("link").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true, mode: "date" }),
    /** Mailed on its own, at once (delivery "immediately"). */
    emailedAt: timestamp("emailed_at", { withTimezone: true, mode: "date" }),
    /** Listed in a daily or weekly digest mail. */
    digestedAt: timestamp("digested_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [
    // The list, newest first, and its keyset cursor (created_at, id).
    index("notifications_user_created_idx").on(table.userId, table.createdAt, table.id),
    // The unread count the header polls every 30 seconds.
    index("notifications_user_unread_idx").on(table.userId).where(sql`read_at is null`),
    // What the digest run looks for: not yet mailed in any way.
    index("notifications_undelivered_idx")
      .on(table.userId, table.createdAt)
      .where(sql`emailed_at is null and digested_at is null and read_at is null`),
  ],
);

/** A person's choice of e-mail delivery for one kind; no row means the kind's default. */
export const deliveryPreferences = pgTable(
  "notification_delivery_preferences",
  {
    userId: uuid("user_id").notNull().references(userForeignKey, { onDelete: "cascade" }),
    kind: text("kind", { enum: notificationKinds }).notNull(),
    delivery: text("delivery", { enum: deliveries }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.kind] })],
);

/**
 * When each person last got each digest. The row is also what a digest run locks (SKIP LOCKED),
 * so two app processes never send the same person the same digest.
 */
export const digestDeliveries = pgTable(
  "notification_digests",
  {
    userId: uuid("user_id").notNull().references(userForeignKey, { onDelete: "cascade" }),
    cadence: text("cadence", { enum: digestCadences }).notNull(),
    lastSentAt: timestamp("last_sent_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [primaryKey({ columns: [table.userId, table.cadence] })],
);
