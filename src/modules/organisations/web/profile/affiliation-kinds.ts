import type { OrganisationKind } from "../../contract.ts";

/**
 * Which kinds may join which (the server's policy decides; this only narrows the choices
 * offered): companies and research institutes join clusters; clusters and cities join networks.
 */
export const parentKindsOf: Record<OrganisationKind, OrganisationKind[]> = {
  company: ["cluster"],
  research: ["cluster"],
  cluster: ["network"],
  city: ["network"],
  network: [],
  funder: [],
};

export const memberKindsOf: Record<OrganisationKind, OrganisationKind[]> = {
  company: [],
  research: [],
  cluster: ["company", "research"],
  city: [],
  network: ["cluster", "city"],
  funder: [],
};
