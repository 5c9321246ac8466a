/**
 * Matchmaking: explainable recommendations between challenges and solutions (and their
 * providers). The catalogue scores candidates in the database; this module decides what the
 * factors weigh (weights.ts), what a challenge asks for (need.ts) and how each result is
 * explained. See docs/matchmaking.md.
 */
import type { ServiceContext } from "../../core/context.ts";
import type { ModuleManifest } from "../../core/module.ts";
import { CHALLENGE_PUBLISHED_JOB } from "../challenges/index.ts";
import { challengeMatchAlerts } from "./alerts.ts";
import { matchmakingRoutes } from "./routes.ts";

export function matchmakingModule(ctx: ServiceContext): ModuleManifest {
  return {
    name: "matchmaking",
    routes: async (app) => {
      await app.register(matchmakingRoutes, { ctx });
    },
    jobs: { [CHALLENGE_PUBLISHED_JOB]: challengeMatchAlerts(ctx) },
  };
}
export { needOfChallenge } from "./need.ts";
export { recommendForChallenge, scoreForNeed } from "./recommend.ts";
export { RECOMMENDATION_WEIGHTS } from "./weights.ts";
