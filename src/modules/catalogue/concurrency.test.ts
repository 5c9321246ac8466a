import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cityTeam, publishedChallenge } from "../challenges/test/factories.ts";
import type { Portfolio } from "./contract.ts";
import {
  addPortfolio,
  addSolution,
  affiliate,
  memberOf,
  organisationWithAdmin,
  type Person,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/**
 * Rules checked on a row that two requests change at once: each must see the other's change.
 * On PostgreSQL the two really run at once.
 */
describe("catalogue under concurrent changes", () => {
  let platform: WatchedPlatform;
  let clusterId: string;
  let manager: Person;
  let secondManager: Person;
  let challengeId: string;
  let memberSolutionId: string;

  beforeAll(async () => {
    platform = await watchedPlatform();
    const cluster = await organisationWithAdmin(platform, "cluster");
    clusterId = cluster.organisation.id;
    manager = cluster.admin;
    secondManager = await memberOf(platform, clusterId, "admin");
    challengeId = (await publishedChallenge(platform, await cityTeam(platform, "Copenhagen"))).id;
    const company = await organisationWithAdmin(platform, "company");
    await affiliate(platform, clusterId, company.organisation.id);
    memberSolutionId = (await addSolution(company.admin.client, company.organisation.id)).id;
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  it("keeps a portfolio's theme or challenge when both are cleared at the same time", async () => {
    for (let round = 0; round < 6; round++) {
      const portfolio = await addPortfolio(manager.client, {
        clusterId,
        title: `For a theme and a challenge ${round}`,
        theme: "Cloudburst resilience",
        challengeId,
      });
      const answers = await Promise.all([
        manager.client.patch(`/api/v1/portfolios/${portfolio.id}`, { theme: null }),
        secondManager.client.patch(`/api/v1/portfolios/${portfolio.id}`, { challengeId: null }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
      const stored = (await manager.client.get<Portfolio>(`/api/v1/portfolios/${portfolio.id}`))
        .body;
      expect(Boolean(stored.theme) || Boolean(stored.challengeId)).toBe(true);
    }
  });

  it("adds no item to a portfolio deleted at the same time, and fails neither request", async () => {
    for (let round = 0; round < 6; round++) {
      const portfolio = await addPortfolio(manager.client, {
        clusterId,
        title: `Short-lived ${round}`,
        theme: "Cloudburst resilience",
      });
      const [deleted, added] = await Promise.all([
        manager.client.delete(`/api/v1/portfolios/${portfolio.id}`),
        secondManager.client.post(`/api/v1/portfolios/${portfolio.id}/items`, {
          solutionId: memberSolutionId,
          note: "Proven in three Danish towns",
        }),
      ]);
      expect(deleted.status).toBe(204);
      // Added before the deletion (then gone with it, so its answer may not find it), or refused.
      expect([200, 404]).toContain(added.status);
    }
  });
});
