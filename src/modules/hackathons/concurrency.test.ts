import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../core/db/client.ts";
import type { CityTeam, Person, WatchedPlatform } from "../procurement/test/factories.ts";
import { cityTeam, watchedPlatform } from "../procurement/test/factories.ts";
import type { Hackathon } from "./contract.ts";
import {
  DEADLINE,
  join,
  publishedHackathon,
  register,
  settingsBody,
  startTeam,
} from "./test/factories.ts";

/**
 * Judging rules that read who judges and then write: a judge is removed only while they have no
 * scores, so a score given at the moment of the removal must lose to it, or stop it. On
 * PostgreSQL the two really run at once.
 */
describe("hackathon judging under concurrent changes", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let eventId: string;
  let teamId: string;
  let criteria: Hackathon["criteria"];

  beforeAll(async () => {
    platform = await watchedPlatform();
    platform.clock.set("2026-05-04T08:00:00.000Z");
    city = await cityTeam(platform, "Nairobi");
    const made = await publishedHackathon(platform, city);
    eventId = made.event.id;
    const setUp = await city.member.client.put<Hackathon>(
      `/api/v1/events/${eventId}/hackathon`,
      settingsBody(),
    );
    expect(setUp.status).toBe(200);
    criteria = setUp.body.criteria;
    const [lead, mate] = [await platform.signedIn(), await platform.signedIn()] as [Person, Person];
    for (const person of [lead, mate]) await register(person.client, eventId);
    const team = await startTeam(lead.client, eventId, "Alpha", made.challengeIds[0]!);
    teamId = team.id;
    await join(lead.client, teamId, mate);
    const submitted = await lead.client.put(`/api/v1/hackathon-teams/${teamId}/submission`, {
      description: "Swap lockers at depots, booked by SMS.",
      repositoryUrl: null,
      demoUrl: null,
    });
    expect(submitted.status).toBe(200);
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  it("never removes a judge who scores at the same time, nor keeps the scores of one removed", async () => {
    for (let round = 0; round < 6; round++) {
      platform.clock.set("2026-05-05T08:00:00.000Z");
      const judge = await platform.signedIn({ name: `Judge ${round}` });
      const added = await city.member.client.post(`/api/v1/events/${eventId}/hackathon/judges`, {
        email: judge.email,
      });
      expect(added.status).toBe(201);
      platform.clock.set(new Date(Date.parse(DEADLINE) + 1));
      const declared = await judge.client.put(`/api/v1/hackathon-teams/${teamId}/declaration`, {
        verdict: "no_conflict",
        reason: "",
      });
      expect(declared.status).toBe(200);
      const [removed, scored] = await Promise.all([
        city.member.client.delete(`/api/v1/events/${eventId}/hackathon/judges/${judge.userId}`),
        judge.client.put(`/api/v1/hackathon-teams/${teamId}/scores`, {
          scores: criteria.map((criterion) => ({
            criterionId: criterion.id,
            score: 7,
            justification: "Seen in the demo",
          })),
        }),
      ]);
      // One of the two wins: removed (the score refused), or scored (the removal refused).
      expect([removed.status, scored.status]).toEqual(
        removed.status === 204 ? [204, 403] : [409, 200],
      );
      const [row] = await queryRows<{ judge: boolean; scores: number }>(
        platform.database.db,
        sql`select exists(select 1 from hackathon_judges
                          where event_id = ${eventId} and user_id = ${judge.userId}) as judge,
                   (select count(*)::int from hackathon_scores
                     where judge_id = ${judge.userId}) as scores`,
      );
      expect(row!.judge || row!.scores === 0).toBe(true);
    }
  });
});
