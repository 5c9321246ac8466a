import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { recordHackathonEvent } from "../audit.ts";
import { hackathonErrors } from "../errors.ts";
import { teamScene } from "../hackathon-views.ts";
import {
  findTeam,
  memberCount,
  saveSubmission,
  submissionsOf,
  teamOfPerson,
} from "../repository.ts";
import { lockOpenHackathon } from "./team-rules.ts";

/**
 * A member submits the team's work, or revises it, before the deadline: the team must have
 * picked a challenge and have at least the minimum number of members. Each save is a revision.
 */
export async function submit(
  ctx: ServiceContext,
  actor: UserActor,
  teamId: string,
  body: { description: string; repositoryUrl: string | null; demoUrl: string | null },
): Promise<number> {
  const { event, standing } = await teamScene(ctx.db, actor, teamId);
  // Who may not submit is told so, whatever the deadline (checked again under the lock).
  if (standing.teamId !== teamId) throw hackathonErrors.notTeamMember();
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const hackathon = await lockOpenHackathon(tx, event, now);
    if ((await teamOfPerson(tx, event.id, actor.userId)) !== teamId) {
      throw hackathonErrors.notTeamMember();
    }
    const team = await findTeam(tx, teamId);
    if (!team?.challengeId) throw hackathonErrors.challengeNotChosen();
    if ((await memberCount(tx, teamId)) < hackathon.minTeamSize) {
      throw hackathonErrors.teamTooSmall(
        `A team of this hackathon has at least ${hackathon.minTeamSize} members.`,
      );
    }
    const previous = (await submissionsOf(tx, [teamId])).get(teamId);
    const saved = await saveSubmission(tx, {
      teamId,
      description: body.description,
      repositoryUrl: body.repositoryUrl,
      demoUrl: body.demoUrl,
      revision: (previous?.revision ?? 0) + 1,
      submittedAt: previous?.submittedAt ?? now,
      updatedAt: now,
      updatedBy: actor.userId,
    });
    await recordHackathonEvent(tx, ctx.clock, {
      action: "hackathon.submitted",
      actorId: actor.userId,
      subjectId: event.id,
      payload: { teamId, revision: saved.revision },
    });
    return saved.revision;
  });
}
