import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { readableProcurementFacts } from "../../challenges/index.ts";
import { recordEvaluationEvent } from "../audit-evaluation.ts";
import { evaluationErrors } from "../errors-evaluation.ts";
import { evaluationsOf } from "../evaluation-standing.ts";
import { isChair, isCityMember, type Reader } from "../policy.ts";
import { lockTechnical } from "../repository-evaluation.ts";

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
    const challenge = await readableProcurementFacts(tx, actor, challengeId, { lock: true });
    const now = ctx.clock.now();
    const evaluation = (await evaluationsOf(tx, reader, [challenge], now)).get(challenge.id)!;
    // Who asks before what state the evaluation is in: only the owning city's people learn
    // that no evaluation is defined; anyone else is refused as not the chair.
    if (!isCityMember(reader, challenge)) throw evaluationErrors.notChair();
    if (!evaluation.setup) throw evaluationErrors.evaluationNotDefined();
    if (!isChair(reader, challenge, evaluation.standing)) throw evaluationErrors.notChair();
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
