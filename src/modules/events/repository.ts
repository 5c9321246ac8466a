import { and, asc, count, desc, eq, gte, inArray, lt, ne, sql } from "drizzle-orm";
import type { Db } from "../../core/db/client.ts";
import {
  calendarFeeds,
  eventAgendaItems,
  eventHosts,
  eventRegistrations,
  events,
} from "./schema.ts";

export type EventRow = typeof events.$inferSelect;
export type AgendaItemRow = typeof eventAgendaItems.$inferSelect;
export type RegistrationRow = typeof eventRegistrations.$inferSelect;

export async function findEvent(db: Db, id: string): Promise<EventRow | undefined> {
  const [row] = await db.select().from(events).where(eq(events.id, id));
  return row;
}

/** Locks the event row: every registration change takes this lock, so seats are never oversold. */
export async function lockEvent(tx: Db, id: string): Promise<EventRow | undefined> {
  const [row] = await tx.select().from(events).where(eq(events.id, id)).for("update");
  return row;
}

export async function hostsOf(db: Db, eventIds: string[]): Promise<Map<string, string[]>> {
  const hosts = new Map<string, string[]>(eventIds.map((id) => [id, []]));
  if (!eventIds.length) return hosts;
  const rows = await db
    .select()
    .from(eventHosts)
    .where(inArray(eventHosts.eventId, eventIds))
    .orderBy(asc(eventHosts.eventId), asc(eventHosts.position));
  for (const row of rows) hosts.get(row.eventId)?.push(row.organisationId);
  return hosts;
}

export async function replaceHosts(tx: Db, eventId: string, organisationIds: string[]) {
  await tx.delete(eventHosts).where(eq(eventHosts.eventId, eventId));
  await tx
    .insert(eventHosts)
    .values(
      organisationIds.map((organisationId, position) => ({ eventId, organisationId, position })),
    );
}

export async function agendaOf(db: Db, eventId: string): Promise<AgendaItemRow[]> {
  return db
    .select()
    .from(eventAgendaItems)
    .where(eq(eventAgendaItems.eventId, eventId))
    .orderBy(asc(eventAgendaItems.position));
}

export async function replaceAgenda(
  tx: Db,
  eventId: string,
  items: Array<Omit<typeof eventAgendaItems.$inferInsert, "eventId" | "position">>,
) {
  await tx.delete(eventAgendaItems).where(eq(eventAgendaItems.eventId, eventId));
  if (items.length) {
    await tx
      .insert(eventAgendaItems)
      .values(items.map((item, position) => ({ ...item, eventId, position })));
  }
}

export interface SeatCounts {
  registered: number;
  waitlisted: number;
}

export async function seatCounts(db: Db, eventIds: string[]): Promise<Map<string, SeatCounts>> {
  const counts = new Map<string, SeatCounts>(
    eventIds.map((id) => [id, { registered: 0, waitlisted: 0 }]),
  );
  if (!eventIds.length) return counts;
  const rows = await db
    .select({ eventId: eventRegistrations.eventId, status: eventRegistrations.status, n: count() })
    .from(eventRegistrations)
    .where(
      and(
        inArray(eventRegistrations.eventId, eventIds),
        ne(eventRegistrations.status, "cancelled"),
      ),
    )
    .groupBy(eventRegistrations.eventId, eventRegistrations.status);
  for (const row of rows) {
    const entry = counts.get(row.eventId)!;
    if (row.status === "registered") entry.registered = row.n;
    if (row.status === "waitlisted") entry.waitlisted = row.n;
  }
  return counts;
}

export async function liveRegistration(
  db: Db,
  eventId: string,
  userId: string,
): Promise<RegistrationRow | undefined> {
  const [row] = await db
    .select()
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.eventId, eventId),
        eq(eventRegistrations.userId, userId),
        ne(eventRegistrations.status, "cancelled"),
      ),
    );
  return row;
}

/** 1 for the first in the queue: waitlisted registrations are promoted in arrival order. */
export async function waitlistPosition(db: Db, registration: RegistrationRow): Promise<number> {
  const [row] = await db
    .select({ ahead: count() })
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.eventId, registration.eventId),
        eq(eventRegistrations.status, "waitlisted"),
        lt(eventRegistrations.arrival, registration.arrival),
      ),
    );
  return (row?.ahead ?? 0) + 1;
}

export async function insertRegistration(
  tx: Db,
  values: typeof eventRegistrations.$inferInsert,
): Promise<RegistrationRow> {
  const [row] = await tx.insert(eventRegistrations).values(values).returning();
  return row!;
}

export async function cancelRegistrationRow(tx: Db, id: string, at: Date) {
  await tx
    .update(eventRegistrations)
    .set({ status: "cancelled", cancelledAt: at })
    .where(eq(eventRegistrations.id, id));
}

/** The first `seats` waitlisted registrations, moved up to registered. */
export async function promoteFromWaitlist(
  tx: Db,
  eventId: string,
  seats: number,
  at: Date,
): Promise<RegistrationRow[]> {
  if (seats <= 0) return [];
  const queue = await tx
    .select()
    .from(eventRegistrations)
    .where(
      and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, "waitlisted")),
    )
    .orderBy(asc(eventRegistrations.arrival))
    .limit(seats);
  if (!queue.length) return [];
  return tx
    .update(eventRegistrations)
    .set({ status: "registered", promotedAt: at })
    .where(
      inArray(
        eventRegistrations.id,
        queue.map((row) => row.id),
      ),
    )
    .returning();
}

export async function liveRegistrations(db: Db, eventId: string): Promise<RegistrationRow[]> {
  return db
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), ne(eventRegistrations.status, "cancelled")))
    .orderBy(asc(eventRegistrations.arrival));
}

export async function registrationsOfUser(
  db: Db,
  userId: string,
): Promise<Array<{ eventId: string; status: string }>> {
  return db
    .select({ eventId: eventRegistrations.eventId, status: eventRegistrations.status })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.userId, userId), ne(eventRegistrations.status, "cancelled")));
}

export interface EventFilter {
  when: "upcoming" | "past";
  now: Date;
  kind?: string | undefined;
  challengeId?: string | undefined;
  hostOrganisationId?: string | undefined;
  /** Only these events (e.g. the caller's registrations). */
  ids?: string[] | undefined;
  /** Drafts of these host organisations are listed too (their members see them). */
  draftsOf: string[];
  limit: number;
}

export async function listEvents(db: Db, filter: EventFilter): Promise<EventRow[]> {
  const conditions = [
    filter.when === "upcoming" ? gte(events.endsAt, filter.now) : lt(events.endsAt, filter.now),
  ];
  if (filter.kind) conditions.push(eq(events.kind, filter.kind as EventRow["kind"]));
  if (filter.challengeId) {
    conditions.push(sql`${events.challengeIds} @> array[${filter.challengeId}]::uuid[]`);
  }
  if (filter.hostOrganisationId) {
    conditions.push(
      sql`exists (select 1 from ${eventHosts} where ${eventHosts.eventId} = ${events.id} and ${eventHosts.organisationId} = ${filter.hostOrganisationId})`,
    );
  }
  if (filter.ids) {
    if (!filter.ids.length) return [];
    conditions.push(inArray(events.id, filter.ids));
  }
  const visible = filter.draftsOf.length
    ? sql`(${events.status} <> 'draft' or exists (select 1 from ${eventHosts} where ${eventHosts.eventId} = ${events.id} and ${inArray(eventHosts.organisationId, filter.draftsOf)}))`
    : ne(events.status, "draft");
  return db
    .select()
    .from(events)
    .where(and(visible, ...conditions))
    .orderBy(
      filter.when === "upcoming" ? asc(events.startsAt) : desc(events.startsAt),
      asc(events.id),
    )
    .limit(filter.limit);
}

export async function findFeedByHash(db: Db, tokenHash: string) {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.tokenHash, tokenHash));
  return row;
}

export async function findFeedOfUser(db: Db, userId: string) {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return row;
}

export async function saveFeed(tx: Db, userId: string, tokenHash: string, at: Date) {
  await tx
    .insert(calendarFeeds)
    .values({ userId, tokenHash, createdAt: at })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: at } });
}

export async function deleteFeed(tx: Db, userId: string) {
  await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
}

/** Events of these ids that are not drafts, for calendars. */
export async function eventsForCalendar(db: Db, ids: string[]): Promise<EventRow[]> {
  if (!ids.length) return [];
  return db
    .select()
    .from(events)
    .where(and(inArray(events.id, ids), ne(events.status, "draft")))
    .orderBy(asc(events.startsAt));
}
