import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Actor, requireUser, requireVerifiedUser } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import { IdParams, problemResponses, Uuid } from "../../core/http/contract.ts";
import { boardView, clarificationsView } from "./challenge-views.ts";
import { visibleChallenge } from "./commands/access.ts";
import { editComment, editIdea, postComment, postIdea, setVote } from "./commands/board.ts";
import { answerQuestion, askQuestion } from "./commands/clarifications.ts";
import { setFollowing } from "./commands/follow-challenge.ts";
import { reportContent, setHidden } from "./commands/moderation.ts";
import {
  AnswerQuestionBody,
  AskQuestionBody,
  Clarification,
  ClarificationList,
  CommentBody,
  FollowState,
  HideBody,
  Idea,
  IdeaBoard,
  IdeaBody,
  IdeaComment,
  IdeaPatch,
  IdeaQuery,
  ReportBody,
} from "./contract.ts";
import { challengeErrors } from "./errors.ts";
import { countsFor, isFollowing } from "./repository.ts";

const tags = ["challenges"];
const QuestionParams = z.strictObject({ id: Uuid, questionId: Uuid });
const IdeaParams = z.strictObject({ id: Uuid, ideaId: Uuid });
const CommentParams = z.strictObject({ id: Uuid, ideaId: Uuid, commentId: Uuid });
const noContent = { 204: z.undefined(), ...problemResponses };

type Plugin = FastifyPluginAsyncZod<{ ctx: ServiceContext }>;

export const clarificationRoutes: Plugin = async (app, { ctx }) => {
  const listFor = async (actor: Actor, id: string) => {
    const { challenge, viewer } = await visibleChallenge(ctx.db, actor, id);
    return clarificationsView(ctx.db, challenge, viewer);
  };

  app.get(
    "/api/v1/challenges/:id/questions",
    {
      schema: {
        tags,
        summary: "Clarifications: answered ones for all; unanswered for the city; yours for you",
        params: IdParams,
        response: { 200: ClarificationList, ...problemResponses },
      },
    },
    async (request) => ({ clarifications: await listFor(request.actor, request.params.id) }),
  );

  app.post(
    "/api/v1/challenges/:id/questions",
    {
      schema: {
        tags,
        summary: "Ask a question before the question deadline (published anonymised)",
        params: IdParams,
        body: AskQuestionBody,
        response: { 201: Clarification, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireVerifiedUser(request.actor);
      const asked = await askQuestion(ctx, actor, request.params.id, request.body.question);
      const list = await listFor(actor, request.params.id);
      return reply.status(201).send(list.find((item) => item.id === asked.id)!);
    },
  );

  app.post(
    "/api/v1/challenges/:id/questions/:questionId/answer",
    {
      schema: {
        tags,
        summary: "Answer a question, publishing it with its answer (owning city)",
        params: QuestionParams,
        body: AnswerQuestionBody,
        response: { 200: Clarification, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const { id, questionId } = request.params;
      await answerQuestion(ctx, actor, id, questionId, request.body.answer);
      const list = await listFor(actor, id);
      const answered = list.find((item) => item.id === questionId);
      if (!answered) throw challengeErrors.questionNotFound();
      return answered;
    },
  );
};

export const followRoutes: Plugin = async (app, { ctx }) => {
  for (const method of ["PUT", "DELETE"] as const) {
    app.route({
      method,
      url: "/api/v1/challenges/:id/follow",
      schema: {
        tags,
        summary:
          method === "PUT"
            ? "Follow a challenge (status, deadline and answer notifications)"
            : "Stop following a challenge",
        params: IdParams,
        response: { 200: FollowState, ...problemResponses },
      },
      handler: async (request) => {
        const actor = requireVerifiedUser(request.actor);
        await setFollowing(ctx, actor, request.params.id, method === "PUT");
        const [counts, following] = await Promise.all([
          countsFor(ctx.db, [request.params.id]),
          isFollowing(ctx.db, request.params.id, actor.userId),
        ]);
        return { following, followerCount: counts.get(request.params.id)!.followerCount };
      },
    });
  }
};

export const boardRoutes: Plugin = async (app, { ctx }) => {
  const board = async (actor: Actor, id: string, sort: "votes" | "newest" = "votes") => {
    const { challenge, viewer } = await visibleChallenge(ctx.db, actor, id);
    return boardView(ctx, challenge, viewer, sort);
  };
  const ideaIn = async (actor: Actor, id: string, ideaId: string) => {
    const idea = (await board(actor, id)).ideas.find((candidate) => candidate.id === ideaId);
    if (!idea) throw challengeErrors.ideaNotFound();
    return idea;
  };
  const commentIn = async (actor: Actor, id: string, ideaId: string, commentId: string) => {
    const comment = (await ideaIn(actor, id, ideaId)).comments.find((c) => c.id === commentId);
    if (!comment) throw challengeErrors.commentNotFound();
    return comment;
  };

  app.get(
    "/api/v1/challenges/:id/ideas",
    {
      schema: {
        tags,
        summary: "The co-creation board: ideas with comments and votes",
        params: IdParams,
        querystring: IdeaQuery,
        response: { 200: IdeaBoard, ...problemResponses },
      },
    },
    async (request) => board(request.actor, request.params.id, request.query.sort),
  );

  app.post(
    "/api/v1/challenges/:id/ideas",
    {
      schema: {
        tags,
        summary: "Post an idea while the board is open",
        params: IdParams,
        body: IdeaBody,
        response: { 201: Idea, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const ideaId = await postIdea(ctx, actor, request.params.id, request.body);
      return reply.status(201).send(await ideaIn(actor, request.params.id, ideaId));
    },
  );

  app.patch(
    "/api/v1/challenges/:id/ideas/:ideaId",
    {
      schema: {
        tags,
        summary: "Edit your idea within 30 minutes of posting it",
        params: IdeaParams,
        body: IdeaPatch,
        response: { 200: Idea, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const { id, ideaId } = request.params;
      await editIdea(ctx, actor, id, ideaId, request.body);
      return ideaIn(actor, id, ideaId);
    },
  );

  for (const method of ["PUT", "DELETE"] as const) {
    app.route({
      method,
      url: "/api/v1/challenges/:id/ideas/:ideaId/vote",
      schema: {
        tags,
        summary: method === "PUT" ? "Vote for an idea (once)" : "Take your vote back",
        params: IdeaParams,
        response: noContent,
      },
      handler: async (request, reply) => {
        const actor = requireUser(request.actor);
        await setVote(ctx, actor, request.params.id, request.params.ideaId, method === "PUT");
        return reply.status(204).send();
      },
    });
  }

  app.post(
    "/api/v1/challenges/:id/ideas/:ideaId/comments",
    {
      schema: {
        tags,
        summary: "Comment on an idea while the board is open",
        params: IdeaParams,
        body: CommentBody,
        response: { 201: IdeaComment, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const { id, ideaId } = request.params;
      const commentId = await postComment(ctx, actor, id, ideaId, request.body.body);
      return reply.status(201).send(await commentIn(actor, id, ideaId, commentId));
    },
  );

  app.patch(
    "/api/v1/challenges/:id/ideas/:ideaId/comments/:commentId",
    {
      schema: {
        tags,
        summary: "Edit your comment within 30 minutes of posting it",
        params: CommentParams,
        body: CommentBody,
        response: { 200: IdeaComment, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const { id, ideaId, commentId } = request.params;
      await editComment(ctx, actor, id, ideaId, commentId, request.body.body);
      return commentIn(actor, id, ideaId, commentId);
    },
  );

  // Reporting and moderation, for an idea and for a comment alike.
  for (const [suffix, Params] of [
    ["", IdeaParams],
    ["/comments/:commentId", CommentParams],
  ] as const) {
    const what = suffix ? "a comment" : "an idea";
    const refOf = (params: { id: string; ideaId: string; commentId?: string }) => ({
      challengeId: params.id,
      ideaId: params.ideaId,
      commentId: params.commentId ?? null,
    });
    app.post(
      `/api/v1/challenges/:id/ideas/:ideaId${suffix}/reports`,
      {
        schema: {
          tags,
          summary: `Report ${what} to the moderators`,
          params: Params,
          body: ReportBody,
          response: noContent,
        },
      },
      async (request, reply) => {
        const actor = requireUser(request.actor);
        await reportContent(ctx, actor, refOf(request.params), request.body.reason);
        return reply.status(204).send();
      },
    );
    app.post(
      `/api/v1/challenges/:id/ideas/:ideaId${suffix}/hide`,
      {
        schema: {
          tags,
          summary: `Hide ${what}, with a reason told to its author (moderators, city admins)`,
          params: Params,
          body: HideBody,
          response: noContent,
        },
      },
      async (request, reply) => {
        const actor = requireUser(request.actor);
        await setHidden(ctx, actor, refOf(request.params), { reason: request.body.reason });
        return reply.status(204).send();
      },
    );
    app.post(
      `/api/v1/challenges/:id/ideas/:ideaId${suffix}/unhide`,
      {
        schema: {
          tags,
          summary: `Show ${what} again (moderators, city admins)`,
          params: Params,
          body: z.strictObject({}).optional(),
          response: noContent,
        },
      },
      async (request, reply) => {
        const actor = requireUser(request.actor);
        await setHidden(ctx, actor, refOf(request.params), null);
        return reply.status(204).send();
      },
    );
  }
};
