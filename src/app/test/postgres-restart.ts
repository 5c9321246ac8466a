import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { generateSigningKeyPem } from "../../core/audit/signing-key.ts";
import { DEMO_PASSWORD } from "../demo.ts";
import { type CspServer, openUnreadStream, runCsp, signIn, startCspServer } from "./csp-server.ts";
import { createPrivatePostgres, type PrivatePostgres } from "./private-postgres.ts";

/**
 * PostgreSQL restarted under load, end to end: a private cluster (never the machine's shared
 * server), migrated and seeded with the demo data by `csp seed --demo`, the real `csp serve` on
 * it, and a steady load of reads and writes through HTTP. Then `pg_ctl stop -m fast` (or
 * `immediate`, a crash), a few
 * seconds of load against the stopped database, `pg_ctl start -w`, and a few seconds more.
 * Everything the assertions need is recorded; the test (src/app/postgres-restart.test.ts) and
 * the script (scripts/postgres-restart.ts) share this.
 */

export interface RequestRecord {
  kind: "read" | "write";
  /** Milliseconds since the run's origin. */
  start: number;
  end: number;
  /** The HTTP status, or what happened instead of an answer. */
  status: number | "timeout" | "network error";
  retryAfter: string | null;
  code: string | null;
}

export interface RestartReport {
  pidBefore: number;
  pidAfter: number;
  stillRunning: boolean;
  /** When `pg_ctl stop` was called and when it returned (the server is down). */
  stopCalledAt: number;
  downAt: number;
  /** When `pg_ctl start -w` was called, and when a new connection first succeeded. */
  startCalledAt: number;
  acceptingAt: number;
  /** From the stop call to PostgreSQL accepting connections again. */
  outageMs: number;
  /** Every answer to a request sent after the database was down and done before it was started. */
  outageAnswers: RequestRecord[];
  /** From PostgreSQL accepting connections to the app's first 200 on a read / 201 on a write. */
  firstReadMs: number | null;
  firstWriteMs: number | null;
  readsBefore: Percentiles;
  readsAfter: Percentiles;
  writesAcknowledged: number;
  /** Acknowledged (201) organisations missing from the database at the end. */
  lostWrites: string[];
  /** Answers that must never happen: 5xx other than 503, timeouts, dropped connections. */
  badAnswers: RequestRecord[];
  statusCounts: Record<string, number>;
  /** A notification made after the restart reached a stream opened before it, in this many ms. */
  streamEventMs: number | null;
  records: RequestRecord[];
  loadAverage: { before: number[]; after: number[] };
  timeoutMs: number;
}

export interface Percentiles {
  count: number;
  p50: number;
  p99: number;
}

export interface RestartOptions {
  /** Phases of load, in ms: before the stop, with the database stopped, after its start. */
  beforeMs?: number;
  outageMs?: number;
  afterMs?: number;
  readers?: number;
  writers?: number;
  /** A request without an answer after this long counts as a hang. */
  timeoutMs?: number;
  /** How PostgreSQL is stopped: `fast` (the default; a clean shutdown) or `immediate` (a crash). */
  stopMode?: "fast" | "immediate";
  log?: (line: string) => void;
}

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number) =>
    sorted.length === 0
      ? Number.NaN
      : sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
  return { count: sorted.length, p50: at(0.5), p99: at(0.99) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runPostgresRestart(options: RestartOptions = {}): Promise<RestartReport> {
  const log = options.log ?? (() => {});
  const timeoutMs = options.timeoutMs ?? 10_000;
  const folder = mkdtempSync(join(tmpdir(), "csp-pg-restart-"));
  let cluster: PrivatePostgres | undefined;
  let server: CspServer | undefined;
  const closers: Array<() => Promise<void>> = [];
  try {
    log("creating a private PostgreSQL cluster (initdb)…");
    cluster = await createPrivatePostgres();
    const settings = {
      DATABASE_URL: cluster.url,
      AUDIT_SIGNING_KEY: generateSigningKeyPem(),
      DATA_DIR: folder,
    };
    log(`cluster on port ${cluster.port}; migrating and seeding the demo data (csp seed --demo)…`);
    const seeded = await runCsp(["seed", "--demo"], settings);
    if (seeded.code !== 0) throw new Error(`csp seed --demo failed:\n${seeded.output}`);
    log("starting csp serve…");
    server = await startCspServer(settings);
    const { url } = server;

    // The writers' credential: a personal API token of the demo founder (no CSRF, no cookie).
    const founder = await signIn(url, "founder@demo.city-solutions.org", DEMO_PASSWORD);
    const tokenAnswer = await fetch(`${url}/api/v1/me/tokens`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: founder.cookie,
        "x-csrf-token": founder.csrfToken,
      },
      body: JSON.stringify({ name: "restart writers" }),
    });
    if (tokenAnswer.status !== 201) throw new Error(`token: ${tokenAnswer.status}`);
    const token = ((await tokenAnswer.json()) as { token: string }).token;
    const list = (await (await fetch(`${url}/api/v1/challenges?limit=50`)).json()) as {
      challenges: Array<{ id: string; status: string; city: { name: string } | null }>;
    };
    const challenge = list.challenges.find(
      (entry) => entry.status === "published" && entry.city?.name === "Copenhagen",
    );
    if (!challenge) throw new Error("no published Copenhagen challenge in the demo data");

    // A live page of the Copenhagen official, open across the restart.
    const official = await signIn(url, "city@demo.city-solutions.org", DEMO_PASSWORD);
    const stream = await openUnreadStream(url, official.cookie);
    closers.push(() => stream.close());
    const unreadBefore = await stream.next(10_000);

    const origin = Date.now();
    const now = () => Date.now() - origin;
    const records: RequestRecord[] = [];
    const acknowledged: string[] = [];
    let running = true;

    const send = async (kind: RequestRecord["kind"], request: () => Promise<Response>) => {
      const start = now();
      try {
        const response = await request();
        const text = await response.text();
        let code: string | null = null;
        let id: string | null = null;
        try {
          const body = JSON.parse(text) as { code?: string; id?: string };
          code = body.code ?? null;
          id = body.id ?? null;
        } catch {
          // Not JSON: nothing more to record.
        }
        if (kind === "write" && response.status === 201 && id) acknowledged.push(id);
        records.push({
          kind,
          start,
          end: now(),
          status: response.status,
          retryAfter: response.headers.get("retry-after"),
          code,
        });
      } catch (error) {
        const timedOut = (error as Error).name === "TimeoutError";
        records.push({
          kind,
          start,
          end: now(),
          status: timedOut ? "timeout" : "network error",
          retryAfter: null,
          code: (error as Error).message,
        });
      }
    };
    const reader = async () => {
      while (running) {
        await send("read", () =>
          fetch(`${url}/api/v1/challenges/${challenge.id}`, {
            signal: AbortSignal.timeout(timeoutMs),
          }),
        );
        await sleep(20);
      }
    };
    const writer = async (name: string) => {
      for (let index = 0; running; index++) {
        await send("write", () =>
          fetch(`${url}/api/v1/organisations`, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
            body: JSON.stringify({
              name: `Restart ${name} ${index} ${randomBytes(3).toString("hex")}`,
              kind: "company",
              country: "DK",
            }),
            signal: AbortSignal.timeout(timeoutMs),
          }),
        );
        await sleep(20);
      }
    };

    const loadBefore = loadavg();
    log("load running; stopping PostgreSQL soon…");
    const load = Promise.all([
      ...Array.from({ length: options.readers ?? 3 }, () => reader()),
      ...Array.from({ length: options.writers ?? 2 }, (_, index) => writer(`w${index}`)),
    ]);
    try {
      await sleep(options.beforeMs ?? 3_000);
      const stopCalledAt = now();
      const stopMode = options.stopMode ?? "fast";
      await cluster.stop(stopMode);
      const downAt = now();
      log(`PostgreSQL stopped (pg_ctl stop -m ${stopMode} took ${downAt - stopCalledAt} ms)`);
      await sleep(options.outageMs ?? 3_000);

      // Started while a probe of our own connects every 20 ms: the moment PostgreSQL accepts
      // connections is when the first probe succeeds (pg_ctl -w only looks every 100 ms).
      const startCalledAt = now();
      let acceptingAt: number | null = null;
      const probe = (async () => {
        while (acceptingAt === null && now() - startCalledAt < 60_000) {
          if (await cluster.accepting()) acceptingAt = now();
          else await sleep(20);
        }
      })();
      await cluster.start();
      await probe;
      if (acceptingAt === null) throw new Error("PostgreSQL did not accept connections");
      const accepting: number = acceptingAt;
      log(`PostgreSQL accepting again ${accepting - startCalledAt} ms after pg_ctl start`);
      await sleep(options.afterMs ?? 3_000);
      running = false;
      await load;

      // A notification made now reaches the page that has been open since before the restart:
      // the process's LISTEN connection came back by itself.
      const asked = Date.now();
      const question = await fetch(`${url}/api/v1/challenges/${challenge.id}/questions`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          cookie: founder.cookie,
          "x-csrf-token": founder.csrfToken,
        },
        body: JSON.stringify({ question: "Is the heat network's data available after a restart?" }),
      });
      let streamEventMs: number | null = null;
      if (question.status === 201) {
        // Counts sent before it (the feed re-sends a fresh count once LISTEN is back) are skipped.
        const deadline = asked + 5_000;
        for (;;) {
          const unread = await stream.next(Math.max(0, deadline - Date.now())).catch(() => null);
          if (unread === null) break;
          if (unread === unreadBefore + 1) {
            streamEventMs = Date.now() - asked;
            break;
          }
        }
      } else {
        log(`asking a question after the restart: ${question.status} ${await question.text()}`);
      }

      const firstAfter = (kind: RequestRecord["kind"], status: number) => {
        const ends = records
          .filter((record) => record.kind === kind && record.status === status)
          .map((record) => record.end)
          .filter((end) => end >= accepting);
        return ends.length === 0 ? null : Math.min(...ends) - accepting;
      };
      const firstReadMs = firstAfter("read", 200);
      const firstWriteMs = firstAfter("write", 201);
      const recovered = accepting + Math.max(firstReadMs ?? 0, firstWriteMs ?? 0);
      const readTimes = (from: number, to: number) =>
        records
          .filter(
            (record) =>
              record.kind === "read" &&
              record.status === 200 &&
              record.start >= from &&
              record.end <= to,
          )
          .map((record) => record.end - record.start);

      const pidAfter = server.process.pid ?? -1;
      const stillRunning = server.running();
      const stored = new Set<string>();
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ id: string }>(
          "select id from organisations where id = any($1::uuid[])",
          [acknowledged],
        );
        for (const row of rows) stored.add(row.id);
      } finally {
        await client.end();
      }
      const statusCounts: Record<string, number> = {};
      for (const record of records) {
        const key = `${record.kind} ${record.status}`;
        statusCounts[key] = (statusCounts[key] ?? 0) + 1;
      }
      return {
        pidBefore: server.pid,
        pidAfter,
        stillRunning,
        stopCalledAt,
        downAt,
        startCalledAt,
        acceptingAt: accepting,
        outageMs: accepting - stopCalledAt,
        outageAnswers: records.filter(
          (record) => record.start >= downAt && record.end <= startCalledAt,
        ),
        firstReadMs,
        firstWriteMs,
        readsBefore: percentiles(readTimes(0, stopCalledAt)),
        readsAfter: percentiles(readTimes(recovered, Number.POSITIVE_INFINITY)),
        writesAcknowledged: acknowledged.length,
        lostWrites: acknowledged.filter((id) => !stored.has(id)),
        badAnswers: records.filter(
          (record) =>
            typeof record.status !== "number" || (record.status >= 500 && record.status !== 503),
        ),
        statusCounts,
        streamEventMs,
        records,
        loadAverage: { before: loadBefore, after: loadavg() },
        timeoutMs,
      };
    } finally {
      running = false;
      await load;
    }
  } catch (error) {
    if (server) {
      const lines = server
        .output()
        .split("\n")
        .filter((line) => !line.includes('"msg":"database unavailable"'));
      log(
        `server output (without its "database unavailable" lines):\n${lines.slice(-60).join("\n")}`,
      );
      log(
        `server: ${server.running() ? "running" : `exited (${server.process.exitCode ?? server.process.signalCode})`}`,
      );
    }
    throw error;
  } finally {
    for (const close of closers) await close().catch(() => {});
    await server?.stop().catch(() => {});
    await cluster?.destroy();
    rmSync(folder, { recursive: true, force: true });
  }
}
