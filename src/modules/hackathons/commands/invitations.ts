import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { findPerson, findPersonByEmail } from "../../accounts/index.ts";
import { holdsSeat } from "../../events/index.ts";
import { notify } from "../../notifications/index.ts";
import { recordHackathonEvent } from "../audit.ts";
import { hackathonErrors } from "../errors.ts";
import { hackathonScene, teamScene } from "../hackathon-views.ts";
import {
  answerInvitation as answerInvitationRow,
  findInvitation,
  findTeam,
  insertInvitation,
  insertMember,
  invitationsOfTeam,
  judgesOf,
  memberCount,
  teamOfPerson,
  withdrawPendingInvitations,
} from "../repository.ts";
import { isUniqueViolation, lockOpenHackathon } from "./team-rules.ts";

/**
 * A member invites someone by the e-mail of their account, or someone registered for the event
 * by id. The invitee joins by accepting (holding a seat at the event by then).
 */
export async function inviteToTeam(
  ctx: ServiceContext,
  actor: UserActor,
  teamId: string,
  target: { email: string } | { userId: string },
): Promise<string> {
  const { event, team, standing } = await teamScene(ctx.db, actor, teamId);
  if (standing.teamId !== team.id) throw hackathonErrors.notTeamMember();
  const field = "email" in target ? "body.email" : "body.userId";
  const person =
    "email" in target
      ? await findPersonByEmail(ctx.db, target.email)
      : (await holdsSeat(ctx.db, event.id, target.userId))
        ? await findPerson(ctx.db, target.userId)
        : undefined;
  if (!person) {
    throw hackathonErrors.personNotFound(
      "email" in target ? undefined : "Nobody registered for the event has this id.",
      { errors: [{ field, message: "names nobody you can invite" }] },
    );
  }
  try {
    return await ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now();
      const hackathon = await lockOpenHackathon(tx, event, now);
      if ((await teamOfPerson(tx, event.id, actor.userId)) !== team.id) {
        throw hackathonErrors.notTeamMember();
      }
      if (await teamOfPerson(tx, event.id, person.id)) {
        throw hackathonErrors.alreadyInTeam(undefined, {
          errors: [{ field, message: "is in a team already" }],
        });
      }
      if ((await judgesOf(tx, event.id)).includes(person.id)) throw hackathonErrors.judgeInTeam();
      if ((await memberCount(tx, team.id)) >= hackathon.maxTeamSize)
        throw hackathonErrors.teamFull();
      const pending = (await invitationsOfTeam(tx, team.id)).some(
        (row) => row.inviteeId === person.id && row.status === "pending",
      );
      if (pending) throw hackathonErrors.invitationExists();
      const invitation = await insertInvitation(tx, {
        teamId: team.id,
        eventId: event.id,
        inviteeId: person.id,
        invitedBy: actor.userId,
        status: "pending",
        createdAt: now,
      });
      await recordHackathonEvent(tx, ctx.clock, {
        action: "hackathon.invitation_sent",
        actorId: actor.userId,
        subjectId: event.id,
        payload: { teamId: team.id, invitationId: invitation.id, inviteeId: person.id },
      });
      const inviter = await findPerson(tx, actor.userId);
      await notify(ctx, tx, {
        recipients: [person.id],
        kind: "hackathon_invitation",
        params: { inviter: inviter?.name ?? "", team: team.name, event: event.title },
        link: `/events/${event.id}/hackathon`,
      });
      return invitation.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw hackathonErrors.invitationExists();
    throw error;
  }
}

/**
 * The invitee accepts (joining the team, within its maximum size, holding a seat at the event)
 * or declines. Joining withdraws their other pending invitations.
 */
export async function answerInvitation(
  ctx: ServiceContext,
  actor: UserActor,
  invitationId: string,
  answer: "accept" | "decline",
): Promise<{ eventId: string; teamId: string }> {
  const invitation = await findInvitation(ctx.db, invitationId);
  if (!invitation || invitation.inviteeId !== actor.userId) {
    throw hackathonErrors.invitationNotFound();
  }
  const { event } = await hackathonScene(ctx.db, actor, invitation.eventId);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const hackathon = await lockOpenHackathon(tx, event, now);
    const current = await findInvitation(tx, invitationId);
    const team = await findTeam(tx, invitation.teamId);
    if (current?.status !== "pending" || !team) {
      throw hackathonErrors.invitationAnswered();
    }
    if (answer === "accept") {
      if (!(await holdsSeat(tx, event.id, actor.userId))) throw hackathonErrors.notRegistered();
      if (await teamOfPerson(tx, event.id, actor.userId)) throw hackathonErrors.alreadyInTeam();
      if ((await judgesOf(tx, event.id)).includes(actor.userId)) {
        throw hackathonErrors.judgeInTeam();
      }
      if ((await memberCount(tx, team.id)) >= hackathon.maxTeamSize) {
        throw hackathonErrors.teamFull();
      }
      await insertMember(tx, {
        teamId: team.id,
        eventId: event.id,
        userId: actor.userId,
        joinedAt: now,
      });
      await answerInvitationRow(tx, invitationId, "accepted", now);
      await withdrawPendingInvitations(tx, event.id, actor.userId, now);
    } else {
      await answerInvitationRow(tx, invitationId, "declined", now);
    }
    await recordHackathonEvent(tx, ctx.clock, {
      action: "hackathon.invitation_answered",
      actorId: actor.userId,
      subjectId: event.id,
      payload: {
        teamId: team.id,
        invitationId,
        answer: answer === "accept" ? "accepted" : "declined",
      },
    });
    return { eventId: event.id, teamId: team.id };
  });
}
