/**
 * What the audit chain costs. Appends N events, each in its own transaction as a command does,
 * and compares with the same transactions writing a plain row (the baseline: no lock, no hash,
 * no read of the previous row); then times a full verification of the chain.
 *
 *   node bin/run-script.mjs bench/audit-chain.ts [N]            embedded PGlite (in memory)
 *   BENCH_DATABASE_URL=postgres://… node bin/run-script.mjs bench/audit-chain.ts [N]
 *
 * On PostgreSQL it also runs 50 concurrent appenders and checks that no two rows share a
 * prev_hash. The database named by BENCH_DATABASE_URL gets a scratch database created and dropped.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import pg from "pg";
import { appendAuditEvent, scanAuditChain } from "../src/core/audit/chain.ts";
import { systemClock } from "../src/core/clock.ts";
import { type DatabaseHandle, openPglite, openPostgres, queryRows } from "../src/core/db/client.ts";

const count = Number(process.argv[2] ?? 2_000);
const adminUrl = process.env.BENCH_DATABASE_URL;

async function openScratch(): Promise<{ database: DatabaseHandle; drop: () => Promise<void> }> {
  if (!adminUrl) return { database: await openPglite(), drop: async () => {} };
  const name = `csp_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres({ url: url.toString(), maxConnections: 60 });
  return {
    database,
    drop: async () => {
      await database.close();
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
}

function payload(index: number) {
  return { index, organisationId: randomUUID(), note: `change number ${index}` };
}

const { database, drop } = await openScratch();
const { db } = database;
await database.migrate();
await db.execute(
  sql`create table bench_plain_events (id bigserial primary key, occurred_at timestamptz not null, action text not null, subject_id uuid not null, payload jsonb not null)`,
);

let started = performance.now();
for (let index = 0; index < count; index += 1) {
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`insert into bench_plain_events (occurred_at, action, subject_id, payload) values (now(), 'bench.changed', ${randomUUID()}, ${JSON.stringify(payload(index))}::jsonb)`,
    );
  });
}
const plainMs = performance.now() - started;

started = performance.now();
for (let index = 0; index < count; index += 1) {
  await db.transaction(async (tx) => {
    await appendAuditEvent(tx, systemClock, {
      action: "bench.changed",
      actorId: null,
      subjectType: "bench",
      subjectId: randomUUID(),
      payload: payload(index),
    });
  });
}
const chainMs = performance.now() - started;

started = performance.now();
const scan = await scanAuditChain(db);
const verifyMs = performance.now() - started;

const engine = adminUrl ? "PostgreSQL" : "PGlite";
const perSecond = (ms: number) => Math.round((count / ms) * 1000);
console.log(`audit chain on ${engine}, ${count} events, one transaction each`);
console.log(`  plain insert (baseline): ${plainMs.toFixed(0)} ms, ${perSecond(plainMs)}/s`);
console.log(
  `  chained append:          ${chainMs.toFixed(0)} ms, ${perSecond(chainMs)}/s (×${(chainMs / plainMs).toFixed(2)} the baseline)`,
);
console.log(
  `  verify whole chain:      ${verifyMs.toFixed(0)} ms for ${scan.count} rows, ${perSecond(verifyMs)}/s; ${scan.firstBreak ? `BROKEN at ${scan.firstBreak.seq}` : "OK"}`,
);

if (adminUrl) {
  const writers = 50;
  const each = 20;
  started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let index = 0; index < each; index += 1) {
        await db.transaction((tx) =>
          appendAuditEvent(tx, systemClock, {
            action: "bench.concurrent",
            actorId: null,
            subjectType: "bench",
            subjectId: randomUUID(),
            payload: { writer, index },
          }),
        );
      }
    }),
  );
  const concurrentMs = performance.now() - started;
  const [shared] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (select prev_hash from audit_events group by prev_hash having count(*) > 1) shared`,
  );
  const after = await scanAuditChain(db);
  console.log(
    `  ${writers} concurrent writers × ${each}: ${concurrentMs.toFixed(0)} ms, ${Math.round(((writers * each) / concurrentMs) * 1000)}/s; prev_hash shared by two rows: ${shared?.n}; chain ${after.firstBreak ? "BROKEN" : "OK"} (${after.count} rows)`,
  );
}

await drop();
