import type { Actor } from "../../core/auth/actor.ts";
import type { Db } from "../../core/db/client.ts";
import { renderMarkdown } from "../../core/text/markdown.ts";
import { challengeCards } from "../challenges/index.ts";
import { currentOrganisationsOf, organisationSummaries } from "../organisations/index.ts";
import type { Event, EventSummary } from "./contract.ts";
import { eventsErrors } from "./errors.ts";
import {
  managesEvent,
  registrationOpen,
  type Standing,
  seesEvent,
  seesOnlineLink,
  standingFrom,
} from "./policy.ts";
import {
  agendaOf,
  type EventRow,
  findEvent,
  hostsOf,
  liveRegistration,
  type RegistrationRow,
  seatCounts,
  waitlistPosition,
} from "./repository.ts";

export async function standingOf(db: Db, actor: Actor): Promise<Standing> {
  const organisations = actor.kind === "user" ? await currentOrganisationsOf(db, actor.userId) : [];
  return standingFrom(
    actor,
    organisations.map((row) => row.organisationId),
  );
}

/** The event the caller may see, with its hosts (404 otherwise). */
export async function visibleEvent(db: Db, standing: Standing, id: string) {
  const event = await findEvent(db, id);
  if (!event) throw eventsErrors.eventNotFound();
  const hostIds = (await hostsOf(db, [id])).get(id) ?? [];
  if (!seesEvent(standing, event, hostIds)) throw eventsErrors.eventNotFound();
  return { event, hostIds };
}

const iso = (date: Date) => date.toISOString();

export async function presentSummaries(db: Db, rows: EventRow[]): Promise<EventSummary[]> {
  const ids = rows.map((row) => row.id);
  const hosts = await hostsOf(db, ids);
  const counts = await seatCounts(db, ids);
  const organisations = await organisationSummaries(db, [...hosts.values()].flat());
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    status: row.status,
    title: row.title,
    summary: row.summary,
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    timeZone: row.timeZone,
    venue: row.venue,
    online: row.onlineUrl !== null,
    capacity: row.capacity,
    registeredCount: counts.get(row.id)?.registered ?? 0,
    waitlistCount: counts.get(row.id)?.waitlisted ?? 0,
    hosts: (hosts.get(row.id) ?? []).flatMap((hostId) => {
      const organisation = organisations.get(hostId);
      return organisation
        ? [{ id: organisation.id, slug: organisation.slug, name: organisation.name }]
        : [];
    }),
  }));
}

export async function presentRegistration(db: Db, registration: RegistrationRow) {
  return {
    status: registration.status as "registered" | "waitlisted",
    waitlistPosition:
      registration.status === "waitlisted" ? await waitlistPosition(db, registration) : null,
    registeredAt: iso(registration.createdAt),
  };
}

export async function presentEvent(
  db: Db,
  standing: Standing,
  event: EventRow,
  hostIds: string[],
  now: Date,
): Promise<Event> {
  const [summary] = await presentSummaries(db, [event]);
  const registration = standing.userId
    ? await liveRegistration(db, event.id, standing.userId)
    : undefined;
  const challenges = await challengeCards(db, event.challengeIds);
  const agenda = await agendaOf(db, event.id);
  return {
    ...summary!,
    description: event.description,
    descriptionHtml: renderMarkdown(event.description),
    onlineUrl: seesOnlineLink(standing, hostIds, registration) ? event.onlineUrl : null,
    registrationDeadline: event.registrationDeadline ? iso(event.registrationDeadline) : null,
    registrationOpen: registrationOpen(event, now),
    challenges: event.challengeIds.flatMap((id) => {
      const card = challenges.get(id);
      return card ? [{ id: card.id, title: card.title }] : [];
    }),
    agenda: agenda.map((item) => ({
      id: item.id,
      startsAt: iso(item.startsAt),
      endsAt: iso(item.endsAt),
      title: item.title,
      description: item.description,
      speakers: item.speakers,
    })),
    me: {
      registration: registration ? await presentRegistration(db, registration) : null,
      manage: managesEvent(standing, hostIds),
    },
  };
}
