import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  clientAt,
  signUp,
  uniqueEmail,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/**
 * A resent verification link retires the older ones (the user row locked first), and an address
 * gets at most five resent links an hour (one counting upsert): requests at the same moment must
 * leave one link that works and no more mails than the limit. On PostgreSQL they really run at
 * once.
 */
describe("verification links under concurrent resend requests", () => {
  let platform: WatchedPlatform;
  beforeAll(async () => {
    platform = await watchedPlatform();
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  /** Signs up an unverified account; returns its address and the link mailed at sign-up. */
  const unverified = async (label: string) => {
    const email = uniqueEmail(label);
    expect((await signUp(clientAt(platform, "192.0.2.201"), { email })).status).toBe(202);
    await platform.runJobs();
    return { email, signUpToken: platform.mailer.tokenFor(email) };
  };

  /** Asks for `count` links at once, each from its own client address (no per-client limit). */
  const resendAtOnce = (email: string, count: number, round: number) =>
    Promise.all(
      Array.from({ length: count }, (_, n) =>
        clientAt(platform, `198.18.${round}.${n + 1}`).post(
          "/api/v1/accounts/email-verification/resend",
          { email },
        ),
      ),
    );

  /** The tokens of the verification links mailed to the address, oldest first. */
  const mailedTokens = (email: string) =>
    platform.mailer.sent
      .filter((mail) => mail.to === email && mail.text.includes("verify-email#token="))
      .map((mail) => mail.text.match(/#token=([A-Za-z0-9_-]+)/)![1]!);

  /** Follows every link; the statuses in the same order. */
  const follow = async (tokens: string[]) => {
    const statuses = [];
    for (const token of tokens) {
      const answer = await platform.client().post("/api/v1/accounts/email-verification", { token });
      statuses.push(answer.status);
    }
    return statuses;
  };

  it("leaves one working link when two are asked for at once", async () => {
    for (let round = 0; round < 6; round++) {
      const { email, signUpToken } = await unverified(`resend${round}`);
      const asked = await resendAtOnce(email, 2, round);
      expect(asked.map((answer) => answer.status)).toEqual([202, 202]);
      await platform.runJobs();
      const tokens = mailedTokens(email);
      expect(tokens).toHaveLength(3);
      expect(tokens[0]).toBe(signUpToken);
      const statuses = await follow(tokens);
      // The sign-up link was retired by the resends; of the two resent links only one is live.
      expect(statuses[0]).toBe(400);
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    }
  });

  it("sends no more than five links an hour however many are asked for at once", async () => {
    for (let round = 0; round < 3; round++) {
      const { email } = await unverified(`flood${round}`);
      const asked = await resendAtOnce(email, 8, 100 + round);
      // The limit per address is silent: every answer is the same 202.
      expect(asked.map((answer) => answer.status)).toEqual(Array(8).fill(202));
      await platform.runJobs();
      const tokens = mailedTokens(email);
      expect(tokens).toHaveLength(1 + 5);
      expect((await follow(tokens)).filter((status) => status === 200)).toHaveLength(1);
    }
  });
});
