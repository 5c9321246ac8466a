import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../core/db/client.ts";
import {
  clientAt,
  STRONG_PASSWORD,
  signUp,
  uniqueEmail,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/**
 * An address has one account (a unique index): two sign-ups with it at the same moment give the
 * same answer as any sign-up — never an error that would tell them apart. On PostgreSQL the two
 * really run at once.
 */
describe("sign-up under concurrent requests", () => {
  let platform: WatchedPlatform;
  beforeAll(async () => {
    platform = await watchedPlatform();
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  it("makes one account when the same address signs up twice at once, answering both alike", async () => {
    for (let round = 0; round < 6; round++) {
      const email = uniqueEmail();
      const answers = await Promise.all([
        signUp(clientAt(platform, `198.51.100.${2 * round + 1}`), {
          email,
          password: STRONG_PASSWORD,
        }),
        signUp(clientAt(platform, `198.51.100.${2 * round + 2}`), {
          email: email.toUpperCase(),
          password: STRONG_PASSWORD,
        }),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([202, 202]);
      const [row] = await queryRows<{ accounts: number }>(
        platform.database.db,
        sql`select count(*)::int as accounts from users where lower(email) = ${email.toLowerCase()}`,
      );
      expect(row!.accounts).toBe(1);
    }
  });
});
