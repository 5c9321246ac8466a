import { type Actor, hasPlatformRole } from "../../core/auth/actor.ts";
import type { ReferenceAbilities } from "./contract.ts";

/**
 * Who may do what with references.
 *
 * - A verified reference is public: a city vouched for it.
 * - A pending or rejected one (and a rejection's reason) is seen only by the people of the
 *   provider, of the city's organisation, and by platform admins (oversight); to anyone else it
 *   does not exist (404): an unvouched claim naming a city is not published.
 * - The provider's people (any role, as they write its solutions) add, edit and delete them.
 * - The city's people (any role) verify or reject a pending one: they know what was deployed.
 * - Platform admins read everything but neither write a provider's claim nor vouch for a city.
 */
export interface Standing {
  platformAdmin: boolean;
  memberOf: ReadonlySet<string>;
}

export const nobody: Standing = { platformAdmin: false, memberOf: new Set() };

export function standingFrom(actor: Actor, organisationIds: string[]): Standing {
  return { platformAdmin: hasPlatformRole(actor, "admin"), memberOf: new Set(organisationIds) };
}

export interface ReferenceParties {
  providerId: string;
  cityOrganisationId: string | null;
  status: "pending" | "verified" | "rejected";
}

const isParty = (standing: Standing, reference: ReferenceParties) =>
  standing.memberOf.has(reference.providerId) ||
  (reference.cityOrganisationId !== null && standing.memberOf.has(reference.cityOrganisationId));

export function canSeeReference(standing: Standing, reference: ReferenceParties): boolean {
  return reference.status === "verified" || standing.platformAdmin || isParty(standing, reference);
}

/** Whether the rejection's reason and the decision's details are shown. */
export function canSeeDecision(standing: Standing, reference: ReferenceParties): boolean {
  return standing.platformAdmin || isParty(standing, reference);
}

export function canWriteReferencesOf(standing: Standing, providerId: string): boolean {
  return standing.memberOf.has(providerId);
}

export function referenceAbilities(
  standing: Standing,
  reference: ReferenceParties,
): ReferenceAbilities {
  const writer = canWriteReferencesOf(standing, reference.providerId);
  return {
    edit: writer,
    delete: writer,
    verify:
      reference.status === "pending" &&
      reference.cityOrganisationId !== null &&
      standing.memberOf.has(reference.cityOrganisationId),
  };
}
