import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { recordEvaluationEvent } from "../audit-evaluation.ts";
import { evaluationErrors } from "../errors-evaluation.ts";
import type { Reader } from "../policy.ts";
import { lockTechnical } from "../repository-evaluation.ts";
import { chairedEvaluation } from "./chair-access.ts";

/**
 * The chair locks the technical scores: they no longer change, and the blind phase ends —
 * evaluators now see who bids. Only after the deadline and before the award; once.
 */
export async function lockTechnicalScores(
  ctx: ServiceContext,
  actor: UserActor,
  reader: Reader,
  challengeId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const { challenge, evaluation } = await chairedEvaluation(tx, actor, reader, challengeId, now);
    if (evaluation.stage !== "blind" && evaluation.stage !== "evaluation") {
      throw evaluationErrors.evaluationNotOpen();
    }
    if (evaluation.setup.technicalLockedAt) throw evaluationErrors.technicalLocked();
    await lockTechnical(tx, challenge.id, actor.userId, now);
    await recordEvaluationEvent(tx, ctx.clock, {
      action: "evaluation.technical_locked",
      actorId: actor.userId,
      subjectId: challenge.id,
      payload: {},
    });
  });
}
