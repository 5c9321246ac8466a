import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../core/db/client.ts";
import { declare, defineSetup, scoreAll, setupBody } from "./test/evaluation-factories.ts";
import {
  type CityTeam,
  cityTeam,
  contentBody,
  memberOf,
  openChallenge,
  type Provider,
  passDeadline,
  provider,
  submit,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/**
 * Steps of an evaluation that read its stage and then write: the award closes the evaluation,
 * so nothing an evaluator declares may be taken after it. On PostgreSQL the two really run at once.
 */
describe("procurement under concurrent changes", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let winner: Provider;
  let runnerUp: Provider;
  beforeAll(async () => {
    platform = await watchedPlatform();
    platform.clock.set("2026-03-02T08:00:00.000Z");
    city = await cityTeam(platform, "Copenhagen");
    winner = await provider(platform, "company", "DK", []);
    runnerUp = await provider(platform, "research", "SE", []);
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  it("takes no declaration after the award when both are made at the same time", async () => {
    for (let round = 0; round < 5; round++) {
      const challenge = await openChallenge(platform, city, `Leak-aware mains ${round}`);
      const setup = await defineSetup(
        city.member.client,
        challenge.id,
        setupBody(
          [
            { userId: city.member.userId, role: "chair" },
            { userId: city.admin.userId, role: "evaluator" },
          ],
          { blind: false },
        ),
      );
      const won = await submit(
        winner.admin.client,
        challenge.id,
        { kind: "organisation", id: winner.organisation.id },
        contentBody(`won-${round}`),
      );
      const other = await submit(
        runnerUp.admin.client,
        challenge.id,
        { kind: "organisation", id: runnerUp.organisation.id },
        contentBody(`other-${round}`),
      );
      passDeadline(platform, challenge.deadline);
      expect((await declare(city.member.client, won.proposal.id, "no_conflict")).status).toBe(200);
      expect((await scoreAll(city.member.client, won.proposal.id, setup, [9, 8, 7])).status).toBe(
        200,
      );
      const [awarded, declared] = await Promise.all([
        city.member.client.post(`/api/v1/challenges/${challenge.id}/award`, {
          proposalId: won.proposal.id,
          justification: "Best weighted score: fewer leaks for the money.",
        }),
        declare(city.admin.client, other.proposal.id, "no_conflict"),
      ]);
      expect(awarded.status).toBe(200);
      expect([200, 409]).toContain(declared.status);
      // In commit order: a declaration taken is one made before the award.
      const [events] = await queryRows<{ actions: string[] }>(
        platform.database.db,
        sql`select array_agg(action order by seq) as actions from audit_events
            where subject_id = ${challenge.id} and action in ('evaluation.declared', 'evaluation.awarded')`,
      );
      expect(events!.actions.at(-1)).toBe("evaluation.awarded");
      expect(events!.actions).toHaveLength(declared.status === 200 ? 3 : 2);
    }
  });

  it("takes one live proposal per bidder when two of its admins submit at the same time", async () => {
    const secondAdmin = await memberOf(platform, winner.organisation.id, "admin");
    for (let round = 0; round < 4; round++) {
      const challenge = await openChallenge(platform, city, `Two submissions ${round}`);
      const bidder = { kind: "organisation" as const, id: winner.organisation.id };
      const answers = await Promise.all(
        [winner.admin, secondAdmin].map((person) =>
          person.client.post(`/api/v1/challenges/${challenge.id}/proposals`, {
            bidder,
            ...contentBody(`twice-${round}`),
          }),
        ),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    }
  });

  it("records one award when the chair awards two proposals at the same time", async () => {
    for (let round = 0; round < 4; round++) {
      const challenge = await openChallenge(platform, city, `Two awards ${round}`);
      const setup = await defineSetup(
        city.member.client,
        challenge.id,
        setupBody([{ userId: city.member.userId, role: "chair" }], { blind: false }),
      );
      const proposals = [
        await submit(
          winner.admin.client,
          challenge.id,
          { kind: "organisation", id: winner.organisation.id },
          contentBody(`a-${round}`),
        ),
        await submit(
          runnerUp.admin.client,
          challenge.id,
          { kind: "organisation", id: runnerUp.organisation.id },
          contentBody(`b-${round}`),
        ),
      ];
      passDeadline(platform, challenge.deadline);
      for (const { proposal } of proposals) {
        expect((await declare(city.member.client, proposal.id, "no_conflict")).status).toBe(200);
        expect((await scoreAll(city.member.client, proposal.id, setup, [8, 8, 8])).status).toBe(
          200,
        );
      }
      const answers = await Promise.all(
        proposals.map(({ proposal }) =>
          city.member.client.post(`/api/v1/challenges/${challenge.id}/award`, {
            proposalId: proposal.id,
            justification: "Equal scores; the city chose on delivery risk.",
          }),
        ),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    }
  });
});
