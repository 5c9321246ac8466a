import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSigningKeyPem } from "../core/audit/signing-key.ts";
import { createScratchPostgresDatabase, testEngine } from "../core/testing/database.ts";
import { DEMO_PASSWORD } from "./demo.ts";
import { type CspServer, openUnreadStream, signIn, startCspServer } from "./test/csp-server.ts";

/**
 * Two real `csp serve` processes (two OS processes, each with its own pool, LISTEN connection,
 * job worker and HTTP listener) on one PostgreSQL database, as behind a load balancer, and only
 * HTTP between the test and them: a session made on one holds on the other, a notification made
 * by an action on one reaches a live page streaming from the other, and every outbox job (the
 * e-mails the actions queue) runs exactly once with both workers polling.
 *
 * Demo mode, so the first process loads the demo accounts and mails are kept in the dev mailbox
 * (`GET /api/v1/dev/mail`); each process also logs every mail its worker handles, which says
 * which process ran which job.
 */
describe.skipIf(testEngine() !== "postgres")("two csp serve processes on one PostgreSQL", () => {
  let scratch: Awaited<ReturnType<typeof createScratchPostgresDatabase>>;
  const folders: string[] = [];
  const servers: CspServer[] = [];
  let first: CspServer;
  let second: CspServer;

  beforeAll(async () => {
    scratch = await createScratchPostgresDatabase();
    const settings = {
      DATABASE_URL: scratch.url,
      // One key for both, as a deployment's processes share their configuration.
      AUDIT_SIGNING_KEY: generateSigningKeyPem(),
      DEMO: "1",
      // Info, so each process logs the mails its worker handles ("mail not sent: no SMTP_URL").
      LOG_LEVEL: "info",
      JOB_POLL_MS: "50",
      AUDIT_CHECKPOINT_MINUTES: "0",
    };
    const folder = () => {
      const path = mkdtempSync(join(tmpdir(), "csp-two-os-"));
      folders.push(path);
      return path;
    };
    // The first loads the demo data into the empty database; the second finds it there.
    first = await startCspServer({ ...settings, DATA_DIR: folder() });
    servers.push(first);
    second = await startCspServer({ ...settings, DATA_DIR: folder() });
    servers.push(second);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await scratch?.drop();
    for (const path of folders) rmSync(path, { recursive: true, force: true });
  }, 30_000);

  it("keeps a session made on one valid on the other, and streams a notification made by an action on one to a page open on the other", async () => {
    expect(first.pid).not.toBe(second.pid);
    const official = await signIn(first.url, "city@demo.city-solutions.org", DEMO_PASSWORD);
    const onSecond = (await (
      await fetch(`${second.url}/api/v1/session`, { headers: { cookie: official.cookie } })
    ).json()) as { user: { email: string } | null };
    expect(onSecond.user?.email).toBe("city@demo.city-solutions.org");

    // The Copenhagen official's page streams its unread count from the second process…
    const stream = await openUnreadStream(second.url, official.cookie);
    try {
      const before = await stream.next(10_000);
      // …while a provider asks a question on one of Copenhagen's challenges on the first.
      const founder = await signIn(first.url, "founder@demo.city-solutions.org", DEMO_PASSWORD);
      const list = (await (await fetch(`${first.url}/api/v1/challenges?limit=50`)).json()) as {
        challenges: Array<{ id: string; status: string; city: { name: string } | null }>;
      };
      const challenge = list.challenges.find(
        (entry) => entry.status === "published" && entry.city?.name === "Copenhagen",
      );
      expect(challenge, "a published Copenhagen challenge in the demo data").toBeDefined();
      const asked = await fetch(`${first.url}/api/v1/challenges/${challenge!.id}/questions`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          cookie: founder.cookie,
          "x-csrf-token": founder.csrfToken,
        },
        body: JSON.stringify({ question: "Which data formats does the heat network use?" }),
      });
      expect(asked.status, await asked.clone().text()).toBe(201);
      expect(await stream.next(5_000)).toBe(before + 1);
    } finally {
      await stream.close();
    }
  });

  it("runs each outbox job exactly once with both processes' workers polling", async () => {
    // 12 sign-ups, half on each process and all at once: each queues one confirmation mail.
    const run = randomBytes(3).toString("hex");
    const started = Date.now();
    const addresses = Array.from(
      { length: 12 },
      (_, index) => `two-os-${run}-${index}@example.org`,
    );
    const answers = await Promise.all(
      addresses.map((email, index) =>
        fetch(`${(index % 2 === 0 ? first : second).url}/api/v1/accounts`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            email,
            name: `Two Processes ${index}`,
            password: `lantern orchard ${run} violet ${index}`,
          }),
        }).then((response) => response.status),
      ),
    );
    expect(answers).toEqual(addresses.map(() => 202));
    const signedUp = Date.now();

    // Wait for every mail (through the dev mailbox), then a few more polls of both workers, so
    // that a second run of any job would show.
    const mailsTo = async () => {
      const { mails } = (await (await fetch(`${second.url}/api/v1/dev/mail`)).json()) as {
        mails: Array<{ to: string }>;
      };
      return mails.map((mail) => mail.to).filter((to) => addresses.includes(to));
    };
    const deadline = Date.now() + 15_000;
    while ((await mailsTo()).length < addresses.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const allMailed = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await mailsTo()).sort()).toEqual([...addresses].sort());

    // Which process handled each mail, from their own logs: each address exactly once in all.
    const handledBy = new Map<string, number[]>();
    servers.forEach((server, index) => {
      for (const line of server.output().split("\n")) {
        if (!line.includes("mail not sent: no SMTP_URL")) continue;
        const { to } = JSON.parse(line) as { to: string };
        if (addresses.includes(to)) handledBy.set(to, [...(handledBy.get(to) ?? []), index]);
      }
    });
    expect([...handledBy.keys()].sort()).toEqual([...addresses].sort());
    expect([...handledBy.values()].filter((runs) => runs.length !== 1)).toEqual([]);
    const perProcess = [0, 1].map(
      (index) => [...handledBy.values()].filter((runs) => runs[0] === index).length,
    );
    console.info(
      `outbox: ${addresses.length} sign-ups answered in ${signedUp - started} ms, every mail handled ${allMailed - signedUp} ms later; mails per process ${perProcess.join(" / ")}`,
    );
    // Both workers took part: both poll every 50 ms while the sign-ups arrive over a second or
    // more (each hashes a password), so each finds some of the mails first.
    expect(
      perProcess.every((count) => count > 0),
      `mails per process: ${perProcess}`,
    ).toBe(true);

    // And in the outbox itself: every mail job completed, each claimed once (those of the
    // sign-ups, and any other, such as the question's mails to the city in the test above).
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ to: string; attempts: number; completed: boolean }>(
        `select payload->>'to' as "to", attempts, completed_at is not null as completed
           from outbox_jobs where kind = 'mail.send'`,
      );
      expect(rows.filter((row) => addresses.includes(row.to))).toHaveLength(addresses.length);
      expect(rows.filter((row) => !row.completed || row.attempts !== 1)).toEqual([]);
    } finally {
      await client.end();
    }
  }, 60_000);
});
