import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateSigningKeyPem, signerFromPrivateKey } from "../core/audit/signing-key.ts";
import { systemClock } from "../core/clock.ts";
import { loadConfig } from "../core/config.ts";
import { type DatabaseHandle, openPostgres } from "../core/db/client.ts";
import { drainJobs, enqueueJob } from "../core/jobs/outbox.ts";
import { createScratchPostgresDatabase, testEngine } from "../core/testing/database.ts";
import { seedUser } from "../modules/accounts/index.ts";
import { notify } from "../modules/notifications/index.ts";
import { createPlatform, type Platform } from "./server.ts";
import { CapturingMailer, TEST_PASSWORD } from "./testing.ts";

/**
 * Two app instances on one PostgreSQL database, each with its own connection pool, its own
 * LISTEN connection and its own HTTP listener, as two processes behind a load balancer would be:
 * a session made on one holds on the other, an outbox job runs exactly once whoever claims it,
 * and a notification made on one reaches a page streaming from the other.
 */
describe.skipIf(testEngine() !== "postgres")("two app instances on one PostgreSQL", () => {
  const instances: Array<{ database: DatabaseHandle; platform: Platform; url: string }> = [];
  let scratch: Awaited<ReturnType<typeof createScratchPostgresDatabase>>;

  beforeAll(async () => {
    scratch = await createScratchPostgresDatabase();
    for (let index = 0; index < 2; index++) {
      const database = await openPostgres({ url: scratch.url, onIdleError: () => {} });
      const platform = await createPlatform({
        config: loadConfig({ LOG_LEVEL: "silent", PUBLIC_URL: "http://csp.test" }),
        database,
        signer: signerFromPrivateKey(generateSigningKeyPem()),
        clock: systemClock,
        mailer: new CapturingMailer(),
        serveWeb: false,
      });
      const address = await platform.app.listen({ port: 0, host: "127.0.0.1" });
      instances.push({ database, platform, url: address });
    }
  });

  afterAll(async () => {
    for (const { platform, database } of instances) {
      await platform.app.close();
      await database.close();
    }
    await scratch?.drop();
  });

  it("keeps a session made on one valid on the other, and streams a notification made on one to a page open on the other", async () => {
    const [first, second] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const email = `live-${randomBytes(4).toString("hex")}@example.org`;
    const person = await seedUser(
      { db: first.database.db, clock: systemClock },
      { email, name: "Live Reader", password: TEST_PASSWORD, platformRoles: [], totpSecret: null },
    );
    const signIn = await fetch(`${first.url}/api/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    const session = await fetch(`${second.url}/api/v1/session`, { headers: { cookie } });
    expect(((await session.json()) as { user: { email: string } | null }).user?.email).toBe(email);

    // Without asking for an event stream, the address answers at once (no endless response).
    const plain = await fetch(`${second.url}/api/v1/me/notifications/stream`, {
      headers: { cookie },
    });
    expect(plain.status).toBe(406);
    expect(((await plain.json()) as { code: string }).code).toBe("event_stream_only");

    const abort = new AbortController();
    const stream = await fetch(`${second.url}/api/v1/me/notifications/stream`, {
      headers: { cookie, accept: "text/event-stream" },
      signal: abort.signal,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    const nextCount = async (): Promise<number> => {
      for (;;) {
        const match = received.match(/event: unread\ndata: (\{[^\n]*\})\n\n/);
        if (match) {
          received = received.slice(received.indexOf(match[0]) + match[0].length);
          return (JSON.parse(match[1]!) as { unreadCount: number }).unreadCount;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error("the stream ended");
        received += decoder.decode(value, { stream: true });
      }
    };
    try {
      expect(await nextCount()).toBe(0);
      const ctx = {
        db: first.database.db,
        clock: systemClock,
        publicUrl: "http://csp.test",
        demo: false,
      };
      await first.database.db.transaction((tx) =>
        notify(ctx, tx, {
          recipients: [person.id],
          kind: "challenge_answer",
          params: { challenge: "Cloudburst basins" },
          link: "/challenges",
        }),
      );
      const announced = await Promise.race([
        nextCount(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error("no event within 5 s")), 5_000),
        ),
      ]);
      expect(announced).toBe(1);
    } finally {
      abort.abort();
      await reader.cancel().catch(() => {});
    }
  });

  it("drops a public list kept on one when the other commits a change", async () => {
    const [first, second] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const cache = second.platform.ctx.readCache;
    if (!cache) throw new Error("the read cache is on by default");
    const list = await fetch(`${second.url}/api/v1/challenges?limit=5`);
    expect(list.status).toBe(200);
    expect(cache.stats().entries).toBeGreaterThan(0);
    const again = cache.stats().hits;
    await fetch(`${second.url}/api/v1/challenges?limit=5`);
    expect(cache.stats().hits).toBe(again + 1);

    // A commit through the other instance's pool: only the database's notice can tell the second.
    const committed = Date.now();
    await seedUser(
      { db: first.database.db, clock: systemClock },
      {
        email: `cache-${randomBytes(4).toString("hex")}@example.org`,
        name: "Cache Breaker",
        password: TEST_PASSWORD,
        platformRoles: [],
        totpSecret: null,
      },
    );
    await vi.waitFor(() => expect(cache.stats().entries).toBe(0), { timeout: 2_000, interval: 5 });
    expect(Date.now() - committed).toBeLessThan(2_000);
    const misses = cache.stats().misses;
    expect((await fetch(`${second.url}/api/v1/challenges?limit=5`)).status).toBe(200);
    expect(cache.stats().misses).toBe(misses + 1);
  });

  it("runs each outbox job exactly once when both instances drain the queue at the same time", async () => {
    const [first, second] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const kind = `test.count.${randomBytes(3).toString("hex")}`;
    for (let index = 0; index < 60; index++) {
      await enqueueJob(first.database.db, systemClock, { kind, payload: { index } });
    }
    const runs: Array<{ instance: number; index: number }> = [];
    const handlers = (instance: number) => ({
      [kind]: async (job: { payload: Record<string, unknown> }) => {
        runs.push({ instance, index: Number(job.payload.index) });
        // A little work, so both instances are claiming while the other runs.
        await new Promise((resolve) => setTimeout(resolve, 2));
      },
    });
    await Promise.all([
      drainJobs(first.database.db, systemClock, handlers(0)),
      drainJobs(second.database.db, systemClock, handlers(1)),
    ]);
    const indexes = runs.map((run) => run.index).sort((a, b) => a - b);
    expect(indexes).toEqual(Array.from({ length: 60 }, (_, index) => index));
    // Both took part (each claims a batch while the other is busy).
    expect(new Set(runs.map((run) => run.instance)).size).toBe(2);
  });
});
