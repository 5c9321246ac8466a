import { type Actor, hasPlatformRole } from "../../core/auth/actor.ts";

/**
 * Who may do what with funding.
 *
 * - Sources, the finder's answer for a public challenge or an organisation, and the deadline
 *   calendar are public: funders publish calls to be found.
 * - A source is written by the people of its funder organisation and by platform admins (who
 *   keep the list for funders not yet on the platform).
 * - The finder for a consortium answers only those who may see the consortium (its members,
 *   invited organisations, admins): it names the members.
 * - Following, and the .ics of followed deadlines, take a signed-in person.
 * - A challenge's co-funding is set by the people of the challenge's city and by platform admins.
 */
export interface Standing {
  userId: string | null;
  platformAdmin: boolean;
  memberOf: ReadonlySet<string>;
}

export function standingFrom(actor: Actor, organisationIds: string[]): Standing {
  return {
    userId: actor.kind === "user" ? actor.userId : null,
    platformAdmin: hasPlatformRole(actor, "admin"),
    memberOf: new Set(organisationIds),
  };
}

export function canWriteSourcesOf(standing: Standing, funderId: string): boolean {
  return standing.platformAdmin || standing.memberOf.has(funderId);
}

export function canManageCoFunding(standing: Standing, cityOrganisationId: string): boolean {
  return standing.platformAdmin || standing.memberOf.has(cityOrganisationId);
}
