import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ServiceContext } from "../../core/context.ts";
import { IdParams, problemResponses } from "../../core/http/contract.ts";
import { challengesForSolution, sharedNeeds, similarChallenges } from "./across.ts";
import {
  ChallengesForSolution,
  Recommendations,
  RecommendationsQuery,
  SharedNeeds,
  SimilarChallenges,
  SimilarQuery,
  SolutionRecommendationsQuery,
} from "./contract.ts";
import { recommendForChallenge } from "./recommend.ts";

const tags = ["matchmaking"];

export const matchmakingRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/v1/challenges/:id/recommendations",
    {
      schema: {
        tags,
        summary: "Solutions (or their providers) that fit a challenge, each factor explained",
        description:
          "Whoever may read the challenge may read its recommendations (a draft: its city's members). " +
          "Scores are in [0, 1]: the weighted sum of capability coverage, text relevance (with the taxonomy's synonyms), " +
          "sectors, TRL, evidence and geography (docs/matchmaking.md). Solutions below the challenge's minimum TRL " +
          "are left out unless belowMinTrl=true, and then flagged.",
        params: IdParams,
        querystring: RecommendationsQuery,
        response: { 200: Recommendations, ...problemResponses },
      },
    },
    async (request) =>
      recommendForChallenge(ctx.db, ctx.clock, request.actor, request.params.id, {
        kind: request.query.kind,
        limit: request.query.limit,
        includeBelowMinTrl: request.query.belowMinTrl === "true",
      }),
  );

  app.get(
    "/api/v1/solutions/:id/recommendations",
    {
      schema: {
        tags,
        summary: "Open challenges a solution fits, each factor explained",
        description:
          "Whoever may see the solution may read them. Published challenges only (those taking proposals); " +
          "those whose minimum TRL the solution does not meet are left out unless belowMinTrl=true.",
        params: IdParams,
        querystring: SolutionRecommendationsQuery,
        response: { 200: ChallengesForSolution, ...problemResponses },
      },
    },
    async (request) =>
      challengesForSolution(ctx.db, request.actor, request.params.id, {
        limit: request.query.limit,
        includeBelowMinTrl: request.query.belowMinTrl === "true",
      }),
  );

  app.get(
    "/api/v1/challenges/:id/similar",
    {
      schema: {
        tags,
        summary: "Challenges of other cities that ask for the same thing",
        description:
          "Shared required capabilities first, then words and sectors; cancelled and draft challenges are left out.",
        params: IdParams,
        querystring: SimilarQuery,
        response: { 200: SimilarChallenges, ...problemResponses },
      },
    },
    async (request) =>
      similarChallenges(ctx.db, request.actor, request.params.id, request.query.limit),
  );

  app.get(
    "/api/v1/shared-needs",
    {
      schema: {
        tags,
        summary:
          "Needs several cities share: required capabilities of public challenges in two or more cities",
        description:
          "For the secretariat (platform admins and moderators): where a buyers' group could form.",
        response: { 200: SharedNeeds, ...problemResponses },
      },
    },
    async (request) => sharedNeeds(ctx.db, request.actor),
  );
};
