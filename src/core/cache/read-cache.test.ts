import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type DatabaseHandle, openPostgres, queryRows } from "../db/client.ts";
import {
  createScratchPostgresDatabase,
  createTestDatabase,
  testEngine,
} from "../testing/database.ts";
import { ReadCache, TABLES_WITHOUT_CHANGE_NOTICES } from "./read-cache.ts";

/** A computation the test finishes when it wants, counting how often it was started. */
function controlled() {
  let started = 0;
  let finish: (body: string) => void = () => {};
  return {
    compute: () => {
      started += 1;
      return new Promise<string>((resolve) => {
        finish = resolve;
      });
    },
    finish: (body: string) => finish(body),
    started: () => started,
  };
}

describe("the read cache", () => {
  it("keeps an answer until content changes, then computes it again", async () => {
    const cache = new ReadCache();
    let computed = 0;
    const compute = async () => `answer ${++computed}`;
    expect(await cache.read("list", compute)).toBe("answer 1");
    expect(await cache.read("list", compute)).toBe("answer 1");
    expect(await cache.read("other", compute)).toBe("answer 2");
    cache.invalidate();
    expect(await cache.read("list", compute)).toBe("answer 3");
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 3, invalidations: 1, entries: 1 });
  });

  it("does not keep an answer whose computation overlapped a change (it may predate it)", async () => {
    const cache = new ReadCache();
    const slow = controlled();
    const first = cache.read("list", slow.compute);
    cache.invalidate();
    slow.finish("read before the change");
    expect(await first).toBe("read before the change");
    expect(await cache.read("list", async () => "read after the change")).toBe(
      "read after the change",
    );
    expect(await cache.read("list", async () => "not asked")).toBe("read after the change");
  });

  it("lets simultaneous misses share one computation, but not across a change", async () => {
    const cache = new ReadCache();
    const slow = controlled();
    const readers = [cache.read("list", slow.compute), cache.read("list", slow.compute)];
    expect(slow.started()).toBe(1);
    cache.invalidate();
    const afterChange = cache.read("list", async () => "fresh");
    slow.finish("shared");
    expect(await Promise.all(readers)).toEqual(["shared", "shared"]);
    expect(await afterChange).toBe("fresh");
    expect(cache.stats().shared).toBe(1);
  });

  it("forgets the least recently used answers beyond its limits", async () => {
    const cache = new ReadCache({ maxEntries: 2, maxBytes: 1_000 });
    await cache.read("a", async () => "A");
    await cache.read("b", async () => "B");
    await cache.read("a", async () => "not asked");
    await cache.read("c", async () => "C");
    expect(cache.stats().entries).toBe(2);
    expect(await cache.read("b", async () => "B again")).toBe("B again");
    await cache.read("big", async () => "x".repeat(600));
    expect(cache.stats().bytes).toBeLessThanOrEqual(1_000);
    expect(await cache.read("big", async () => "recomputed")).toBe("recomputed");
  });

  it("hands a kept answer over without waiting, and nothing before it is kept or after a change", async () => {
    const cache = new ReadCache();
    expect(cache.kept("list")).toBeUndefined();
    const slow = controlled();
    const first = cache.read("list", slow.compute);
    // Still being computed: not kept yet.
    expect(cache.kept("list")).toBeUndefined();
    slow.finish("answer");
    await first;
    expect(cache.kept("list")).toBe("answer");
    cache.invalidate();
    expect(cache.kept("list")).toBeUndefined();
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1 });
  });

  it("keeps nothing after a failed computation", async () => {
    const cache = new ReadCache();
    await expect(
      cache.read("list", async () => {
        throw new Error("database unavailable");
      }),
    ).rejects.toThrow("database unavailable");
    expect(await cache.read("list", async () => "after")).toBe("after");
    expect(cache.stats().entries).toBe(1);
  });
});

describe("change notices from the database", () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it("come from every table but the listed bookkeeping ones", async () => {
    const tables = await queryRows<{ table: string; notifies: boolean }>(
      database.db,
      sql`select t.tablename as table,
                 exists (select 1 from pg_trigger g
                         where g.tgrelid = (quote_ident(t.tablename))::regclass
                           and g.tgname = 'content_changed') as notifies
          from pg_tables t where t.schemaname = current_schema() order by 1`,
    );
    const exempt = new Set<string>(TABLES_WITHOUT_CHANGE_NOTICES);
    // Every exemption names a real table (a renamed one would leave a stale name here).
    for (const name of exempt) expect(tables.map((row) => row.table)).toContain(name);
    const wrong = tables.filter((row) => row.notifies === exempt.has(row.table));
    expect(wrong.map((row) => `${row.table}: ${row.notifies ? "notifies" : "silent"}`)).toEqual([]);
    expect(tables.length).toBeGreaterThan(60);
  });

  it("drop kept answers when a content table changes, not when bookkeeping does", async () => {
    const cache = await ReadCache.listeningTo(database);
    await cache.read("list", async () => "before");
    await database.db.execute(
      sql`insert into rate_limit_counters (key, window_start, hits, window_ms)
          values ('read-cache-test', now(), 1, 60000)`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(cache.stats().invalidations).toBe(0);
    await database.db.execute(
      sql`update cities set name = name where id = (select id from cities limit 1)`,
    );
    await vi.waitFor(() => expect(cache.stats().invalidations).toBeGreaterThan(0), {
      timeout: 5_000,
    });
    expect(await cache.read("list", async () => "after")).toBe("after");
  });
});

describe.runIf(testEngine() === "postgres")("a lost listening connection", () => {
  it("keeps nothing until it listens again, then drops what it had", async () => {
    const scratch = await createScratchPostgresDatabase();
    const database = await openPostgres({ url: scratch.url });
    const admin = new pg.Client({ connectionString: scratch.url });
    await admin.connect();
    try {
      const cache = await ReadCache.listeningTo(database);
      await cache.read("list", async () => "kept");
      // Cut the listening connection the way a server restart would.
      await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
         where datname = current_database() and query like 'listen%'`,
      );
      await vi.waitFor(() => expect(cache.stats().entries).toBe(0), { timeout: 5_000 });
      expect(await cache.read("list", async () => "while down")).toBe("while down");
      // Back within about a second: answers are kept again, and notices reach it.
      await vi.waitFor(
        async () => {
          await cache.read("probe", async () => "probe");
          expect(cache.stats().entries).toBeGreaterThan(0);
        },
        { timeout: 5_000 },
      );
      const before = cache.stats().invalidations;
      await admin.query("update cities set name = name where id = (select id from cities limit 1)");
      await vi.waitFor(() => expect(cache.stats().invalidations).toBeGreaterThan(before), {
        timeout: 5_000,
      });
    } finally {
      await admin.end();
      await database.close();
      await scratch.drop();
    }
  });
});
