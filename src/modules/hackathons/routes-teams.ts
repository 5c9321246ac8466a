import type { FastifyPluginAsyncZod, ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Actor, requireUser } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import { DOCUMENT_TYPES } from "../../core/files/documents.ts";
import {
  fileResponse,
  IdParams,
  ProblemSchema,
  problemResponses,
  Uuid,
} from "../../core/http/contract.ts";
import { acceptRawUploads } from "../../core/http/uploads.ts";
import { declareConflict } from "./commands/declare-conflict.ts";
import { answerInvitation, inviteToTeam } from "./commands/invitations.ts";
import { leaveTeam } from "./commands/leave-team.ts";
import { scoreTeam } from "./commands/score-team.ts";
import { startPilot } from "./commands/start-pilot.ts";
import {
  addSubmissionFile,
  authoriseUpload,
  fileTooLarge,
  removeSubmissionFile,
} from "./commands/submission-files.ts";
import { submit } from "./commands/submit.ts";
import { updateTeam } from "./commands/teams.ts";
import {
  AnswerBody,
  DeclarationBody,
  Hackathon,
  InvitationBody,
  Judging,
  PilotBody,
  ScoresBody,
  SUBMISSION_FILE_MAX_BYTES,
  SubmissionBody,
  SubmissionFile,
  SubmissionFileParams,
  SubmissionFileQuery,
  Team,
  TeamUpdateBody,
} from "./contract.ts";
import { hackathonErrors } from "./errors.ts";
import {
  hackathonScene,
  presentHackathon,
  presentTeam,
  readableSubmissionFile,
  teamScene,
} from "./hackathon-views.ts";
import { judgingOf } from "./judging-views.ts";

const tags = ["hackathons"];

/** A team's routes: its page, membership, submission and files, judges' declarations and scores, pilot. */
export const hackathonTeamRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  const hackathonOf = async (actor: Actor, eventId: string) =>
    presentHackathon(ctx.db, await hackathonScene(ctx.db, actor, eventId), ctx.clock.now());
  const teamOf = async (actor: Actor, teamId: string) =>
    presentTeam(ctx.db, await teamScene(ctx.db, actor, teamId), ctx.clock.now());

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
        response: {
          200: fileResponse(
            "The file, in the type it was stored with (PDF, PNG, JPEG or WebP)",
            DOCUMENT_TYPES,
          ),
          ...problemResponses,
        },
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
          response: { 201: SubmissionFile, 415: ProblemSchema, ...problemResponses },
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
