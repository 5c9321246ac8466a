import type { Db } from "../../core/db/client.ts";
import { findPeople } from "../accounts/index.ts";
import { currentOrganisationsOf, organisationSummaries } from "../organisations/index.ts";
import type { CalendarMeeting } from "./calendar.ts";
import type { BrokerageProfile, MeetingRequest } from "./contract-brokerage.ts";
import { eventsErrors } from "./errors.ts";
import { visibleEvent } from "./event-views.ts";
import { brokerageRole, type Standing } from "./policy.ts";
import { eventsForCalendar, liveRegistration } from "./repository.ts";
import {
  type MeetingRequestRow,
  type MeetingSlotRow,
  meetingsOfPerson,
  type ProfileRow,
} from "./repository-brokerage.ts";

/** Who the caller is at the event's 1:1 meetings; 403 for anyone neither participant nor host. */
export async function brokerageAccess(db: Db, standing: Standing, eventId: string) {
  const { event, hostIds } = await visibleEvent(db, standing, eventId);
  const registration = standing.userId
    ? await liveRegistration(db, event.id, standing.userId)
    : undefined;
  const role = brokerageRole(standing, hostIds, registration);
  if (!role.participant && !role.manage) throw eventsErrors.notBrokerageParticipant();
  return { event, hostIds, ...role };
}

/** People's names and current organisations' names, for profiles and agendas. */
export async function peopleWithOrganisations(
  db: Db,
  userIds: string[],
): Promise<Map<string, { name: string; organisations: string[] }>> {
  const unique = [...new Set(userIds)];
  const people = await findPeople(db, unique);
  const memberships = new Map(
    await Promise.all(
      unique.map(async (id) => [id, await currentOrganisationsOf(db, id)] as const),
    ),
  );
  const names = await organisationSummaries(
    db,
    [...memberships.values()].flat().map((row) => row.organisationId),
  );
  return new Map(
    unique.map((id) => [
      id,
      {
        name: people.get(id)?.name ?? "",
        organisations: (memberships.get(id) ?? []).flatMap((row) => {
          const organisation = names.get(row.organisationId);
          return organisation ? [organisation.name] : [];
        }),
      },
    ]),
  );
}

/** The slots a profile is available in: every slot when it names none. */
export function availableSlots(profile: ProfileRow, slots: MeetingSlotRow[]): string[] {
  const ids = slots.map((slot) => slot.id);
  if (profile.availableSlotIds === null) return ids;
  const chosen = new Set(profile.availableSlotIds);
  return ids.filter((id) => chosen.has(id));
}

export function presentProfile(
  profile: ProfileRow,
  slots: MeetingSlotRow[],
  person: { name: string; organisations: string[] } | undefined,
): BrokerageProfile {
  return {
    userId: profile.userId,
    name: person?.name ?? "",
    organisations: person?.organisations ?? [],
    offer: profile.offer,
    lookingFor: profile.lookingFor,
    availableSlotIds: availableSlots(profile, slots),
  };
}

export async function presentRequests(
  db: Db,
  rows: MeetingRequestRow[],
): Promise<MeetingRequest[]> {
  const people = await findPeople(
    db,
    rows.flatMap((row) => [row.requesterId, row.recipientId]),
  );
  const person = (userId: string) => ({ userId, name: people.get(userId)?.name ?? "" });
  return rows.map((row) => ({
    id: row.id,
    requester: person(row.requesterId),
    recipient: person(row.recipientId),
    message: row.message,
    priority: row.priority,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
  }));
}

/** A person's scheduled meetings, with the other person and each event's zone and venue. */
export async function agendaOfPerson(db: Db, userId: string, eventIds?: string[]) {
  const rows = await meetingsOfPerson(db, userId, eventIds);
  const events = new Map(
    (await eventsForCalendar(db, [...new Set(rows.map((row) => row.meeting.eventId))])).map(
      (event) => [event.id, event],
    ),
  );
  const others = await peopleWithOrganisations(
    db,
    rows.map((row) =>
      row.request.requesterId === userId ? row.request.recipientId : row.request.requesterId,
    ),
  );
  return rows.flatMap((row) => {
    const event = events.get(row.meeting.eventId);
    if (!event || event.status === "cancelled") return [];
    const otherId =
      row.request.requesterId === userId ? row.request.recipientId : row.request.requesterId;
    const other = others.get(otherId);
    return [
      {
        event,
        meeting: row.meeting,
        slot: row.slot,
        request: row.request,
        with: {
          userId: otherId,
          name: other?.name ?? "",
          organisations: other?.organisations ?? [],
        },
      },
    ];
  });
}

export function calendarMeetings(
  agenda: Awaited<ReturnType<typeof agendaOfPerson>>,
): CalendarMeeting[] {
  return agenda.map((entry) => ({
    requestId: entry.request.id,
    eventId: entry.event.id,
    eventTitle: entry.event.title,
    timeZone: entry.event.timeZone,
    venue: entry.event.venue,
    startsAt: entry.slot.startsAt,
    endsAt: entry.slot.endsAt,
    table: entry.meeting.tableName,
    withName: entry.with.name,
    scheduledAt: entry.meeting.scheduledAt,
  }));
}
