/**
 * How good the recommendations are, on a labelled set: for each challenge, the solutions a
 * person graded 0–3, every other solution counting as 0. Prints NDCG@10, MRR and recall@20 of
 * the matcher (GET /api/v1/challenges/{id}/recommendations, same code) and of a plain ranked
 * full-text search over the same data (the challenge's title and summary, any word, ranked by
 * ts_rank over each solution's title, summary and description), side by side.
 *
 *   node bin/run-script.mjs bench/matchmaking-quality.ts [labelled-set.json] [--verbose]
 *
 * The set is JSON: { "bundle": <city-solutions-bundle/1 with organisations, solutions and
 * challenges>, "judgments": { "<challenge ref>": { "<solution ref>": 0-3 } } } (see
 * bench/matchmaking/README.md). Any set in that shape can be measured, not only ours.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { systemClock } from "../src/core/clock.ts";
import { openPglite, queryRows } from "../src/core/db/client.ts";
import { ensureCapabilityTaxonomy } from "../src/modules/catalogue/index.ts";
import { challengeNeeds } from "../src/modules/challenges/index.ts";
import { importFileAsPlatform } from "../src/modules/exchange/index.ts";
import { needOfChallenge, scoreForNeed } from "../src/modules/matchmaking/index.ts";
import { ensureC40Cities } from "../src/modules/organisations/index.ts";

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const path =
  args.find((arg) => !arg.startsWith("--")) ??
  new URL("./matchmaking/labelled-set.json", import.meta.url).pathname;
const set = JSON.parse(readFileSync(path, "utf8")) as {
  bundle: { challenges: Array<{ ref: string; title: string }> };
  judgments: Record<string, Record<string, number>>;
};

/** A solution counts as relevant for MRR and recall from this grade. */
const RELEVANT = 2;
const DEPTH = 20;

function dcg(grades: number[], k: number): number {
  return grades
    .slice(0, k)
    .reduce((sum, grade, index) => sum + (2 ** grade - 1) / Math.log2(index + 2), 0);
}

function measure(ranked: string[], judged: Record<string, number>) {
  const grades = ranked.map((ref) => judged[ref] ?? 0);
  const ideal = Object.values(judged).sort((a, b) => b - a);
  const idealDcg = dcg(ideal, 10);
  const relevant = Object.entries(judged).filter(([, grade]) => grade >= RELEVANT);
  const firstRelevant = grades.findIndex((grade) => grade >= RELEVANT);
  const found = ranked.slice(0, DEPTH).filter((ref) => (judged[ref] ?? 0) >= RELEVANT).length;
  return {
    ndcg: idealDcg > 0 ? dcg(grades, 10) / idealDcg : 0,
    mrr: firstRelevant === -1 ? 0 : 1 / (firstRelevant + 1),
    recall: relevant.length > 0 ? found / relevant.length : 0,
  };
}

const database = await openPglite();
await database.migrate();
await ensureC40Cities(database.db, systemClock);
await ensureCapabilityTaxonomy(database.db, systemClock);
const ctx = { db: database.db, clock: systemClock, publicUrl: "http://bench", demo: false };
let started = performance.now();
const report = await importFileAsPlatform(ctx, JSON.stringify(set.bundle), { dryRun: false });
process.stderr.write(
  `Imported ${report.solutions.created} solutions, ${report.challenges.created} challenges, ` +
    `${report.organisations.created} organisations in ${Math.round(performance.now() - started)} ms ` +
    `(${report.warnings.length} free-text capabilities matched nothing)\n`,
);
const idOf = new Map(report.records.map((record) => [`${record.record}:${record.ref}`, record.id]));
const refOf = new Map(
  report.records
    .filter((record) => record.record === "solution")
    .map((record) => [record.id, record.ref]),
);

async function baseline(challengeId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    database.db,
    sql`with c as (select title || ' ' || summary as words from challenges where id = ${challengeId}),
        q as (select (select string_agg(quote_literal(l), ' | ')
                      from unnest(tsvector_to_array(to_tsvector('english', c.words))) l)::tsquery as query
              from c)
        select s.id from solutions s, q
        where s.status = 'active'
          and to_tsvector('english', s.title || ' ' || s.summary || ' ' || s.description) @@ q.query
        order by ts_rank(to_tsvector('english', s.title || ' ' || s.summary || ' ' || s.description), q.query) desc, s.id
        limit ${DEPTH}`,
  );
  return rows.map((row) => refOf.get(row.id) ?? row.id);
}

async function matcher(challengeId: string): Promise<string[]> {
  const [challenge] = await challengeNeeds(database.db, [challengeId]);
  const context = await needOfChallenge(database.db, challenge!, { includeBelowMinTrl: false });
  const scored = await scoreForNeed(database.db, challenge!, context, DEPTH * 2);
  return scored.slice(0, DEPTH).map((item) => refOf.get(item.fit.id) ?? item.fit.id);
}

type Scores = ReturnType<typeof measure>;
const rows: Array<{ ref: string; matcher: Scores; baseline: Scores }> = [];
started = performance.now();
for (const challenge of set.bundle.challenges) {
  const judged = set.judgments[challenge.ref];
  const id = idOf.get(`challenge:${challenge.ref}`);
  if (!judged || !id) continue;
  const ours = await matcher(id);
  const theirs = await baseline(id);
  rows.push({
    ref: challenge.ref,
    matcher: measure(ours, judged),
    baseline: measure(theirs, judged),
  });
  if (verbose) {
    const show = (ranked: string[]) =>
      ranked
        .slice(0, 10)
        .map((ref) => `${judged[ref] ?? 0}`)
        .join("");
    process.stdout.write(
      `${challenge.ref.padEnd(40)} matcher ${show(ours).padEnd(10)} baseline ${show(theirs)}\n`,
    );
  }
}
const elapsed = performance.now() - started;

const mean = (pick: (row: (typeof rows)[number]) => number) =>
  rows.reduce((sum, row) => sum + pick(row), 0) / Math.max(rows.length, 1);
const metrics = [
  ["NDCG@10", (s: Scores) => s.ndcg],
  ["MRR", (s: Scores) => s.mrr],
  [`recall@${DEPTH}`, (s: Scores) => s.recall],
] as const;
const judgedPairs = Object.values(set.judgments).reduce(
  (sum, grades) => sum + Object.keys(grades).length,
  0,
);
process.stdout.write(
  `\nLabelled set: ${path}\n${rows.length} challenges, ${refOf.size} solutions, ${judgedPairs} judged pairs ` +
    `(relevant: grade ≥ ${RELEVANT}); ${Math.round(elapsed / Math.max(rows.length, 1))} ms per challenge for both rankings\n\n`,
);
process.stdout.write(
  `${"metric".padEnd(12)}${"matcher".padStart(10)}${"FTS baseline".padStart(14)}${"ratio".padStart(8)}\n`,
);
for (const [name, pick] of metrics) {
  const ours = mean((row) => pick(row.matcher));
  const theirs = mean((row) => pick(row.baseline));
  process.stdout.write(
    `${name.padEnd(12)}${ours.toFixed(3).padStart(10)}${theirs.toFixed(3).padStart(14)}${(theirs > 0 ? `×${(ours / theirs).toFixed(2)}` : "—").padStart(8)}\n`,
  );
}
const better = rows.filter((row) => row.matcher.ndcg > row.baseline.ndcg + 1e-9).length;
const worse = rows.filter((row) => row.matcher.ndcg < row.baseline.ndcg - 1e-9).length;
process.stdout.write(
  `\nNDCG@10 per challenge: matcher better on ${better}, worse on ${worse}, equal on ${rows.length - better - worse}\n`,
);
await database.close();
