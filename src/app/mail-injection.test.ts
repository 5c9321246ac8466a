import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DAY, HOUR } from "../core/clock.ts";
import { createMailer, type Mailer, type MailMessage } from "../core/mail/mailer.ts";
import { cityTeam } from "../modules/challenges/test/factories.ts";
import { notify, sendDueDigests } from "../modules/notifications/index.ts";
import { createTestPlatform, type TestPlatform } from "./testing.ts";

/**
 * Hostile text in e-mails: a person's display name, an organisation's name, an event's title and
 * a challenge's title hold HTML and CRLF followed by header lines ("Bcc:", "To:", a second
 * Subject, a MIME boundary). The platform's mails are made through the real flows (an
 * organisation's invitation, a cancelled event's immediate notification, a daily digest) on a
 * PGlite database, then sent as the platform sends them (nodemailer over SMTP) to a real SMTP
 * server: the envelope has only the recipient, the headers are only the ones nodemailer writes,
 * the subject is one line with the hostile text in it as text, and the HTML part carries the
 * text escaped (no tag of the payload).
 */
const HTML = `<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>`;
const HEADERS = [
  "\r\nBcc: bcc@evil.example",
  "\r\nTo: to@evil.example",
  "\nCc: cc@evil.example",
  "\rX-Injected: 1",
  "\r\nSubject: forged",
  "\r\n\r\n--boundary\r\nContent-Type: text/html\r\n\r\n<h1>forged body</h1>",
].join("");
const hostile = (what: string) => `${what} ${HTML}${HEADERS}`;

/** Headers nodemailer writes for these mails; anything else was injected. */
const ALLOWED_HEADERS = new Set([
  "content-type",
  "from",
  "to",
  "subject",
  "message-id",
  "date",
  "mime-version",
  "content-transfer-encoding",
]);

interface Received {
  envelope: string[];
  raw: string;
}

async function startSmtpServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          envelope: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString("utf8"),
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

/** RFC 2047 encoded words decoded (what a mail client shows). */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, kind: string, text) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text
              .replace(/_/g, " ")
              .replace(/=([0-9A-F]{2})/gi, (_m: string, hex: string) =>
                String.fromCharCode(parseInt(hex, 16)),
              ),
            "latin1",
          ).toString("utf8"),
    );
}

/** The message's top-level headers, unfolded: [name, value] in order. */
function headersOf(raw: string): Array<[string, string]> {
  const head = raw.slice(0, raw.indexOf("\r\n\r\n"));
  return head
    .replace(/\r\n[ \t]+/g, " ")
    .split("\r\n")
    .map((line) => {
      const colon = line.indexOf(":");
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
    });
}

/** One part of the multipart body, transfer-decoded. */
function partOf(raw: string, type: "text/plain" | "text/html"): string {
  const head = raw.slice(0, raw.indexOf("\r\n\r\n"));
  const boundary = head.match(/boundary="?([^";\r\n]+)"?/)?.[1];
  expect(boundary, "a multipart message").toBeDefined();
  const parts = raw
    .split(`--${boundary}`)
    .filter((part) =>
      new RegExp(`^content-type: ${type}`, "im").test(part.slice(0, part.indexOf("\r\n\r\n"))),
    );
  expect(parts, `one ${type} part`).toHaveLength(1);
  const part = parts[0]!;
  const split = part.indexOf("\r\n\r\n");
  const partHead = part.slice(0, split);
  const body = part.slice(split + 4).replace(/\r\n$/, "");
  if (/content-transfer-encoding: quoted-printable/i.test(partHead)) {
    return Buffer.from(
      body
        .replace(/=\r\n/g, "")
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      "latin1",
    ).toString("utf8");
  }
  if (/content-transfer-encoding: base64/i.test(partHead)) {
    return Buffer.from(body.replace(/\r\n/g, ""), "base64").toString("utf8");
  }
  return body;
}

/** The boundaries of the message as nodemailer wrote them (an injected one would be extra). */
function boundariesOf(raw: string): string[] {
  return [...raw.matchAll(/boundary="?([^";\r\n]+)"?/g)].map((match) => match[1]!);
}

describe("hostile names and titles cannot add headers or markup to e-mails", () => {
  let platform: TestPlatform;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let mailer: Mailer;

  beforeAll(async () => {
    platform = await createTestPlatform({ SESSION_DAYS: "365" });
    platform.clock.set("2026-05-04T08:00:00.000Z");
    smtp = await startSmtpServer();
    mailer = createMailer({
      smtpUrl: smtp.url,
      from: "City Solutions Platform <no-reply@csp.test>",
      keepInDevMailbox: false,
      db: platform.database.db,
      clock: platform.clock,
      log: () => {},
    });
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(async () => {
    mailer.close();
    await smtp.close();
    await platform.close();
  });

  /** Sends the platform's mail over SMTP and checks what arrived; returns the decoded parts. */
  async function deliver(mail: MailMessage) {
    smtp.received.length = 0;
    await mailer.send(mail);
    expect(smtp.received).toHaveLength(1);
    const { envelope, raw } = smtp.received[0]!;
    // Only the recipient: no Bcc, Cc or To smuggled into the envelope.
    expect(envelope).toEqual([mail.to]);
    const headers = headersOf(raw);
    expect(headers.map(([name]) => name).filter((name) => !ALLOWED_HEADERS.has(name))).toEqual([]);
    for (const name of ["from", "to", "subject", "content-type"]) {
      expect(
        headers.filter(([header]) => header === name),
        name,
      ).toHaveLength(1);
    }
    expect(headers.find(([name]) => name === "to")?.[1]).toBe(mail.to);
    // One alternative body, with nodemailer's own boundary only.
    expect(new Set(boundariesOf(raw)).size).toBe(1);
    // The forged part is text inside the text part (where it is harmless), not a part.
    expect(raw.split(`--${boundariesOf(raw)[0]}`).length).toBe(4);
    const subject = decodeWords(headers.find(([name]) => name === "subject")?.[1] ?? "");
    return { subject, text: partOf(raw, "text/plain"), html: partOf(raw, "text/html") };
  }

  /** The HTML part holds the payload escaped, none of its tags or its script address live. */
  function expectEscaped(html: string): void {
    for (const tag of ["<script", "<img", '<a href="javascript', "<h1"]) {
      expect(html, tag).not.toContain(tag);
    }
    expect(html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    expect(html).toContain("&#60;img src=x onerror=alert(1)&#62;");
  }

  /** The subject as a client shows it: one line, the header lines in it as text. */
  function expectOneLine(subject: string, expected: string): void {
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject.replace(/\s+/g, " ")).toBe(expected.replace(/\s+/g, " ").trim());
  }

  it("stores the hostile names and titles with their line breaks", async () => {
    const person = await platform.signedIn();
    const renamed = await person.client.patch<{ name: string }>("/api/v1/me", {
      name: hostile("Eve").slice(0, 120),
    });
    // The API keeps a name's line breaks: the mails below are made with such names.
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toContain("\r\nBcc: bcc@evil.example");
    const organisation = await person.client.post<{ name: string }>("/api/v1/organisations", {
      kind: "company",
      name: hostile("Org").slice(0, 160),
      country: "DK",
    });
    expect(organisation.status).toBe(201);
    expect(organisation.body.name).toContain("\r\nBcc: bcc@evil.example");
  });

  it("an organisation's invitation: hostile inviter and organisation names", async () => {
    const inviter = await platform.signedIn({ name: hostile("Eve") });
    const name = hostile("Org").slice(0, 160);
    const organisation = await inviter.client.post<{ id: string; name: string }>(
      "/api/v1/organisations",
      { kind: "company", name, country: "DK" },
    );
    expect(organisation.status).toBe(201);
    const invited = await inviter.client.post(
      `/api/v1/organisations/${organisation.body.id}/invitations`,
      { email: "invitee@example.org", role: "member" },
    );
    expect(invited.status).toBe(201);
    await platform.runJobs();
    const mail = platform.mailer.lastTo("invitee@example.org");
    expect(mail?.subject).toContain(organisation.body.name);
    const { subject, text, html } = await deliver(mail!);
    expectOneLine(subject, `You are invited to join ${organisation.body.name}`);
    expectEscaped(html);
    expect(text).toContain(HTML);
  });

  it("a cancelled event's immediate notification: hostile event title and recipient name", async () => {
    const city = await cityTeam(platform, "Copenhagen");
    const host = city.member;
    const title = hostile("Workshop").slice(0, 200);
    const event = await host.client.post<{ id: string; title: string }>("/api/v1/events", {
      hostOrganisationIds: [city.organisationId],
      kind: "workshop",
      title,
      summary: hostile("Summary").slice(0, 500),
      startsAt: "2026-06-10T08:00:00.000Z",
      endsAt: "2026-06-10T14:00:00.000Z",
      timeZone: "Europe/Copenhagen",
      venue: "Rådhuspladsen 1",
    });
    expect(event.status, JSON.stringify(event.body)).toBe(201);
    expect(
      (await host.client.post(`/api/v1/events/${event.body.id}/status`, { to: "published" }))
        .status,
    ).toBe(200);
    const attendee = await platform.signedIn({ name: hostile("Ann") });
    expect(
      (await attendee.client.post(`/api/v1/events/${event.body.id}/registration`)).status,
    ).toBe(201);
    expect(
      (await host.client.post(`/api/v1/events/${event.body.id}/status`, { to: "cancelled" }))
        .status,
    ).toBe(200);
    await platform.runJobs();
    const mail = platform.mailer.lastTo(attendee.email);
    expect(mail?.subject).toContain(event.body.title);
    const { subject, text, html } = await deliver(mail!);
    expectOneLine(subject, `“${event.body.title}” was cancelled by its hosts`);
    expectEscaped(html);
    // The greeting names the hostile person, escaped too.
    expect(html).toContain("Ann &#60;script&#62;");
    expect(text).toContain(HTML);
  });

  it("a daily digest: hostile challenge titles in its list of links", async () => {
    const person = await platform.signedIn({ name: hostile("Dora") });
    await platform.ctx.db.transaction((tx) =>
      notify(platform.ctx, tx, {
        recipients: [person.userId],
        kind: "challenge_answer",
        params: { challenge: hostile("Flood sensors") },
        link: "/challenges/a#qa",
      }),
    );
    platform.clock.advance(DAY + HOUR);
    await sendDueDigests(platform.ctx);
    await platform.runJobs();
    const mail = platform.mailer.lastTo(person.email);
    expect(mail?.html).toBeDefined();
    const { subject, html } = await deliver(mail!);
    expectOneLine(subject, "Your daily digest from the City Solutions Platform");
    expectEscaped(html);
  });

  it("would see an injected header and unescaped markup (the checks are not blind)", async () => {
    smtp.received.length = 0;
    // A raw header line, as a template that wrote its own headers would let through.
    const forged = `From: a@csp.test\r\nTo: b@example.org\r\nBcc: bcc@evil.example\r\nSubject: x\r\nContent-Type: text/plain\r\n\r\nbody`;
    expect(
      headersOf(forged)
        .map(([name]) => name)
        .filter((name) => !ALLOWED_HEADERS.has(name)),
    ).toEqual(["bcc"]);
    expect(() => expectEscaped(`<p>${HTML}</p>`)).toThrow();
    expect(() => expectOneLine("a\r\nBcc: x", "a Bcc: x")).toThrow();
  });
});
