import type { UserActor } from "../../../core/auth/actor.ts";
import type { Db } from "../../../core/db/client.ts";
import { readableProcurementFacts } from "../../challenges/index.ts";
import { evaluationErrors } from "../errors-evaluation.ts";
import { type ChallengeEvaluation, evaluationsOf } from "../evaluation-standing.ts";
import { isChair, isCityMember, type Reader } from "../policy.ts";

/**
 * The challenge and its evaluation, for a step only the panel's chair may take (locking the
 * technical scores, awarding, cancelling the award), under the challenge's row lock, so two
 * such steps take turns. Who asks is checked before what state the evaluation is in: only the
 * owning city's people learn that no evaluation is defined; anyone else is refused as not the
 * chair.
 */
export async function chairedEvaluation(
  tx: Db,
  actor: UserActor,
  reader: Reader,
  challengeId: string,
  now: Date,
) {
  const challenge = await readableProcurementFacts(tx, actor, challengeId, { lock: true });
  const evaluation = (await evaluationsOf(tx, reader, [challenge], now)).get(challenge.id)!;
  if (!isCityMember(reader, challenge)) throw evaluationErrors.notChair();
  const { setup } = evaluation;
  if (!setup) throw evaluationErrors.evaluationNotDefined();
  if (!isChair(reader, challenge, evaluation.standing)) throw evaluationErrors.notChair();
  return { challenge, evaluation: { ...evaluation, setup } satisfies ChallengeEvaluation };
}
