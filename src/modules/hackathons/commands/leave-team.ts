import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { recordHackathonEvent } from "../audit.ts";
import { hackathonErrors } from "../errors.ts";
import { teamScene } from "../hackathon-views.ts";
import {
  deleteMember,
  deleteTeam,
  memberCount,
  submissionsOf,
  teamOfPerson,
} from "../repository.ts";
import { lockOpenHackathon } from "./team-rules.ts";

/**
 * A member leaves before the deadline. The last one to leave dissolves the team (its
 * submission and invitations with it). A team that has submitted keeps at least the minimum
 * size: leaving it below that is refused; one that has not may shrink (it cannot submit so).
 */
export async function leaveTeam(
  ctx: ServiceContext,
  actor: UserActor,
  teamId: string,
): Promise<{ dissolved: boolean }> {
  const { event, team, standing } = await teamScene(ctx.db, actor, teamId);
  if (standing.teamId !== team.id) throw hackathonErrors.notTeamMember();
  return ctx.db.transaction(async (tx) => {
    const hackathon = await lockOpenHackathon(tx, event, ctx.clock.now());
    if ((await teamOfPerson(tx, event.id, actor.userId)) !== team.id) {
      throw hackathonErrors.notTeamMember();
    }
    const remaining = (await memberCount(tx, team.id)) - 1;
    const submitted = (await submissionsOf(tx, [team.id])).has(team.id);
    if (submitted && remaining > 0 && remaining < hackathon.minTeamSize) {
      throw hackathonErrors.teamTooSmall(
        `The team has submitted: it keeps at least ${hackathon.minTeamSize} members until the deadline.`,
      );
    }
    await deleteMember(tx, team.id, actor.userId);
    const dissolved = remaining === 0;
    if (dissolved) await deleteTeam(tx, team.id);
    await recordHackathonEvent(tx, ctx.clock, {
      action: "hackathon.member_left",
      actorId: actor.userId,
      subjectId: event.id,
      payload: { teamId: team.id, userId: actor.userId, dissolved },
    });
    return { dissolved };
  });
}
