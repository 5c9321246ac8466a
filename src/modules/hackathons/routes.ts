import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Actor, requireUser } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import { IdParams, problemResponses } from "../../core/http/contract.ts";
import { announceWinners } from "./commands/announce-winners.ts";
import { addJudge, removeJudge } from "./commands/judges.ts";
import { closeSubmissions, setUpHackathon } from "./commands/set-up-hackathon.ts";
import { createTeam } from "./commands/teams.ts";
import {
  FreeParticipants,
  Gallery,
  Hackathon,
  HackathonSettingsBody,
  JudgeBody,
  JudgeParams,
  Judging,
  Ranking,
  Team,
  TeamBody,
  WinnersBody,
} from "./contract.ts";
import { hackathonErrors } from "./errors.ts";
import {
  computeRanking,
  freeParticipants,
  hackathonScene,
  presentHackathon,
  presentTeam,
  setUpScene,
  teamScene,
} from "./hackathon-views.ts";
import { galleryOf, judgingOf } from "./judging-views.ts";

const tags = ["hackathons"];

export const hackathonRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  const hackathonOf = async (actor: Actor, eventId: string) =>
    presentHackathon(ctx.db, await hackathonScene(ctx.db, actor, eventId), ctx.clock.now());
  const teamOf = async (actor: Actor, teamId: string) =>
    presentTeam(ctx.db, await teamScene(ctx.db, actor, teamId), ctx.clock.now());

  app.get(
    "/api/v1/events/:id/hackathon",
    {
      schema: {
        tags,
        summary: "A hackathon: settings, criteria, judges, teams and your part in it",
        description:
          "Team members' names are given to the event's registered participants, hosts and judges; others see counts.",
        params: IdParams,
        response: { 200: Hackathon, ...problemResponses },
      },
    },
    async (request) => hackathonOf(request.actor, request.params.id),
  );

  app.put(
    "/api/v1/events/:id/hackathon",
    {
      schema: {
        tags,
        summary: "Set team sizes, the submission deadline and weighted criteria (the hosts)",
        description:
          "Criteria weights sum to 100. Criteria cannot change once a judge has scored; nothing changes once winners are announced.",
        params: IdParams,
        body: HackathonSettingsBody,
        response: { 200: Hackathon, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      await setUpHackathon(ctx, actor, request.params.id, request.body);
      return hackathonOf(actor, request.params.id);
    },
  );

  app.post(
    "/api/v1/events/:id/hackathon/close-submissions",
    {
      schema: {
        tags,
        summary: "Close submissions now, so that judging starts (the hosts)",
        params: IdParams,
        response: { 200: Hackathon, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      await closeSubmissions(ctx, actor, request.params.id);
      return hackathonOf(actor, request.params.id);
    },
  );

  app.post(
    "/api/v1/events/:id/hackathon/judges",
    {
      schema: {
        tags,
        summary: "Add a judge by the e-mail of their account (the hosts)",
        params: IdParams,
        body: JudgeBody,
        response: { 201: Hackathon, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      await addJudge(ctx, actor, request.params.id, request.body.email);
      reply.code(201);
      return hackathonOf(actor, request.params.id);
    },
  );

  app.delete(
    "/api/v1/events/:id/hackathon/judges/:userId",
    {
      schema: {
        tags,
        summary: "Remove a judge who has not scored (the hosts)",
        params: JudgeParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      await removeJudge(ctx, actor, request.params.id, request.params.userId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/v1/events/:id/hackathon/teams",
    {
      schema: {
        tags,
        summary: "Start a team (people registered for the event, in no team yet)",
        params: IdParams,
        body: TeamBody,
        response: { 201: Team, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const id = await createTeam(ctx, actor, request.params.id, request.body);
      reply.code(201);
      return teamOf(actor, id);
    },
  );

  app.get(
    "/api/v1/events/:id/hackathon/free-participants",
    {
      schema: {
        tags,
        summary: "Registered participants in no team, to invite (teams' members and the hosts)",
        params: IdParams,
        response: { 200: FreeParticipants, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      // Who asks before whether the hackathon is set up (the hosts learn that it is not).
      const { event, hackathon, standing } = await hackathonScene(ctx.db, actor, request.params.id);
      if (standing.teamId === null && !standing.manage) throw hackathonErrors.notTeamMember();
      if (!hackathon) throw hackathonErrors.notSetUp();
      return { participants: await freeParticipants(ctx.db, event.id) };
    },
  );

  app.get(
    "/api/v1/events/:id/hackathon/judging",
    {
      schema: {
        tags,
        summary: "Your work list as a judge: standing per team, submissions you are cleared for",
        params: IdParams,
        response: { 200: Judging, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const { event, hackathon, standing } = await hackathonScene(ctx.db, actor, request.params.id);
      if (!standing.judge) throw hackathonErrors.notJudge();
      if (!hackathon) throw hackathonErrors.notSetUp();
      return judgingOf(ctx.db, event.id, hackathon, actor.userId, ctx.clock.now());
    },
  );

  app.get(
    "/api/v1/events/:id/hackathon/ranking",
    {
      schema: {
        tags,
        summary: "The ranking by weighted scores (the hosts; everyone once winners are announced)",
        description:
          "A team's score is the mean, over the judges not recused who scored it, of Σ weight × score / 100.",
        params: IdParams,
        response: { 200: Ranking, ...problemResponses },
      },
    },
    async (request) => {
      const { event, hackathon, standing } = await hackathonScene(
        ctx.db,
        request.actor,
        request.params.id,
      );
      if (!standing.manage && !hackathon?.winnersAnnouncedAt) throw hackathonErrors.notHost();
      if (!hackathon) throw hackathonErrors.notSetUp();
      return computeRanking(ctx.db, event.id, hackathon, ctx.clock.now());
    },
  );

  app.post(
    "/api/v1/events/:id/hackathon/winners",
    {
      schema: {
        tags,
        summary:
          "Announce the winners in prize order; locks judging and opens the gallery (the hosts)",
        params: IdParams,
        body: WinnersBody,
        response: { 200: Ranking, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      await announceWinners(ctx, actor, request.params.id, request.body.winnerTeamIds);
      const { event, hackathon } = await setUpScene(ctx.db, actor, request.params.id);
      return computeRanking(ctx.db, event.id, hackathon, ctx.clock.now());
    },
  );

  app.get(
    "/api/v1/events/:id/hackathon/gallery",
    {
      schema: {
        tags,
        summary: "The public gallery of submissions, once the winners are announced",
        params: IdParams,
        response: { 200: Gallery, ...problemResponses },
      },
    },
    async (request) => {
      const { event, hackathon } = await setUpScene(ctx.db, request.actor, request.params.id);
      return galleryOf(ctx.db, event, hackathon, ctx.clock.now());
    },
  );
};
