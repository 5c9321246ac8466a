/**
 * PostgreSQL restarted under load: a private cluster (initdb into a temporary folder, a free
 * port; the machine's own server is never touched), migrated and seeded by `csp seed --demo`,
 * the real `csp serve` on it and a steady load of reads (a challenge page) and writes (an
 * organisation with its audit event) through HTTP. Then `pg_ctl stop -m fast`, load against the
 * stopped database, `pg_ctl start -w`, and more load. Prints the outage, the answers during it,
 * the time from PostgreSQL accepting connections to the app's first good read and write, read
 * latencies before and after, and whether an acknowledged write was lost.
 *
 *   node bin/run-script.mjs scripts/postgres-restart.ts [--outage-seconds 3] [--readers 3] [--writers 2]
 *     [--stop-mode fast|immediate]
 *
 * `immediate` stops PostgreSQL as a crash would (no shutdown checkpoint; recovery from the WAL on
 * start).
 *
 * Needs /usr/lib/postgresql/<version>/bin (and, as root, runuser and a postgres user). Exit 1
 * when an answer in the outage is not a 503 with Retry-After, a request hung or failed with
 * another 5xx, the app took more than 5 s to recover, its process changed, or a write was lost.
 */
import { parseArgs } from "node:util";
import { runPostgresRestart } from "../src/app/test/postgres-restart.ts";
import { findPostgresBinaries } from "../src/app/test/private-postgres.ts";

const { values: options } = parseArgs({
  options: {
    "before-seconds": { type: "string", default: "3" },
    "outage-seconds": { type: "string", default: "3" },
    "after-seconds": { type: "string", default: "3" },
    readers: { type: "string", default: "3" },
    writers: { type: "string", default: "2" },
    "stop-mode": { type: "string", default: "fast" },
  },
});

const binaries = findPostgresBinaries();
if ("missing" in binaries) {
  process.stderr.write(`Cannot make a private PostgreSQL cluster: ${binaries.missing}.\n`);
  process.exit(2);
}

const started = Date.now();
const report = await runPostgresRestart({
  beforeMs: Number(options["before-seconds"]) * 1_000,
  outageMs: Number(options["outage-seconds"]) * 1_000,
  afterMs: Number(options["after-seconds"]) * 1_000,
  readers: Number(options.readers),
  writers: Number(options.writers),
  stopMode: options["stop-mode"] === "immediate" ? "immediate" : "fast",
  log: (line) => process.stdout.write(`${line}\n`),
});

const outage = report.outageAnswers;
const outageGood = outage.filter(
  (record) => record.status === 503 && record.retryAfter !== null,
).length;
const ms = (value: number | null) => (value === null ? "never" : `${value} ms`);
const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(" ");
const recoveredInTime =
  report.firstReadMs !== null &&
  report.firstReadMs <= 5_000 &&
  report.firstWriteMs !== null &&
  report.firstWriteMs <= 5_000;
const ok =
  outage.length > 0 &&
  outageGood === outage.length &&
  report.badAnswers.length === 0 &&
  recoveredInTime &&
  report.pidBefore === report.pidAfter &&
  report.stillRunning &&
  report.lostWrites.length === 0;

process.stdout.write(
  [
    "",
    `pg_ctl stop -m ${(options["stop-mode"] === "immediate" ? "immediate" : "fast").padEnd(9)} took       ${report.downAt - report.stopCalledAt} ms`,
    `outage (stop called → accepting)    ${report.outageMs} ms (pg_ctl start → accepting ${report.acceptingAt - report.startCalledAt} ms)`,
    `answers while stopped               ${outage.length}: ${outageGood} × 503 with Retry-After, ${outage.length - outageGood} other`,
    `first 200 read after accepting      ${ms(report.firstReadMs)}`,
    `first 201 write after accepting     ${ms(report.firstWriteMs)}`,
    `reads before (200)                  ${report.readsBefore.count}: p50 ${report.readsBefore.p50} ms, p99 ${report.readsBefore.p99} ms`,
    `reads after recovery (200)          ${report.readsAfter.count}: p50 ${report.readsAfter.p50} ms, p99 ${report.readsAfter.p99} ms`,
    `writes acknowledged / lost          ${report.writesAcknowledged} / ${report.lostWrites.length}`,
    `500s, hangs (>${report.timeoutMs / 1000} s), dropped connections  ${report.badAnswers.length}`,
    `answers by kind and status          ${Object.entries(report.statusCounts)
      .map(([key, count]) => `${key}: ${count}`)
      .join(", ")}`,
    `live stream across the restart      ${report.streamEventMs === null ? "no event" : `event ${report.streamEventMs} ms after the action`}`,
    `server process                      pid ${report.pidBefore} → ${report.pidAfter}, ${report.stillRunning ? "running" : "gone"}`,
    `load average (1, 5, 15 min)         ${load(report.loadAverage.before)} → ${load(report.loadAverage.after)}`,
    `duration                            ${Math.round((Date.now() - started) / 1000)} s`,
    `result                              ${ok ? "OK" : "FAILED"}`,
    "",
  ].join("\n"),
);
process.exitCode = ok ? 0 : 1;
