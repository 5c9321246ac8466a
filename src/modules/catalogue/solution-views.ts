import type { Actor } from "../../core/auth/actor.ts";
import type { Db } from "../../core/db/client.ts";
import { currentOrganisationsOf, organisationSummaries } from "../organisations/index.ts";
import type { Solution, SolutionAbilities } from "./contract.ts";
import { catalogueErrors } from "./errors.ts";
import { canSeeSolution, solutionAbilities, standingOf } from "./policy.ts";
import { presentSolution, presentSolutionSummary, type SolutionLookups } from "./presenters.ts";
import { capabilityCodesOf, findSolution, type SolutionRow } from "./repository.ts";
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

/**
 * The solution with what the caller may do with it; 404 when they may not see it (archived
 * solutions are seen by their provider's members and platform admins only).
 */
export async function visibleSolution(
  db: Db,
  id: string,
  actor: Actor,
): Promise<{ solution: SolutionRow; abilities: SolutionAbilities }> {
  const solution = await findSolution(db, id);
  if (!solution) throw catalogueErrors.solutionNotFound();
  const standing = standingOf(actor, await organisationsOfActor(db, actor), solution.providerId);
  if (!canSeeSolution(solution.status, standing)) throw catalogueErrors.solutionNotFound();
  return { solution, abilities: solutionAbilities(standing) };
}

/** The solution as the caller sees it, with their abilities (404 when they may not see it). */
export async function presentVisibleSolution(db: Db, id: string, actor: Actor): Promise<Solution> {
  const { solution, abilities } = await visibleSolution(db, id, actor);
  const presented = presentSolution(solution, await loadSolutionLookups(db, [solution]), abilities);
  if (!presented) throw catalogueErrors.solutionNotFound();
  return presented;
}
