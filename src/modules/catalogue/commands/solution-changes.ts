import type { Clock } from "../../../core/clock.ts";
import type { Db } from "../../../core/db/client.ts";
import { enqueueJob } from "../../../core/jobs/outbox.ts";

/**
 * Solutions were added, or what matchmaking weighs of them changed (text, sectors,
 * capabilities, TRL, deployments), or they were archived. Other modules react through the
 * outbox job, after the commit, without this module knowing them: matchmaking re-scores them
 * against its stored recommendations (and serves none of those until it has).
 */
export const SOLUTION_CHANGED_JOB = "solution.changed";

/** The content fields whose change matters to matchmaking (media and links do not). */
export const MATCHED_FIELDS = [
  "title",
  "summary",
  "description",
  "sectors",
  "capabilities",
  "trl",
  "countriesDeployed",
];

/** In the changing transaction: queues the job (nothing when no solution changed). */
export async function afterSolutionChange(
  tx: Db,
  clock: Clock,
  solutionIds: string[],
): Promise<void> {
  if (solutionIds.length === 0) return;
  await enqueueJob(tx, clock, { kind: SOLUTION_CHANGED_JOB, payload: { solutionIds } });
}
