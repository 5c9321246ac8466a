import { and, asc, count, desc, eq, getTableColumns, inArray, ne, or, type SQL } from "drizzle-orm";
import type { Db } from "../../core/db/client.ts";
import {
  portfolioItems,
  portfolioShares,
  portfolios,
  solutionCapabilities,
  solutions,
  solutionVersions,
} from "./schema.ts";

export type SolutionRow = Omit<typeof solutions.$inferSelect, "search">;
export type NewSolution = typeof solutions.$inferInsert;
export type SolutionVersionRow = typeof solutionVersions.$inferSelect;
export type PortfolioRow = typeof portfolios.$inferSelect;
export type PortfolioItemRow = typeof portfolioItems.$inferSelect;
export type PortfolioShareRow = typeof portfolioShares.$inferSelect;

/** Every column but the search vector, which only the database reads. */
const { search: _search, ...solutionColumns } = getTableColumns(solutions);

export { solutionColumns };

// Solutions

export async function insertSolution(db: Db, solution: NewSolution): Promise<SolutionRow> {
  const [row] = await db.insert(solutions).values(solution).returning(solutionColumns);
  return row!;
}

export async function updateSolutionRow(
  db: Db,
  id: string,
  changes: Partial<NewSolution>,
): Promise<void> {
  await db.update(solutions).set(changes).where(eq(solutions.id, id));
}

export async function findSolution(db: Db, id: string): Promise<SolutionRow | undefined> {
  const [row] = await db.select(solutionColumns).from(solutions).where(eq(solutions.id, id));
  return row;
}

/** The solution, locked until the transaction ends: two edits make two versions, in turn. */
export async function lockSolution(db: Db, id: string): Promise<SolutionRow | undefined> {
  const [row] = await db
    .select(solutionColumns)
    .from(solutions)
    .where(eq(solutions.id, id))
    .for("update");
  return row;
}

export async function findSolutionByTitle(
  db: Db,
  providerId: string,
  title: string,
): Promise<SolutionRow | undefined> {
  const [row] = await db
    .select(solutionColumns)
    .from(solutions)
    .where(and(eq(solutions.providerId, providerId), eq(solutions.title, title)));
  return row;
}

export async function findSolutionsByIds(db: Db, ids: string[]): Promise<SolutionRow[]> {
  if (ids.length === 0) return [];
  return db.select(solutionColumns).from(solutions).where(inArray(solutions.id, ids));
}

/**
 * The solutions, locked until the transaction ends (in id order, so two lockers never wait on
 * each other in a circle): a bulk import checks and writes them while an edit, an archiving or
 * an upload of one waits (lockSolution), so each makes the next version of the other's.
 */
export async function lockSolutionRows(db: Db, ids: string[]): Promise<SolutionRow[]> {
  if (ids.length === 0) return [];
  // "no key update": it still waits for (and holds up) lockSolution, but rows that merely
  // reference the solution (portfolio items, references) are not held up by a long import.
  return db
    .select(solutionColumns)
    .from(solutions)
    .where(inArray(solutions.id, ids))
    .orderBy(asc(solutions.id))
    .for("no key update");
}

/** What a list of solutions shows of each active one among `ids`: narrow, no text bodies. */
export function findSolutionHeadlines(
  db: Db,
  ids: string[],
): Promise<Array<{ id: string; providerId: string; title: string; summary: string; trl: number }>> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: solutions.id,
      providerId: solutions.providerId,
      title: solutions.title,
      summary: solutions.summary,
      trl: solutions.trl,
    })
    .from(solutions)
    .where(and(inArray(solutions.id, ids), eq(solutions.status, "active")));
}

export async function listProviderSolutions(
  db: Db,
  providerId: string,
  options: { includeArchived: boolean },
): Promise<SolutionRow[]> {
  const conditions: SQL[] = [eq(solutions.providerId, providerId)];
  if (!options.includeArchived) conditions.push(ne(solutions.status, "archived"));
  return db
    .select(solutionColumns)
    .from(solutions)
    .where(and(...conditions))
    .orderBy(asc(solutions.status), desc(solutions.updatedAt), desc(solutions.id))
    .limit(500);
}

export async function replaceSolutionCapabilities(
  db: Db,
  solutionId: string,
  codes: string[],
): Promise<void> {
  await db.delete(solutionCapabilities).where(eq(solutionCapabilities.solutionId, solutionId));
  if (codes.length === 0) return;
  await db
    .insert(solutionCapabilities)
    .values(codes.map((capabilityCode) => ({ solutionId, capabilityCode })));
}

/** Each solution's capability codes, in the order they were given. */
export async function capabilityCodesOf(
  db: Db,
  solutionIds: string[],
): Promise<Map<string, string[]>> {
  const codes = new Map<string, string[]>(solutionIds.map((id) => [id, []]));
  if (solutionIds.length === 0) return codes;
  const rows = await db
    .select()
    .from(solutionCapabilities)
    .where(inArray(solutionCapabilities.solutionId, solutionIds))
    .orderBy(asc(solutionCapabilities.capabilityCode));
  for (const row of rows) codes.get(row.solutionId)?.push(row.capabilityCode);
  return codes;
}

export async function insertSolutionVersion(
  db: Db,
  version: typeof solutionVersions.$inferInsert,
): Promise<void> {
  await db.insert(solutionVersions).values(version);
}

export async function listSolutionVersions(
  db: Db,
  solutionId: string,
): Promise<SolutionVersionRow[]> {
  return db
    .select()
    .from(solutionVersions)
    .where(eq(solutionVersions.solutionId, solutionId))
    .orderBy(desc(solutionVersions.version));
}

// Portfolios

export async function insertPortfolio(
  db: Db,
  portfolio: typeof portfolios.$inferInsert,
): Promise<PortfolioRow> {
  const [row] = await db.insert(portfolios).values(portfolio).returning();
  return row!;
}

export async function updatePortfolioRow(
  db: Db,
  id: string,
  changes: Partial<typeof portfolios.$inferInsert>,
): Promise<void> {
  await db.update(portfolios).set(changes).where(eq(portfolios.id, id));
}

export async function findPortfolio(db: Db, id: string): Promise<PortfolioRow | undefined> {
  const [row] = await db.select().from(portfolios).where(eq(portfolios.id, id));
  return row;
}

/** The portfolio, locked until the transaction ends: two edits of one portfolio take turns. */
export async function lockPortfolio(db: Db, id: string): Promise<PortfolioRow | undefined> {
  const [row] = await db.select().from(portfolios).where(eq(portfolios.id, id)).for("update");
  return row;
}

export async function deletePortfolioRow(db: Db, id: string): Promise<void> {
  await db.delete(portfolios).where(eq(portfolios.id, id));
}

/** Portfolios of the given clusters or shared with the given organisations (all when `all`). */
export async function listPortfolios(
  db: Db,
  scope: { all: boolean; clusterIds: string[]; sharedWith: string[]; clusterId?: string },
): Promise<PortfolioRow[]> {
  const visible: SQL[] = [];
  if (!scope.all) {
    if (scope.clusterIds.length) visible.push(inArray(portfolios.clusterId, scope.clusterIds));
    if (scope.sharedWith.length) {
      visible.push(
        inArray(
          portfolios.id,
          db
            .select({ id: portfolioShares.portfolioId })
            .from(portfolioShares)
            .where(inArray(portfolioShares.organisationId, scope.sharedWith)),
        ),
      );
    }
    if (visible.length === 0) return [];
  }
  const conditions: Array<SQL | undefined> = [];
  if (visible.length) conditions.push(or(...visible));
  if (scope.clusterId) conditions.push(eq(portfolios.clusterId, scope.clusterId));
  return db
    .select()
    .from(portfolios)
    .where(and(...conditions))
    .orderBy(desc(portfolios.updatedAt), desc(portfolios.id))
    .limit(500);
}

export async function countItemsOf(db: Db, portfolioIds: string[]): Promise<Map<string, number>> {
  if (portfolioIds.length === 0) return new Map();
  const rows = await db
    .select({ id: portfolioItems.portfolioId, total: count() })
    .from(portfolioItems)
    .where(inArray(portfolioItems.portfolioId, portfolioIds))
    .groupBy(portfolioItems.portfolioId);
  return new Map(rows.map((row) => [row.id, row.total]));
}

export async function listPortfolioItems(db: Db, portfolioId: string): Promise<PortfolioItemRow[]> {
  return db
    .select()
    .from(portfolioItems)
    .where(eq(portfolioItems.portfolioId, portfolioId))
    .orderBy(asc(portfolioItems.addedAt), asc(portfolioItems.solutionId));
}

/** Adds the item unless it is already there (then undefined). */
export async function insertPortfolioItem(
  db: Db,
  item: typeof portfolioItems.$inferInsert,
): Promise<PortfolioItemRow | undefined> {
  const [row] = await db.insert(portfolioItems).values(item).onConflictDoNothing().returning();
  return row;
}

export async function deletePortfolioItem(
  db: Db,
  portfolioId: string,
  solutionId: string,
): Promise<boolean> {
  const rows = await db
    .delete(portfolioItems)
    .where(
      and(eq(portfolioItems.portfolioId, portfolioId), eq(portfolioItems.solutionId, solutionId)),
    )
    .returning();
  return rows.length > 0;
}

export async function listPortfolioShares(
  db: Db,
  portfolioId: string,
): Promise<PortfolioShareRow[]> {
  return db
    .select()
    .from(portfolioShares)
    .where(eq(portfolioShares.portfolioId, portfolioId))
    .orderBy(asc(portfolioShares.sharedAt));
}

export async function insertPortfolioShare(
  db: Db,
  share: typeof portfolioShares.$inferInsert,
): Promise<PortfolioShareRow | undefined> {
  const [row] = await db.insert(portfolioShares).values(share).onConflictDoNothing().returning();
  return row;
}

export async function deletePortfolioShare(
  db: Db,
  portfolioId: string,
  organisationId: string,
): Promise<boolean> {
  const rows = await db
    .delete(portfolioShares)
    .where(
      and(
        eq(portfolioShares.portfolioId, portfolioId),
        eq(portfolioShares.organisationId, organisationId),
      ),
    )
    .returning();
  return rows.length > 0;
}
