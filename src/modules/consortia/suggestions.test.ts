import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDraft } from "../challenges/test/factories.ts";
import type { TeamSuggestions } from "./contract.ts";
import {
  type CityTeam,
  cityTeam,
  openChallenge,
  type Problem,
  type Provider,
  provider,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

const STORMWATER = "adaptation.stormwater";
const LEAKS = "water.leak-detection";
const STORAGE = "energy.energy-storage";

describe("team suggestions for a challenge", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let challengeId: string;
  let storm: Provider;
  let leaks: Provider;
  let storage: Provider;
  let everything: Provider;
  let immature: Provider;

  beforeAll(async () => {
    platform = await watchedPlatform();
    city = await cityTeam(platform, "Copenhagen");
    storm = await provider(platform, "company", "DK", [STORMWATER], {
      title: "Sponge streets",
      verified: true,
    });
    leaks = await provider(platform, "company", "ES", [LEAKS], { title: "Night leak loggers" });
    storage = await provider(platform, "research", "NL", [STORAGE, LEAKS], {
      title: "Depot batteries with leak sensing",
    });
    everything = await provider(platform, "company", "BR", [STORMWATER, LEAKS, STORAGE], {
      title: "Everything box",
    });
    immature = await provider(platform, "company", "FR", ["buildings.cool-roofs"], {
      title: "Experimental cool roof film",
      trl: 3,
    });
    challengeId = await openChallenge(platform, city, [STORMWATER, LEAKS, STORAGE]);
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const suggestions = (id = challengeId, query = "", client = platform.client()) =>
    client.get<TeamSuggestions & Problem>(`/api/v1/challenges/${id}/team-suggestions${query}`);

  it("proposes teams that cover every requirement, none redundant, and says who covers what", async () => {
    const response = await suggestions(challengeId, "?k=5");
    expect(response.status).toBe(200);
    const { body } = response;
    expect(body.requirements.map((requirement) => requirement.code)).toEqual([
      STORMWATER,
      LEAKS,
      STORAGE,
    ]);
    expect(body.teams.length).toBeGreaterThan(0);
    for (const team of body.teams) {
      expect(team.members.length).toBeGreaterThanOrEqual(2);
      expect(team.coverage.every((entry) => entry.cover !== "none")).toBe(true);
      for (const member of team.members) expect(member.brings.length).toBeGreaterThan(0);
      const weighted =
        0.7 * team.parts.fit +
        0.2 * team.parts.coverage +
        0.05 * team.parts.verified +
        0.05 * team.parts.local;
      expect(team.score).toBeCloseTo(weighted, 2);
    }
    const teamIds = body.teams.map((team) =>
      team.members.map((member) => member.organisation.id).sort(),
    );
    expect(teamIds).toContainEqual([storm.organisation.id, storage.organisation.id].sort());
    // Storage covers leaks too: with it, the leak specialist would be redundant.
    expect(teamIds).not.toContainEqual(
      [storm.organisation.id, leaks.organisation.id, storage.organisation.id].sort(),
    );
    const team = body.teams.find((candidate) =>
      candidate.members.some((member) => member.organisation.id === storage.organisation.id),
    )!;
    const member = team.members.find((entry) => entry.organisation.id === storage.organisation.id)!;
    expect(member.covers.find((entry) => entry.code === STORAGE)).toMatchObject({
      cover: "declared",
      solution: { title: "Depot batteries with leak sensing" },
    });
    // The Danish member is local to Copenhagen, and verified.
    const danish = body.teams[0]!.members.find(
      (entry) => entry.organisation.id === storm.organisation.id,
    );
    expect(danish?.place).toBe("country");
    expect(danish?.organisation.verified).toBe(true);
    expect(body.localCandidates).toBe(true);
    // One organisation covers everything alone: reported, not a consortium.
    expect(body.singles.map((single) => single.members[0]!.organisation.id)).toEqual([
      everything.organisation.id,
    ]);
    expect(body.gap).toBeNull();
    expect(body.weights).toEqual({ fit: 0.7, coverage: 0.2, verified: 0.05, local: 0.05 });
  });

  it("says what is missing and who comes closest when nobody covers everything", async () => {
    const id = await openChallenge(platform, city, [STORMWATER, "buildings.cool-roofs"]);
    const response = await suggestions(id);
    expect(response.status).toBe(200);
    expect(response.body.teams).toEqual([]);
    expect(response.body.singles).toEqual([]);
    const gap = response.body.gap!;
    expect(gap.uncovered.map((entry) => entry.code)).toEqual(["buildings.cool-roofs"]);
    // Covered only by a solution below the challenge's minimum TRL: said so.
    expect(gap.uncovered[0]!.belowMinTrl).toEqual([
      expect.objectContaining({
        organisation: expect.objectContaining({ id: immature.organisation.id }),
        solution: expect.objectContaining({ title: "Experimental cool roof film", trl: 3 }),
      }),
    ]);
    expect(gap.closest[0]).toMatchObject({
      covered: [STORMWATER],
      missing: ["buildings.cool-roofs"],
    });
  });

  it("answers whoever may read the challenge: a draft only to its city", async () => {
    const draft = await createDraft(platform, city.member.client, city.organisationId, {
      capabilities: [STORMWATER, LEAKS],
    });
    expect((await suggestions(draft.id)).status).toBe(404);
    expect((await suggestions(draft.id, "", storm.admin.client)).status).toBe(404);
    const own = await suggestions(draft.id, "", city.member.client);
    expect(own.status).toBe(200);
    expect(own.body.teams.length).toBeGreaterThan(0);
  });

  it("refuses a bad k, naming it", async () => {
    for (const query of ["?k=0", "?k=11", "?k=two", "?k=1.5"]) {
      const response = await suggestions(challengeId, query);
      expect(response.status, query).toBe(400);
      expect(response.body.errors?.[0]?.field).toBe("query.k");
    }
    expect((await suggestions("not-a-uuid")).status).toBe(400);
  });
});
