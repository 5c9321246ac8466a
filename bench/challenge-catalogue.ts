/**
 * How the challenge catalogue's full-text search scales. Fills a fresh embedded database with N
 * challenges (generated text from a climate vocabulary), then times the catalogue as the route
 * runs it — ranked page + total + six facet counts — against a baseline in the same process:
 * the same ranked query computing to_tsvector per row at query time (no stored column, no GIN).
 *
 *   node bin/run-script.mjs bench/challenge-catalogue.ts [N]
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { openPglite, queryRows } from "../src/core/db/client.ts";
import type { CatalogueFilters } from "../src/modules/challenges/contract.ts";
import {
  catalogueFacets,
  searchCatalogue,
} from "../src/modules/challenges/repository-catalogue.ts";

const count = Number(process.argv[2] ?? 20_000);
const words = (
  "stormwater cloudburst flooding drainage heat island cooling trees district heating heat pump " +
  "retrofit insulation buses charging depot logistics waste compost biogas recycling leak " +
  "detection water meters reuse air quality sensors particulate emissions inventory carbon " +
  "solar storage grid flexibility schools hospitals housing port ferry data platform twin"
).split(" ");
const sectors = ["energy", "buildings", "mobility", "waste", "water", "adaptation", "air", "data"];
const statuses = ["published", "evaluation", "awarded", "piloting", "implemented"];

function phrase(seed: number, length: number): string {
  return Array.from({ length }, (_, i) => words[(seed * 7 + i * 13 + i * i) % words.length]).join(
    " ",
  );
}

const database = await openPglite();
await database.migrate();
const { db } = database;
const cities = Array.from({ length: 40 }, () => randomUUID());

let started = performance.now();
for (let offset = 0; offset < count; offset += 1_000) {
  const rows = Array.from({ length: Math.min(1_000, count - offset) }, (_, i) => {
    const n = offset + i;
    return sql`(${randomUUID()}::uuid, ${cities[n % 40]}::uuid, ${`region ${n % 5}`}, ${`Challenge ${n}: ${phrase(n, 5)}`}, ${phrase(n + 1, 25)}, ${phrase(n + 2, 120)}, ${`{${sectors[n % 8]},${sectors[(n * 3) % 8]}}`}::text[], '{}'::text[], '[]'::jsonb, '[]'::jsonb, ${(n % 9) + 1}, 'pilot_agreement', ${statuses[n % 5]}, now() - (${n} || ' minutes')::interval, now() + interval '30 days', now(), now(), now())`;
  });
  await db.execute(
    sql`insert into challenges (organisation_id, city_id, region, title, summary, description, sectors, capabilities, kpis, contacts, min_trl, procurement_model, status, published_at, proposal_deadline, status_changed_at, created_at, updated_at) values ${sql.join(rows, sql`, `)}`,
  );
}
console.log(
  `${count} challenges inserted in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

async function timed(run: () => Promise<unknown>, repeats = 5): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(repeats / 2)]!;
}

const document = sql`setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('english', summary), 'B') || setweight(to_tsvector('english', description), 'C')`;

const cases: Array<{ label: string; filters: CatalogueFilters }> = [
  { label: "broad word 'water'", filters: { q: "water" } },
  { label: "two words 'cloudburst drainage'", filters: { q: "cloudburst drainage" } },
  { label: "word + sector facet", filters: { q: "heat", sector: ["energy"] } },
  { label: "no words, status filter", filters: { status: ["published"] } },
];

console.log(
  "median of 5, ms          catalogue (page+total+facets)   baseline ranked page+total   ratio",
);
for (const { label, filters } of cases) {
  const ours = await timed(async () => {
    await searchCatalogue(db, {
      scope: { kind: "public" },
      filters,
      sort: filters.q ? "relevance" : "newest",
      limit: 20,
      after: null,
    });
    await catalogueFacets(db, { kind: "public" }, filters);
  });
  const baseline = filters.q
    ? await timed(async () => {
        const query = sql`websearch_to_tsquery('english', ${filters.q})`;
        const sectorFilter = filters.sector
          ? sql` and sectors && ${`{${filters.sector.join(",")}}`}::text[]`
          : sql``;
        await queryRows(
          db,
          sql`select id, ts_rank_cd(${document}, ${query}) as rank from challenges where status <> 'draft' and ${document} @@ ${query}${sectorFilter} order by rank desc, id limit 21`,
        );
        await queryRows(
          db,
          sql`select count(*) from challenges where status <> 'draft' and ${document} @@ ${query}${sectorFilter}`,
        );
      }, 3)
    : null;
  console.log(
    `${label.padEnd(34)} ${ours.toFixed(1).padStart(10)}                    ${baseline === null ? "      —" : baseline.toFixed(1).padStart(8)}            ${baseline === null ? "—" : `×${(baseline / ours).toFixed(1)} faster`}`,
  );
}
started = performance.now();
await database.close();
