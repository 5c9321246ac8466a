import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireUser } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import { IdParams, problemResponses } from "../../core/http/contract.ts";
import {
  agendaOfPerson,
  brokerageAccess,
  calendarMeetings,
  peopleWithOrganisations,
  presentProfile,
  presentRequests,
} from "./brokerage-views.ts";
import { eventsCalendar } from "./calendar.ts";
import { publishBrokerageProfile } from "./commands/brokerage-profile.ts";
import { closeTables, setUpBrokerage } from "./commands/brokerage-setup.ts";
import {
  answerMeetingRequest,
  cancelMeetingRequest,
  requestMeeting,
} from "./commands/meeting-requests.ts";
import { scheduleBrokerage } from "./commands/schedule-brokerage.ts";
import {
  Agenda,
  Brokerage,
  BrokerageProfileBody,
  BrokerageSetupBody,
  MeetingAnswerBody,
  MeetingRequest,
  MeetingRequestBody,
  MeetingRequestList,
  MeetingRequestParams,
  ProfileDirectory,
  ScheduleResult,
  UnavailableTablesBody,
} from "./contract-brokerage.ts";
import { eventsErrors } from "./errors.ts";
import { standingOf } from "./event-views.ts";
import { liveRegistrations } from "./repository.ts";
import {
  findBrokerage,
  findProfile,
  profilesOf,
  requestsOfPerson,
  slotsOf,
  unavailableTablesOf,
} from "./repository-brokerage.ts";

const tags = ["events"];

/**
 * 1:1 brokerage meetings at an event: hosts set up slots and tables and run the scheduler;
 * registered participants publish profiles, request and answer meetings, read their agenda.
 */
export const brokerageRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  const access = async (actor: Parameters<typeof standingOf>[1], eventId: string) => {
    const user = requireUser(actor);
    const standing = await standingOf(ctx.db, user);
    return { user, standing, ...(await brokerageAccess(ctx.db, standing, eventId)) };
  };

  const presentBrokerage = async (
    eventId: string,
    userId: string,
    role: { participant: boolean; manage: boolean },
  ): Promise<Brokerage> => {
    const brokerage = await findBrokerage(ctx.db, eventId);
    const slots = await slotsOf(ctx.db, eventId);
    const profile = await findProfile(ctx.db, eventId, userId);
    const people = await peopleWithOrganisations(ctx.db, [userId]);
    return {
      slots: slots.map((slot) => ({
        id: slot.id,
        startsAt: slot.startsAt.toISOString(),
        endsAt: slot.endsAt.toISOString(),
      })),
      tables: brokerage?.tableNames ?? [],
      unavailableTables: (await unavailableTablesOf(ctx.db, eventId)).map((entry) => ({
        slotId: entry.slotId,
        table: entry.tableName,
      })),
      scheduledAt: brokerage?.scheduledAt?.toISOString() ?? null,
      me: {
        participant: role.participant,
        manage: role.manage,
        profile: profile ? presentProfile(profile, slots, people.get(userId)) : null,
      },
    };
  };

  app.get(
    "/api/v1/events/:id/brokerage",
    {
      schema: {
        tags,
        summary:
          "The event's 1:1 meetings: slots, tables, and your profile (participants and hosts)",
        params: IdParams,
        response: { 200: Brokerage, ...problemResponses },
      },
    },
    async (request) => {
      const { user, participant, manage } = await access(request.actor, request.params.id);
      return presentBrokerage(request.params.id, user.userId, { participant, manage });
    },
  );

  app.put(
    "/api/v1/events/:id/brokerage",
    {
      schema: {
        tags,
        summary: "Set up the meeting slots and tables (the hosts' members)",
        description:
          "A slot given with its id keeps it and its meetings; slots and tables left out take their meetings with them.",
        params: IdParams,
        body: BrokerageSetupBody,
        response: { 200: Brokerage, ...problemResponses },
      },
    },
    async (request) => {
      const user = requireUser(request.actor);
      const standing = await standingOf(ctx.db, user);
      await setUpBrokerage(ctx, user, standing, request.params.id, request.body);
      const { participant, manage } = await brokerageAccess(ctx.db, standing, request.params.id);
      return presentBrokerage(request.params.id, user.userId, { participant, manage });
    },
  );

  app.put(
    "/api/v1/events/:id/brokerage/unavailable-tables",
    {
      schema: {
        tags,
        summary: "Close tables in some slots (the hosts' members); replaces the previous set",
        description:
          "The next scheduler run places no meeting at a closed table in that slot; meetings already there stay " +
          "until then. Unknown slots and tables are a 400 naming each entry.",
        params: IdParams,
        body: UnavailableTablesBody,
        response: { 200: Brokerage, ...problemResponses },
      },
    },
    async (request) => {
      const user = requireUser(request.actor);
      const standing = await standingOf(ctx.db, user);
      await closeTables(ctx, user, standing, request.params.id, request.body);
      const { participant, manage } = await brokerageAccess(ctx.db, standing, request.params.id);
      return presentBrokerage(request.params.id, user.userId, { participant, manage });
    },
  );

  app.put(
    "/api/v1/events/:id/brokerage/profile",
    {
      schema: {
        tags,
        summary:
          "Publish what you offer and look for, and when you can meet (registered participants)",
        params: IdParams,
        body: BrokerageProfileBody,
        response: { 200: Brokerage, ...problemResponses },
      },
    },
    async (request) => {
      const user = requireUser(request.actor);
      const standing = await standingOf(ctx.db, user);
      await publishBrokerageProfile(ctx, user, standing, request.params.id, request.body);
      const { participant, manage } = await brokerageAccess(ctx.db, standing, request.params.id);
      return presentBrokerage(request.params.id, user.userId, { participant, manage });
    },
  );

  app.get(
    "/api/v1/events/:id/brokerage/profiles",
    {
      schema: {
        tags,
        summary: "The directory of participants' profiles (registered participants and hosts)",
        params: IdParams,
        response: { 200: ProfileDirectory, ...problemResponses },
      },
    },
    async (request) => {
      const { event } = await access(request.actor, request.params.id);
      const profiles = await profilesOf(ctx.db, event.id);
      const slots = await slotsOf(ctx.db, event.id);
      // Someone who left the event leaves the directory (their profile stays for a return).
      const registered = new Set(
        (await liveRegistrations(ctx.db, event.id))
          .filter((registration) => registration.status === "registered")
          .map((registration) => registration.userId),
      );
      const listed = profiles.filter((profile) => registered.has(profile.userId));
      const people = await peopleWithOrganisations(
        ctx.db,
        listed.map((profile) => profile.userId),
      );
      return {
        profiles: listed.map((profile) =>
          presentProfile(profile, slots, people.get(profile.userId)),
        ),
      };
    },
  );

  app.get(
    "/api/v1/events/:id/meeting-requests",
    {
      schema: {
        tags,
        summary: "Your meeting requests at the event, incoming and outgoing",
        params: IdParams,
        response: { 200: MeetingRequestList, ...problemResponses },
      },
    },
    async (request) => {
      const { user, event } = await access(request.actor, request.params.id);
      const rows = await requestsOfPerson(ctx.db, event.id, user.userId);
      const presented = await presentRequests(ctx.db, rows);
      return {
        incoming: presented.filter((row) => row.recipient.userId === user.userId),
        outgoing: presented.filter((row) => row.requester.userId === user.userId),
      };
    },
  );

  app.post(
    "/api/v1/events/:id/meeting-requests",
    {
      schema: {
        tags,
        summary: "Ask another registered participant for a 1:1 meeting",
        description:
          "Refused with 409 `quiet_period` when either of you sits on the evaluation panel of an open procurement " +
          "and the other belongs to an organisation that may bid.",
        params: IdParams,
        body: MeetingRequestBody,
        response: { 201: MeetingRequest, ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request.actor);
      const standing = await standingOf(ctx.db, user);
      const row = await requestMeeting(ctx, user, standing, request.params.id, request.body);
      reply.code(201);
      const [presented] = await presentRequests(ctx.db, [row]);
      return presented!;
    },
  );

  app.post(
    "/api/v1/events/:id/meeting-requests/:requestId/answer",
    {
      schema: {
        tags,
        summary: "Accept or decline a meeting request you received",
        params: MeetingRequestParams,
        body: MeetingAnswerBody,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request.actor);
      const standing = await standingOf(ctx.db, user);
      await answerMeetingRequest(
        ctx,
        user,
        standing,
        request.params.id,
        request.params.requestId,
        request.body.answer,
      );
      return reply.code(204).send(null);
    },
  );

  app.delete(
    "/api/v1/events/:id/meeting-requests/:requestId",
    {
      schema: {
        tags,
        summary:
          "Withdraw an open meeting request (either side); its meeting goes from the schedule",
        params: MeetingRequestParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request.actor);
      const standing = await standingOf(ctx.db, user);
      await cancelMeetingRequest(ctx, user, standing, request.params.id, request.params.requestId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/v1/events/:id/brokerage/schedule",
    {
      schema: {
        tags,
        summary: "Place the accepted meeting requests into slots and tables (the hosts' members)",
        description:
          "Confirmed meetings stay where they are while still feasible; the answer gives the meetings placed, an " +
          "upper bound no schedule can exceed, the unplaced requests and what happened to confirmed meetings.",
        params: IdParams,
        response: { 200: ScheduleResult, ...problemResponses },
      },
    },
    async (request) => {
      const user = requireUser(request.actor);
      const standing = await standingOf(ctx.db, user);
      return scheduleBrokerage(ctx, user, standing, request.params.id);
    },
  );

  const agendaOf = async (actor: Parameters<typeof standingOf>[1], eventId: string) => {
    const { user, event, participant } = await access(actor, eventId);
    if (!participant) throw eventsErrors.notBrokerageParticipant();
    return { event, entries: await agendaOfPerson(ctx.db, user.userId, [event.id]) };
  };

  app.get(
    "/api/v1/events/:id/agenda",
    {
      schema: {
        tags,
        summary: "Your scheduled 1:1 meetings at the event (registered participants)",
        params: IdParams,
        response: { 200: Agenda, ...problemResponses },
      },
    },
    async (request) => {
      const { event, entries } = await agendaOf(request.actor, request.params.id);
      return {
        eventId: event.id,
        title: event.title,
        timeZone: event.timeZone,
        venue: event.venue,
        meetings: entries.map((entry) => ({
          requestId: entry.request.id,
          slotId: entry.slot.id,
          startsAt: entry.slot.startsAt.toISOString(),
          endsAt: entry.slot.endsAt.toISOString(),
          table: entry.meeting.tableName,
          with: entry.with,
          message: entry.request.message,
        })),
      };
    },
  );

  app.get(
    "/api/v1/events/:id/agenda.ics",
    {
      schema: {
        tags,
        summary: "Your scheduled 1:1 meetings at the event as iCalendar (in the event's zone)",
        params: IdParams,
        response: { 200: z.string().describe("text/calendar"), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { event, entries } = await agendaOf(request.actor, request.params.id);
      const text = eventsCalendar([], {
        name: `${event.title}: my meetings`,
        publicUrl: ctx.publicUrl,
        showsOnlineLink: () => false,
        meetings: calendarMeetings(entries),
      });
      reply
        .type("text/calendar; charset=utf-8")
        .header("content-disposition", 'attachment; filename="meetings.ics"')
        .header("cache-control", "private, no-store");
      return text;
    },
  );
};
