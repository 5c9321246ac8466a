import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../core/auth/session-cookie.ts";
import type { TestResponse } from "../../core/testing/http-client.ts";
import {
  clientAt,
  signIn,
  signUpAndVerify,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/** The Set-Cookie header that set the session cookie, split into its attributes. */
function sessionCookieAttributes(response: TestResponse): string[] {
  const header = response.headers["set-cookie"];
  const lines = Array.isArray(header) ? header : header ? [header] : [];
  const line = lines.find((value) => value.startsWith(`${SESSION_COOKIE}=`));
  if (!line) throw new Error("no session cookie was set");
  return line.split(";").map((part) => part.trim().toLowerCase());
}

interface SessionBody {
  user: { id: string; email: string } | null;
  csrfToken: string | null;
}

describe("sessions", () => {
  let platform: WatchedPlatform;
  beforeAll(async () => {
    platform = await watchedPlatform();
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const client = () => clientAt(platform, "192.0.2.30");

  it("gives a new session token at sign-in, so a planted cookie is worthless afterwards", async () => {
    // The attacker signs in and plants their own session cookie in the victim's browser.
    const attackerEmail = await signUpAndVerify(platform);
    const attacker = client();
    await signIn(attacker, attackerEmail);
    const planted = attacker.sessionToken!;

    const victimEmail = await signUpAndVerify(platform);
    const victim = client();
    victim.sessionToken = planted;
    const signedIn = await signIn(victim, victimEmail);
    expect(signedIn.status).toBe(200);
    expect(victim.sessionToken).toBeDefined();
    expect(victim.sessionToken).not.toBe(planted);

    const withPlanted = client();
    withPlanted.sessionToken = planted;
    const state = await withPlanted.get<SessionBody>("/api/v1/session");
    expect(state.body.user).toBeNull();
    expect((await withPlanted.get("/api/v1/me")).status).toBe(401);
    // The victim's own session is theirs.
    const mine = await victim.get<{ email: string }>("/api/v1/me");
    expect(mine.body.email).toBe(victimEmail);
  });

  it("ignores a made-up session cookie and issues a real one at sign-in", async () => {
    const email = await signUpAndVerify(platform);
    const person = client();
    person.sessionToken = "chosen-by-the-attacker-0123456789";
    expect((await person.get("/api/v1/me")).status).toBe(401);
    await signIn(person, email);
    expect(person.sessionToken).not.toBe("chosen-by-the-attacker-0123456789");
    expect((await person.get("/api/v1/me")).status).toBe(200);
  });

  it("ends the session at sign-out, on the server and not only in the browser", async () => {
    const email = await signUpAndVerify(platform);
    const person = client();
    await signIn(person, email);
    await person.refreshSession();
    const token = person.sessionToken!;
    const out = await person.delete("/api/v1/session");
    expect(out.status).toBe(204);
    expect(person.sessionToken).toBeUndefined();

    const replay = client();
    replay.sessionToken = token;
    expect((await replay.get("/api/v1/me")).status).toBe(401);
  });

  it("sets the session cookie HttpOnly and SameSite=Lax, without Secure on plain http", async () => {
    const email = await signUpAndVerify(platform);
    const attributes = sessionCookieAttributes(await signIn(client(), email));
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(attributes).toContain("path=/");
    expect(attributes).not.toContain("secure");
  });

  it("marks the session cookie Secure when the public address is https", async () => {
    const secure = await watchedPlatform({ PUBLIC_URL: "https://csp.example" });
    try {
      const email = await signUpAndVerify(secure);
      const attributes = sessionCookieAttributes(
        await signIn(clientAt(secure, "192.0.2.31"), email),
      );
      expect(attributes).toContain("secure");
      expect(attributes).toContain("httponly");
      expect(attributes).toContain("samesite=lax");
      expect(secure.serverErrors.splice(0)).toEqual([]);
    } finally {
      await secure.close();
    }
  });

  describe("anti-forgery token on writes made with the session cookie", () => {
    it("refuses a write without the token or with a wrong one, and accepts the right one", async () => {
      const email = await signUpAndVerify(platform);
      const person = client();
      await signIn(person, email);
      const state = await person.refreshSession();
      const csrfToken = (state.body as SessionBody).csrfToken!;
      expect(csrfToken).toBeTruthy();

      const missing = await person.request<{ code: string }>("PATCH", "/api/v1/me", {
        body: { name: "Renamed Without Token" },
        csrf: false,
      });
      expect(missing.status).toBe(403);
      expect(missing.body.code).toBe("csrf_token_invalid");

      const wrong = await person.request("PATCH", "/api/v1/me", {
        body: { name: "Renamed With Wrong Token" },
        csrf: false,
        headers: { "x-csrf-token": `${csrfToken.slice(0, -2)}xx` },
      });
      expect(wrong.status).toBe(403);

      const otherEmail = await signUpAndVerify(platform);
      const other = client();
      await signIn(other, otherEmail);
      const othersToken = ((await other.refreshSession()).body as SessionBody).csrfToken!;
      const borrowed = await person.request("PATCH", "/api/v1/me", {
        body: { name: "Renamed With Another Session's Token" },
        csrf: false,
        headers: { "x-csrf-token": othersToken },
      });
      expect(borrowed.status).toBe(403);

      expect((await person.get<{ name: string }>("/api/v1/me")).body.name).toBe("Test Person");

      const right = await person.patch<{ name: string }>("/api/v1/me", {
        name: "Renamed Properly",
      });
      expect(right.status).toBe(200);
      expect((await person.get<{ name: string }>("/api/v1/me")).body.name).toBe("Renamed Properly");
    });

    it("does not ask a Bearer-token caller for it", async () => {
      const email = await signUpAndVerify(platform);
      const person = client();
      await signIn(person, email);
      await person.refreshSession();
      const created = await person.post<{ token: string }>("/api/v1/me/tokens", { name: "cli" });
      expect(created.status).toBe(201);

      const script = client();
      script.bearerToken = created.body.token;
      const write = await script.patch<{ name: string }>("/api/v1/me", {
        name: "Renamed By Script",
      });
      expect(write.status).toBe(200);
      expect((await person.get<{ name: string }>("/api/v1/me")).body.name).toBe(
        "Renamed By Script",
      );
    });

    it("does not give an anonymous caller a token", async () => {
      const state = await client().get<SessionBody>("/api/v1/session");
      expect(state.status).toBe(200);
      expect(state.body.user).toBeNull();
      expect(state.body.csrfToken).toBeNull();
    });
  });

  it("lists my sessions and signs out one of them", async () => {
    const email = await signUpAndVerify(platform);
    const laptop = client();
    const phone = client();
    await signIn(laptop, email);
    await signIn(phone, email);
    await laptop.refreshSession();
    const listed = await laptop.get<{ sessions: Array<{ id: string; current: boolean }> }>(
      "/api/v1/me/sessions",
    );
    expect(listed.body.sessions).toHaveLength(2);
    const other = listed.body.sessions.find((session) => !session.current)!;
    expect((await laptop.delete(`/api/v1/me/sessions/${other.id}`)).status).toBe(204);
    expect((await phone.get("/api/v1/me")).status).toBe(401);
    expect((await laptop.get("/api/v1/me")).status).toBe(200);
  });

  it("does not let me sign out someone else's session", async () => {
    const mine = client();
    await signIn(mine, await signUpAndVerify(platform));
    await mine.refreshSession();
    const theirs = client();
    await signIn(theirs, await signUpAndVerify(platform));
    await theirs.refreshSession();
    const theirSessions = await theirs.get<{ sessions: Array<{ id: string }> }>(
      "/api/v1/me/sessions",
    );
    const target = theirSessions.body.sessions[0]!.id;
    expect((await mine.delete(`/api/v1/me/sessions/${target}`)).status).toBe(404);
    expect((await theirs.get("/api/v1/me")).status).toBe(200);
  });

  it("expires a session after its lifetime", async () => {
    const person = client();
    await signIn(person, await signUpAndVerify(platform));
    expect((await person.get("/api/v1/me")).status).toBe(200);
    platform.clock.advance((platform.config.sessionDays + 1) * 24 * 60 * 60 * 1000);
    expect((await person.get("/api/v1/me")).status).toBe(401);
  });
});
