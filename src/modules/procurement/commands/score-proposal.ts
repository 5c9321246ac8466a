import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import type { FieldProblem } from "../../../core/http/problem.ts";
import { readableProcurementFacts } from "../../challenges/index.ts";
import { recordEvaluationEvent } from "../audit-evaluation.ts";
import type { ScoresInput } from "../contract-evaluation.ts";
import { evaluationErrors } from "../errors-evaluation.ts";
import { evaluationsOf } from "../evaluation-standing.ts";
import { mayEvaluate, type Reader } from "../policy.ts";
import { criteriaOf, upsertScore } from "../repository-evaluation.ts";
import { panelProposal, readableProposal } from "../sealed-proposals.ts";

/**
 * An evaluator cleared for the proposal scores criteria (0–10, each with its justification);
 * a later score on the same criterion replaces theirs. Technical criteria are frozen once the
 * chair locks them. All the scores or none: every problem is named at once.
 */
export async function scoreProposal(
  ctx: ServiceContext,
  actor: UserActor,
  reader: Reader,
  proposalId: string,
  body: ScoresInput,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const readable = await readableProposal(tx, reader, proposalId, now).catch(() => null);
    if (readable?.access !== "evaluator") {
      // A panel member learns why (they see the proposal in their list); anyone else: 404.
      const { entry } = await panelProposal(tx, reader, proposalId, now);
      if (entry.standing.standing === "recused") throw evaluationErrors.recused();
      throw evaluationErrors.declarationRequired();
    }
    const challenge = await readableProcurementFacts(tx, actor, readable.challenge.id, {
      lock: true,
    });
    const evaluation = (await evaluationsOf(tx, reader, [challenge], now)).get(challenge.id)!;
    if (!mayEvaluate(reader, challenge, evaluation.standing, evaluation.stage)) {
      throw evaluationErrors.evaluationNotOpen();
    }
    const criteria = new Map((await criteriaOf(tx, challenge.id)).map((row) => [row.id, row]));
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    let technicalLocked = false;
    body.scores.forEach((score, index) => {
      const field = `body.scores.${index}.criterionId`;
      const criterion = criteria.get(score.criterionId);
      if (!criterion) problems.push({ field, message: "is no criterion of this challenge" });
      else if (seen.has(score.criterionId)) problems.push({ field, message: "is scored twice" });
      else if (criterion.kind === "technical" && evaluation.setup?.technicalLockedAt) {
        technicalLocked = true;
      }
      seen.add(score.criterionId);
    });
    if (problems.length > 0) throw evaluationErrors.scoresInvalid(undefined, { errors: problems });
    if (technicalLocked) throw evaluationErrors.technicalLocked();
    for (const score of body.scores) {
      await upsertScore(tx, {
        challengeId: challenge.id,
        proposalId,
        criterionId: score.criterionId,
        userId: actor.userId,
        score: score.score,
        justification: score.justification,
        scoredAt: now,
      });
    }
    await recordEvaluationEvent(tx, ctx.clock, {
      action: "evaluation.scored",
      actorId: actor.userId,
      subjectId: challenge.id,
      payload: {
        proposalId,
        scores: body.scores.map(({ criterionId, score }) => ({ criterionId, score })),
      },
    });
  });
}
