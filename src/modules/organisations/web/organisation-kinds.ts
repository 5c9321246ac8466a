import type { OrganisationKind } from "../contract.ts";

/**
 * The kinds in the order pages list them. A plain list rather than the contract's zod enum, so
 * pages do not ship the zod runtime; the check below fails to compile if the contract gains a kind.
 */
export const organisationKinds = [
  "city",
  "company",
  "research",
  "cluster",
  "network",
  "funder",
] as const satisfies readonly OrganisationKind[];

type Unlisted = Exclude<OrganisationKind, (typeof organisationKinds)[number]>;
export const everyKindListed: [Unlisted] extends [never] ? true : never = true;

export function isOrganisationKind(value: unknown): value is OrganisationKind {
  return (organisationKinds as readonly unknown[]).includes(value);
}
