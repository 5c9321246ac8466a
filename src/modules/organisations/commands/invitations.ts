import { createHash, randomBytes } from "node:crypto";
import { DAY } from "../../../core/clock.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { queueMail } from "../../../core/mail/mailer.ts";
import { recordOrganisationEvent } from "../audit.ts";
import type { Invitation, MembershipRole } from "../contract.ts";
import { organisationErrors } from "../errors.ts";
import { invitationMail } from "../mail.ts";
import {
  currentMembership,
  findInvitationByTokenHash,
  type InvitationRow,
  insertInvitation,
  insertMembership,
  lockInvitation,
  lockInvitationByTokenHash,
  lockOrganisation,
  type OrganisationRow,
  revokeOpenInvitations,
  updateInvitation,
} from "../repository.ts";

const INVITATION_DAYS = 14;

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitationStatus(invitation: InvitationRow, now: Date): Invitation["status"] {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.declinedAt) return "declined";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  return "pending";
}

/** E-mails a 14-day invitation link; a newer invitation to the same address replaces older ones. */
export async function inviteMember(
  ctx: ServiceContext,
  inviter: { id: string; name: string; locale: string },
  organisation: OrganisationRow,
  input: { email: string; role: MembershipRole },
): Promise<InvitationRow> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    // Locked first: of two invitations to one address at once, the second waits and revokes
    // the first (else each revokes only what was committed before it, and both stay open).
    await lockOrganisation(tx, organisation.id);
    await revokeOpenInvitations(tx, organisation.id, input.email, now);
    const token = randomBytes(32).toString("base64url");
    const invitation = await insertInvitation(tx, {
      organisationId: organisation.id,
      email: input.email,
      role: input.role,
      tokenHash: hashInvitationToken(token),
      invitedBy: inviter.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY),
    });
    await queueMail(
      tx,
      ctx.clock,
      invitationMail({
        to: input.email,
        locale: inviter.locale,
        inviterName: inviter.name,
        organisationName: organisation.name,
        role: input.role,
        url: `${ctx.publicUrl}/invitations#token=${token}`,
      }),
    );
    await recordOrganisationEvent(tx, ctx.clock, {
      action: "organisation.invitation_sent",
      actorId: inviter.id,
      subjectId: organisation.id,
      payload: { invitationId: invitation.id, email: input.email, role: input.role },
    });
    return invitation;
  });
}

export async function revokeInvitation(
  ctx: ServiceContext,
  actorId: string,
  organisationId: string,
  invitationId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const invitation = await lockInvitation(tx, organisationId, invitationId);
    if (!invitation) throw organisationErrors.invitationNotFound();
    if (invitationStatus(invitation, now) !== "pending")
      throw organisationErrors.invitationClosed();
    await updateInvitation(tx, invitation.id, { revokedAt: now });
    await recordOrganisationEvent(tx, ctx.clock, {
      action: "organisation.invitation_revoked",
      actorId,
      subjectId: organisationId,
      payload: { invitationId },
    });
  });
}

export async function findOpenInvitation(
  ctx: ServiceContext,
  token: string,
): Promise<InvitationRow> {
  const invitation = await findInvitationByTokenHash(ctx.db, hashInvitationToken(token));
  if (!invitation) throw organisationErrors.invitationNotFound();
  return invitation;
}

/**
 * The invitee accepts with the account that owns the invited address (verified), so a
 * forwarded link cannot make someone else a member.
 */
export async function acceptInvitation(
  ctx: ServiceContext,
  invitee: { id: string; email: string; emailVerified: boolean },
  token: string,
): Promise<{ organisationId: string }> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const invitation = await lockInvitationByTokenHash(tx, hashInvitationToken(token));
    if (!invitation) throw organisationErrors.invitationNotFound();
    if (invitationStatus(invitation, now) !== "pending")
      throw organisationErrors.invitationClosed();
    if (!invitee.emailVerified || invitee.email.toLowerCase() !== invitation.email.toLowerCase()) {
      throw organisationErrors.invitationForSomeoneElse(
        `Sign in with ${invitation.email} to accept this invitation.`,
      );
    }
    if (await currentMembership(tx, invitation.organisationId, invitee.id)) {
      throw organisationErrors.alreadyMember();
    }
    await insertMembership(tx, {
      organisationId: invitation.organisationId,
      userId: invitee.id,
      role: invitation.role,
      startedAt: now,
    });
    await updateInvitation(tx, invitation.id, { acceptedAt: now, acceptedBy: invitee.id });
    await recordOrganisationEvent(tx, ctx.clock, {
      action: "organisation.member_added",
      actorId: invitee.id,
      subjectId: invitation.organisationId,
      payload: { userId: invitee.id, role: invitation.role, via: "invitation" },
    });
    return { organisationId: invitation.organisationId };
  });
}

export async function declineInvitation(
  ctx: ServiceContext,
  invitee: { id: string; email: string },
  token: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const invitation = await lockInvitationByTokenHash(tx, hashInvitationToken(token));
    if (!invitation) throw organisationErrors.invitationNotFound();
    if (invitationStatus(invitation, now) !== "pending")
      throw organisationErrors.invitationClosed();
    if (invitee.email.toLowerCase() !== invitation.email.toLowerCase()) {
      throw organisationErrors.invitationForSomeoneElse();
    }
    await updateInvitation(tx, invitation.id, { declinedAt: now });
    await recordOrganisationEvent(tx, ctx.clock, {
      action: "organisation.invitation_declined",
      actorId: invitee.id,
      subjectId: invitation.organisationId,
      payload: { invitationId: invitation.id },
    });
  });
}
