import type { FastifyPluginAsyncZod, ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Actor, requireUser } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import { IdParams, problemResponses, Uuid } from "../../core/http/contract.ts";
import { acceptRawUploads } from "../../core/http/uploads.ts";
import { announceWinners } from "./commands/announce-winners.ts";
import { declareConflict } from "./commands/declare-conflict.ts";
import { answerInvitation, inviteToTeam } from "./commands/invitations.ts";
import { addJudge, removeJudge } from "./commands/judges.ts";
import { leaveTeam } from "./commands/leave-team.ts";
import { scoreTeam } from "./commands/score-team.ts";
import { closeSubmissions, setUpHackathon } from "./commands/set-up-hackathon.ts";
import { startPilot } from "./commands/start-pilot.ts";
import {
  addSubmissionFile,
  authoriseUpload,
  fileTooLarge,
  removeSubmissionFile,
} from "./commands/submission-files.ts";
import { submit } from "./commands/submit.ts";
import { createTeam, updateTeam } from "./commands/teams.ts";
import {
  AnswerBody,
  DeclarationBody,
  Gallery,
  Hackathon,
  HackathonSettingsBody,
  InvitationBody,
  JudgeBody,
  JudgeParams,
  Judging,
  PilotBody,
  Ranking,
  ScoresBody,
  SUBMISSION_FILE_MAX_BYTES,
  SubmissionBody,
  SubmissionFile,
  SubmissionFileParams,
  SubmissionFileQuery,
  Team,
  TeamBody,
  TeamUpdateBody,
  WinnersBody,
} from "./contract.ts";
import { hackathonErrors } from "./errors.ts";
import {
  computeRanking,
  hackathonScene,
  presentHackathon,
  presentTeam,
  readableSubmissionFile,
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
      const { event, hackathon, standing } = await setUpScene(ctx.db, actor, request.params.id);
      if (!standing.judge) throw hackathonErrors.notJudge();
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
      const { event, hackathon, standing } = await setUpScene(
        ctx.db,
        request.actor,
        request.params.id,
      );
      if (!standing.manage && !hackathon.winnersAnnouncedAt) throw hackathonErrors.notHost();
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

  app.get(
    "/api/v1/hackathon-teams/:id",
    {
      schema: {
        tags,
        summary: "A team: members, challenge, and its submission if you may read it",
        params: IdParams,
        response: { 200: Team, ...problemResponses },
      },
    },
    async (request) => teamOf(request.actor, request.params.id),
  );

  app.patch(
    "/api/v1/hackathon-teams/:id",
    {
      schema: {
        tags,
        summary: "Rename the team or pick its challenge (its members, before the deadline)",
        params: IdParams,
        body: TeamUpdateBody,
        response: { 200: Team, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      await updateTeam(ctx, actor, request.params.id, request.body);
      return teamOf(actor, request.params.id);
    },
  );

  app.post(
    "/api/v1/hackathon-teams/:id/invitations",
    {
      schema: {
        tags,
        summary: "Invite someone by e-mail, or a registered participant by id (the team's members)",
        params: IdParams,
        body: InvitationBody,
        response: { 201: Team, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      await inviteToTeam(ctx, actor, request.params.id, request.body);
      reply.code(201);
      return teamOf(actor, request.params.id);
    },
  );

  app.post(
    "/api/v1/hackathon-invitations/:id/answer",
    {
      schema: {
        tags,
        summary: "Accept (joining the team) or decline an invitation (the invitee)",
        params: IdParams,
        body: AnswerBody,
        response: { 200: Hackathon, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const { eventId } = await answerInvitation(
        ctx,
        actor,
        request.params.id,
        request.body.answer,
      );
      return hackathonOf(actor, eventId);
    },
  );

  app.delete(
    "/api/v1/hackathon-teams/:id/membership",
    {
      schema: {
        tags,
        summary: "Leave the team before the deadline (the last to leave dissolves it)",
        params: IdParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      await leaveTeam(ctx, actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.put(
    "/api/v1/hackathon-teams/:id/submission",
    {
      schema: {
        tags,
        summary: "Submit or revise the team's work (its members, before the deadline)",
        description:
          "Late submissions are refused (409 submissions_closed). The team needs a challenge and at least the minimum number of members.",
        params: IdParams,
        body: SubmissionBody,
        response: { 200: Team, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      await submit(ctx, actor, request.params.id, request.body);
      return teamOf(actor, request.params.id);
    },
  );

  app.get(
    "/api/v1/hackathon-teams/:id/files/:fileId",
    {
      schema: {
        tags,
        summary: "Download a file of a submission (whoever may read the submission)",
        params: SubmissionFileParams,
      },
    },
    async (request, reply) => {
      const { file, public: published } = await readableSubmissionFile(
        ctx.db,
        request.actor,
        request.params.id,
        request.params.fileId,
        ctx.clock.now(),
      );
      return reply
        .header("x-content-type-options", "nosniff")
        .header("cache-control", published ? "public, max-age=300" : "private, no-store")
        .header(
          "content-disposition",
          `attachment; filename="${file.filename.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "")}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        )
        .header("etag", `"${file.sha256}"`)
        .type(file.contentType)
        .send(file.bytes);
    },
  );

  app.delete(
    "/api/v1/hackathon-teams/:id/files/:fileId",
    {
      schema: {
        tags,
        summary: "Remove a file from the team's submission (its members, before the deadline)",
        params: SubmissionFileParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      await removeSubmissionFile(ctx, actor, request.params.id, request.params.fileId);
      return reply.code(204).send(null);
    },
  );

  app.put(
    "/api/v1/hackathon-teams/:id/declaration",
    {
      schema: {
        tags,
        summary:
          "Declare no conflict of interest with the team, or a conflict with its reason (judges)",
        description:
          "A conflict — declared, or detected from memberships as in procurement — recuses you from the team.",
        params: IdParams,
        body: DeclarationBody,
        response: { 200: Judging, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      await declareConflict(ctx, actor, request.params.id, request.body);
      const { event, hackathon } = await teamScene(ctx.db, actor, request.params.id);
      return judgingOf(ctx.db, event.id, hackathon, actor.userId, ctx.clock.now());
    },
  );

  app.put(
    "/api/v1/hackathon-teams/:id/scores",
    {
      schema: {
        tags,
        summary:
          "Score the team on every criterion with justifications (cleared judges, after the deadline)",
        params: IdParams,
        body: ScoresBody,
        response: { 200: Judging, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      await scoreTeam(ctx, actor, request.params.id, request.body.scores);
      const { event, hackathon } = await teamScene(ctx.db, actor, request.params.id);
      return judgingOf(ctx.db, event.id, hackathon, actor.userId, ctx.clock.now());
    },
  );

  app.post(
    "/api/v1/hackathon-teams/:id/pilot",
    {
      schema: {
        tags,
        summary:
          "Hackathon to pilot: the winning team becomes an organisation and its submission a catalogue solution",
        description:
          "For a member of a winning team, once. The organisation takes the team's name and members; the solution " +
          "takes the submission's text and links and the challenge's sectors and capabilities.",
        params: IdParams,
        body: PilotBody,
        response: { 201: Team, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      await startPilot(ctx, actor, request.params.id, request.body);
      reply.code(201);
      return teamOf(actor, request.params.id);
    },
  );

  app.register(async (plainScope) => {
    // Its own scope, so raw file bodies (of any declared type: the bytes decide) are taken here
    // and nowhere else, refused while they stream in once over the limit.
    acceptRawUploads(plainScope, { maxBytes: SUBMISSION_FILE_MAX_BYTES, tooLarge: fileTooLarge });
    const uploads = plainScope.withTypeProvider<ZodTypeProvider>();
    uploads.post(
      "/api/v1/hackathon-teams/:id/files",
      {
        schema: {
          tags,
          summary:
            "Add a file to the team's submission (raw body: PDF, PNG, JPEG or WebP, checked by content; at most 10 MB)",
          params: IdParams,
          querystring: SubmissionFileQuery,
          response: { 201: SubmissionFile, ...problemResponses },
        },
        // Whoever may not upload is refused before the body is read.
        preParsing: async (request) => {
          const id = Uuid.safeParse((request.params as { id?: unknown }).id);
          if (!id.success) return; // Answered 400 by validation.
          await authoriseUpload(
            ctx.db,
            requireUser(request.actor as Actor),
            id.data,
            ctx.clock.now(),
          );
        },
      },
      async (request, reply) => {
        const actor = requireUser(request.actor);
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
          throw hackathonErrors.fileNotAccepted(undefined, {
            errors: [{ field: "body", message: "must be the file" }],
          });
        }
        const file = await addSubmissionFile(ctx, actor, request.params.id, {
          filename: request.query.filename,
          bytes: request.body,
        });
        return reply.status(201).send({
          id: file.id,
          filename: file.filename,
          contentType: file.contentType,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          uploadedAt: file.uploadedAt.toISOString(),
        });
      },
    );
  });
};
