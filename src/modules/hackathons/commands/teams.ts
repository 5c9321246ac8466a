import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { holdsSeat } from "../../events/index.ts";
import { recordHackathonEvent } from "../audit.ts";
import { hackathonErrors } from "../errors.ts";
import { hackathonScene, teamScene } from "../hackathon-views.ts";
import {
  insertMember,
  insertTeam,
  judgesOf,
  lockHackathon,
  teamNamed,
  teamOfPerson,
  updateTeam as updateTeamRow,
  withdrawPendingInvitations,
} from "../repository.ts";
import {
  isUniqueViolation,
  lockOpenHackathon,
  requireLinkedChallenge,
  requireOpenHackathon,
} from "./team-rules.ts";

/**
 * A registered participant, in no team and judging nothing here, starts a team. Who asks comes
 * first: someone not registered for the event is refused 403 whatever the hackathon's state or
 * the body; only those registered learn that teams are closed (409) or the challenge is wrong.
 */
export async function createTeam(
  ctx: ServiceContext,
  actor: UserActor,
  eventId: string,
  body: { name: string; challengeId: string | null },
): Promise<string> {
  const { event, standing } = await hackathonScene(ctx.db, actor, eventId);
  if (!standing.registered) throw hackathonErrors.notRegistered();
  requireLinkedChallenge(event, body.challengeId);
  try {
    return await ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now();
      const hackathon = await lockHackathon(tx, eventId);
      // Checked again under the lock, still before the state.
      if (!(await holdsSeat(tx, eventId, actor.userId))) throw hackathonErrors.notRegistered();
      requireOpenHackathon(event, hackathon, now);
      if ((await judgesOf(tx, eventId)).includes(actor.userId)) throw hackathonErrors.judgeInTeam();
      if (await teamOfPerson(tx, eventId, actor.userId)) throw hackathonErrors.alreadyInTeam();
      if (await teamNamed(tx, eventId, body.name)) throw teamNameTaken();
      const team = await insertTeam(tx, {
        eventId,
        name: body.name,
        challengeId: body.challengeId,
        createdBy: actor.userId,
        createdAt: now,
      });
      await insertMember(tx, { teamId: team.id, eventId, userId: actor.userId, joinedAt: now });
      await withdrawPendingInvitations(tx, eventId, actor.userId, now);
      await recordHackathonEvent(tx, ctx.clock, {
        action: "hackathon.team_created",
        actorId: actor.userId,
        subjectId: eventId,
        payload: { teamId: team.id, name: team.name, challengeId: team.challengeId },
      });
      return team.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw teamNameTaken();
    throw error;
  }
}

const teamNameTaken = () =>
  hackathonErrors.teamNameTaken(undefined, {
    errors: [{ field: "body.name", message: "is taken by another team" }],
  });

/** A member renames the team or picks its challenge, before the deadline. */
export async function updateTeam(
  ctx: ServiceContext,
  actor: UserActor,
  teamId: string,
  body: { name?: string | undefined; challengeId?: string | null | undefined },
): Promise<void> {
  const { event, team, standing } = await teamScene(ctx.db, actor, teamId);
  if (standing.teamId !== team.id) throw hackathonErrors.notTeamMember();
  requireLinkedChallenge(event, body.challengeId);
  try {
    await ctx.db.transaction(async (tx) => {
      await lockOpenHackathon(tx, event, ctx.clock.now());
      if ((await teamOfPerson(tx, event.id, actor.userId)) !== team.id) {
        throw hackathonErrors.notTeamMember();
      }
      const changes: { name?: string; challengeId?: string | null } = {};
      if (body.name !== undefined && body.name !== team.name) {
        const named = await teamNamed(tx, event.id, body.name);
        if (named && named.id !== team.id) throw teamNameTaken();
        changes.name = body.name;
      }
      if (body.challengeId !== undefined && body.challengeId !== team.challengeId) {
        changes.challengeId = body.challengeId;
      }
      if (Object.keys(changes).length === 0) return;
      await updateTeamRow(tx, team.id, changes);
      await recordHackathonEvent(tx, ctx.clock, {
        action: "hackathon.team_updated",
        actorId: actor.userId,
        subjectId: event.id,
        payload: { teamId: team.id, fields: Object.keys(changes) },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw teamNameTaken();
    throw error;
  }
}
