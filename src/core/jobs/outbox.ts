import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Clock } from "../clock.ts";
import { type Db, queryRows } from "../db/client.ts";
import { outboxJobs } from "./schema.ts";

export interface OutboxJob {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
}

export type JobHandler = (job: OutboxJob) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

/** Queues a job; pass the transaction of the change that causes it. */
export async function enqueueJob(
  tx: Db,
  clock: Clock,
  job: { kind: string; payload: Record<string, unknown>; runAt?: Date; maxAttempts?: number },
): Promise<number> {
  const now = clock.now();
  const [row] = await tx
    .insert(outboxJobs)
    .values({
      kind: job.kind,
      payload: job.payload,
      runAt: job.runAt ?? now,
      maxAttempts: job.maxAttempts ?? 8,
      createdAt: now,
    })
    .returning({ id: outboxJobs.id });
  return row!.id;
}

/**
 * Claims up to `limit` due jobs for `workerId`, leasing them for `leaseMs`. SKIP LOCKED lets
 * concurrent workers take different jobs instead of waiting on each other; the lease lets
 * another worker retry a job whose worker died.
 */
export async function claimJobs(
  db: Db,
  options: { workerId: string; limit: number; leaseMs: number; now: Date },
): Promise<OutboxJob[]> {
  const leaseEnd = new Date(options.now.getTime() + options.leaseMs);
  const now = options.now.toISOString();
  // A job whose worker died on its last attempt (the lease ran out, no outcome recorded) has
  // used its attempts: give up on it instead of claiming it forever. Otherwise a job that
  // crashes its process would be retried by every worker, without end.
  await db.execute(
    sql`update outbox_jobs set failed_at = ${now}::timestamptz, locked_until = null,
          last_error = 'the worker''s lease ran out on the last attempt (it crashed or took longer than the lease)'
        where completed_at is null and failed_at is null and attempts >= max_attempts
          and locked_until is not null and locked_until < ${now}::timestamptz`,
  );
  const rows = await queryRows<{
    id: string | number;
    kind: string;
    payload: Record<string, unknown>;
    attempts: number;
    max_attempts: number;
  }>(
    db,
    sql`update outbox_jobs set locked_until = ${leaseEnd.toISOString()}::timestamptz,
          locked_by = ${options.workerId}, attempts = attempts + 1
        where id in (
          select id from outbox_jobs
          where completed_at is null and failed_at is null and attempts < max_attempts
            and run_at <= ${options.now.toISOString()}::timestamptz
            and (locked_until is null or locked_until < ${options.now.toISOString()}::timestamptz)
          order by run_at, id
          limit ${options.limit}
          for update skip locked)
        returning id, kind, payload, attempts, max_attempts`,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    kind: row.kind,
    payload: row.payload,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
  }));
}

export async function completeJob(
  db: Db,
  job: OutboxJob,
  workerId: string,
  now: Date,
): Promise<void> {
  await db
    .update(outboxJobs)
    // failedAt too: a slow worker may finish after its expired last lease was given up on.
    .set({ completedAt: now, failedAt: null, lockedUntil: null, lastError: null })
    .where(and(eq(outboxJobs.id, job.id), eq(outboxJobs.lockedBy, workerId)));
}

/** Retries with exponential backoff (capped at an hour) until maxAttempts, then gives up. */
export async function failJob(
  db: Db,
  job: OutboxJob,
  workerId: string,
  now: Date,
  error: unknown,
): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const finalAttempt = job.attempts >= job.maxAttempts;
  const backoffMs = Math.min(60 * 60_000, 2 ** job.attempts * 1_000);
  await db
    .update(outboxJobs)
    .set({
      lockedUntil: null,
      lastError: message.slice(0, 2_000),
      ...(finalAttempt ? { failedAt: now } : { runAt: new Date(now.getTime() + backoffMs) }),
    })
    .where(and(eq(outboxJobs.id, job.id), eq(outboxJobs.lockedBy, workerId)));
}

export interface RunOnceResult {
  claimed: number;
  completed: number;
  failed: number;
}

/** Claims and runs one batch of due jobs. */
export async function runDueJobs(
  db: Db,
  clock: Clock,
  handlers: JobHandlers,
  options: {
    workerId?: string;
    limit?: number;
    leaseMs?: number;
    onError?: (job: OutboxJob, error: unknown) => void;
  } = {},
): Promise<RunOnceResult> {
  const workerId = options.workerId ?? randomUUID();
  const jobs = await claimJobs(db, {
    workerId,
    limit: options.limit ?? 10,
    leaseMs: options.leaseMs ?? 5 * 60_000,
    now: clock.now(),
  });
  const result: RunOnceResult = { claimed: jobs.length, completed: 0, failed: 0 };
  for (const job of jobs) {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job);
      await completeJob(db, job, workerId, clock.now());
      result.completed += 1;
    } catch (error) {
      options.onError?.(job, error);
      await failJob(db, job, workerId, clock.now(), error);
      result.failed += 1;
    }
  }
  return result;
}

/** Runs jobs until none is due: for tests and the CLI. */
export async function drainJobs(db: Db, clock: Clock, handlers: JobHandlers): Promise<number> {
  let total = 0;
  for (;;) {
    const { claimed } = await runDueJobs(db, clock, handlers);
    if (claimed === 0) return total;
    total += claimed;
  }
}

export interface JobWorker {
  stop(): Promise<void>;
  /** Wakes the worker now instead of at its next poll. */
  nudge(): void;
}

/** Polls for due jobs every `pollMs` until stopped. */
export function startJobWorker(
  db: Db,
  clock: Clock,
  handlers: JobHandlers,
  options: { pollMs: number; onError: (error: unknown, job?: OutboxJob) => void },
): JobWorker {
  const workerId = randomUUID();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: () => void = () => {};
  const runBatches = async () => {
    try {
      while (!stopped) {
        const { claimed } = await runDueJobs(db, clock, handlers, {
          workerId,
          onError: (job, error) => options.onError(error, job),
        });
        if (claimed === 0) return;
      }
    } catch (error) {
      options.onError(error);
    }
  };
  const loop = async () => {
    while (!stopped) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, options.pollMs);
      });
      if (!stopped) await runBatches();
    }
  };
  const running = loop();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake();
      await running;
    },
    nudge() {
      if (timer) clearTimeout(timer);
      wake();
    },
  };
}

/** Whether any job of these kinds is still to run (queued, running or being retried). */
export async function hasUnfinishedJobs(db: Db, kinds: string[]): Promise<boolean> {
  const rows = await queryRows<{ unfinished: boolean }>(
    db,
    sql`select exists (select 1 from outbox_jobs
          where completed_at is null and failed_at is null and kind = any(${sql`array[${sql.join(
            kinds.map((kind) => sql`${kind}`),
            sql`, `,
          )}]::text[]`})) as unfinished`,
  );
  return rows[0]?.unfinished === true;
}

/** The payloads of the jobs of one kind still to run: to avoid queueing the same work twice. */
export async function unfinishedJobPayloads(
  db: Db,
  kind: string,
): Promise<Array<Record<string, unknown>>> {
  const rows = await queryRows<{ payload: Record<string, unknown> }>(
    db,
    sql`select payload from outbox_jobs
        where completed_at is null and failed_at is null and kind = ${kind}`,
  );
  return rows.map((row) => row.payload);
}
