/**
 * Events: meetings, workshops, webinars and hackathons hosted by organisations — agenda,
 * registration with capacity and a waitlist (promotion notified), iCalendar files and personal
 * feeds; outcomes of workshops and meetings (routes-outcomes.ts), shown on challenges' pages too;
 * 1:1 brokerage meetings (routes-brokerage.ts) placed by the scheduler in scheduling/. See docs/events.md.
 */
import type { Actor, UserActor } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import type { Db } from "../../core/db/client.ts";
import type { ModuleManifest } from "../../core/module.ts";
import { register } from "./commands/registration.ts";
import { updateEvent } from "./commands/save-event.ts";
import { standingOf, visibleEvent } from "./event-views.ts";
import { managesEvent } from "./policy.ts";
import {
  agendaOf,
  findEvent,
  hostsOf,
  listEvents,
  liveRegistration,
  liveRegistrations,
} from "./repository.ts";
import { eventsRoutes } from "./routes.ts";
import { brokerageRoutes } from "./routes-brokerage.ts";
import { outcomesRoutes } from "./routes-outcomes.ts";

export function eventsModule(ctx: ServiceContext): ModuleManifest {
  return {
    name: "events",
    routes: async (app) => {
      await app.register(eventsRoutes, { ctx });
      await app.register(brokerageRoutes, { ctx });
      await app.register(outcomesRoutes, { ctx });
    },
  };
}

export { seedDemoEvents } from "./seed-demo-events.ts";

// What the hackathons module reads of an event and does through events' own commands.

/** What other modules read of an event the actor may see (a draft is the events 404). */
export interface EventFacts {
  id: string;
  kind: "meeting" | "workshop" | "webinar" | "hackathon";
  status: "draft" | "published" | "cancelled";
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  challengeIds: string[];
  hostIds: string[];
  /** The actor is a member of a host organisation, or a platform admin. */
  manage: boolean;
}

export async function readableEventFacts(db: Db, actor: Actor, id: string): Promise<EventFacts> {
  const standing = await standingOf(db, actor);
  const { event, hostIds } = await visibleEvent(db, standing, id);
  return {
    id: event.id,
    kind: event.kind,
    status: event.status,
    title: event.title,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    challengeIds: event.challengeIds,
    hostIds,
    manage: managesEvent(standing, hostIds),
  };
}

/** Whether the person holds a seat at the event (registered, not on the waitlist). */
export async function holdsSeat(db: Db, eventId: string, userId: string): Promise<boolean> {
  return (await liveRegistration(db, eventId, userId))?.status === "registered";
}

/** The people holding a seat at the event. */
export async function seatHolders(db: Db, eventId: string): Promise<string[]> {
  return (await liveRegistrations(db, eventId))
    .filter((registration) => registration.status === "registered")
    .map((registration) => registration.userId);
}

/** Demo data: registers the person through the events' own command (seat or waitlist). */
export async function registerForEvent(
  ctx: ServiceContext,
  actor: UserActor,
  eventId: string,
): Promise<void> {
  await register(ctx, actor, await standingOf(ctx.db, actor), eventId);
}

/** Demo data: the upcoming published event of that title, if any. */
export async function upcomingEventIdByTitle(
  db: Db,
  now: Date,
  title: string,
): Promise<string | null> {
  const rows = await listEvents(db, { when: "upcoming", now, draftsOf: [], limit: 100 });
  return rows.find((row) => row.title === title)?.id ?? null;
}

/** Demo data: links challenges to an event through its update command (audited). */
export async function linkChallengesToEvent(
  ctx: ServiceContext,
  actor: UserActor,
  eventId: string,
  challengeIds: string[],
): Promise<void> {
  const event = await findEvent(ctx.db, eventId);
  if (!event) return;
  const hostIds = (await hostsOf(ctx.db, [eventId])).get(eventId) ?? [];
  const agenda = await agendaOf(ctx.db, eventId);
  await updateEvent(ctx, actor, await standingOf(ctx.db, actor), eventId, {
    hostOrganisationIds: hostIds,
    kind: event.kind,
    title: event.title,
    summary: event.summary,
    description: event.description,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timeZone: event.timeZone,
    venue: event.venue,
    onlineUrl: event.onlineUrl,
    capacity: event.capacity,
    registrationDeadline: event.registrationDeadline?.toISOString() ?? null,
    challengeIds: [...new Set([...event.challengeIds, ...challengeIds])],
    agenda: agenda.map((item) => ({
      startsAt: item.startsAt.toISOString(),
      endsAt: item.endsAt.toISOString(),
      title: item.title,
      description: item.description,
      speakers: item.speakers,
    })),
  });
}

/** Impact figures: published events and registered people by year (counts only). */
export { countEventsByYear } from "./repository-counts.ts";
