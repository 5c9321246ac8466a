import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { readableProcurementFacts } from "../../challenges/index.ts";
import { recordEvaluationEvent } from "../audit-evaluation.ts";
import { detectConflicts, partiesOfBidders, standingOf } from "../conflicts.ts";
import type { DeclarationInput, EvaluatorStanding } from "../contract-evaluation.ts";
import { evaluationErrors } from "../errors-evaluation.ts";
import { isCityMember, mayEvaluate, type Reader } from "../policy.ts";
import {
  declarationsOf,
  escalateDeclaration,
  insertDeclaration,
} from "../repository-evaluation.ts";
import { panelProposal } from "../sealed-proposals.ts";

/**
 * A panel member declares, for one proposal, "no conflict" or a conflict with its reason, before
 * opening it. The platform's own detection (conflicts.ts) runs at the same time and is recorded;
 * a declared or detected conflict recuses them. A declaration is final, except that "no
 * conflict" may become a conflict (one realises it later). Audited in the same transaction.
 */
export async function declareConflict(
  ctx: ServiceContext,
  actor: UserActor,
  reader: Reader,
  proposalId: string,
  body: DeclarationInput,
): Promise<{ standing: EvaluatorStanding; recusal: "declared" | "detected" | null }> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const seen = await panelProposal(tx, reader, proposalId, now);
    // Locked: the award or a technical lock waits for this declaration. The stage and the
    // standing are read again under the lock: read before it, an award committed meanwhile
    // went unseen and the declaration was taken after it.
    await readableProcurementFacts(tx, actor, seen.challenge.id, { lock: true });
    const { challenge, evaluation, entry } = await panelProposal(tx, reader, proposalId, now);
    // Who asks before the stage: a seat kept by someone who has left the owning city is no
    // place on the panel (403, as for the work list), not an evaluation that is "not open".
    if (!isCityMember(reader, challenge)) throw evaluationErrors.notOnPanel();
    if (!mayEvaluate(reader, challenge, evaluation.standing, evaluation.stage)) {
      throw evaluationErrors.evaluationNotOpen();
    }
    const [existing] = (await declarationsOf(tx, [challenge.id], actor.userId)).filter(
      (row) => row.proposalId === proposalId,
    );
    if (existing && (existing.verdict === "conflict" || body.verdict === "no_conflict")) {
      throw evaluationErrors.declarationFinal();
    }
    const parties = (
      await partiesOfBidders(tx, [{ kind: entry.bidder.kind, id: entry.bidder.id }])
    ).get(`${entry.bidder.kind}:${entry.bidder.id}`)!;
    const detected =
      (await detectConflicts(tx, { userId: actor.userId, parties, at: now })).length > 0;
    if (existing) {
      await escalateDeclaration(tx, existing.id, {
        reason: body.reason,
        detected,
        declaredAt: now,
      });
    } else {
      await insertDeclaration(tx, {
        challengeId: challenge.id,
        proposalId,
        userId: actor.userId,
        verdict: body.verdict,
        reason: body.reason,
        detected,
        declaredAt: now,
      });
    }
    await recordEvaluationEvent(tx, ctx.clock, {
      action: "evaluation.declared",
      actorId: actor.userId,
      subjectId: challenge.id,
      payload: { proposalId, verdict: body.verdict, detected },
    });
    return standingOf({ verdict: body.verdict }, detected);
  });
}
