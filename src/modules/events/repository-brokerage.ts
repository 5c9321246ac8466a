import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "../../core/db/client.ts";
import {
  eventBrokerage,
  eventBrokerageProfiles,
  eventMeetingRequests,
  eventMeetingSlots,
  eventMeetings,
  eventUnavailableTables,
} from "./schema-brokerage.ts";

/** Queries of 1:1 brokerage meetings: setup, profiles, requests, the schedule. */

export type BrokerageRow = typeof eventBrokerage.$inferSelect;
export type MeetingSlotRow = typeof eventMeetingSlots.$inferSelect;
export type ProfileRow = typeof eventBrokerageProfiles.$inferSelect;
export type MeetingRequestRow = typeof eventMeetingRequests.$inferSelect;
export type MeetingRow = typeof eventMeetings.$inferSelect;

export async function findBrokerage(db: Db, eventId: string): Promise<BrokerageRow | undefined> {
  const [row] = await db.select().from(eventBrokerage).where(eq(eventBrokerage.eventId, eventId));
  return row;
}

export async function slotsOf(db: Db, eventId: string): Promise<MeetingSlotRow[]> {
  return db
    .select()
    .from(eventMeetingSlots)
    .where(eq(eventMeetingSlots.eventId, eventId))
    .orderBy(asc(eventMeetingSlots.startsAt), asc(eventMeetingSlots.id));
}

/**
 * Replaces the setup: slots named by id keep their id (and their meetings), the others are new;
 * slots left out go, with their meetings. Meetings at a table that is gone go too.
 */
export async function saveBrokerageSetup(
  tx: Db,
  eventId: string,
  setup: {
    slots: Array<{ id?: string | undefined; startsAt: Date; endsAt: Date }>;
    tables: string[];
  },
  at: Date,
): Promise<void> {
  await tx
    .insert(eventBrokerage)
    .values({ eventId, tableNames: setup.tables, updatedAt: at })
    .onConflictDoUpdate({
      target: eventBrokerage.eventId,
      set: { tableNames: setup.tables, updatedAt: at },
    });
  const kept = setup.slots.flatMap((slot) => (slot.id ? [slot.id] : []));
  const existing = await slotsOf(tx, eventId);
  const gone = existing.filter((slot) => !kept.includes(slot.id)).map((slot) => slot.id);
  if (gone.length) await tx.delete(eventMeetingSlots).where(inArray(eventMeetingSlots.id, gone));
  for (const slot of setup.slots) {
    if (slot.id) {
      await tx
        .update(eventMeetingSlots)
        .set({ startsAt: slot.startsAt, endsAt: slot.endsAt })
        .where(eq(eventMeetingSlots.id, slot.id));
    } else {
      await tx
        .insert(eventMeetingSlots)
        .values({ eventId, startsAt: slot.startsAt, endsAt: slot.endsAt });
    }
  }
  await tx
    .delete(eventMeetings)
    .where(
      and(
        eq(eventMeetings.eventId, eventId),
        sql`not (${eventMeetings.tableName} = any(${sql.param(setup.tables)}::text[]))`,
      ),
    );
  await tx
    .delete(eventUnavailableTables)
    .where(
      and(
        eq(eventUnavailableTables.eventId, eventId),
        sql`not (${eventUnavailableTables.tableName} = any(${sql.param(setup.tables)}::text[]))`,
      ),
    );
}

/** The tables the hosts closed, by slot. */
export async function unavailableTablesOf(
  db: Db,
  eventId: string,
): Promise<Array<{ slotId: string; tableName: string }>> {
  return db
    .select({ slotId: eventUnavailableTables.slotId, tableName: eventUnavailableTables.tableName })
    .from(eventUnavailableTables)
    .innerJoin(eventMeetingSlots, eq(eventMeetingSlots.id, eventUnavailableTables.slotId))
    .where(eq(eventUnavailableTables.eventId, eventId))
    .orderBy(asc(eventMeetingSlots.startsAt), asc(eventUnavailableTables.tableName));
}

export async function replaceUnavailableTables(
  tx: Db,
  eventId: string,
  unavailable: Array<{ slotId: string; tableName: string }>,
): Promise<void> {
  await tx.delete(eventUnavailableTables).where(eq(eventUnavailableTables.eventId, eventId));
  if (unavailable.length) {
    await tx
      .insert(eventUnavailableTables)
      .values(unavailable.map((entry) => ({ ...entry, eventId })));
  }
}

export async function markScheduled(tx: Db, eventId: string, at: Date): Promise<void> {
  await tx
    .update(eventBrokerage)
    .set({ scheduledAt: at })
    .where(eq(eventBrokerage.eventId, eventId));
}

export async function profilesOf(db: Db, eventId: string): Promise<ProfileRow[]> {
  return db
    .select()
    .from(eventBrokerageProfiles)
    .where(eq(eventBrokerageProfiles.eventId, eventId))
    .orderBy(asc(eventBrokerageProfiles.updatedAt));
}

export async function findProfile(
  db: Db,
  eventId: string,
  userId: string,
): Promise<ProfileRow | undefined> {
  const [row] = await db
    .select()
    .from(eventBrokerageProfiles)
    .where(
      and(eq(eventBrokerageProfiles.eventId, eventId), eq(eventBrokerageProfiles.userId, userId)),
    );
  return row;
}

export async function saveProfile(tx: Db, row: ProfileRow): Promise<void> {
  await tx
    .insert(eventBrokerageProfiles)
    .values(row)
    .onConflictDoUpdate({
      target: [eventBrokerageProfiles.eventId, eventBrokerageProfiles.userId],
      set: {
        offer: row.offer,
        lookingFor: row.lookingFor,
        availableSlotIds: row.availableSlotIds,
        updatedAt: row.updatedAt,
      },
    });
}

/** The open (pending or accepted) request between two people at an event, whoever asked. */
export async function openRequestBetween(
  db: Db,
  eventId: string,
  a: string,
  b: string,
): Promise<MeetingRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(eventMeetingRequests)
    .where(
      and(
        eq(eventMeetingRequests.eventId, eventId),
        inArray(eventMeetingRequests.status, ["pending", "accepted"]),
        or(
          and(eq(eventMeetingRequests.requesterId, a), eq(eventMeetingRequests.recipientId, b)),
          and(eq(eventMeetingRequests.requesterId, b), eq(eventMeetingRequests.recipientId, a)),
        ),
      ),
    );
  return row;
}

export async function insertMeetingRequest(
  tx: Db,
  row: typeof eventMeetingRequests.$inferInsert,
): Promise<MeetingRequestRow> {
  const [inserted] = await tx.insert(eventMeetingRequests).values(row).returning();
  return inserted!;
}

/** Locks the request: answering and cancelling are served one after the other. */
export async function lockMeetingRequest(
  tx: Db,
  eventId: string,
  id: string,
): Promise<MeetingRequestRow | undefined> {
  const [row] = await tx
    .select()
    .from(eventMeetingRequests)
    .where(and(eq(eventMeetingRequests.id, id), eq(eventMeetingRequests.eventId, eventId)))
    .for("update");
  return row;
}

export async function setRequestStatus(
  tx: Db,
  id: string,
  status: MeetingRequestRow["status"],
  at: Date,
): Promise<void> {
  await tx
    .update(eventMeetingRequests)
    .set({ status, answeredAt: at })
    .where(eq(eventMeetingRequests.id, id));
  // A meeting lives only while its request is accepted.
  if (status !== "accepted") await tx.delete(eventMeetings).where(eq(eventMeetings.requestId, id));
}

export async function requestsOfPerson(
  db: Db,
  eventId: string,
  userId: string,
): Promise<MeetingRequestRow[]> {
  return db
    .select()
    .from(eventMeetingRequests)
    .where(
      and(
        eq(eventMeetingRequests.eventId, eventId),
        or(
          eq(eventMeetingRequests.requesterId, userId),
          eq(eventMeetingRequests.recipientId, userId),
        ),
      ),
    )
    .orderBy(asc(eventMeetingRequests.createdAt), asc(eventMeetingRequests.id));
}

export async function acceptedRequests(db: Db, eventId: string): Promise<MeetingRequestRow[]> {
  return db
    .select()
    .from(eventMeetingRequests)
    .where(
      and(eq(eventMeetingRequests.eventId, eventId), eq(eventMeetingRequests.status, "accepted")),
    )
    .orderBy(asc(eventMeetingRequests.createdAt), asc(eventMeetingRequests.id));
}

export async function meetingsOf(db: Db, eventId: string): Promise<MeetingRow[]> {
  return db.select().from(eventMeetings).where(eq(eventMeetings.eventId, eventId));
}

export async function replaceMeetings(
  tx: Db,
  eventId: string,
  meetings: Array<{ requestId: string; slotId: string; tableName: string }>,
  at: Date,
): Promise<void> {
  await tx.delete(eventMeetings).where(eq(eventMeetings.eventId, eventId));
  if (meetings.length) {
    await tx
      .insert(eventMeetings)
      .values(meetings.map((meeting) => ({ ...meeting, eventId, scheduledAt: at })));
  }
}

/** A person's confirmed meetings, across events (their calendar feed) or at one event. */
export async function meetingsOfPerson(
  db: Db,
  userId: string,
  eventIds?: string[],
): Promise<Array<{ meeting: MeetingRow; request: MeetingRequestRow; slot: MeetingSlotRow }>> {
  const rows = await db
    .select({ meeting: eventMeetings, request: eventMeetingRequests, slot: eventMeetingSlots })
    .from(eventMeetings)
    .innerJoin(eventMeetingRequests, eq(eventMeetingRequests.id, eventMeetings.requestId))
    .innerJoin(eventMeetingSlots, eq(eventMeetingSlots.id, eventMeetings.slotId))
    .where(
      and(
        or(
          eq(eventMeetingRequests.requesterId, userId),
          eq(eventMeetingRequests.recipientId, userId),
        ),
        eq(eventMeetingRequests.status, "accepted"),
        eventIds ? inArray(eventMeetings.eventId, eventIds) : undefined,
      ),
    )
    .orderBy(asc(eventMeetingSlots.startsAt));
  return rows;
}
