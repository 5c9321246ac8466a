import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addSolution, organisationWithAdmin } from "../catalogue/test/factories.ts";
import { publishedChallenge } from "../challenges/test/factories.ts";
import type { Recommendations } from "../matchmaking/contract.ts";
import { factor } from "../matchmaking/test/factories.ts";
import {
  addReference,
  type CityTeam,
  cityTeam,
  decide,
  type Person,
  referenceBody,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/**
 * Verified references count in matchmaking's evidence factor (a city vouching counts as two
 * listed countries), in lists computed on demand and in stored ones (a decision re-queues
 * `solution.changed`, which merges the solution's new score into every stored list).
 */
describe("references in matchmaking", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let challengeId: string;
  let vouched: { id: string; admin: Person };
  let twin: string;

  beforeAll(async () => {
    platform = await watchedPlatform();
    city = await cityTeam(platform, "Copenhagen");
    const solution = {
      summary: "Finds leaks in water mains before they burst, from hydrant-mounted sensors.",
      sectors: ["water" as const],
      capabilities: ["water.leak-detection"],
      trl: 8,
      countriesDeployed: ["FR"],
    };
    // Two providers abroad with the same solution in the same words: only a reference differs.
    const first = await organisationWithAdmin(platform, "company", { country: "FR" });
    const second = await organisationWithAdmin(platform, "company", { country: "FR" });
    vouched = {
      id: (
        await addSolution(first.admin.client, first.organisation.id, {
          ...solution,
          title: "Leak listening A",
        })
      ).id,
      admin: first.admin,
    };
    twin = (
      await addSolution(second.admin.client, second.organisation.id, {
        ...solution,
        title: "Leak listening B",
      })
    ).id;
    challengeId = (
      await publishedChallenge(platform, city, {
        title: "Find leaks in the water mains",
        summary: "Find leaks in water mains before they burst.",
        sectors: ["water"],
        capabilities: ["water.leak-detection"],
      })
    ).id;
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const recommendations = async () => {
    const response = await platform
      .client()
      .get<Recommendations>(`/api/v1/challenges/${challengeId}/recommendations?limit=10`);
    expect(response.status).toBe(200);
    const solutions = response.body.solutions ?? [];
    const of = (id: string) => solutions.find((item) => item.solution.id === id)!;
    return { order: solutions.map((item) => item.solution.id), of };
  };

  it("raises the evidence of a solution once its city verifies a reference, and lowers it again on an edit", async () => {
    const before = await recommendations();
    expect(factor(before.of(vouched.id).factors, "evidence")).toMatchObject({
      value: 0.333,
      verifiedReferences: 0,
    });
    const beforeScore = before.of(vouched.id).score;
    expect(before.of(twin).score).toBe(beforeScore);

    const reference = await addReference(
      vouched.admin.client,
      vouched.id,
      referenceBody(city.organisationId),
    );
    expect((await recommendations()).of(vouched.id).score).toBe(beforeScore);

    await decide(city.member.client, reference.id, "verify");
    await platform.runJobs();
    const after = await recommendations();
    expect(factor(after.of(vouched.id).factors, "evidence")).toMatchObject({
      value: 1,
      verifiedReferences: 1,
    });
    // 0.10 (weight) × (1 − 1/3) more.
    expect(after.of(vouched.id).score).toBeCloseTo(beforeScore + 0.0667, 2);
    expect(after.order.indexOf(vouched.id)).toBeLessThan(after.order.indexOf(twin));

    await vouched.admin.client.patch(`/api/v1/references/${reference.id}`, {
      scale: "Three districts",
    });
    await platform.runJobs();
    const edited = await recommendations();
    expect(factor(edited.of(vouched.id).factors, "evidence")).toMatchObject({
      value: 0.333,
      verifiedReferences: 0,
    });
    expect(edited.of(vouched.id).score).toBe(beforeScore);
  });
});
