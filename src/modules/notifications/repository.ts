import { and, asc, count, desc, eq, inArray, isNull, min, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../core/db/client.ts";
import { type Delivery, defaultDelivery, type NotificationKind } from "./contract.ts";
import { deliveryPreferences, digestDeliveries, notifications } from "./schema.ts";

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;
export type DigestCadence = (typeof digestDeliveries.$inferSelect)["cadence"];

export async function insertNotifications(db: Db, rows: NewNotification[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(notifications).values(rows);
}

// Delivery preferences

/** The deliveries people chose for a kind; people without a row get the kind's default. */
export async function chosenDeliveries(
  db: Db,
  userIds: string[],
  kind: NotificationKind,
): Promise<Map<string, Delivery>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: deliveryPreferences.userId, delivery: deliveryPreferences.delivery })
    .from(deliveryPreferences)
    .where(and(inArray(deliveryPreferences.userId, userIds), eq(deliveryPreferences.kind, kind)));
  return new Map(rows.map((row) => [row.userId, row.delivery]));
}

export async function preferencesOfUser(
  db: Db,
  userId: string,
): Promise<Map<NotificationKind, Delivery>> {
  const rows = await db
    .select({ kind: deliveryPreferences.kind, delivery: deliveryPreferences.delivery })
    .from(deliveryPreferences)
    .where(eq(deliveryPreferences.userId, userId));
  return new Map(rows.map((row) => [row.kind, row.delivery]));
}

export async function savePreferences(
  db: Db,
  userId: string,
  preferences: Array<{ kind: NotificationKind; delivery: Delivery }>,
  now: Date,
): Promise<void> {
  if (preferences.length === 0) return;
  await db
    .insert(deliveryPreferences)
    .values(preferences.map((preference) => ({ userId, ...preference, updatedAt: now })))
    .onConflictDoUpdate({
      target: [deliveryPreferences.userId, deliveryPreferences.kind],
      set: { delivery: sql`excluded.delivery`, updatedAt: sql`excluded.updated_at` },
    });
}

// The list and the unread count

export interface ListPosition {
  createdAt: Date;
  id: string;
}

/** One page, newest first, starting after `after`; asks for one more row to know if more follow. */
export async function listNotificationsOf(
  db: Db,
  userId: string,
  options: { unreadOnly: boolean; limit: number; after: ListPosition | undefined },
): Promise<NotificationRow[]> {
  const conditions: SQL[] = [eq(notifications.userId, userId)];
  if (options.unreadOnly) conditions.push(isNull(notifications.readAt));
  if (options.after) {
    // A row comparison, so the page is stable when new notifications arrive meanwhile.
    conditions.push(
      sql`(${notifications.createdAt}, ${notifications.id}) < (${options.after.createdAt.toISOString()}::timestamptz, ${options.after.id}::uuid)`,
    );
  }
  return db
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit + 1);
}

export async function countUnreadOf(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.value ?? 0;
}

/** Marks the person's own notifications read; ids of anyone else's simply match nothing. */
export async function markReadOf(
  db: Db,
  userId: string,
  which: { ids: string[] } | "all",
  now: Date,
): Promise<number> {
  const updated = await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        which === "all" ? undefined : inArray(notifications.id, which.ids),
      ),
    )
    .returning({ id: notifications.id });
  return updated.length;
}

// Digests

/** Delivery in force for a notification: the person's choice, else the kind's default. */
function deliveryInForce(): SQL<string> {
  const defaults = Object.entries(defaultDelivery).map(
    ([kind, delivery]) => sql`when ${kind}::text then ${delivery}::text`,
  );
  return sql<string>`coalesce(${deliveryPreferences.delivery}, case ${notifications.kind} ${sql.join(defaults, sql` `)} end)`;
}

/** Not yet mailed in any way, unread (what was read in the app needs no digest), this cadence. */
function awaitingDigest(cadence: DigestCadence): SQL | undefined {
  return and(
    isNull(notifications.emailedAt),
    isNull(notifications.digestedAt),
    isNull(notifications.readAt),
    sql`${deliveryInForce()} = ${cadence}::text`,
  );
}

/**
 * People whose digest of this cadence is due: something awaits it, and the last one went out at
 * least a period ago (or, for a first digest, the oldest waiting notification is that old).
 */
export async function peopleWithDueDigest(
  db: Db,
  cadence: DigestCadence,
  dueBefore: Date,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .select({ userId: notifications.userId })
    .from(notifications)
    .leftJoin(
      deliveryPreferences,
      and(
        eq(deliveryPreferences.userId, notifications.userId),
        eq(deliveryPreferences.kind, notifications.kind),
      ),
    )
    .leftJoin(
      digestDeliveries,
      and(eq(digestDeliveries.userId, notifications.userId), eq(digestDeliveries.cadence, cadence)),
    )
    .where(awaitingDigest(cadence))
    .groupBy(notifications.userId, digestDeliveries.lastSentAt)
    .having(
      sql`coalesce(${digestDeliveries.lastSentAt}, ${min(notifications.createdAt)}) <= ${dueBefore.toISOString()}::timestamptz`,
    )
    .orderBy(asc(notifications.userId))
    .limit(limit);
  return rows.map((row) => row.userId);
}

/**
 * Takes the person's digest row for this transaction, or undefined when another process holds
 * it (it is sending that digest right now). The row is created on first use.
 */
export async function lockDigest(
  db: Db,
  userId: string,
  cadence: DigestCadence,
): Promise<{ lastSentAt: Date | null } | undefined> {
  await db
    .insert(digestDeliveries)
    .values({ userId, cadence, lastSentAt: null })
    .onConflictDoNothing();
  const [row] = await db
    .select({ lastSentAt: digestDeliveries.lastSentAt })
    .from(digestDeliveries)
    .where(and(eq(digestDeliveries.userId, userId), eq(digestDeliveries.cadence, cadence)))
    .for("update", { skipLocked: true });
  return row;
}

export async function notificationsAwaitingDigest(
  db: Db,
  userId: string,
  cadence: DigestCadence,
): Promise<NotificationRow[]> {
  const rows = await db
    .select({ notification: notifications })
    .from(notifications)
    .leftJoin(
      deliveryPreferences,
      and(
        eq(deliveryPreferences.userId, notifications.userId),
        eq(deliveryPreferences.kind, notifications.kind),
      ),
    )
    .where(and(eq(notifications.userId, userId), awaitingDigest(cadence)))
    .orderBy(asc(notifications.createdAt), asc(notifications.id));
  return rows.map((row) => row.notification);
}

export async function markDigested(
  db: Db,
  ids: string[],
  userId: string,
  cadence: DigestCadence,
  now: Date,
): Promise<void> {
  if (ids.length > 0) {
    await db
      .update(notifications)
      .set({ digestedAt: now })
      .where(and(inArray(notifications.id, ids), isNull(notifications.digestedAt)));
  }
  await db
    .update(digestDeliveries)
    .set({ lastSentAt: now })
    .where(and(eq(digestDeliveries.userId, userId), eq(digestDeliveries.cadence, cadence)));
}

/** The channel changed unread counts are announced on (payload: the person's user id). */
export const NOTIFICATIONS_CHANNEL = "csp_notifications";

/**
 * Tells every app process that these people's unread counts changed (new notifications, or
 * some read). NOTIFY is delivered when the caller's transaction commits (never for one rolled
 * back), on both engines.
 */
export async function announceNotifications(tx: Db, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await tx.execute(
    sql`select pg_notify(${NOTIFICATIONS_CHANNEL}, recipient) from unnest(${sql`array[${sql.join(
      userIds.map((userId) => sql`${userId}`),
      sql`, `,
    )}]::text[]`}) as recipient`,
  );
}
