import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../core/testing/http-client.ts";
import { currentTotpCode } from "./index.ts";
import {
  auditMark,
  auditSince,
  clientAt,
  nextTotpCode,
  platformAdmin,
  STRONG_PASSWORD,
  signIn,
  signUpAndVerify,
  TEST_PASSWORD,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

interface SessionBody {
  user: {
    id: string;
    twoFactorEnabled: boolean;
    twoFactorRequired: boolean;
    secondFactorVerified: boolean;
    platformRoles: string[];
  } | null;
  pendingSecondFactor: boolean;
}

describe("two-factor sign-in", () => {
  let platform: WatchedPlatform;
  beforeAll(async () => {
    platform = await watchedPlatform();
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  let ipCounter = 0;
  const freshClient = () => {
    ipCounter += 1;
    return clientAt(platform, `198.19.0.${ipCounter % 250}`);
  };

  /** A signed-in person who turned two-factor sign-in on through the API. */
  async function enrolled() {
    const email = await signUpAndVerify(platform);
    const client = freshClient();
    await signIn(client, email);
    await client.refreshSession();
    const setup = await client.post<{ secret: string; otpauthUrl: string }>(
      "/api/v1/me/two-factor/setup",
    );
    expect(setup.status).toBe(200);
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const secret = setup.body.secret;
    const enrolmentCode = currentTotpCode(secret, platform.clock.now());
    const enabled = await client.post<{ recoveryCodes: string[] }>("/api/v1/me/two-factor", {
      code: enrolmentCode,
    });
    expect(enabled.status).toBe(200);
    return { email, client, secret, enrolmentCode, recoveryCodes: enabled.body.recoveryCodes };
  }

  /** A six-digit code the authenticator would not show now (nor a step either side). */
  function wrongCode(secret: string): string {
    const now = platform.clock.now().getTime();
    const valid = new Set(
      [-30_000, 0, 30_000].map((offset) => currentTotpCode(secret, new Date(now + offset))),
    );
    let candidate = 123_456;
    while (valid.has(String(candidate))) candidate += 1;
    return String(candidate);
  }

  async function pendingSignIn(email: string): Promise<TestClient> {
    const client = freshClient();
    const response = await signIn(client, email);
    expect(response.status).toBe(200);
    expect(response.body.status).toBe("second_factor_required");
    return client;
  }

  it("does not turn on with a wrong code", async () => {
    const email = await signUpAndVerify(platform);
    const client = freshClient();
    await signIn(client, email);
    await client.refreshSession();
    const setup = await client.post<{ secret: string }>("/api/v1/me/two-factor/setup");
    const refused = await client.post("/api/v1/me/two-factor", {
      code: wrongCode(setup.body.secret),
    });
    expect(refused.status).toBe(401);
    const state = await client.get<SessionBody>("/api/v1/session");
    expect(state.body.user?.twoFactorEnabled).toBe(false);
    // Signing in still needs only the password.
    expect((await signIn(freshClient(), email)).body.status).toBe("signed_in");
  });

  it("once on, asks for a code at sign-in, and the session grants nothing until then", async () => {
    const mark = await auditMark(platform);
    const { email, secret } = await enrolled();
    expect((await auditSince(platform, mark)).map((event) => event.action)).toContain(
      "account.two_factor_enabled",
    );

    const client = await pendingSignIn(email);
    const pendingToken = client.sessionToken;
    expect((await client.get("/api/v1/me")).status).toBe(401);
    const state = await client.get<SessionBody>("/api/v1/session");
    expect(state.body.user).toBeNull();
    expect(state.body.pendingSecondFactor).toBe(true);

    const done = await client.post<{ status: string }>("/api/v1/session/second-factor", {
      code: nextTotpCode(platform, secret),
    });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe("signed_in");
    // The session token changes once the second factor is confirmed.
    expect(client.sessionToken).not.toBe(pendingToken);
    const me = await client.get<{ secondFactorVerified: boolean }>("/api/v1/me");
    expect(me.status).toBe(200);
    expect(me.body.secondFactorVerified).toBe(true);

    const stale = freshClient();
    stale.sessionToken = pendingToken;
    expect((await stale.get("/api/v1/me")).status).toBe(401);
  });

  it("never accepts the same code twice", async () => {
    const { email, secret, enrolmentCode } = await enrolled();
    // The code that turned two-factor on is spent.
    const first = await pendingSignIn(email);
    const replayedEnrolment = await first.post("/api/v1/session/second-factor", {
      code: enrolmentCode,
    });
    expect(replayedEnrolment.status).toBe(401);

    const code = nextTotpCode(platform, secret);
    expect((await first.post("/api/v1/session/second-factor", { code })).status).toBe(200);

    // Still within the code's time window, a second sign-in cannot reuse it.
    const second = await pendingSignIn(email);
    expect((await second.post("/api/v1/session/second-factor", { code })).status).toBe(401);
    expect((await second.get("/api/v1/me")).status).toBe(401);
  });

  it("accepts one of two simultaneous sign-ins presenting the same code, not both", async () => {
    const { email, secret } = await enrolled();
    const one = await pendingSignIn(email);
    const two = await pendingSignIn(email);
    const code = nextTotpCode(platform, secret);
    const answers = await Promise.all([
      one.post("/api/v1/session/second-factor", { code }),
      two.post("/api/v1/session/second-factor", { code }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
  });

  it("refuses a wrong code", async () => {
    const { email, secret } = await enrolled();
    const client = await pendingSignIn(email);
    platform.clock.advance(30_000);
    const refused = await client.post("/api/v1/session/second-factor", {
      code: wrongCode(secret),
    });
    expect(refused.status).toBe(401);
    expect((await client.get("/api/v1/me")).status).toBe(401);
  });

  it("accepts each recovery code once", async () => {
    const { email, recoveryCodes } = await enrolled();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const recovery = recoveryCodes[0]!;

    const first = await pendingSignIn(email);
    const used = await first.post("/api/v1/session/second-factor", { code: recovery });
    expect(used.status).toBe(200);
    expect((await first.get("/api/v1/me")).status).toBe(200);

    const second = await pendingSignIn(email);
    const reused = await second.post("/api/v1/session/second-factor", { code: recovery });
    expect(reused.status).toBe(401);
    // Another recovery code still works, typed in capitals.
    const other = await second.post("/api/v1/session/second-factor", {
      code: recoveryCodes[1]!.toUpperCase(),
    });
    expect(other.status).toBe(200);
  });

  it("accepts a recovery code for only one of two simultaneous sign-ins", async () => {
    const { email, recoveryCodes } = await enrolled();
    const one = await pendingSignIn(email);
    const two = await pendingSignIn(email);
    const code = recoveryCodes[2]!;
    const answers = await Promise.all([
      one.post("/api/v1/session/second-factor", { code }),
      two.post("/api/v1/session/second-factor", { code }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
  });

  it("stops accepting codes after five wrong ones, even the right code", async () => {
    const { email, secret } = await enrolled();
    const client = await pendingSignIn(email);
    for (let attempt = 0; attempt < 5; attempt++) {
      const refused = await client.post("/api/v1/session/second-factor", {
        code: wrongCode(secret),
      });
      expect(refused.status).toBe(401);
    }
    const limited = await client.post("/api/v1/session/second-factor", {
      code: nextTotpCode(platform, secret),
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await client.get("/api/v1/me")).status).toBe(401);
  });

  it("cannot be set up again while on, which would replace the secret", async () => {
    const { email, client, secret } = await enrolled();
    const again = await client.post<{ code: string }>("/api/v1/me/two-factor/setup");
    expect(again.status).toBe(409);
    expect((await client.get("/api/v1/me")).status).toBe(200);
    // The authenticator app still works.
    const pending = await pendingSignIn(email);
    const done = await pending.post("/api/v1/session/second-factor", {
      code: nextTotpCode(platform, secret),
    });
    expect(done.status).toBe(200);
  });

  it("asks for the password to turn two-factor off, and then sign-in needs no code", async () => {
    const { email, client } = await enrolled();
    const wrong = await client.delete("/api/v1/me/two-factor", { password: "not my password" });
    expect(wrong.status).toBe(401);
    expect((await signIn(freshClient(), email)).body.status).toBe("second_factor_required");

    const mark = await auditMark(platform);
    const off = await client.delete("/api/v1/me/two-factor", { password: STRONG_PASSWORD });
    expect(off.status).toBe(204);
    expect((await auditSince(platform, mark)).map((event) => event.action)).toEqual([
      "account.two_factor_disabled",
    ]);
    expect((await signIn(freshClient(), email)).body.status).toBe("signed_in");
  });

  describe("platform admins", () => {
    it("have no admin powers until a session passes the second factor", async () => {
      const admin = await platform.signedIn({ platformRoles: ["admin"] });
      const state = await admin.client.get<SessionBody>("/api/v1/session");
      expect(state.body.user?.platformRoles).toEqual(["admin"]);
      expect(state.body.user?.twoFactorRequired).toBe(true);
      expect((await admin.client.get("/api/v1/admin/users")).status).toBe(403);

      // Turning two-factor on proves the second factor for this session: powers apply.
      const setup = await admin.client.post<{ secret: string }>("/api/v1/me/two-factor/setup");
      const enabled = await admin.client.post("/api/v1/me/two-factor", {
        code: currentTotpCode(setup.body.secret, platform.clock.now()),
      });
      expect(enabled.status).toBe(200);
      expect((await admin.client.get("/api/v1/admin/users")).status).toBe(200);
      const after = await admin.client.get<SessionBody>("/api/v1/session");
      expect(after.body.user?.twoFactorRequired).toBe(false);

      // A later sign-in that has not finished the second factor has none.
      const password = freshClient();
      const pending = await signIn(password, admin.email, TEST_PASSWORD);
      expect(pending.body.status).toBe("second_factor_required");
      expect((await password.get("/api/v1/admin/users")).status).toBe(401);
    });

    it("have them with two-factor verified at sign-in", async () => {
      const admin = await platformAdmin(platform);
      const listed = await admin.client.get<{ users: unknown[] }>("/api/v1/admin/users");
      expect(listed.status).toBe(200);
      const state = await admin.client.get<SessionBody>("/api/v1/session");
      expect(state.body.user?.twoFactorRequired).toBe(false);
      expect(state.body.user?.secondFactorVerified).toBe(true);
    });

    it("cannot turn two-factor off", async () => {
      const admin = await platformAdmin(platform);
      const refused = await admin.client.delete<{ code: string }>("/api/v1/me/two-factor", {
        password: TEST_PASSWORD,
      });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe("two_factor_required_for_admins");
      const state = await admin.client.get<SessionBody>("/api/v1/session");
      expect(state.body.user?.twoFactorEnabled).toBe(true);
    });
  });
});
