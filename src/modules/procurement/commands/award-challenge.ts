import type { UserActor } from "../../../core/auth/actor.ts";
import { DAY } from "../../../core/clock.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { transitionChallenge } from "../../challenges/index.ts";
import { recordEvaluationEvent } from "../audit-evaluation.ts";
import type { AwardBody } from "../contract-evaluation.ts";
import { evaluationErrors } from "../errors-evaluation.ts";
import { resultsOf } from "../evaluation-results.ts";
import type { Reader } from "../policy.ts";
import { insertAward } from "../repository-evaluation.ts";
import { winningPrice } from "../sealed-proposals.ts";
import { chairedEvaluation } from "./chair-access.ts";
import { notifyBidders } from "./notify-bidders.ts";
import { presumesTheAward } from "./standstill-guard.ts";

/**
 * The chair records the award: a ranked live proposal (every criterion scored), with a
 * justification, after the blind phase. The standstill starts now and ends `standstillDays`
 * later on the server clock; the award is final from then on (computed, nothing to run). The
 * challenge moves to "awarded" through its own lifecycle (challenges module), in the same
 * transaction: a model that awards nothing (market consultation) refuses, and nothing is written.
 * A challenge the city moved on by hand past the award (evaluation → awarded → piloting, with no
 * award here) is refused too (409 `challenge_moved_on`): the award could be cancelled during its
 * standstill and leave the challenge piloting with none. One the city moved to `awarded` by hand
 * may still be awarded here (it stays `awarded`; a cancellation takes it back to evaluation).
 * Every bidder with a live proposal is told, in the same transaction, until when the standstill
 * runs (the window to contest it).
 */
export async function awardChallenge(
  ctx: ServiceContext,
  actor: UserActor,
  reader: Reader,
  challengeId: string,
  body: Required<AwardBody>,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const { challenge, evaluation } = await chairedEvaluation(tx, actor, reader, challengeId, now);
    if (evaluation.stage === "before_deadline") throw evaluationErrors.evaluationNotOpen();
    if (evaluation.stage === "standstill" || evaluation.stage === "awarded") {
      throw evaluationErrors.awardExists();
    }
    if (presumesTheAward(challenge.status)) {
      throw evaluationErrors.challengeMovedOn(
        `The challenge is ${challenge.status}: the city moved it on with no award on the platform. An award made now could be cancelled during its standstill and leave the challenge ${challenge.status} with none.`,
        { params: { status: challenge.status } },
      );
    }
    if (evaluation.stage === "blind") throw evaluationErrors.blindPhase();
    const { rows } = await resultsOf(tx, challenge.id, now);
    const winner = rows.find((row) => row.proposalId === body.proposalId);
    if (!winner) {
      throw evaluationErrors.notRanked(undefined, {
        errors: [{ field: "body.proposalId", message: "is no live proposal of this challenge" }],
      });
    }
    if (winner.total === null) {
      throw evaluationErrors.notRanked(undefined, {
        errors: [{ field: "body.proposalId", message: "has criteria nobody scored yet" }],
      });
    }
    if (evaluation.proposals.get(winner.proposalId)?.standing === "recused") {
      throw evaluationErrors.chairRecused();
    }
    const value = await winningPrice(tx, winner.proposalId);
    const standstillEndsAt = new Date(now.getTime() + evaluation.setup.standstillDays * DAY);
    await insertAward(tx, {
      challengeId: challenge.id,
      proposalId: winner.proposalId,
      justification: body.justification,
      valueAmountMinor: value.amountMinor,
      valueCurrency: value.currency,
      decidedBy: actor.userId,
      decidedAt: now,
      standstillEndsAt,
    });
    // The lifecycle's own steps (published → evaluation → awarded), with their announcements.
    const inTransaction = { ...ctx, db: tx };
    if (challenge.status === "published") {
      await transitionChallenge(inTransaction, actor, challenge.id, "evaluation");
    }
    // Awarding again after a cancelled award: the cancellation took the challenge back to
    // evaluation. Already `awarded` (moved there by hand before this award): no step to take.
    if (challenge.status !== "awarded") {
      await transitionChallenge(inTransaction, actor, challenge.id, "awarded");
    }
    await recordEvaluationEvent(tx, ctx.clock, {
      action: "evaluation.awarded",
      actorId: actor.userId,
      subjectId: challenge.id,
      payload: { proposalId: winner.proposalId, standstillEndsAt: standstillEndsAt.toISOString() },
    });
    await notifyBidders(ctx, tx, actor.userId, challenge, {
      kind: "award_made",
      until: standstillEndsAt.toISOString(),
    });
  });
}
