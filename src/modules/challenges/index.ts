/**
 * Challenges: what cities ask the market for, their lifecycle per procurement model, the public
 * catalogue, clarifications (anonymised Q&A), the co-creation board, follows, saved searches and
 * attachments. See docs/challenges.md.
 */
import type { ServiceContext } from "../../core/context.ts";
import type { ModuleManifest } from "../../core/module.ts";
import { challengesRoutes } from "./routes.ts";

export function challengesModule(ctx: ServiceContext): ModuleManifest {
  return {
    name: "challenges",
    routes: async (app) => {
      await app.register(challengesRoutes, { ctx });
    },
  };
}
export {
  type ChallengeImportProblem,
  challengeImportProblems,
  challengeStates,
  type ImportedChallenge,
  importChallenges,
} from "./commands/import-challenges.ts";
export { listPublicChallenges } from "./repository.ts";
export { seedDemoChallenges } from "./seed-demo-challenges.ts";
