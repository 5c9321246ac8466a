import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { STRONG_PASSWORD, type WatchedPlatform, watchedPlatform } from "./test/factories.ts";

/**
 * A new reset link retires the older ones: two requests at the same moment must leave one link
 * that works, not two. On PostgreSQL the two really run at once.
 */
describe("password reset links under concurrent requests", () => {
  let platform: WatchedPlatform;
  beforeAll(async () => {
    platform = await watchedPlatform();
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  it("leaves one working link when two are asked for at once", async () => {
    for (let round = 0; round < 4; round++) {
      const person = await platform.signedIn();
      const asked = await Promise.all(
        [1, 2].map((n) => {
          const client = platform.client();
          client.ip = `198.18.${round}.${n}`;
          return client.post("/api/v1/password-reset", { email: person.email });
        }),
      );
      expect(asked.map((answer) => answer.status)).toEqual([202, 202]);
      await platform.runJobs();
      const tokens = platform.mailer.sent
        .filter((mail) => mail.to === person.email && mail.text.includes("reset-password#token="))
        .map((mail) => mail.text.match(/#token=([A-Za-z0-9_-]+)/)![1]!);
      expect(tokens).toHaveLength(2);
      const used = [];
      for (const token of tokens) {
        const answer = await platform
          .client()
          .post("/api/v1/password-reset/confirm", { token, password: STRONG_PASSWORD });
        used.push(answer.status);
      }
      expect(used.filter((status) => status === 204)).toHaveLength(1);
    }
  });
});
