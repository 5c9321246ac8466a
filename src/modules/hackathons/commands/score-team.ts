import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { recordHackathonEvent } from "../audit.ts";
import { hackathonErrors } from "../errors.ts";
import { judgeCleared, teamScene } from "../hackathon-views.ts";
import { scoringOpen } from "../policy.ts";
import {
  criteriaOf,
  judgesOf,
  lockHackathon,
  replaceScores,
  submissionsOf,
} from "../repository.ts";

/**
 * A cleared judge scores a team's submission on every criterion at once (0–10, each with a
 * justification), after the deadline and until the winners are announced; scoring again
 * replaces their scores of that team.
 */
export async function scoreTeam(
  ctx: ServiceContext,
  actor: UserActor,
  teamId: string,
  scores: Array<{ criterionId: string; score: number; justification: string }>,
): Promise<void> {
  const { event, standing } = await teamScene(ctx.db, actor, teamId);
  if (!standing.judge) throw hackathonErrors.notJudge();
  await ctx.db.transaction(async (tx) => {
    const hackathon = await lockHackathon(tx, event.id);
    if (!hackathon) throw hackathonErrors.notSetUp();
    // Still a judge under the lock: the hosts may have removed them since the scene was read
    // (a judge is removed only while they have no scores, so none may come after).
    if (!(await judgesOf(tx, event.id)).includes(actor.userId)) throw hackathonErrors.notJudge();
    const now = ctx.clock.now();
    if (!scoringOpen(hackathon, now)) throw hackathonErrors.scoringNotOpen();
    if (!(await judgeCleared(tx, actor.userId, teamId, now))) throw hackathonErrors.notCleared();
    if (!(await submissionsOf(tx, [teamId])).has(teamId)) throw hackathonErrors.nothingSubmitted();
    const criteria = await criteriaOf(tx, event.id);
    const known = new Set(criteria.map((criterion) => criterion.id));
    const given = new Set<string>();
    scores.forEach((entry, index) => {
      if (!known.has(entry.criterionId) || given.has(entry.criterionId)) {
        throw hackathonErrors.unknownCriterion(undefined, {
          errors: [
            {
              field: `body.scores.${index}.criterionId`,
              message: "is not a criterion of this hackathon, or comes twice",
            },
          ],
        });
      }
      given.add(entry.criterionId);
    });
    if (given.size !== criteria.length) {
      throw hackathonErrors.unknownCriterion(undefined, {
        errors: [{ field: "body.scores", message: "score every criterion" }],
      });
    }
    await replaceScores(
      tx,
      teamId,
      actor.userId,
      scores.map((entry) => ({
        teamId,
        judgeId: actor.userId,
        criterionId: entry.criterionId,
        score: entry.score,
        justification: entry.justification,
        scoredAt: now,
      })),
    );
    await recordHackathonEvent(tx, ctx.clock, {
      action: "hackathon.scored",
      actorId: actor.userId,
      subjectId: event.id,
      payload: {
        teamId,
        judgeId: actor.userId,
        scores: scores.map(({ criterionId, score }) => ({ criterionId, score })),
      },
    });
  });
}
