import { describe, expect, it } from "vitest";
import { testEngine } from "../core/testing/database.ts";
import { runPostgresRestart } from "./test/postgres-restart.ts";
import { findPostgresBinaries } from "./test/private-postgres.ts";

/**
 * PostgreSQL itself restarted under a running `csp serve` and a steady load of reads and writes
 * through HTTP (a private cluster made by initdb for this test: the machine's shared server is
 * never stopped). While it is down every answer is a 503 with Retry-After; once it accepts
 * connections again the same process serves reads and writes within 5 s, a page's live stream
 * opened before the restart gets the next notification, and no acknowledged write is lost.
 * The figures: `node bin/run-script.mjs scripts/postgres-restart.ts` (docs/quality.md).
 */
const binaries = findPostgresBinaries();
const skipReason =
  testEngine() !== "postgres"
    ? "runs on the postgres project only"
    : "missing" in binaries
      ? `no private PostgreSQL cluster possible: ${binaries.missing}`
      : null;

describe.skipIf(skipReason !== null)(
  `PostgreSQL restarted under load${skipReason ? ` (skipped: ${skipReason})` : ""}`,
  () => {
    it("answers 503 with Retry-After while it is down, recovers within 5 s without a restart, and loses no acknowledged write", async () => {
      const report = await runPostgresRestart({
        beforeMs: 2_500,
        outageMs: 2_500,
        afterMs: 2_500,
        log: (line) => console.info(line),
      });
      console.info(
        `restart: outage ${report.outageMs} ms, ${report.outageAnswers.length} answers while down, first read ${report.firstReadMs} ms and first write ${report.firstWriteMs} ms after PostgreSQL accepted connections, ${report.writesAcknowledged} writes acknowledged`,
      );

      // While it was down: many answers, every one a 503 problem with Retry-After.
      expect(report.outageAnswers.length).toBeGreaterThan(10);
      const notUnavailable = report.outageAnswers.filter(
        (record) =>
          record.status !== 503 ||
          record.retryAfter === null ||
          record.code !== "database_unavailable",
      );
      expect(notUnavailable).toEqual([]);
      // At no time a 500 (or another 5xx than 503), a hang past the timeout or a dropped connection.
      expect(report.badAnswers).toEqual([]);

      // Back by itself within 5 s of PostgreSQL accepting connections, for reads and writes.
      expect(report.firstReadMs).not.toBeNull();
      expect(report.firstReadMs!).toBeLessThanOrEqual(5_000);
      expect(report.firstWriteMs).not.toBeNull();
      expect(report.firstWriteMs!).toBeLessThanOrEqual(5_000);
      expect(report.readsAfter.count).toBeGreaterThan(0);
      // The same process throughout.
      expect(report.stillRunning).toBe(true);
      expect(report.pidAfter).toBe(report.pidBefore);
      // Its LISTEN connection came back: a page open since before the restart hears of a
      // notification made after it.
      expect(report.streamEventMs).not.toBeNull();

      // Every write answered 201 is in the database.
      expect(report.writesAcknowledged).toBeGreaterThan(0);
      expect(report.lostWrites).toEqual([]);
    }, 180_000);
  },
);
