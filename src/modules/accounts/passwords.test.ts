import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { HOUR, MINUTE } from "../../core/clock.ts";
import type { TestClient } from "../../core/testing/http-client.ts";
import {
  auditMark,
  auditSince,
  clientAt,
  mailCount,
  platformAdmin,
  STRONG_PASSWORD,
  signIn,
  signUpAndVerify,
  uniqueEmail,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

const NEW_PASSWORD = "quiet harbour copper violin";

describe("passwords", () => {
  let platform: WatchedPlatform;
  beforeAll(async () => {
    platform = await watchedPlatform();
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  let ipCounter = 0;
  const freshClient = () => {
    ipCounter += 1;
    return clientAt(platform, `198.51.100.${ipCounter % 250}`);
  };

  async function signedInClient(email: string): Promise<TestClient> {
    const client = freshClient();
    expect((await signIn(client, email)).status).toBe(200);
    await client.refreshSession();
    return client;
  }

  async function requestReset(email: string): Promise<string> {
    const response = await freshClient().post("/api/v1/password-reset", { email });
    expect(response.status).toBe(202);
    await platform.runJobs();
    return platform.mailer.tokenFor(email);
  }

  describe("requested mail is limited", () => {
    it("mails one address at most five times an hour, answering the same 202 after that", async () => {
      const email = await signUpAndVerify(platform);
      const mailsTo = () => platform.mailer.sent.filter((mail) => mail.to === email).length;
      await platform.runJobs();
      const before = mailsTo();
      const answers = [];
      for (let attempt = 0; attempt < 7; attempt += 1) {
        answers.push((await freshClient().post("/api/v1/password-reset", { email })).status);
      }
      await platform.runJobs();
      expect(answers).toEqual([202, 202, 202, 202, 202, 202, 202]);
      expect(mailsTo() - before).toBe(5);

      platform.clock.advance(HOUR + MINUTE);
      await freshClient().post("/api/v1/password-reset", { email });
      await platform.runJobs();
      expect(mailsTo() - before).toBe(6);
    });

    it("refuses a client address asking for more than thirty mails an hour with 429", async () => {
      const client = clientAt(platform, "192.0.2.77");
      const statuses = [];
      for (let attempt = 0; attempt < 31; attempt += 1) {
        const response = await client.post("/api/v1/password-reset", {
          email: uniqueEmail("flood"),
        });
        statuses.push(response.status);
      }
      expect(statuses.slice(0, 30).every((status) => status === 202)).toBe(true);
      const refused = await client.post("/api/v1/accounts/email-verification/resend", {
        email: uniqueEmail("flood"),
      });
      expect(statuses[30]).toBe(429);
      expect(refused.status).toBe(429);
      expect(refused.headers["retry-after"]).toBeDefined();
    });
  });

  describe("reset by e-mail", () => {
    it("answers an unknown address like a known one and mails nothing", async () => {
      const known = await signUpAndVerify(platform);
      const before = await mailCount(platform);
      const unknown = await freshClient().post("/api/v1/password-reset", {
        email: uniqueEmail("stranger"),
      });
      expect(unknown.status).toBe(202);
      expect(await mailCount(platform)).toBe(before);

      const answered = await freshClient().post("/api/v1/password-reset", { email: known });
      expect(answered.status).toBe(202);
      expect(answered.body).toEqual(unknown.body);
      expect(await mailCount(platform)).toBe(before + 1);
      expect(platform.mailer.lastTo(known)?.text).toContain(
        `${platform.config.publicUrl}/reset-password#token=`,
      );
    });

    it("sets the new password, retires the old one, ends every session, and records it", async () => {
      const email = await signUpAndVerify(platform);
      const laptop = await signedInClient(email);
      const phone = await signedInClient(email);
      const token = await requestReset(email);
      const mark = await auditMark(platform);

      const done = await freshClient().post("/api/v1/password-reset/confirm", {
        token,
        password: NEW_PASSWORD,
      });
      expect(done.status).toBe(204);

      expect((await laptop.get("/api/v1/me")).status).toBe(401);
      expect((await phone.get("/api/v1/me")).status).toBe(401);
      expect((await signIn(freshClient(), email, STRONG_PASSWORD)).status).toBe(401);
      expect((await signIn(freshClient(), email, NEW_PASSWORD)).status).toBe(200);
      expect((await auditSince(platform, mark)).map((event) => event.action)).toEqual([
        "account.password_reset",
      ]);
    });

    it("accepts the link once", async () => {
      const email = await signUpAndVerify(platform);
      const token = await requestReset(email);
      const first = await freshClient().post("/api/v1/password-reset/confirm", {
        token,
        password: NEW_PASSWORD,
      });
      expect(first.status).toBe(204);
      const mark = await auditMark(platform);
      const again = await freshClient().post<{ code: string }>("/api/v1/password-reset/confirm", {
        token,
        password: "a different passphrase entirely",
      });
      expect(again.status).toBe(400);
      expect(again.body.code).toBe("token_invalid");
      expect(await auditSince(platform, mark)).toEqual([]);
      expect((await signIn(freshClient(), email, NEW_PASSWORD)).status).toBe(200);
    });

    it("refuses the link after one hour", async () => {
      const email = await signUpAndVerify(platform);
      const token = await requestReset(email);
      platform.clock.advance(HOUR + MINUTE);
      const late = await freshClient().post("/api/v1/password-reset/confirm", {
        token,
        password: NEW_PASSWORD,
      });
      expect(late.status).toBe(400);
      expect((await signIn(freshClient(), email, STRONG_PASSWORD)).status).toBe(200);
    });

    it("refuses a weak new password without spending the link", async () => {
      const email = await signUpAndVerify(platform);
      const token = await requestReset(email);
      const weak = await freshClient().post<{ errors: Array<{ field: string }> }>(
        "/api/v1/password-reset/confirm",
        { token, password: "password123" },
      );
      expect(weak.status).toBe(400);
      expect(weak.body.errors.map((error) => error.field)).toContain("body.password");
      const strong = await freshClient().post("/api/v1/password-reset/confirm", {
        token,
        password: NEW_PASSWORD,
      });
      expect(strong.status).toBe(204);
    });

    it("retires an earlier link when a new one is sent", async () => {
      const email = await signUpAndVerify(platform);
      const first = await requestReset(email);
      const second = await requestReset(email);
      expect(second).not.toBe(first);
      const stale = await freshClient().post("/api/v1/password-reset/confirm", {
        token: first,
        password: NEW_PASSWORD,
      });
      expect(stale.status).toBe(400);
      const fresh = await freshClient().post("/api/v1/password-reset/confirm", {
        token: second,
        password: NEW_PASSWORD,
      });
      expect(fresh.status).toBe(204);
    });

    it("sends nothing to a disabled account", async () => {
      const admin = await platformAdmin(platform);
      const email = await signUpAndVerify(platform);
      const person = await signedInClient(email);
      const me = await person.get<{ id: string }>("/api/v1/me");
      await admin.client.patch(`/api/v1/admin/users/${me.body.id}`, { disabled: true });
      const before = await mailCount(platform);
      expect((await freshClient().post("/api/v1/password-reset", { email })).status).toBe(202);
      expect(await mailCount(platform)).toBe(before);
    });
  });

  describe("change while signed in", () => {
    it("needs the current password", async () => {
      const email = await signUpAndVerify(platform);
      const client = await signedInClient(email);
      const mark = await auditMark(platform);
      const wrong = await client.post<{ errors: Array<{ field: string }> }>("/api/v1/me/password", {
        currentPassword: "not my password",
        newPassword: NEW_PASSWORD,
      });
      expect(wrong.status).toBe(401);
      expect(wrong.body.errors.map((error) => error.field)).toContain("body.currentPassword");
      expect(await auditSince(platform, mark)).toEqual([]);
      expect((await signIn(freshClient(), email, STRONG_PASSWORD)).status).toBe(200);
      // The session that tried is still signed in.
      expect((await client.get("/api/v1/me")).status).toBe(200);
    });

    it("refuses a weak new password", async () => {
      const email = await signUpAndVerify(platform);
      const client = await signedInClient(email);
      const weak = await client.post<{ errors: Array<{ field: string }> }>("/api/v1/me/password", {
        currentPassword: STRONG_PASSWORD,
        newPassword: "password123",
      });
      expect(weak.status).toBe(400);
      expect(weak.body.errors.map((error) => error.field)).toContain("body.newPassword");
    });

    it("changes it, signs out the other sessions, keeps this one, and tells the owner", async () => {
      const email = await signUpAndVerify(platform);
      const here = await signedInClient(email);
      const elsewhere = await signedInClient(email);
      const mailsBefore = await mailCount(platform);
      const mark = await auditMark(platform);

      const changed = await here.post("/api/v1/me/password", {
        currentPassword: STRONG_PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      expect(changed.status).toBe(204);

      expect((await here.get("/api/v1/me")).status).toBe(200);
      expect((await elsewhere.get("/api/v1/me")).status).toBe(401);
      expect((await signIn(freshClient(), email, STRONG_PASSWORD)).status).toBe(401);
      expect((await signIn(freshClient(), email, NEW_PASSWORD)).status).toBe(200);
      expect((await auditSince(platform, mark)).map((event) => event.action)).toEqual([
        "account.password_changed",
      ]);
      expect(await mailCount(platform)).toBe(mailsBefore + 1);
      expect(platform.mailer.lastTo(email)?.to).toBe(email);
    });

    it("is refused to an anonymous caller", async () => {
      const response = await freshClient().post("/api/v1/me/password", {
        currentPassword: STRONG_PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      expect(response.status).toBe(401);
    });
  });
});
