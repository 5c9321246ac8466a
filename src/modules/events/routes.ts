import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireUser } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import { IdParams, problemResponses } from "../../core/http/contract.ts";
import { findPeople } from "../accounts/index.ts";
import { agendaOfPerson, calendarMeetings } from "./brokerage-views.ts";
import { eventsCalendar, feedTokenHash, newFeedToken } from "./calendar.ts";
import { changeEventStatus } from "./commands/change-status.ts";
import { cancelRegistration, register } from "./commands/registration.ts";
import { createEvent, updateEvent } from "./commands/save-event.ts";
import {
  CalendarFeed,
  Event,
  EventBody,
  EventList,
  EventListQuery,
  FeedParams,
  ParticipantList,
  RegistrationResult,
  StatusBody,
} from "./contract.ts";
import { eventsErrors } from "./errors.ts";
import {
  presentEvent,
  presentRegistration,
  presentSummaries,
  standingOf,
  visibleEvent,
} from "./event-views.ts";
import { managesEvent, seesOnlineLink } from "./policy.ts";
import {
  deleteFeed,
  eventsForCalendar,
  findFeedByHash,
  findFeedOfUser,
  hostsOf,
  listEvents,
  liveRegistration,
  liveRegistrations,
  registrationsOfUser,
  saveFeed,
} from "./repository.ts";

const tags = ["events"];
const calendarType = "text/calendar; charset=utf-8";

export const eventsRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  const present = async (actor: Parameters<typeof standingOf>[1], id: string) => {
    const standing = await standingOf(ctx.db, actor);
    const { event, hostIds } = await visibleEvent(ctx.db, standing, id);
    return presentEvent(ctx.db, standing, event, hostIds, ctx.clock.now());
  };

  app.get(
    "/api/v1/events",
    {
      schema: {
        tags,
        summary: "Upcoming (or past) events: published and cancelled ones, and your hosts' drafts",
        querystring: EventListQuery,
        response: { 200: EventList, ...problemResponses },
      },
    },
    async (request) => {
      const standing = await standingOf(ctx.db, request.actor);
      const query = request.query;
      const ids =
        query.mine === "true"
          ? (await registrationsOfUser(ctx.db, requireUser(request.actor).userId)).map(
              (registration) => registration.eventId,
            )
          : undefined;
      const rows = await listEvents(ctx.db, {
        when: query.when,
        now: ctx.clock.now(),
        kind: query.kind,
        challengeId: query.challengeId,
        hostOrganisationId: query.hostOrganisationId,
        ids,
        draftsOf: standing.platformAdmin ? [] : [...standing.memberOf],
        limit: query.limit,
      });
      return { events: await presentSummaries(ctx.db, rows) };
    },
  );

  app.post(
    "/api/v1/events",
    {
      schema: {
        tags,
        summary: "Create a draft event hosted by your organisations",
        body: EventBody,
        response: { 201: Event, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const standing = await standingOf(ctx.db, actor);
      const id = await createEvent(ctx, actor, standing, request.body);
      reply.code(201);
      return present(actor, id);
    },
  );

  app.get(
    "/api/v1/events/:id",
    {
      schema: {
        tags,
        summary: "An event: details, agenda, seats, and your registration",
        description:
          "The online link is given to registered participants (not the waitlist) and the hosts; null otherwise.",
        params: IdParams,
        response: { 200: Event, ...problemResponses },
      },
    },
    async (request) => present(request.actor, request.params.id),
  );

  app.put(
    "/api/v1/events/:id",
    {
      schema: {
        tags,
        summary: "Replace an event's details (its hosts' members)",
        description:
          "A larger capacity promotes people from the waitlist at once (they are notified); a smaller one " +
          "never unregisters anyone.",
        params: IdParams,
        body: EventBody,
        response: { 200: Event, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const standing = await standingOf(ctx.db, actor);
      await updateEvent(ctx, actor, standing, request.params.id, request.body);
      return present(actor, request.params.id);
    },
  );

  app.post(
    "/api/v1/events/:id/status",
    {
      schema: {
        tags,
        summary: "Publish a draft, or cancel an event (its hosts' members)",
        params: IdParams,
        body: StatusBody,
        response: { 200: Event, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const standing = await standingOf(ctx.db, actor);
      await changeEventStatus(ctx, actor, standing, request.params.id, request.body.to);
      return present(actor, request.params.id);
    },
  );

  app.post(
    "/api/v1/events/:id/registration",
    {
      schema: {
        tags,
        summary: "Register for an event: a seat while there is one, else the waitlist",
        params: IdParams,
        response: { 201: RegistrationResult, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const standing = await standingOf(ctx.db, actor);
      const registration = await register(ctx, actor, standing, request.params.id);
      reply.code(201);
      return { registration: await presentRegistration(ctx.db, registration) };
    },
  );

  app.delete(
    "/api/v1/events/:id/registration",
    {
      schema: {
        tags,
        summary: "Cancel your registration; a freed seat goes to the first on the waitlist",
        params: IdParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const standing = await standingOf(ctx.db, actor);
      await cancelRegistration(ctx, actor, standing, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/v1/events/:id/participants",
    {
      schema: {
        tags,
        summary: "Who registered and who waits, in order (the hosts' members)",
        params: IdParams,
        response: { 200: ParticipantList, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const standing = await standingOf(ctx.db, actor);
      const { event, hostIds } = await visibleEvent(ctx.db, standing, request.params.id);
      if (!managesEvent(standing, hostIds)) throw eventsErrors.notHost();
      const registrations = await liveRegistrations(ctx.db, event.id);
      const people = await findPeople(
        ctx.db,
        registrations.map((registration) => registration.userId),
      );
      let position = 0;
      return {
        participants: registrations
          .sort((a, b) => (a.status === b.status ? 0 : a.status === "registered" ? -1 : 1))
          .map((registration) => ({
            userId: registration.userId,
            name: people.get(registration.userId)?.name ?? "",
            status: registration.status as "registered" | "waitlisted",
            waitlistPosition: registration.status === "waitlisted" ? ++position : null,
            registeredAt: registration.createdAt.toISOString(),
            promotedAt: registration.promotedAt?.toISOString() ?? null,
          })),
      };
    },
  );

  app.get(
    "/api/v1/events/:id/ics",
    {
      schema: {
        tags,
        summary: "The event as an iCalendar file (in its own time zone)",
        params: IdParams,
        response: { 200: z.string().describe("text/calendar"), ...problemResponses },
      },
    },
    async (request, reply) => {
      const standing = await standingOf(ctx.db, request.actor);
      const { event, hostIds } = await visibleEvent(ctx.db, standing, request.params.id);
      const registration = standing.userId
        ? await liveRegistration(ctx.db, event.id, standing.userId)
        : undefined;
      const text = eventsCalendar([event], {
        name: event.title,
        publicUrl: ctx.publicUrl,
        showsOnlineLink: () => seesOnlineLink(standing, hostIds, registration),
      });
      reply
        .type(calendarType)
        .header("content-disposition", 'attachment; filename="event.ics"')
        .header("cache-control", "private, no-store");
      return text;
    },
  );

  app.get(
    "/api/v1/me/calendar-feed",
    {
      schema: {
        tags,
        summary: "Whether you have a personal calendar feed (its address is shown only when made)",
        response: { 200: CalendarFeed, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const feed = await findFeedOfUser(ctx.db, actor.userId);
      return {
        url: null,
        exists: feed !== undefined,
        createdAt: feed?.createdAt.toISOString() ?? null,
      };
    },
  );

  app.post(
    "/api/v1/me/calendar-feed",
    {
      schema: {
        tags,
        summary: "Make (or replace) your personal calendar feed's secret address",
        description:
          "The address carries a secret: anyone holding it reads your events. Making a new one revokes the old.",
        response: { 201: CalendarFeed, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const { token, hash } = newFeedToken();
      const now = ctx.clock.now();
      await ctx.db.transaction((tx) => saveFeed(tx, actor.userId, hash, now));
      reply.code(201);
      return {
        url: `${ctx.publicUrl}/api/v1/calendar/${token}.ics`,
        exists: true,
        createdAt: now.toISOString(),
      };
    },
  );

  app.delete(
    "/api/v1/me/calendar-feed",
    {
      schema: {
        tags,
        summary: "Revoke your personal calendar feed",
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      await ctx.db.transaction((tx) => deleteFeed(tx, actor.userId));
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/v1/calendar/:token",
    {
      schema: {
        tags,
        summary:
          "A personal calendar feed: the events you registered for and your 1:1 meetings (secret address)",
        params: FeedParams,
        response: { 200: z.string().describe("text/calendar"), ...problemResponses },
      },
    },
    async (request, reply) => {
      const token = request.params.token.replace(/\.ics$/, "");
      const feed = await findFeedByHash(ctx.db, feedTokenHash(token));
      if (!feed) throw eventsErrors.feedNotFound();
      const registrations = await registrationsOfUser(ctx.db, feed.userId);
      const rows = await eventsForCalendar(
        ctx.db,
        registrations.map((registration) => registration.eventId),
      );
      const registered = new Set(
        registrations
          .filter((registration) => registration.status === "registered")
          .map((registration) => registration.eventId),
      );
      const hosts = await hostsOf(
        ctx.db,
        rows.map((row) => row.id),
      );
      const standing = await standingOf(ctx.db, {
        kind: "user",
        userId: feed.userId,
        platformRoles: [],
        emailVerified: true,
        via: "token",
        sessionId: null,
      });
      const text = eventsCalendar(rows, {
        name: "City Solutions Platform",
        publicUrl: ctx.publicUrl,
        showsOnlineLink: (row) =>
          registered.has(row.id) || managesEvent(standing, hosts.get(row.id) ?? []),
        meetings: calendarMeetings(await agendaOfPerson(ctx.db, feed.userId, [...registered])),
      });
      reply.type(calendarType).header("cache-control", "private, no-store");
      return text;
    },
  );
};
