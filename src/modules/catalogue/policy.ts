import { type Actor, hasPlatformRole } from "../../core/auth/actor.ts";
import { commonErrors } from "../../core/http/problem.ts";
import type { PortfolioAbilities, SolutionAbilities } from "./contract.ts";

/**
 * Who may do what in the catalogue. Solutions are public while active; the provider
 * organisation's members (any role) and platform admins write them. Portfolios are private to
 * the cluster that curates them, the city organisations it shares them with, and platform
 * admins; the cluster's members (any role) curate and share.
 */

/** The caller's standing towards one organisation. */
export interface Standing {
  platformAdmin: boolean;
  /** A current member (member or admin) of the organisation concerned. */
  member: boolean;
}

export function standingOf(actor: Actor, memberOf: ReadonlySet<string>, organisationId: string) {
  return {
    platformAdmin: hasPlatformRole(actor, "admin"),
    member: memberOf.has(organisationId),
  } satisfies Standing;
}

export function solutionAbilities(standing: Standing): SolutionAbilities {
  const writer = standing.member || standing.platformAdmin;
  return { edit: writer, archive: writer, viewVersions: writer };
}

/** Archived solutions are seen only by those who may edit them. */
export function canSeeSolution(status: "active" | "archived", standing: Standing): boolean {
  return status === "active" || standing.member || standing.platformAdmin;
}

export function portfolioAbilities(clusterStanding: Standing): PortfolioAbilities {
  const curator = clusterStanding.member || clusterStanding.platformAdmin;
  return { edit: curator, curate: curator, share: curator };
}

/** The cluster's members, members of a city it is shared with, and platform admins. */
export function canSeePortfolio(
  clusterStanding: Standing,
  sharedWith: string[],
  memberOf: ReadonlySet<string>,
): boolean {
  return (
    clusterStanding.member ||
    clusterStanding.platformAdmin ||
    sharedWith.some((organisationId) => memberOf.has(organisationId))
  );
}

export function requireAbility<Abilities extends Record<string, boolean>>(
  abilities: Abilities,
  ability: keyof Abilities,
): void {
  if (!abilities[ability]) throw commonErrors.forbidden();
}
