import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../core/db/client.ts";
import { queryRows } from "../../core/db/client.ts";
import type { CatalogueFilters } from "./contract.ts";
import { type ChallengeRow, findChallengeRows } from "./repository.ts";

export type CatalogueSortKey = "relevance" | "newest" | "deadline" | "budget";
export type Facet = "sector" | "status" | "model" | "region" | "city" | "trl";

/** Who sees what: the public catalogue never lists drafts; "mine" lists the caller's own. */
export type CatalogueScope = { kind: "public" } | { kind: "mine"; organisationIds: string[] };

/** The last row of a page: its sort key (as Postgres prints it) and id. */
export interface Keyset {
  key: string;
  id: string;
}

/**
 * Each order: the expression, the type its printed key casts back to (compared in its own type,
 * so a float rank round-trips exactly), and the direction. The id breaks ties the same way.
 */
const orders: Record<
  Exclude<CatalogueSortKey, "relevance">,
  { key: SQL; type: SQL; descending: boolean }
> = {
  newest: {
    key: sql`coalesce(c.published_at, c.created_at)`,
    type: sql`timestamptz`,
    descending: true,
  },
  deadline: {
    key: sql`coalesce(c.proposal_deadline, 'infinity'::timestamptz)`,
    type: sql`timestamptz`,
    descending: false,
  },
  budget: { key: sql`coalesce(c.budget_max_minor, -1)`, type: sql`bigint`, descending: true },
};

/** English stems, or the words as written (names, acronyms): either matches. */
function textQuery(q: string): SQL {
  return sql`(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('simple', ${q}))`;
}

function visibility(scope: CatalogueScope): SQL {
  if (scope.kind === "public") return sql`c.status <> 'draft'`;
  if (scope.organisationIds.length === 0) return sql`false`;
  return sql`c.organisation_id in (${sql.join(
    scope.organisationIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

const textArray = (values: string[]) =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;

/** The filters as SQL, leaving out one facet's own filter (for that facet's counts). */
function conditions(scope: CatalogueScope, filters: CatalogueFilters, except?: Facet): SQL {
  const parts: SQL[] = [visibility(scope)];
  const q = filters.q?.trim();
  if (q) parts.push(sql`c.search @@ ${textQuery(q)}`);
  if (filters.sector?.length && except !== "sector")
    parts.push(sql`c.sectors && ${textArray(filters.sector)}`);
  if (filters.status?.length && except !== "status")
    parts.push(sql`c.status = any(${textArray(filters.status)})`);
  if (filters.model?.length && except !== "model")
    parts.push(sql`c.procurement_model = any(${textArray(filters.model)})`);
  if (filters.region && except !== "region") parts.push(sql`c.region = ${filters.region}`);
  if (filters.cityId && except !== "city") parts.push(sql`c.city_id = ${filters.cityId}::uuid`);
  if (filters.trl !== undefined && except !== "trl")
    parts.push(sql`(c.min_trl is null or c.min_trl <= ${filters.trl})`);
  return sql.join(parts, sql` and `);
}

export interface CataloguePage {
  rows: Array<ChallengeRow & { rank: number | null }>;
  total: number;
  next: Keyset | null;
}

export async function searchCatalogue(
  db: Db,
  input: {
    scope: CatalogueScope;
    filters: CatalogueFilters;
    sort: CatalogueSortKey;
    limit: number;
    after: Keyset | null;
  },
): Promise<CataloguePage> {
  const q = input.filters.q?.trim();
  const where = conditions(input.scope, input.filters);
  const rank = q ? sql`ts_rank_cd(c.search, ${textQuery(q)})` : sql`null::real`;
  const order =
    input.sort === "relevance" && q
      ? { key: rank, type: sql`real`, descending: true }
      : orders[input.sort === "relevance" ? "newest" : input.sort];
  const direction = order.descending ? sql`desc` : sql`asc`;
  const after = input.after
    ? sql` and (${order.key}, c.id) ${order.descending ? sql`<` : sql`>`} (${input.after.key}::${order.type}, ${input.after.id}::uuid)`
    : sql``;
  const [page, totals] = await Promise.all([
    queryRows<{ id: string; sort_key: string; rank: number | null }>(
      db,
      sql`select c.id, (${order.key})::text as sort_key, ${rank}::float8 as rank
          from challenges c where ${where}${after}
          order by ${order.key} ${direction}, c.id ${direction}
          limit ${input.limit + 1}`,
    ),
    queryRows<{ total: number }>(
      db,
      sql`select count(*)::int as total from challenges c where ${where}`,
    ),
  ]);
  const more = page.length > input.limit;
  const visible = page.slice(0, input.limit);
  const byId = new Map(
    (
      await findChallengeRows(
        db,
        visible.map((row) => row.id),
      )
    ).map((row) => [row.id, row]),
  );
  const last = visible.at(-1);
  return {
    rows: visible.map((row) => ({ ...byId.get(row.id)!, rank: row.rank })),
    total: Number(totals[0]?.total ?? 0),
    next: more && last ? { key: last.sort_key, id: last.id } : null,
  };
}

/** Counts per value of each facet; each applies every other active filter, not its own. */
export async function catalogueFacets(
  db: Db,
  scope: CatalogueScope,
  filters: CatalogueFilters,
): Promise<Record<Facet, Array<{ value: string; count: number }>>> {
  const grouped = (facet: Facet, value: SQL, from: SQL = sql`challenges c`) =>
    sql`(select ${facet}::text as facet, ${value}::text as value, count(*)::int as count
         from ${from} where ${conditions(scope, filters, facet)} group by 2)`;
  // One statement for the six counts: one round trip and one plan instead of six.
  const rows = await queryRows<{ facet: Facet; value: string; count: number }>(
    db,
    sql`${sql.join(
      [
        grouped("sector", sql`s`, sql`challenges c cross join unnest(c.sectors) s`),
        grouped("status", sql`c.status`),
        grouped("model", sql`c.procurement_model`),
        grouped("region", sql`c.region`),
        grouped("city", sql`c.city_id`),
        // A solution of TRL t qualifies where the minimum is at most t (or none is set).
        grouped(
          "trl",
          sql`t`,
          sql`challenges c join generate_series(1, 9) t on (c.min_trl is null or c.min_trl <= t)`,
        ),
      ],
      sql` union all `,
    )} order by 1, 3 desc, 2`,
  );
  const facets: Record<Facet, Array<{ value: string; count: number }>> = {
    sector: [],
    status: [],
    model: [],
    region: [],
    city: [],
    trl: [],
  };
  for (const row of rows) facets[row.facet].push({ value: row.value, count: Number(row.count) });
  facets.trl.sort((a, b) => Number(a.value) - Number(b.value));
  return facets;
}
