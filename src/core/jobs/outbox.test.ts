import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ManualClock, MINUTE } from "../clock.ts";
import type { DatabaseHandle, Db } from "../db/client.ts";
import { createTestDatabase, testEngine } from "../testing/database.ts";
import {
  claimJobs,
  completeJob,
  drainJobs,
  enqueueJob,
  failJob,
  type JobHandlers,
  type OutboxJob,
  runDueJobs,
  startJobWorker,
} from "./outbox.ts";
import { outboxJobs } from "./schema.ts";

async function jobRow(db: Db, id: number) {
  const [row] = await db.select().from(outboxJobs).where(eq(outboxJobs.id, id));
  if (!row) throw new Error(`no job ${id}`);
  return row;
}

describe("outbox", () => {
  let database: DatabaseHandle;
  let db: Db;
  let clock: ManualClock;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    clock = new ManualClock();
    // Each test starts with an empty queue; earlier tests' finished jobs would not run anyway,
    // but counting "claimed" is simpler without them.
    await db.delete(outboxJobs);
  });

  it("keeps no job queued by a transaction that rolled back", async () => {
    let queued: number | undefined;
    await expect(
      db.transaction(async (tx) => {
        queued = await enqueueJob(tx, clock, { kind: "test.noop", payload: { n: 1 } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(queued).toBeTypeOf("number");
    expect(await db.select().from(outboxJobs)).toEqual([]);
    let calls = 0;
    expect(await drainJobs(db, clock, { "test.noop": async () => void calls++ })).toBe(0);
    expect(calls).toBe(0);
  });

  it("runs a committed job once and marks it complete", async () => {
    const seen: OutboxJob[] = [];
    const handlers: JobHandlers = {
      "test.record": async (job) => {
        seen.push(job);
      },
    };
    const id = await db.transaction((tx) =>
      enqueueJob(tx, clock, { kind: "test.record", payload: { greeting: "hello" } }),
    );
    const first = await runDueJobs(db, clock, handlers);
    expect(first).toEqual({ claimed: 1, completed: 1, failed: 0 });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ id, kind: "test.record", payload: { greeting: "hello" } });

    const row = await jobRow(db, id);
    expect(row.completedAt).toEqual(clock.now());
    expect(row.failedAt).toBeNull();
    expect(row.attempts).toBe(1);

    clock.advance(24 * 60 * MINUTE);
    expect(await runDueJobs(db, clock, handlers)).toEqual({ claimed: 0, completed: 0, failed: 0 });
    expect(seen).toHaveLength(1);
  });

  it("waits for a job's run time", async () => {
    let calls = 0;
    const handlers: JobHandlers = { "test.later": async () => void calls++ };
    await enqueueJob(db, clock, {
      kind: "test.later",
      payload: {},
      runAt: new Date(clock.now().getTime() + 10 * MINUTE),
    });
    expect((await runDueJobs(db, clock, handlers)).claimed).toBe(0);
    clock.advance(10 * MINUTE);
    expect((await runDueJobs(db, clock, handlers)).completed).toBe(1);
    expect(calls).toBe(1);
  });

  it("retries a failing job with a growing backoff, then marks it failed", async () => {
    let calls = 0;
    const handlers: JobHandlers = {
      "test.flaky": async () => {
        calls += 1;
        throw new Error(`refused, attempt ${calls}`);
      },
    };
    const id = await enqueueJob(db, clock, { kind: "test.flaky", payload: {}, maxAttempts: 4 });
    const backoffs: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      const result = await runDueJobs(db, clock, handlers);
      expect(result).toEqual({ claimed: 1, completed: 0, failed: 1 });
      expect(calls).toBe(attempt);
      const row = await jobRow(db, id);
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toBe(`refused, attempt ${attempt}`);
      expect(row.completedAt).toBeNull();
      if (attempt === 4) {
        expect(row.failedAt).toEqual(clock.now());
        break;
      }
      expect(row.failedAt).toBeNull();
      const backoff = row.runAt.getTime() - clock.now().getTime();
      expect(backoff).toBeGreaterThan(0);
      backoffs.push(backoff);
      // Not retried before its time...
      clock.advance(backoff - 1);
      expect((await runDueJobs(db, clock, handlers)).claimed).toBe(0);
      // ...and retried when it comes.
      clock.advance(1);
    }
    expect(backoffs).toHaveLength(3);
    expect(backoffs[1]!).toBeGreaterThan(backoffs[0]!);
    expect(backoffs[2]!).toBeGreaterThan(backoffs[1]!);

    // Given up: never claimed again.
    clock.advance(30 * 24 * 60 * MINUTE);
    expect((await runDueJobs(db, clock, handlers)).claimed).toBe(0);
    expect(calls).toBe(4);
  });

  it("fails a job of a kind nobody handles, without stopping the others", async () => {
    let calls = 0;
    const unknown = await enqueueJob(db, clock, {
      kind: "test.unknown",
      payload: {},
      maxAttempts: 1,
    });
    await enqueueJob(db, clock, { kind: "test.known", payload: {} });
    const result = await runDueJobs(db, clock, { "test.known": async () => void calls++ });
    expect(result).toEqual({ claimed: 2, completed: 1, failed: 1 });
    expect(calls).toBe(1);
    const row = await jobRow(db, unknown);
    expect(row.failedAt).not.toBeNull();
    expect(row.lastError).toMatch(/test\.unknown/);
  });

  it("claims a job again when its worker's lease expired, and ignores the late worker", async () => {
    let calls = 0;
    const handlers: JobHandlers = { "test.leased": async () => void calls++ };
    const id = await enqueueJob(db, clock, { kind: "test.leased", payload: {} });
    // A worker claims the job, then dies (never completes it).
    const [claimed] = await claimJobs(db, {
      workerId: "worker-that-died",
      limit: 10,
      leaseMs: 5 * MINUTE,
      now: clock.now(),
    });
    expect(claimed?.id).toBe(id);

    // While the lease runs, nobody else takes it.
    clock.advance(5 * MINUTE - 1_000);
    expect((await runDueJobs(db, clock, handlers)).claimed).toBe(0);

    clock.advance(2_000);
    expect(await runDueJobs(db, clock, handlers, { workerId: "worker-2" })).toEqual({
      claimed: 1,
      completed: 1,
      failed: 0,
    });
    expect(calls).toBe(1);
    const completedAt = (await jobRow(db, id)).completedAt;
    expect(completedAt).not.toBeNull();

    // The first worker wakes up late: its outcome must not overwrite the second one's.
    clock.advance(MINUTE);
    await failJob(db, claimed!, "worker-that-died", clock.now(), new Error("late failure"));
    await completeJob(db, claimed!, "worker-that-died", clock.now());
    const row = await jobRow(db, id);
    expect(row.completedAt).toEqual(completedAt);
    expect(row.failedAt).toBeNull();
    expect(row.lastError).toBeNull();
  });

  it("gives up on a job whose workers keep dying once its attempts are used", async () => {
    const id = await enqueueJob(db, clock, { kind: "test.crashes", payload: {}, maxAttempts: 2 });
    for (let attempt = 1; attempt <= 2; attempt++) {
      const claimed = await claimJobs(db, {
        workerId: `worker-${attempt}`,
        limit: 10,
        leaseMs: MINUTE,
        now: clock.now(),
      });
      expect(claimed.map((job) => job.id)).toEqual([id]);
      clock.advance(MINUTE + 1_000); // the worker crashed: its lease runs out
    }
    let calls = 0;
    const result = await runDueJobs(db, clock, { "test.crashes": async () => void calls++ });
    expect(result.claimed).toBe(0);
    expect(calls).toBe(0);
    const row = await jobRow(db, id);
    expect(row.failedAt).not.toBeNull();
    expect(row.lastError).toMatch(/lease/);
  });

  it("counts a late success of a job given up on as done", async () => {
    const id = await enqueueJob(db, clock, { kind: "test.slow", payload: {}, maxAttempts: 1 });
    const [claimed] = await claimJobs(db, {
      workerId: "slow-worker",
      limit: 1,
      leaseMs: MINUTE,
      now: clock.now(),
    });
    clock.advance(2 * MINUTE);
    expect((await runDueJobs(db, clock, {})).claimed).toBe(0); // gives up on it
    expect((await jobRow(db, id)).failedAt).not.toBeNull();
    await completeJob(db, claimed!, "slow-worker", clock.now()); // the slow worker did finish
    const row = await jobRow(db, id);
    expect(row.completedAt).not.toBeNull();
    expect(row.failedAt).toBeNull();
  });

  it("runs jobs in a background worker, woken by a nudge, until stopped", async () => {
    const handled: number[] = [];
    const errors: unknown[] = [];
    const worker = startJobWorker(
      db,
      clock,
      { "test.background": async (job) => void handled.push(job.id) },
      { pollMs: 60 * MINUTE, onError: (error) => errors.push(error) },
    );
    const id = await enqueueJob(db, clock, { kind: "test.background", payload: {} });
    worker.nudge();
    await vi.waitFor(() => expect(handled).toEqual([id]), { timeout: 10_000 });
    await worker.stop();

    const afterStop = await enqueueJob(db, clock, { kind: "test.background", payload: {} });
    worker.nudge();
    await drainJobs(db, clock, {}); // would claim it if the stopped worker had not
    expect(handled).toEqual([id]);
    expect((await jobRow(db, afterStop)).attempts).toBe(1); // claimed once, by the drain
    expect(errors).toEqual([]);
  });
});

describe.runIf(testEngine() === "postgres")("outbox with concurrent workers (PostgreSQL)", () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it("runs each of 200 jobs exactly once across 4 workers", async () => {
    const clock = new ManualClock();
    const db = database.db;
    const ids: number[] = [];
    for (let batch = 0; batch < 4; batch++) {
      await db.transaction(async (tx) => {
        for (let index = 0; index < 50; index++) {
          ids.push(await enqueueJob(tx, clock, { kind: "test.count", payload: { batch, index } }));
        }
      });
    }
    const calls = new Map<number, number>();
    const workersSeen = new Map<number, string>();
    const makeHandlers = (workerId: string): JobHandlers => ({
      "test.count": async (job) => {
        calls.set(job.id, (calls.get(job.id) ?? 0) + 1);
        workersSeen.set(job.id, workerId);
        // Yield, so the workers' claims and completions interleave.
        await new Promise((resolve) => setImmediate(resolve));
      },
    });
    const worker = async (workerId: string) => {
      let handled = 0;
      for (;;) {
        const { claimed } = await runDueJobs(db, clock, makeHandlers(workerId), {
          workerId,
          limit: 5,
        });
        if (claimed === 0) return handled;
        handled += claimed;
      }
    };
    const handled = await Promise.all(["w1", "w2", "w3", "w4"].map(worker));

    expect(handled.reduce((sum, n) => sum + n, 0)).toBe(200);
    expect(calls.size).toBe(200);
    expect([...calls.values()].every((count) => count === 1)).toBe(true);
    expect(new Set(ids)).toEqual(new Set(calls.keys()));
    // The work was shared, not done by one worker while the others waited.
    expect(new Set(workersSeen.values()).size).toBeGreaterThan(1);
    const rows = await db.select().from(outboxJobs);
    expect(rows.every((row) => row.completedAt !== null && row.attempts === 1)).toBe(true);
  });
});
