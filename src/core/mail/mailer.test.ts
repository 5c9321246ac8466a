import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPlatform, type Platform } from "../../app/server.ts";
import { generateSigningKeyPem, signerFromPrivateKey } from "../audit/signing-key.ts";
import { ManualClock } from "../clock.ts";
import { loadConfig } from "../config.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { drainJobs, runDueJobs } from "../jobs/outbox.ts";
import { outboxJobs } from "../jobs/schema.ts";
import { createTestDatabase } from "../testing/database.ts";
import { TestClient } from "../testing/http-client.ts";
import { createMailer, MAIL_JOB, type Mailer, mailJobHandler, queueMail } from "./mailer.ts";

interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  raw: string;
}

/** The text/plain part of a MIME message, transfer-decoded (enough for nodemailer's output). */
function plainTextOf(raw: string): { subject: string; text: string } {
  const [head = "", ...rest] = raw.split("\r\n\r\n");
  const subject = head.match(/^Subject: (.*(?:\r\n[ \t].*)*)/m)?.[1]?.replace(/\r\n[ \t]/g, " ");
  const body = rest.join("\r\n\r\n");
  const boundary = head.match(/boundary="?([^";\r\n]+)"?/)?.[1];
  let partHead = head;
  let partBody = body;
  if (boundary) {
    const part = body
      .split(`--${boundary}`)
      .find((candidate) => /content-type: text\/plain/i.test(candidate));
    if (!part) throw new Error("no text/plain part");
    const split = part.indexOf("\r\n\r\n");
    partHead = part.slice(0, split);
    partBody = part.slice(split + 4).replace(/\r\n$/, "");
  }
  if (/content-transfer-encoding: quoted-printable/i.test(partHead)) {
    partBody = Buffer.from(
      partBody
        .replace(/=\r\n/g, "")
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      "latin1",
    ).toString("utf8");
  } else if (/content-transfer-encoding: base64/i.test(partHead)) {
    partBody = Buffer.from(partBody, "base64").toString("utf8");
  }
  return { subject: subject ?? "", text: partBody.replace(/\r\n/g, "\n") };
}

/** A real SMTP server on a random local port, keeping what it receives. */
async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith("@refused.example")) {
        const error = new Error("mailbox unavailable") as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          ...plainTextOf(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type SmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;

describe("sending mail over SMTP", () => {
  let smtp: SmtpServer;
  let database: DatabaseHandle;
  let mailer: Mailer;
  const clock = new ManualClock();
  beforeAll(async () => {
    smtp = await startSmtpServer();
    database = await createTestDatabase();
    mailer = createMailer({
      smtpUrl: smtp.url,
      from: "City Solutions Platform <no-reply@csp.test>",
      keepInDevMailbox: false,
      db: database.db,
      clock,
      log: () => {},
    });
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
    await database.close();
  });
  beforeEach(async () => {
    smtp.received.length = 0;
    await database.db.delete(outboxJobs);
  });

  it("delivers a queued mail through the outbox job", async () => {
    await database.db.transaction((tx) =>
      queueMail(tx, clock, {
        to: "mayor@city.example",
        subject: "Your challenge was published",
        text: "Hello,\n\nYour challenge on stormwater is now public.\n\n--\nCSP",
        html: "<p>Hello,</p><p>Your challenge on stormwater is now public.</p>",
      }),
    );
    expect(smtp.received).toHaveLength(0); // queued, not sent yet
    const result = await runDueJobs(database.db, clock, { [MAIL_JOB]: mailJobHandler(mailer) });
    expect(result).toEqual({ claimed: 1, completed: 1, failed: 0 });

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(["mayor@city.example"]);
    expect(mail.from).toBe("no-reply@csp.test");
    expect(mail.subject).toBe("Your challenge was published");
    expect(mail.text).toContain("Your challenge on stormwater is now public.");
  });

  it("sends nothing for a mail queued in a transaction that rolled back", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await queueMail(tx, clock, { to: "someone@city.example", subject: "No", text: "No" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await drainJobs(database.db, clock, { [MAIL_JOB]: mailJobHandler(mailer) })).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  it("keeps a mail the server refused queued for a retry", async () => {
    const id = await queueMail(database.db, clock, {
      to: "nobody@refused.example",
      subject: "Refused",
      text: "This one bounces.",
    });
    const result = await runDueJobs(database.db, clock, { [MAIL_JOB]: mailJobHandler(mailer) });
    expect(result).toEqual({ claimed: 1, completed: 0, failed: 1 });
    expect(smtp.received).toHaveLength(0);
    const [job] = await database.db.select().from(outboxJobs);
    expect(job?.id).toBe(id);
    expect(job?.completedAt).toBeNull();
    expect(job?.failedAt).toBeNull(); // attempts remain
    expect(job?.lastError).toMatch(/550|mailbox unavailable/);
  });
});

describe("the platform's mail path", () => {
  let smtp: SmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp.close());

  /** A platform whose mailer is the real one (createTestPlatform would capture mail instead). */
  async function platformWith(env: Record<string, string>) {
    const database = await createTestDatabase();
    const clock = new ManualClock();
    const platform: Platform = await createPlatform({
      config: loadConfig({ LOG_LEVEL: "silent", PUBLIC_URL: "http://csp.test", ...env }),
      database,
      signer: signerFromPrivateKey(generateSigningKeyPem()),
      clock,
      serveWeb: false,
    });
    await platform.app.ready();
    return {
      platform,
      clock,
      database,
      client: () => new TestClient(platform.app),
      runJobs: () => drainJobs(database.db, clock, platform.jobs),
      async close() {
        await platform.app.close();
        await database.close();
      },
    };
  }

  it("in demo mode sends the sign-up mail over SMTP and keeps it in the dev mailbox", async () => {
    const demo = await platformWith({ DEMO: "1", SMTP_URL: smtp.url });
    try {
      const signUp = await demo.client().post("/api/v1/accounts", {
        email: "New.Person@Company.example",
        name: "New Person",
        password: "a long and unusual passphrase 7",
      });
      expect(signUp.status).toBe(202);
      expect(await demo.runJobs()).toBe(1);

      const delivered = smtp.received.filter((mail) =>
        mail.to.includes("new.person@company.example"),
      );
      expect(delivered).toHaveLength(1);
      expect(delivered[0]!.text).toContain("http://csp.test/verify-email#token=");

      const listed = await demo
        .client()
        .get<{ mails: Array<{ to: string; subject: string; text: string }> }>(
          "/api/v1/dev/mail?to=new.person@company.example",
        );
      expect(listed.status).toBe(200);
      expect(listed.body.mails).toHaveLength(1);
      expect(listed.body.mails[0]!.to).toBe("new.person@company.example");
      expect(listed.body.mails[0]!.subject).toBe(delivered[0]!.subject);
      expect(listed.body.mails[0]!.text).toContain("/verify-email#token=");

      const other = await demo
        .client()
        .get<{ mails: unknown[] }>("/api/v1/dev/mail?to=someone.else@example.org");
      expect(other.body.mails).toEqual([]);
    } finally {
      await demo.close();
    }
  });

  it("in demo mode without SMTP keeps the mail in the dev mailbox only", async () => {
    const demo = await platformWith({ DEMO: "1" });
    try {
      const before = smtp.received.length;
      await demo.client().post("/api/v1/accounts", {
        email: "offline@company.example",
        name: "Offline Person",
        password: "a long and unusual passphrase 7",
      });
      expect(await demo.runJobs()).toBe(1);
      expect(smtp.received).toHaveLength(before);
      const listed = await demo.client().get<{ mails: Array<{ to: string }> }>("/api/v1/dev/mail");
      expect(listed.body.mails.map((mail) => mail.to)).toEqual(["offline@company.example"]);
    } finally {
      await demo.close();
    }
  });

  it("finds a recipient's mail in the dev mailbox however many were sent after it", async () => {
    const demo = await platformWith({ DEMO: "1" });
    try {
      const mailer = createMailer({
        smtpUrl: undefined,
        from: "no-reply@csp.test",
        keepInDevMailbox: true,
        db: demo.database.db,
        clock: demo.clock,
        log: () => {},
      });
      await mailer.send({ to: "Early.Bird@example.org", subject: "First", text: "The first." });
      for (let index = 0; index < 210; index++) {
        await mailer.send({ to: `crowd${index}@example.org`, subject: "Later", text: "Later." });
      }
      const listed = await demo
        .client()
        .get<{ mails: Array<{ to: string; subject: string }> }>(
          "/api/v1/dev/mail?to=early.bird@example.org",
        );
      expect(listed.status).toBe(200);
      expect(listed.body.mails.map((mail) => mail.subject)).toEqual(["First"]);
    } finally {
      await demo.close();
    }
  });

  it("has no dev mailbox outside demo mode", async () => {
    const production = await platformWith({ SMTP_URL: smtp.url });
    try {
      await production.client().post("/api/v1/accounts", {
        email: "real@company.example",
        name: "Real Person",
        password: "a long and unusual passphrase 7",
      });
      expect(await production.runJobs()).toBe(1);
      expect(smtp.received.some((mail) => mail.to.includes("real@company.example"))).toBe(true);

      const response = await production
        .client()
        .get<{ status: number; code: string }>("/api/v1/dev/mail");
      expect(response.status).toBe(404);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 404, code: "not_found" });
    } finally {
      await production.close();
    }
  });
});
