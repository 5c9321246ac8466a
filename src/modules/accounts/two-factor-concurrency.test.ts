import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { currentTotpCode } from "./index.ts";
import { TEST_PASSWORD, type WatchedPlatform, watchedPlatform } from "./test/factories.ts";

/**
 * Turning two-factor sign-in on reads the account and then writes it: two requests of the same
 * person at once (two tabs) must not leave a secret or recovery codes other than those they
 * were shown. On PostgreSQL the two really run at once.
 */
describe("two-factor enrolment under concurrent requests", () => {
  let platform: WatchedPlatform;
  beforeAll(async () => {
    platform = await watchedPlatform();
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  /** Signs in again with the password and the code of `secret`: whether it is the one stored. */
  async function secondFactorWorks(email: string, secret: string): Promise<boolean> {
    platform.clock.advance(30_000);
    const client = platform.client();
    client.ip = "198.18.7.7";
    const first = await client.post<{ status: string }>("/api/v1/session", {
      email,
      password: TEST_PASSWORD,
    });
    expect(first.body.status).toBe("second_factor_required");
    const code = currentTotpCode(secret, platform.clock.now());
    return (await client.post("/api/v1/session/second-factor", { code })).status === 200;
  }

  it("turns it on once when the same code is confirmed twice at the same time", async () => {
    for (let round = 0; round < 6; round++) {
      const person = await platform.signedIn();
      const setup = await person.client.post<{ secret: string }>("/api/v1/me/two-factor/setup");
      expect(setup.status).toBe(200);
      const code = currentTotpCode(setup.body.secret, platform.clock.now());
      const answers = await Promise.all([
        person.client.post("/api/v1/me/two-factor", { code }),
        person.client.post("/api/v1/me/two-factor", { code }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    }
  });

  it("never replaces the secret of an account that turned it on at the same time", async () => {
    for (let round = 0; round < 6; round++) {
      const person = await platform.signedIn();
      const setup = await person.client.post<{ secret: string }>("/api/v1/me/two-factor/setup");
      const code = currentTotpCode(setup.body.secret, platform.clock.now());
      const [enabled, again] = await Promise.all([
        person.client.post("/api/v1/me/two-factor", { code }),
        person.client.post<{ secret: string }>("/api/v1/me/two-factor/setup"),
      ]);
      // Either order is fine; what is on is the secret the person confirmed.
      if (enabled.status === 200) {
        expect(again.status).toBe(409);
        expect(await secondFactorWorks(person.email, setup.body.secret)).toBe(true);
      } else {
        expect(enabled.status).toBe(401);
        expect(again.status).toBe(200);
      }
    }
  });
});
