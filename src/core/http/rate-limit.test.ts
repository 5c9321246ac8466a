import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock, MINUTE } from "../clock.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { createTestDatabase, testEngine } from "../testing/database.ts";
import { consumeRateLimit, peekRateLimit, pruneRateLimits, resetRateLimit } from "./rate-limit.ts";
import { rateLimitCounters } from "./rate-limit-schema.ts";

const WINDOW = 15 * MINUTE;

describe("rate limits", () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  const hit = (key: string, clock: ManualClock, limit = 3) =>
    consumeRateLimit(database.db, { key, limit, windowMs: WINDOW, now: clock.now() });
  const peek = (key: string, clock: ManualClock, limit = 3) =>
    peekRateLimit(database.db, { key, limit, windowMs: WINDOW, now: clock.now() });

  it("counts hits in a window and refuses those over the limit", async () => {
    const clock = new ManualClock();
    const results = [];
    for (let index = 0; index < 5; index++) {
      results.push(await hit("count", clock));
      clock.advance(MINUTE);
    }
    expect(results.map((result) => result.hits)).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false, false]);
    // The window opened at the first hit; the fourth came 3 minutes in: 12 minutes to wait.
    expect(results[3]!.retryAfterSeconds).toBe(12 * 60);
    expect(results[4]!.retryAfterSeconds).toBe(11 * 60);
  });

  it("keeps keys apart", async () => {
    const clock = new ManualClock();
    for (let index = 0; index < 4; index++) await hit("apart-a", clock);
    expect((await hit("apart-b", clock)).hits).toBe(1);
    expect((await peek("apart-a", clock)).hits).toBe(4);
  });

  it("peeks without counting", async () => {
    const clock = new ManualClock();
    expect(await peek("peek", clock)).toMatchObject({ allowed: true, hits: 0 });
    await hit("peek", clock);
    await hit("peek", clock);
    expect(await peek("peek", clock)).toMatchObject({ allowed: true, hits: 2 });
    expect(await peek("peek", clock)).toMatchObject({ allowed: true, hits: 2 });
    await hit("peek", clock);
    // Three used of three: the next would be refused.
    expect(await peek("peek", clock)).toMatchObject({ allowed: false, hits: 3 });
  });

  it("starts a new window once the old one has passed", async () => {
    const clock = new ManualClock();
    for (let index = 0; index < 4; index++) await hit("reset", clock);
    expect((await hit("reset", clock)).allowed).toBe(false);

    clock.advance(WINDOW - 1_000);
    expect((await hit("reset", clock)).allowed).toBe(false); // still the same window
    expect((await peek("reset", clock)).allowed).toBe(false);

    clock.advance(1_000);
    expect(await peek("reset", clock)).toMatchObject({ allowed: true, hits: 0 });
    const fresh = await hit("reset", clock);
    expect(fresh).toMatchObject({ allowed: true, hits: 1 });
    expect(fresh.retryAfterSeconds).toBe(WINDOW / 1000);
  });

  it("forgets a key on reset", async () => {
    const clock = new ManualClock();
    for (let index = 0; index < 5; index++) await hit("forget", clock);
    await resetRateLimit(database.db, "forget");
    expect((await hit("forget", clock)).hits).toBe(1);
  });

  it("prunes closed windows only", async () => {
    const clock = new ManualClock("2026-03-01T00:00:00Z");
    await hit("prune-old", clock);
    clock.advance(10 * MINUTE);
    await hit("prune-open", clock);
    clock.advance(WINDOW - 5 * MINUTE); // prune-old closed, prune-open has 5 minutes left
    await pruneRateLimits(database.db, clock.now());
    const keys = (await database.db.select().from(rateLimitCounters)).map((row) => row.key);
    expect(keys).toContain("prune-open");
    expect(keys).not.toContain("prune-old");
  });

  it(`counts every one of many concurrent hits${testEngine() === "postgres" ? " (PostgreSQL)" : ""}`, async () => {
    const clock = new ManualClock();
    const results = await Promise.all(
      Array.from({ length: 60 }, () => hit("concurrent", clock, 50)),
    );
    expect(results.map((result) => result.hits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 60 }, (_, index) => index + 1),
    );
    expect(results.filter((result) => result.allowed)).toHaveLength(50);
    expect((await peek("concurrent", clock, 50)).hits).toBe(60);
  });
});
