import { type Actor, hasPlatformRole } from "../../core/auth/actor.ts";
import { commonErrors } from "../../core/http/problem.ts";

/**
 * Who may do what with consortia.
 *
 * - Suggested teams: whoever may read the challenge (as its recommendations).
 * - A consortium is seen by the people of its member organisations and of organisations with an
 *   open invitation, and by platform admins (oversight). Nobody else, not even the challenge's
 *   city: who teams up with whom is a bidder's business until it submits a proposal, and
 *   competitors must not learn it. To anyone else it does not exist (404).
 * - The lead organisation's admins manage it: invite, withdraw invitations, hand the lead over
 *   to another member, dissolve it. An invited organisation's admins accept or decline; a member
 *   organisation's admins take it out (the lead cannot leave: it hands over or dissolves).
 * - Plain members of an organisation see what their organisation is in, but do not act for it;
 *   platform admins read everything and act only for organisations they administer.
 */

/** The caller's organisations now, and which of them they administer. */
export interface Standing {
  platformAdmin: boolean;
  memberOf: ReadonlySet<string>;
  adminOf: ReadonlySet<string>;
}

export const nobody: Standing = { platformAdmin: false, memberOf: new Set(), adminOf: new Set() };

export function standingFrom(
  actor: Actor,
  organisations: Array<{ organisationId: string; role: "member" | "admin" }>,
): Standing {
  return {
    platformAdmin: hasPlatformRole(actor, "admin"),
    memberOf: new Set(organisations.map((row) => row.organisationId)),
    adminOf: new Set(
      organisations.filter((row) => row.role === "admin").map((row) => row.organisationId),
    ),
  };
}

export interface ConsortiumParties {
  leadOrganisationId: string;
  status: "forming" | "dissolved";
  memberIds: string[];
  /** Organisations with a pending invitation, by invitation id. */
  pending: Array<{ invitationId: string; organisationId: string }>;
}

export function canSeeConsortium(standing: Standing, parties: ConsortiumParties): boolean {
  return (
    standing.platformAdmin ||
    parties.memberIds.some((id) => standing.memberOf.has(id)) ||
    parties.pending.some((invitation) => standing.memberOf.has(invitation.organisationId))
  );
}

export function consortiumAbilities(standing: Standing, parties: ConsortiumParties) {
  const open = parties.status === "forming";
  return {
    manage: open && standing.adminOf.has(parties.leadOrganisationId),
    answer: open
      ? parties.pending
          .filter((invitation) => standing.adminOf.has(invitation.organisationId))
          .map((invitation) => invitation.invitationId)
      : [],
    leave: open
      ? parties.memberIds.filter(
          (id) => id !== parties.leadOrganisationId && standing.adminOf.has(id),
        )
      : [],
  };
}
export type ConsortiumAbilities = ReturnType<typeof consortiumAbilities>;

/** Acting for an organisation takes being one of its admins. */
export function requireAdminOf(standing: Standing, organisationId: string, detail: string): void {
  if (!standing.adminOf.has(organisationId)) throw commonErrors.forbidden(detail);
}
