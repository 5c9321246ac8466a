import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../core/db/client.ts";
import { type SolutionRow, solutionColumns } from "./repository.ts";
import { capabilities, solutionCapabilities, solutions } from "./schema.ts";

/** The public catalogue's query: full-text search, filters, facet counts and keyset pages. */

export type Facet = "sector" | "capability" | "trl" | "country" | "providerKind";

export interface SolutionFilter {
  /** The words searched for, and the synonyms they expand to (each searched as a phrase). */
  text?: { query: string; phrases: string[] } | undefined;
  sectors?: string[] | undefined;
  /** Codes with their descendants already included. */
  capabilityCodes?: string[] | undefined;
  trlMin?: number | undefined;
  trlMax?: number | undefined;
  country?: string | undefined;
  providerKind?: SolutionRow["providerKind"] | undefined;
  /** Providers allowed (a cluster and its members). */
  providerIds?: string[] | undefined;
}

export type SearchOrder = "relevance" | "newest" | "trl";

/** Where the previous page ended, in the order's own terms. */
export interface SearchPosition {
  key: number | null;
  createdAt: Date;
  id: string;
}

/** The tsquery: the words as typed (web-search syntax) or any of the synonym phrases. */
function textQuery(text: NonNullable<SolutionFilter["text"]>): SQL {
  const parts = [
    sql`websearch_to_tsquery('english', catalogue_unaccent(${text.query}))`,
    ...text.phrases.map(
      (phrase) => sql`phraseto_tsquery('english', catalogue_unaccent(${phrase}))`,
    ),
  ];
  return sql`(${sql.join(parts, sql` || `)})`;
}

/**
 * Relevance as a whole number (millionths of ts_rank with weights D 0.1, C 0.2, B 0.4, A 1 and
 * normalisation 32, so below 1): an exact key a cursor can carry without float drift.
 */
function rankKey(text: NonNullable<SolutionFilter["text"]>): SQL<number> {
  return sql<number>`floor(ts_rank('{0.1, 0.2, 0.4, 1.0}', ${solutions.search}, ${textQuery(text)}, 32) * 1000000)::int`;
}

function conditions(filter: SolutionFilter, except?: Facet): SQL {
  const all: SQL[] = [eq(solutions.status, "active")];
  if (filter.text) all.push(sql`${solutions.search} @@ ${textQuery(filter.text)}`);
  if (filter.sectors?.length && except !== "sector") {
    all.push(sql`${solutions.sectors} && ${textArray(filter.sectors)}`);
  }
  if (filter.capabilityCodes && except !== "capability") {
    all.push(
      filter.capabilityCodes.length
        ? inArray(
            solutions.id,
            sql`(select ${solutionCapabilities.solutionId} from ${solutionCapabilities} where ${inArray(solutionCapabilities.capabilityCode, filter.capabilityCodes)})`,
          )
        : sql`false`,
    );
  }
  if (except !== "trl") {
    if (filter.trlMin) all.push(sql`${solutions.trl} >= ${filter.trlMin}`);
    if (filter.trlMax) all.push(sql`${solutions.trl} <= ${filter.trlMax}`);
  }
  if (filter.country && except !== "country") {
    all.push(sql`${solutions.countries} @> ${textArray([filter.country])}`);
  }
  if (filter.providerKind && except !== "providerKind") {
    all.push(eq(solutions.providerKind, filter.providerKind));
  }
  if (filter.providerIds) {
    all.push(
      filter.providerIds.length ? inArray(solutions.providerId, filter.providerIds) : sql`false`,
    );
  }
  return and(...all)!;
}

function textArray(values: string[]): SQL {
  return sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;
}

export async function searchSolutions(
  db: Db,
  filter: SolutionFilter,
  page: { order: SearchOrder; limit: number; after?: SearchPosition | undefined },
): Promise<{ rows: Array<{ solution: SolutionRow; key: number | null }>; total: number }> {
  const order = page.order === "relevance" && !filter.text ? "newest" : page.order;
  const key: SQL<number> | null =
    order === "relevance" && filter.text
      ? rankKey(filter.text)
      : order === "trl"
        ? sql<number>`${solutions.trl}`
        : null;
  const where: SQL[] = [conditions(filter)];
  if (page.after) {
    const at = page.after.createdAt.toISOString();
    // Every order is descending, so "after" is "less than" as a row comparison.
    where.push(
      key && page.after.key !== null
        ? sql`(${key}, ${solutions.createdAt}, ${solutions.id}) < (${page.after.key}, ${at}::timestamptz, ${page.after.id}::uuid)`
        : sql`(${solutions.createdAt}, ${solutions.id}) < (${at}::timestamptz, ${page.after.id}::uuid)`,
    );
  }
  const [rows, totals] = await Promise.all([
    db
      .select({ solution: solutionColumns, key: key ?? sql<null>`null::int` })
      .from(solutions)
      .where(and(...where))
      .orderBy(...(key ? [desc(key)] : []), desc(solutions.createdAt), desc(solutions.id))
      .limit(page.limit),
    queryRows<{ total: number }>(
      db,
      sql`select count(*)::int as total from ${solutions} where ${conditions(filter)}`,
    ),
  ]);
  return {
    rows: rows.map((row) => ({
      solution: row.solution,
      key: row.key === null ? null : Number(row.key),
    })),
    total: Number(totals[0]?.total ?? 0),
  };
}

type FacetCounts = Record<Facet, Array<{ value: string; count: number }>>;

/** Each facet's counts apply every active filter except its own. */
export async function solutionFacets(db: Db, filter: SolutionFilter): Promise<FacetCounts> {
  const run = (query: SQL) =>
    queryRows<{ value: string; count: number }>(db, query).then((rows) =>
      rows.map((row) => ({ value: String(row.value), count: Number(row.count) })),
    );
  const [sector, capability, trl, country, providerKind] = await Promise.all([
    run(sql`select f.value, count(*)::int as count
            from ${solutions} cross join lateral unnest(${solutions.sectors}) as f(value)
            where ${conditions(filter, "sector")} group by f.value order by count desc, f.value`),
    run(sql`with recursive lineage(code, ancestor) as (
              select code, code from ${capabilities}
              union all
              select lineage.code, c.parent_code from lineage
              join ${capabilities} c on c.code = lineage.ancestor where c.parent_code is not null
            )
            select lineage.ancestor as value, count(distinct ${solutions.id})::int as count
            from ${solutions}
            join ${solutionCapabilities} on ${solutionCapabilities.solutionId} = ${solutions.id}
            join lineage on lineage.code = ${solutionCapabilities.capabilityCode}
            where ${conditions(filter, "capability")}
            group by lineage.ancestor order by count desc, lineage.ancestor`),
    run(sql`select ${solutions.trl}::text as value, count(*)::int as count from ${solutions}
            where ${conditions(filter, "trl")} group by ${solutions.trl} order by ${solutions.trl}`),
    run(sql`select f.value, count(*)::int as count
            from ${solutions} cross join lateral unnest(${solutions.countries}) as f(value)
            where ${conditions(filter, "country")} group by f.value order by count desc, f.value`),
    run(sql`select ${solutions.providerKind} as value, count(*)::int as count from ${solutions}
            where ${conditions(filter, "providerKind")} group by ${solutions.providerKind}
            order by count desc`),
  ]);
  return { sector, capability, trl, country, providerKind };
}

/** Solution ids by relevance to a text, for other modules (matchmaking) to combine. */
export async function rankSolutionsByText(
  db: Db,
  text: { query: string; phrases: string[] },
  limit: number,
): Promise<Array<{ id: string; rank: number }>> {
  const rows = await db
    .select({ id: solutions.id, key: rankKey(text) })
    .from(solutions)
    .where(conditions({ text }))
    .orderBy(desc(rankKey(text)), asc(solutions.id))
    .limit(limit);
  return rows.map((row) => ({ id: row.id, rank: Number(row.key) / 1_000_000 }));
}
