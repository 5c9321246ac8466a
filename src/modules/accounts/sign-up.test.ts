import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DAY, MINUTE } from "../../core/clock.ts";
import {
  auditMark,
  auditSince,
  clientAt,
  mailCount,
  STRONG_PASSWORD,
  signIn,
  signUp,
  uniqueEmail,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

describe("sign-up and e-mail verification", () => {
  let platform: WatchedPlatform;
  beforeAll(async () => {
    platform = await watchedPlatform();
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const client = () => clientAt(platform, "192.0.2.10");

  describe("refuses passwords that are easy to guess, naming body.password", () => {
    const email = "marguerite.fontaine@example.org";
    const name = "Marguerite Fontaine";
    const refused: Array<[reason: string, password: string]> = [
      ["common", "password123"],
      ["common with decoration", "Password1!"],
      ["keyboard walk", "qwertyuiopasdf"],
      ["too short, even if random", "Gx7#pQ2"],
      ["the whole e-mail address", "marguerite.fontaine@example.org"],
      ["the e-mail's local part", "marguerite.fontaine"],
      ["the e-mail's words reordered, with a year", "fontaine-marguerite-2026"],
      ["the e-mail's words capitalised, with a symbol", "MargueriteFontaine!"],
      ["the e-mail without its first word", "fontaine@example.org"],
    ];
    it.each(refused)("%s: %s", async (_reason, password) => {
      const mark = await auditMark(platform);
      const mailsBefore = await mailCount(platform);
      const response = await signUp(client(), { email, name, password });
      expect(response.status).toBe(400);
      expect(response.body.errors?.map((error) => error.field)).toContain("body.password");
      // Nothing was created: no account, no mail, no audit event.
      expect(await auditSince(platform, mark)).toEqual([]);
      expect(await mailCount(platform)).toBe(mailsBefore);
      expect((await signIn(client(), email, password)).status).toBe(401);
    });

    it("accepts a password built from a name when that name is not the person's", async () => {
      const response = await signUp(client(), {
        email: uniqueEmail("someone.else"),
        name: "Someone Else",
        password: "fontaine-marguerite-2026",
      });
      expect(response.status).toBe(202);
    });

    it("accepts a strong passphrase that merely includes the person's own name", async () => {
      const email = uniqueEmail("marguerite.fontaine");
      const response = await signUp(client(), {
        email,
        name,
        password: "marguerite granite lantern orbit",
      });
      expect(response.status).toBe(202);
    });

    it("tells the web app the same through the strength check", async () => {
      const weak = await client().post<{ acceptable: boolean }>("/api/v1/password-strength", {
        password: "fontaine-marguerite-2026",
        email,
        name,
      });
      expect(weak.status).toBe(200);
      expect(weak.body.acceptable).toBe(false);
      const strong = await client().post<{ acceptable: boolean }>("/api/v1/password-strength", {
        password: STRONG_PASSWORD,
        email,
        name,
      });
      expect(strong.body.acceptable).toBe(true);
    });
  });

  it("answers 202, mails a verification link and records the sign-up", async () => {
    const email = uniqueEmail("new");
    const mark = await auditMark(platform);
    const response = await signUp(client(), { email });
    expect(response.status).toBe(202);
    await platform.runJobs();
    const mail = platform.mailer.lastTo(email);
    expect(mail?.text).toContain(`${platform.config.publicUrl}/verify-email#token=`);
    expect(platform.mailer.tokenFor(email).length).toBeGreaterThanOrEqual(20);
    const events = await auditSince(platform, mark);
    expect(events.map((event) => event.action)).toEqual(["account.signed_up"]);
    expect(events[0]?.payload).toEqual({ email });
  });

  it("answers a second sign-up with the same address exactly like the first, and tells the owner", async () => {
    const email = uniqueEmail("twice");
    const first = await signUp(client(), { email });
    await platform.runJobs();
    const firstToken = platform.mailer.tokenFor(email);
    const mailsBefore = platform.mailer.sent.length;
    const mark = await auditMark(platform);

    const second = await signUp(client(), {
      email: email.toUpperCase(),
      name: "Someone Else",
      password: "another quite different passphrase",
    });
    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);

    await platform.runJobs();
    const newMails = platform.mailer.sent.slice(mailsBefore);
    expect(newMails.map((mail) => mail.to.toLowerCase())).toEqual([email]);
    // The mail to the owner carries no verification token, and nothing else changed.
    expect(newMails[0]?.text).not.toContain("#token=");
    expect(await auditSince(platform, mark)).toEqual([]);

    // The original account keeps its password: the second sign-up did not take it over.
    await client().post("/api/v1/accounts/email-verification", { token: firstToken });
    expect((await signIn(client(), email, "another quite different passphrase")).status).toBe(401);
    expect((await signIn(client(), email, STRONG_PASSWORD)).status).toBe(200);
  });

  it("accepts the verification token once", async () => {
    const email = uniqueEmail("verify");
    await signUp(client(), { email });
    await platform.runJobs();
    const token = platform.mailer.tokenFor(email);
    const mark = await auditMark(platform);

    const first = await client().post<{ email: string }>("/api/v1/accounts/email-verification", {
      token,
    });
    expect(first.status).toBe(200);
    expect(first.body.email).toBe(email);
    const again = await client().post<{ code: string }>("/api/v1/accounts/email-verification", {
      token,
    });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe("token_invalid");

    const events = await auditSince(platform, mark);
    expect(events.map((event) => event.action)).toEqual(["account.email_verified"]);
    expect((await signIn(client(), email)).status).toBe(200);
  });

  it("refuses a verification token after 48 hours; a resent link works and retires the old one", async () => {
    const email = uniqueEmail("late");
    await signUp(client(), { email });
    await platform.runJobs();
    const expired = platform.mailer.tokenFor(email);

    platform.clock.advance(2 * DAY + MINUTE);
    const late = await client().post("/api/v1/accounts/email-verification", { token: expired });
    expect(late.status).toBe(400);
    expect((await signIn(client(), email)).body.code).toBe("email_not_verified");

    const resend = await client().post("/api/v1/accounts/email-verification/resend", { email });
    expect(resend.status).toBe(202);
    await platform.runJobs();
    const fresh = platform.mailer.tokenFor(email);
    expect(fresh).not.toBe(expired);
    expect(
      (await client().post("/api/v1/accounts/email-verification", { token: fresh })).status,
    ).toBe(200);
    expect((await signIn(client(), email)).status).toBe(200);
  });

  it("retires the earlier link when a new one is sent", async () => {
    const email = uniqueEmail("resend");
    await signUp(client(), { email });
    await platform.runJobs();
    const first = platform.mailer.tokenFor(email);
    await client().post("/api/v1/accounts/email-verification/resend", { email });
    await platform.runJobs();
    const second = platform.mailer.tokenFor(email);
    expect(
      (await client().post("/api/v1/accounts/email-verification", { token: first })).status,
    ).toBe(400);
    expect(
      (await client().post("/api/v1/accounts/email-verification", { token: second })).status,
    ).toBe(200);
  });

  it("answers a resend for an unknown or already verified address the same, sending nothing", async () => {
    const verified = uniqueEmail("done");
    await signUp(client(), { email: verified });
    await platform.runJobs();
    await client().post("/api/v1/accounts/email-verification", {
      token: platform.mailer.tokenFor(verified),
    });
    const before = await mailCount(platform);

    const unknown = await client().post("/api/v1/accounts/email-verification/resend", {
      email: uniqueEmail("nobody"),
    });
    const known = await client().post("/api/v1/accounts/email-verification/resend", {
      email: verified,
    });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    expect(await mailCount(platform)).toBe(before);
  });

  it("refuses malformed sign-ups with field errors, never a server error", async () => {
    const bad = await client().post<{ errors: Array<{ field: string }> }>("/api/v1/accounts", {
      email: "not-an-address",
      name: "",
      password: STRONG_PASSWORD,
      extra: true,
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.errors.map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(["body.email", "body.name", "body.extra"]));
    const garbage = await client().request("POST", "/api/v1/accounts", {
      rawBody: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(garbage.status).toBe(400);
  });
});
