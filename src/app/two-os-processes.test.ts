import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSigningKeyPem } from "../core/audit/signing-key.ts";
import { createScratchPostgresDatabase, testEngine } from "../core/testing/database.ts";
import { DEMO_PASSWORD, demoAccounts } from "./demo.ts";
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
  }, 180_000);

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
    // 20 password-reset requests, two for each demo account, one after another by turns on the
    // two processes, with a random pause of up to 100 ms: each queues one mail, and each mail is
    // a race between the two workers (both poll every 50 ms; neither is woken by the request),
    // so both take part. (Sent all at once, mails queued in the same instant can all go to the
    // one claim that takes up to 10.) A reset mail carries its own token, so each job's mail is
    // told apart from every other's.
    const addresses = demoAccounts.map((account) => account.email);
    const requests = [...addresses, ...addresses];
    const started = Date.now();
    const answers: number[] = [];
    for (const [index, email] of requests.entries()) {
      const response = await fetch(`${servers[index % 2]!.url}/api/v1/password-reset`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email }),
      });
      answers.push(response.status);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 100));
    }
    expect(answers).toEqual(requests.map(() => 202));
    const requested = Date.now();

    // Wait for every mail (through the dev mailbox), then a second more of both workers
    // polling, so that a second run of any job would show.
    const resetMails = async () => {
      const { mails } = (await (await fetch(`${second.url}/api/v1/dev/mail`)).json()) as {
        mails: Array<{ to: string; subject: string; text: string }>;
      };
      return mails.filter((mail) => mail.text.includes("/reset-password#token="));
    };
    const deadline = Date.now() + 15_000;
    while ((await resetMails()).length < requests.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const allMailed = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const mails = await resetMails();
    // Each mail once: as many as requested, no text twice, two to each account.
    expect(mails).toHaveLength(requests.length);
    expect(new Set(mails.map((mail) => mail.text)).size).toBe(requests.length);
    for (const email of addresses) {
      expect(
        mails.filter((mail) => mail.to === email),
        email,
      ).toHaveLength(2);
    }

    // Which process handled them, from their own logs (one line per mail job handled): 20 in
    // all, two per account, and some on each.
    const resetSubjects = new Set(mails.map((mail) => `${mail.to}\n${mail.subject}`));
    const handled = servers.map((server) =>
      server
        .output()
        .split("\n")
        .filter((line) => line.includes("mail not sent: no SMTP_URL"))
        .map((line) => JSON.parse(line) as { to: string; subject: string })
        .filter((mail) => resetSubjects.has(`${mail.to}\n${mail.subject}`)),
    );
    const perProcess = handled.map((mails) => mails.length);
    console.info(
      `outbox: ${requests.length} reset requests answered in ${requested - started} ms, every mail handled ${allMailed - requested} ms later; mails per process ${perProcess.join(" / ")}`,
    );
    expect(perProcess[0]! + perProcess[1]!).toBe(requests.length);
    for (const email of addresses) {
      expect(
        handled.flat().filter((mail) => mail.to === email),
        email,
      ).toHaveLength(2);
    }
    // Both workers took part (all 20 to one of two equal pollers: about 1 in 500,000 runs).
    expect(
      perProcess.every((count) => count > 0),
      `mails per process: ${perProcess}`,
    ).toBe(true);

    // And in the outbox itself: the 20 jobs are those mails, each completed after one claim; so
    // is every other mail job (the question's mails to the city in the test above, say).
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ text: string; attempts: number; completed: boolean }>(
        `select payload->>'text' as text, attempts, completed_at is not null as completed
           from outbox_jobs where kind = 'mail.send'`,
      );
      const resetJobs = rows.filter((row) => row.text.includes("/reset-password#token="));
      expect(resetJobs.map((row) => row.text).sort()).toEqual(
        mails.map((mail) => mail.text).sort(),
      );
      expect(rows.filter((row) => !row.completed || row.attempts !== 1)).toEqual([]);
    } finally {
      await client.end();
    }
  }, 60_000);
});
