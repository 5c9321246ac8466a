import type { ServiceContext } from "../../../core/context.ts";
import type { Db } from "../../../core/db/client.ts";
import { enqueueJob } from "../../../core/jobs/outbox.ts";
import type { ChallengeRow } from "../repository.ts";
import { tellSavedSearchOwners } from "./saved-searches.ts";

/**
 * A challenge became public (from its page or by an import). Other modules react through the
 * outbox job, after the commit, without this module knowing them: matchmaking tells the
 * providers whose solutions fit it.
 */
export const CHALLENGE_PUBLISHED_JOB = "challenge.published";

/** In the publishing transaction: saved searches are told now, the job is queued. */
export async function afterPublication(
  ctx: ServiceContext,
  tx: Db,
  challenge: Pick<ChallengeRow, "id" | "title">,
): Promise<number> {
  await enqueueJob(tx, ctx.clock, {
    kind: CHALLENGE_PUBLISHED_JOB,
    payload: { challengeId: challenge.id },
  });
  return tellSavedSearchOwners(ctx, tx, challenge);
}
