/**
 * Challenges: what cities ask the market for, their lifecycle per procurement model, the public
 * catalogue, clarifications (anonymised Q&A), the co-creation board, follows, saved searches and
 * attachments. See docs/challenges.md.
 */
import type { ServiceContext } from "../../core/context.ts";
import type { Db } from "../../core/db/client.ts";
import type { ModuleManifest } from "../../core/module.ts";
import { findChallengeRows } from "./repository.ts";
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

/** Whether the id names a challenge anyone may read (published or later; drafts are private). */
export async function isPublicChallenge(db: Db, id: string): Promise<boolean> {
  const [row] = await findChallengeRows(db, [id]);
  return row !== undefined && row.status !== "draft";
}
export { seedDemoChallenges } from "./seed-demo-challenges.ts";
