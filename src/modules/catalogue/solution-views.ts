import type { Actor } from "../../core/auth/actor.ts";
import type { Db } from "../../core/db/client.ts";
import { currentOrganisationsOf, organisationSummaries } from "../organisations/index.ts";
import { presentSolutionSummary, type SolutionLookups } from "./presenters.ts";
import { capabilityCodesOf, type SolutionRow } from "./repository.ts";
import { capabilityLabels } from "./repository-taxonomy.ts";

/** What presenting these solutions needs (capabilities, labels, providers), in three queries. */
export async function loadSolutionLookups(
  db: Db,
  rows: SolutionRow[],
  extraOrganisationIds: string[] = [],
): Promise<SolutionLookups> {
  const codes = await capabilityCodesOf(
    db,
    rows.map((row) => row.id),
  );
  const [labels, providers] = await Promise.all([
    capabilityLabels(db, [...new Set([...codes.values()].flat())]),
    organisationSummaries(db, [...rows.map((row) => row.providerId), ...extraOrganisationIds]),
  ]);
  return { codes, labels, providers };
}

export async function presentSolutionSummaries(db: Db, rows: SolutionRow[]) {
  const lookups = await loadSolutionLookups(db, rows);
  return rows
    .map((row) => presentSolutionSummary(row, lookups))
    .filter((summary) => summary !== null);
}

/** The organisations the caller belongs to now (empty for anonymous callers). */
export async function organisationsOfActor(db: Db, actor: Actor): Promise<Set<string>> {
  if (actor.kind !== "user") return new Set();
  return new Set((await currentOrganisationsOf(db, actor.userId)).map((row) => row.organisationId));
}
