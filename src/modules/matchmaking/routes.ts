import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ServiceContext } from "../../core/context.ts";
import { IdParams, problemResponses } from "../../core/http/contract.ts";
import { Recommendations, RecommendationsQuery } from "./contract.ts";
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
      recommendForChallenge(ctx.db, request.actor, request.params.id, {
        kind: request.query.kind,
        limit: request.query.limit,
        includeBelowMinTrl: request.query.belowMinTrl === "true",
      }),
  );
};
