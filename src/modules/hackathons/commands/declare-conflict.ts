import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { recordHackathonEvent } from "../audit.ts";
import { hackathonErrors } from "../errors.ts";
import { detectedConflicts, teamScene } from "../hackathon-views.ts";
import { declarationsOf, judgesOf, lockHackathon, saveDeclaration } from "../repository.ts";

/**
 * A judge declares, for one team, no conflict of interest or a conflict with its reason.
 * Whatever is declared, a conflict procurement's rules detect (the judge is or was, within three
 * years, in one of the members' organisations or a cluster of one) recuses too; the audit event
 * records both. A declared conflict stands: it is never withdrawn.
 */
export async function declareConflict(
  ctx: ServiceContext,
  actor: UserActor,
  teamId: string,
  body: { verdict: "no_conflict" | "conflict"; reason: string },
): Promise<void> {
  const { event, standing } = await teamScene(ctx.db, actor, teamId);
  if (!standing.judge) throw hackathonErrors.notJudge();
  await ctx.db.transaction(async (tx) => {
    const hackathon = await lockHackathon(tx, event.id);
    if (!hackathon) throw hackathonErrors.notSetUp();
    // Still a judge under the lock (the hosts may have removed them since the scene was read).
    if (!(await judgesOf(tx, event.id)).includes(actor.userId)) throw hackathonErrors.notJudge();
    if (hackathon.winnersAnnouncedAt) throw hackathonErrors.resultsAnnounced();
    const [previous] = (await declarationsOf(tx, [teamId])).filter(
      (row) => row.judgeId === actor.userId,
    );
    if (previous?.verdict === "conflict" && body.verdict === "no_conflict") {
      throw hackathonErrors.conflictStands();
    }
    const now = ctx.clock.now();
    const detected = (await detectedConflicts(tx, actor.userId, [teamId], now)).get(teamId) ?? [];
    await saveDeclaration(tx, {
      teamId,
      judgeId: actor.userId,
      verdict: body.verdict,
      reason: body.reason,
      declaredAt: now,
    });
    await recordHackathonEvent(tx, ctx.clock, {
      action: "hackathon.conflict_declared",
      actorId: actor.userId,
      subjectId: event.id,
      payload: {
        teamId,
        judgeId: actor.userId,
        verdict: body.verdict,
        reason: body.reason,
        detected: detected.map((conflict) => ({ ...conflict })),
      },
    });
  });
}
