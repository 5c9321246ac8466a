import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../core/db/client.ts";
import {
  type CityTeam,
  cityTeam,
  type Person,
  publishedChallenge,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/**
 * The co-creation board is open while the challenge is published: an idea posted at the moment
 * the city cancels it must come before the cancellation, or be refused. On PostgreSQL the two
 * really run at once.
 */
describe("the co-creation board under a concurrent status change", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let author: Person;
  beforeAll(async () => {
    platform = await watchedPlatform();
    city = await cityTeam(platform, "Copenhagen");
    author = await platform.signedIn({ name: "Ada Author" });
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  it("takes no idea after the challenge is cancelled at the same time", async () => {
    for (let round = 0; round < 6; round++) {
      const challenge = await publishedChallenge(platform, city, { title: `Board race ${round}` });
      const [cancelled, posted] = await Promise.all([
        city.member.client.post(`/api/v1/challenges/${challenge.id}/transitions`, {
          to: "cancelled",
          reason: "The budget was withdrawn by the council.",
        }),
        author.client.post(`/api/v1/challenges/${challenge.id}/ideas`, {
          title: "Blue-green roofs",
          body: "Roofs that store rain and release it slowly after the storm.",
        }),
      ]);
      expect(cancelled.status).toBe(200);
      expect([201, 409]).toContain(posted.status);
      // In commit order: an idea taken is one posted before the cancellation.
      const [events] = await queryRows<{ actions: string[] }>(
        platform.database.db,
        sql`select array_agg(action order by seq) as actions from audit_events
            where subject_id = ${challenge.id}
              and action in ('challenge.idea_posted', 'challenge.status_changed')`,
      );
      expect(events!.actions.at(-1)).toBe("challenge.status_changed");
    }
  });
});
