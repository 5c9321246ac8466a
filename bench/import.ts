/**
 * What a bulk import costs. Generates N solutions (default 10,000) over demo-like organisations
 * (a cluster, its member companies and research institutes), as a CSV and as a bundle, and
 * imports each into a fresh in-memory PGlite with progress on stderr; compares with a baseline
 * in the same process: a plain multi-row insert of the same rows into the solutions table
 * (500 a statement, one transaction: no validation, capabilities, versions, refs or audit).
 * Then re-imports the bundle (nothing changes: the idempotent path).
 *
 *   node bin/run-script.mjs bench/import.ts [N]
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { systemClock } from "../src/core/clock.ts";
import type { ServiceContext } from "../src/core/context.ts";
import { openPglite } from "../src/core/db/client.ts";
import { ensureCapabilityTaxonomy } from "../src/modules/catalogue/index.ts";
import { solutions as solutionsTable } from "../src/modules/catalogue/schema.ts";
import { writeSolutionsCsv } from "../src/modules/exchange/csv-solutions.ts";
import {
  exportText,
  type ImportProgress,
  importFileAsPlatform,
} from "../src/modules/exchange/index.ts";
import { ensureC40Cities } from "../src/modules/organisations/index.ts";

const count = Number(process.argv[2] ?? 10_000);

const sectors = ["energy", "buildings", "mobility", "waste", "water", "adaptation", "air"];
const capabilityEntries = [
  "water.leak-detection",
  "adaptation.stormwater",
  "pluvial flooding",
  "district heating",
  "heat network",
  "energy",
  "mobility",
  "waste",
];
const countries = ["DK", "SE", "NO", "FI", "DE", "NL", "FR", "ES"];

const organisations = [
  {
    ref: "cluster",
    name: "Bench Cleantech Cluster",
    kind: "cluster",
    country: "DK",
    clusters: [] as string[],
  },
  ...Array.from({ length: 24 }, (_, index) => ({
    ref: `member-${index + 1}`,
    name: `Bench ${index % 4 === 3 ? "Institute" : "Company"} ${index + 1}`,
    kind: index % 4 === 3 ? "research" : "company",
    country: countries[index % countries.length]!,
    clusters: ["cluster"],
  })),
];

const solutions = Array.from({ length: count }, (_, index) => ({
  ref: `bench-${String(index + 1).padStart(6, "0")}`,
  organisation: `member-${(index % 24) + 1}`,
  title: `Bench solution ${index + 1}: ${sectors[index % sectors.length]} pilot`,
  summary: `A generated solution for the import bench, number ${index + 1}, with enough text.`,
  description: `Line one of solution ${index + 1}.\n\nIt has "quotes", commas, and; semicolons.`,
  sectors: [sectors[index % sectors.length]!, sectors[(index + 3) % sectors.length]!],
  capabilities: [
    capabilityEntries[index % capabilityEntries.length]!,
    capabilityEntries[(index + 1) % capabilityEntries.length]!,
  ],
  trl: (index % 9) + 1,
  countriesDeployed: [countries[index % countries.length]!],
  referenceLinks: [`https://example.org/bench/${index + 1}`],
}));

async function freshPlatform(): Promise<{ ctx: ServiceContext; close: () => Promise<void> }> {
  const database = await openPglite();
  await database.migrate();
  await ensureC40Cities(database.db, systemClock);
  await ensureCapabilityTaxonomy(database.db, systemClock);
  const ctx = { db: database.db, clock: systemClock, publicUrl: "http://bench", demo: false };
  await importFileAsPlatform(
    ctx,
    JSON.stringify({ format: "city-solutions-bundle/1", organisations }),
    { dryRun: false },
  );
  return { ctx, close: () => database.close() };
}

function progress(label: string) {
  let last = -1;
  let lastPhase = "";
  return ({ phase, done, total }: ImportProgress) => {
    const percent = total ? Math.floor((done / total) * 100) : 100;
    if (phase === lastPhase && percent < last + 10 && percent !== 100) return;
    last = percent;
    lastPhase = phase;
    process.stderr.write(
      `  ${label}: ${phase === "validated" ? `validated ${done} records` : `written ${done}/${total} (${percent}%)`}\n`,
    );
  };
}

const rate = (ms: number) => Math.round((count / ms) * 1000);

// Baseline: the same rows straight into the table.
let platform = await freshPlatform();
const providerIds = (await platform.ctx.db.execute(
  "select id from organisations where kind <> 'cluster' order by name" as never,
)) as unknown as { rows: Array<{ id: string }> };
let started = performance.now();
await platform.ctx.db.transaction(async (tx) => {
  const now = new Date();
  for (let start = 0; start < solutions.length; start += 500) {
    await tx.insert(solutionsTable).values(
      solutions.slice(start, start + 500).map((solution, offset) => ({
        id: randomUUID(),
        providerId: providerIds.rows[(start + offset) % providerIds.rows.length]!.id,
        providerKind: "company" as const,
        title: solution.title,
        summary: solution.summary,
        description: solution.description,
        sectors: solution.sectors,
        trl: solution.trl,
        countries: solution.countriesDeployed,
        media: [],
        referenceLinks: solution.referenceLinks,
        version: 1,
        status: "active" as const,
        createdAt: now,
        updatedAt: now,
      })),
    );
  }
});
const baselineMs = performance.now() - started;
await platform.close();

// CSV import.
const csv = writeSolutionsCsv(
  solutions.map((solution) => ({ ...solution, description: solution.description })),
);
platform = await freshPlatform();
started = performance.now();
const csvReport = await importFileAsPlatform(platform.ctx, csv, {
  dryRun: false,
  onProgress: progress("csv"),
});
const csvMs = performance.now() - started;
await platform.close();

// Bundle import, then the same bundle again.
const bundle = JSON.stringify({ format: "city-solutions-bundle/1", organisations, solutions });
platform = await freshPlatform();
started = performance.now();
const bundleReport = await importFileAsPlatform(platform.ctx, bundle, {
  dryRun: false,
  onProgress: progress("bundle"),
});
const bundleMs = performance.now() - started;
started = performance.now();
const againReport = await importFileAsPlatform(platform.ctx, bundle, { dryRun: false });
const againMs = performance.now() - started;
started = performance.now();
const exported = await exportText(platform.ctx.db, "bundle");
const exportMs = performance.now() - started;
await platform.close();

const line = (label: string, ms: number) =>
  `  ${label.padEnd(34)} ${(ms / 1000).toFixed(1).padStart(6)} s  ${String(rate(ms)).padStart(6)} rows/s  ×${(ms / baselineMs).toFixed(1)} the baseline`;
console.log(
  `import of ${count} solutions over ${organisations.length} organisations, PGlite in memory`,
);
console.log(line("plain multi-row insert (baseline)", baselineMs));
console.log(
  `${line("CSV import", csvMs)}  (${csvReport.solutions.created} created, ${csv.length} bytes)`,
);
console.log(
  `${line("bundle import", bundleMs)}  (${bundleReport.solutions.created} created, ${bundle.length} bytes)`,
);
console.log(
  `${line("same bundle again (no change)", againMs)}  (${againReport.solutions.unchanged} unchanged)`,
);
console.log(`${line("export of the bundle", exportMs)}  (${exported.length} bytes)`);
