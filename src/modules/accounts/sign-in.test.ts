import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  clientAt,
  platformAdmin,
  STRONG_PASSWORD,
  signIn,
  signUp,
  signUpAndVerify,
  uniqueEmail,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

// Lowered so the limits are reached in a few requests; each test uses its own client addresses.
const PER_ACCOUNT = 3;
const PER_IP = 5;

describe("sign-in", () => {
  let platform: WatchedPlatform;
  beforeAll(async () => {
    platform = await watchedPlatform({
      SIGN_IN_LIMIT_PER_ACCOUNT: String(PER_ACCOUNT),
      SIGN_IN_LIMIT_PER_IP: String(PER_IP),
    });
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  let ipCounter = 0;
  /** A client from an address no other test uses. */
  const freshClient = () => {
    ipCounter += 1;
    return clientAt(platform, `198.18.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`);
  };

  it("signs a verified person in with a session that knows who they are", async () => {
    const email = await signUpAndVerify(platform);
    const client = freshClient();
    const response = await signIn(client, email);
    expect(response.status).toBe(200);
    expect(response.body.status).toBe("signed_in");
    const me = await client.get<{ email: string }>("/api/v1/me");
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(email);
  });

  it("refuses an unverified account only once the password is right", async () => {
    const email = uniqueEmail("unverified");
    await signUp(freshClient(), { email });
    const wrong = await signIn(freshClient(), email, "not the password at all");
    expect(wrong.status).toBe(401);
    const right = await signIn(freshClient(), email);
    expect(right.status).toBe(403);
    expect(right.body.code).toBe("email_not_verified");
  });

  it("answers a wrong password and an unknown address alike, with 401", async () => {
    const email = await signUpAndVerify(platform);
    const wrong = await signIn(freshClient(), email, "not the password at all");
    const unknown = await signIn(freshClient(), uniqueEmail("nobody"), STRONG_PASSWORD);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe(unknown.body.code);
    expect(wrong.raw.cookies.find((cookie) => cookie.value)).toBeUndefined();
  });

  it("limits failed attempts per account, from any address, even for the right password", async () => {
    const email = await signUpAndVerify(platform);
    for (let attempt = 0; attempt < PER_ACCOUNT; attempt++) {
      expect((await signIn(freshClient(), email, "wrong password guess")).status).toBe(401);
    }
    const limited = await signIn(freshClient(), email, "wrong password guess");
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);

    const correct = await signIn(freshClient(), email);
    expect(correct.status).toBe(429);

    // Once the window has passed, the owner gets in again.
    platform.clock.advance(retryAfter * 1000 + 1000);
    expect((await signIn(freshClient(), email)).status).toBe(200);
  });

  it("counts simultaneous guesses against the per-account limit too", async () => {
    const email = await signUpAndVerify(platform);
    const answers = await Promise.all(
      Array.from({ length: 4 * PER_ACCOUNT }, () =>
        signIn(freshClient(), email, "wrong password guess"),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    // Only as many guesses as the limit allows are checked; the rest are turned away.
    expect(statuses.filter((status) => status === 401)).toHaveLength(PER_ACCOUNT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(3 * PER_ACCOUNT);
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    const email = await signUpAndVerify(platform);
    for (let attempt = 0; attempt < PER_ACCOUNT - 1; attempt++) {
      await signIn(freshClient(), email, "wrong password guess");
    }
    expect((await signIn(freshClient(), email)).status).toBe(200);
    for (let attempt = 0; attempt < PER_ACCOUNT - 1; attempt++) {
      expect((await signIn(freshClient(), email, "wrong password guess")).status).toBe(401);
    }
    expect((await signIn(freshClient(), email)).status).toBe(200);
  });

  it("limits attempts per client address across different accounts", async () => {
    const emails: string[] = [];
    for (let n = 0; n <= PER_IP; n++) emails.push(await signUpAndVerify(platform));
    const client = freshClient();
    for (const email of emails.slice(0, PER_IP)) {
      expect((await signIn(client, email, "wrong password guess")).status).toBe(401);
    }
    const limited = await signIn(client, emails[PER_IP]!);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    // The accounts themselves are not locked: from elsewhere the same person gets in.
    expect((await signIn(freshClient(), emails[PER_IP]!)).status).toBe(200);
  });

  it("ignores X-Forwarded-For when no proxy is trusted, so the header cannot reset the limit", async () => {
    const email = await signUpAndVerify(platform);
    const client = freshClient();
    for (let attempt = 0; attempt < PER_IP; attempt++) {
      await client.request("POST", "/api/v1/session", {
        body: { email: uniqueEmail("probe"), password: "wrong password guess" },
        headers: { "x-forwarded-for": `10.0.0.${attempt}` },
      });
    }
    for (const spoofed of ["10.9.9.9", "203.0.113.250, 10.0.0.1", "::1"]) {
      const response = await client.request("POST", "/api/v1/session", {
        body: { email, password: STRONG_PASSWORD },
        headers: { "x-forwarded-for": spoofed },
      });
      expect(response.status).toBe(429);
    }
  });

  it("refuses a disabled account, and only says so for the right password", async () => {
    const admin = await platformAdmin(platform);
    const email = await signUpAndVerify(platform);
    const person = freshClient();
    await signIn(person, email);
    const me = await person.get<{ id: string }>("/api/v1/me");
    const disabled = await admin.client.patch(`/api/v1/admin/users/${me.body.id}`, {
      disabled: true,
    });
    expect(disabled.status).toBe(200);

    expect((await signIn(freshClient(), email, "wrong password guess")).status).toBe(401);
    const refused = await signIn(freshClient(), email);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("account_disabled");

    await admin.client.patch(`/api/v1/admin/users/${me.body.id}`, { disabled: false });
    expect((await signIn(freshClient(), email)).status).toBe(200);
  });

  it("treats addresses case-insensitively", async () => {
    const email = await signUpAndVerify(platform);
    expect((await signIn(freshClient(), email.toUpperCase())).status).toBe(200);
  });
});
