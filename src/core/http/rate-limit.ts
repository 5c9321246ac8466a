import { and, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { rateLimitCounters } from "./rate-limit-schema.ts";

export interface RateLimitResult {
  allowed: boolean;
  hits: number;
  retryAfterSeconds: number;
}

/**
 * Counts one hit against `key` in a fixed window and says whether it is within `limit`.
 * One upsert, so concurrent hits from several app processes are all counted.
 */
export async function consumeRateLimit(
  db: Db,
  options: { key: string; limit: number; windowMs: number; now: Date },
): Promise<RateLimitResult> {
  const { key, limit, windowMs, now } = options;
  const windowOpen = new Date(now.getTime() - windowMs);
  const [counter] = await db
    .insert(rateLimitCounters)
    .values({ key, windowStart: now, hits: 1, windowMs })
    .onConflictDoUpdate({
      target: rateLimitCounters.key,
      set: {
        hits: sql`case when ${rateLimitCounters.windowStart} <= ${windowOpen} then 1 else ${rateLimitCounters.hits} + 1 end`,
        windowStart: sql`case when ${rateLimitCounters.windowStart} <= ${windowOpen} then ${now} else ${rateLimitCounters.windowStart} end`,
        windowMs,
      },
    })
    .returning({ hits: rateLimitCounters.hits, windowStart: rateLimitCounters.windowStart });
  const hits = counter?.hits ?? 1;
  const windowStart = counter?.windowStart ?? now;
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000),
  );
  return { allowed: hits <= limit, hits, retryAfterSeconds };
}

/** Reads the count without adding a hit. */
export async function peekRateLimit(
  db: Db,
  options: { key: string; limit: number; windowMs: number; now: Date },
): Promise<RateLimitResult> {
  const rows = await db
    .select({ hits: rateLimitCounters.hits, windowStart: rateLimitCounters.windowStart })
    .from(rateLimitCounters)
    .where(sql`${rateLimitCounters.key} = ${options.key}`);
  const counter = rows[0];
  if (!counter || counter.windowStart.getTime() <= options.now.getTime() - options.windowMs) {
    return { allowed: true, hits: 0, retryAfterSeconds: 0 };
  }
  return {
    allowed: counter.hits < options.limit,
    hits: counter.hits,
    retryAfterSeconds: Math.max(
      1,
      Math.ceil((counter.windowStart.getTime() + options.windowMs - options.now.getTime()) / 1000),
    ),
  };
}

export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.delete(rateLimitCounters).where(sql`${rateLimitCounters.key} = ${key}`);
}

/** Drops windows that have closed; run by the maintenance job. */
export async function pruneRateLimits(db: Db, now: Date): Promise<void> {
  await db
    .delete(rateLimitCounters)
    .where(
      and(
        lt(
          sql`${rateLimitCounters.windowStart} + (${rateLimitCounters.windowMs} * interval '1 millisecond')`,
          now,
        ),
      ),
    );
}
