import { type Actor, hasPlatformRole } from "../../core/auth/actor.ts";
import { commonErrors } from "../../core/http/problem.ts";
import type { OrganisationAbilities, OrganisationKind } from "./contract.ts";
import type { MembershipRow } from "./repository.ts";

/**
 * Who may do what with an organisation. Everyone may read public profiles; its admins edit it
 * and manage its people; platform admins may do all of that and verify it.
 */
export function organisationAbilities(
  actor: Actor,
  membership: MembershipRow | undefined,
  isOnlyAdmin: boolean,
): OrganisationAbilities {
  const platformAdmin = hasPlatformRole(actor, "admin");
  const orgAdmin = membership?.role === "admin";
  return {
    edit: orgAdmin || platformAdmin,
    manageMembers: orgAdmin || platformAdmin,
    verify: platformAdmin,
    leave: membership !== undefined && !(orgAdmin && isOnlyAdmin),
    manageAffiliations: orgAdmin || platformAdmin,
  };
}

export function requireAbility(
  abilities: OrganisationAbilities,
  ability: keyof OrganisationAbilities,
): void {
  if (!abilities[ability]) throw commonErrors.forbidden();
}

/** Member lists name people: only the organisation's own members and platform staff see them. */
export function canSeeMembers(actor: Actor, membership: MembershipRow | undefined): boolean {
  return (
    membership !== undefined ||
    hasPlatformRole(actor, "admin") ||
    hasPlatformRole(actor, "moderator")
  );
}

/** Companies and research institutes join clusters; clusters join networks. */
export const affiliationParents: Record<OrganisationKind, OrganisationKind[]> = {
  company: ["cluster"],
  research: ["cluster"],
  cluster: ["network"],
  city: ["network"],
  network: [],
  funder: [],
};

export function canAffiliate(memberKind: OrganisationKind, parentKind: OrganisationKind): boolean {
  return affiliationParents[memberKind].includes(parentKind);
}
