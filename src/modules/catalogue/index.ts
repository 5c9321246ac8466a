/**
 * Catalogue: providers' solutions (versioned), the capability taxonomy (codes, labels and
 * synonyms in English, French and Spanish) and clusters' portfolios shared with cities.
 */
import { sql } from "drizzle-orm";
import type { Actor, UserActor } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import type { Db } from "../../core/db/client.ts";
import { commonErrors } from "../../core/http/problem.ts";
import type { ModuleManifest } from "../../core/module.ts";
import { createPortfolio } from "./commands/create-portfolio.ts";
import { createSolution } from "./commands/create-solution.ts";
import { addPortfolioItem } from "./commands/curate-portfolio.ts";
import { sharePortfolio } from "./commands/share-portfolio.ts";
import type { CreateSolutionBody } from "./contract.ts";
import { standingOf } from "./policy.ts";
import {
  capabilityCodesOf,
  findSolutionByTitle,
  findSolutionHeadlines,
  findSolutionsByIds,
  listPortfolios,
  lockSolutionRows,
} from "./repository.ts";
import { listActiveSolutions } from "./repository-import.ts";
import { rankSolutionsByText } from "./repository-search.ts";
import { descendantCodes } from "./repository-taxonomy.ts";
import { catalogueRoutes } from "./routes.ts";
import { organisationsOfActor, visibleSolution } from "./solution-views.ts";
import { searchTextFor } from "./taxonomy.ts";

export { createPortfolio } from "./commands/create-portfolio.ts";
export { addPortfolioItem } from "./commands/curate-portfolio.ts";
export {
  importSolutions,
  type SolutionImport,
  type SolutionImportOutcome,
} from "./commands/import-solutions.ts";
export { sharePortfolio } from "./commands/share-portfolio.ts";
export { SOLUTION_CHANGED_JOB } from "./commands/solution-changes.ts";
/** Refuses (422, each field named) capability codes the taxonomy does not have. */
export { requireKnownCapabilities } from "./commands/solution-rules.ts";
export {
  COVER_BROADER,
  COVER_DECLARED,
  COVER_NAMED,
  capabilitiesNamedIn,
  type NeedRequirement,
  type NeedWeights,
  type SolutionFit,
  type SolutionNeed,
  scoreSolutionsForNeed,
  type TextWeights,
  termsOfCapabilities,
  textWeightsFor,
  textWeightsForMany,
  wordsWithLexemes,
} from "./repository-matching.ts";
export {
  type PreparedNeed,
  prepareNeed,
  scoreSolutionForNeeds,
} from "./repository-matching-solution.ts";
export { taxonomyFingerprint } from "./repository-taxonomy.ts";
export {
  ensureCapabilityTaxonomy,
  expandQueryWithSynonyms,
  mapTagsToCapabilities,
} from "./taxonomy.ts";

export function catalogueModule(ctx: ServiceContext): ModuleManifest {
  return {
    name: "catalogue",
    routes: async (app) => {
      await app.register(catalogueRoutes, { ctx });
    },
  };
}

/**
 * Demo data: a cluster's portfolio of its members' solutions, shared with city organisations
 * (skipped when the cluster has a portfolio of that title already).
 */
export async function seedPortfolio(
  ctx: ServiceContext,
  actorId: string,
  input: {
    clusterId: string;
    title: string;
    description: string;
    theme: string;
    items: Array<{ solutionId: string; note: string }>;
    sharedWith: string[];
  },
): Promise<{ id: string }> {
  const existing = await listPortfolios(ctx.db, {
    all: true,
    clusterIds: [],
    sharedWith: [],
    clusterId: input.clusterId,
  });
  const same = existing.find((portfolio) => portfolio.title === input.title);
  if (same) return { id: same.id };
  const portfolio = await createPortfolio(ctx, actorId, input);
  for (const item of input.items) await addPortfolioItem(ctx, actorId, portfolio, item);
  for (const organisationId of input.sharedWith) {
    await sharePortfolio(ctx, actorId, portfolio, organisationId);
  }
  return { id: portfolio.id };
}

/** The codes and every code below them in the taxonomy (a filter on `water` means all water). */
export function capabilityDescendants(db: Db, codes: string[]): Promise<string[]> {
  return descendantCodes(db, codes);
}

/**
 * Active solutions matching a text (its words, or any synonym of a capability it names), most
 * relevant first, with a relevance in [0, 1): for matchmaking to weigh with its other factors.
 */
export async function searchSolutionsByText(
  db: Db,
  text: string,
  limit = 50,
): Promise<Array<{ id: string; rank: number }>> {
  if (!text.trim()) return [];
  return rankSolutionsByText(db, await searchTextFor(db, text), limit);
}

/** What matchmaking weighs about a solution: its text, sectors, capabilities, maturity, places. */
export interface SolutionProfile {
  id: string;
  providerId: string;
  providerKind: "company" | "research" | "cluster";
  title: string;
  summary: string;
  sectors: string[];
  capabilities: string[];
  trl: number;
  countriesDeployed: string[];
}

/** Profiles of the active solutions among `ids` (archived and unknown ids are left out). */
export async function solutionProfiles(db: Db, ids: string[]): Promise<SolutionProfile[]> {
  const rows = (await findSolutionsByIds(db, [...new Set(ids)])).filter(
    (row) => row.status === "active",
  );
  const codes = await capabilityCodesOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    providerId: row.providerId,
    providerKind: row.providerKind,
    title: row.title,
    summary: row.summary,
    sectors: row.sectors,
    capabilities: codes.get(row.id) ?? [],
    trl: row.trl,
    countriesDeployed: row.countries,
  }));
}

export interface SolutionHeadline {
  id: string;
  providerId: string;
  title: string;
  summary: string;
  trl: number;
}

/** What a list shows of the active solutions among `ids` (archived and unknown left out). */
export function solutionHeadlines(db: Db, ids: string[]): Promise<SolutionHeadline[]> {
  return findSolutionHeadlines(db, [...new Set(ids)]);
}

/**
 * Demo data and tests: a solution added on a provider's behalf, audited like any other; the
 * provider's solution of the same title when there is one already (seeding twice adds nothing).
 */
export async function seedSolution(
  ctx: ServiceContext,
  actorId: string | null,
  input: Omit<CreateSolutionBody, "description"> & { description: string },
): Promise<{ id: string }> {
  const existing = await findSolutionByTitle(ctx.db, input.providerId, input.title);
  if (existing) return { id: existing.id };
  const solution = await createSolution(ctx, actorId, {
    capabilities: [],
    countriesDeployed: [],
    media: [],
    referenceLinks: [],
    ...input,
  });
  return { id: solution.id };
}

/**
 * Adds a solution for a provider the actor belongs to, with the rules of POST /solutions (members
 * of the provider or platform admins; known capabilities; a provider kind that offers
 * solutions). Hackathon to pilot calls it inside its transaction (`ctx.db` is that transaction).
 */
export async function addSolutionAs(
  ctx: ServiceContext,
  actor: UserActor,
  input: Omit<CreateSolutionBody, "description"> & { description: string },
): Promise<{ id: string }> {
  const standing = standingOf(actor, await organisationsOfActor(ctx.db, actor), input.providerId);
  if (!standing.member && !standing.platformAdmin) {
    throw commonErrors.forbidden(
      "Only members of the provider organisation can add its solutions.",
    );
  }
  const solution = await createSolution(ctx, actor.userId, {
    capabilities: [],
    countriesDeployed: [],
    media: [],
    referenceLinks: [],
    ...input,
  });
  return { id: solution.id };
}

/**
 * Bulk import (exchange module): provider and status of existing solutions, by id, locked until
 * the import's transaction ends, so what its plan checked still holds when it writes.
 */
export async function solutionStates(
  db: Db,
  ids: string[],
): Promise<Map<string, { providerId: string; status: "active" | "archived" }>> {
  const rows = await lockSolutionRows(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, { providerId: row.providerId, status: row.status }]));
}

/** Export (exchange module): every active solution's public content with its capability codes. */
export async function activeSolutionsForExport(db: Db): Promise<
  Array<{
    id: string;
    providerId: string;
    title: string;
    summary: string;
    description: string;
    sectors: string[];
    capabilities: string[];
    trl: number;
    countriesDeployed: string[];
    media: Array<{ url: string; alt: string }>;
    referenceLinks: string[];
  }>
> {
  const rows = await listActiveSolutions(db);
  const codes = new Map<string, string[]>();
  for (let start = 0; start < rows.length; start += 1_000) {
    const chunk = await capabilityCodesOf(
      db,
      rows.slice(start, start + 1_000).map((row) => row.id),
    );
    for (const [id, list] of chunk) codes.set(id, list);
  }
  return rows.map((row) => ({
    id: row.id,
    providerId: row.providerId,
    title: row.title,
    summary: row.summary,
    description: row.description,
    sectors: row.sectors,
    capabilities: [...(codes.get(row.id) ?? [])].sort(),
    trl: row.trl,
    countriesDeployed: row.countries,
    media: row.media,
    referenceLinks: row.referenceLinks,
  }));
}

/** What matchmaking reads of a solution the actor may see (else the solution's 404). */
export async function readableSolutionOffer(
  db: Db,
  actor: Actor,
  id: string,
): Promise<SolutionProfile & { description: string }> {
  // Its codes are read beside the check (nothing of them is returned when it fails).
  const [{ solution }, codes] = await Promise.all([
    visibleSolution(db, id, actor),
    capabilityCodesOf(db, [id]),
  ]);
  return {
    id: solution.id,
    providerId: solution.providerId,
    providerKind: solution.providerKind,
    title: solution.title,
    summary: solution.summary,
    description: solution.description,
    sectors: solution.sectors,
    capabilities: codes.get(solution.id) ?? [],
    trl: solution.trl,
    countriesDeployed: solution.countries,
  };
}

/**
 * Refreshes the planner's statistics of the solutions (their search words above all), which
 * matchmaking reads to weigh words and bound its candidates. A server's autovacuum does this by
 * itself; the embedded database has none, so the app asks after bulk imports and at start.
 */
export async function refreshSolutionStatistics(db: Db): Promise<void> {
  await db.execute(sql`analyze solutions`);
}
