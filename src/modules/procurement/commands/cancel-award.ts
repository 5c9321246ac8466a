import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { reopenEvaluation } from "../../challenges/index.ts";
import { recordEvaluationEvent } from "../audit-evaluation.ts";
import { evaluationErrors } from "../errors-evaluation.ts";
import type { Reader } from "../policy.ts";
import { cancelAward } from "../repository-evaluation.ts";
import { chairedEvaluation } from "./chair-access.ts";
import { notifyBidders } from "./notify-bidders.ts";

/**
 * The chair cancels the award while the standstill runs (a complaint upheld, an error found).
 * In one transaction, under the challenge's row lock (the same lock the award takes): the award
 * row is marked cancelled with the reason — kept, so the notice, OCDS and the integrity record
 * still show it — and `evaluation.award_cancelled` is written. With no live award the
 * evaluation's stage is `evaluation` again (computed from the live award), so the chair may award
 * anew, and the challenge itself goes back from `awarded` to `evaluation` through challenges'
 * `reopenEvaluation` (announced to its followers, with the reason). The city cannot have moved it
 * on to piloting meanwhile (standstill-guard.ts); a challenge it cancelled stays cancelled. Every
 * bidder with a live proposal is told, with the reason (docs/procurement.md, "Cancelling an
 * award").
 */
export async function cancelChallengeAward(
  ctx: ServiceContext,
  actor: UserActor,
  reader: Reader,
  challengeId: string,
  body: { reason: string },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const { challenge, evaluation } = await chairedEvaluation(tx, actor, reader, challengeId, now);
    const award = evaluation.award;
    if (!award) throw evaluationErrors.noLiveAward();
    if (evaluation.stage !== "standstill") throw evaluationErrors.awardFinal();
    const reason = body.reason.trim();
    await cancelAward(tx, award.id, {
      cancelledAt: now,
      cancelledBy: actor.userId,
      cancellationReason: reason,
    });
    await recordEvaluationEvent(tx, ctx.clock, {
      action: "evaluation.award_cancelled",
      actorId: actor.userId,
      subjectId: challenge.id,
      payload: { awardId: award.id, proposalId: award.proposalId, reason },
    });
    await reopenEvaluation({ ...ctx, db: tx }, actor, challenge.id, reason);
    await notifyBidders(ctx, tx, actor.userId, challenge, { kind: "award_cancelled", reason });
  });
}
