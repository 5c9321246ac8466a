import type { ServiceContext } from "../../../core/context.ts";
import { recordOrganisationEvent } from "../audit.ts";
import type { MembershipRole } from "../contract.ts";
import { organisationErrors } from "../errors.ts";
import {
  countAdminsOf,
  currentMembership,
  endMembership,
  lockOrganisation,
  setMembershipRole,
} from "../repository.ts";

export async function changeMemberRole(
  ctx: ServiceContext,
  actorId: string,
  organisationId: string,
  userId: string,
  role: MembershipRole,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    const membership = await currentMembership(tx, organisationId, userId);
    if (!membership) throw organisationErrors.notAMember();
    if (membership.role === role) return;
    if (membership.role === "admin" && (await countAdminsOf(tx, organisationId)) <= 1) {
      throw organisationErrors.lastOrganisationAdmin();
    }
    await setMembershipRole(tx, membership.id, role);
    await recordOrganisationEvent(tx, ctx.clock, {
      action: "organisation.member_role_changed",
      actorId,
      subjectId: organisationId,
      payload: { userId, from: membership.role, to: role },
    });
  });
}

/** Ends a membership (kept in history); the last admin cannot leave or be removed. */
export async function removeMember(
  ctx: ServiceContext,
  actorId: string,
  organisationId: string,
  userId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    const membership = await currentMembership(tx, organisationId, userId);
    if (!membership) throw organisationErrors.notAMember();
    if (membership.role === "admin" && (await countAdminsOf(tx, organisationId)) <= 1) {
      throw organisationErrors.lastOrganisationAdmin();
    }
    await endMembership(tx, membership.id, ctx.clock.now());
    await recordOrganisationEvent(tx, ctx.clock, {
      action: "organisation.member_removed",
      actorId,
      subjectId: organisationId,
      payload: { userId, by: actorId === userId ? "self" : "admin" },
    });
  });
}
