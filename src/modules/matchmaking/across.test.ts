import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addSolution, organisationWithAdmin } from "../catalogue/test/factories.ts";
import {
  cityTeam,
  createDraft,
  type Person,
  platformAdmin,
  publishedChallenge,
  type WatchedPlatform,
  watchedPlatform,
} from "../challenges/test/factories.ts";
import type { ChallengesForSolution, SharedNeeds, SimilarChallenges } from "./contract.ts";
import { factor } from "./test/factories.ts";

type Problem = { code?: string; errors?: Array<{ field: string }> };

describe("matchmaking across: challenges for a solution, similar challenges, shared needs", () => {
  let platform: WatchedPlatform;
  let provider: Person;
  let stormwaterSolution: string;
  let archivedSolution: string;
  const challenges: Record<string, string> = {};

  const storm = {
    title: "Cloudburst-proof squares",
    summary: "Squares that store cloudburst rain and release it slowly after the storm.",
    sectors: ["adaptation" as const, "water" as const],
    capabilities: ["adaptation.stormwater"],
  };
  const leaks = {
    title: "Finding leaks in old water mains",
    summary: "Cut the water lost from cast-iron mains before they burst under the streets.",
    sectors: ["water" as const],
    capabilities: ["water.leak-detection"],
  };

  beforeAll(async () => {
    platform = await watchedPlatform();
    const company = await organisationWithAdmin(platform, "company", { country: "DK" });
    provider = company.admin;
    stormwaterSolution = (
      await addSolution(provider.client, company.organisation.id, {
        title: "Sponge streets",
        summary: "Street trees and soil cells that soak up heavy rain before it floods basements.",
        sectors: ["adaptation", "water"],
        capabilities: ["adaptation.stormwater"],
        trl: 7,
        countriesDeployed: ["DK"],
      })
    ).id;
    archivedSolution = (await addSolution(provider.client, company.organisation.id, {})).id;
    await provider.client.post(`/api/v1/solutions/${archivedSolution}/archive`);
    const copenhagen = await cityTeam(platform, "Copenhagen");
    const oslo = await cityTeam(platform, "Oslo");
    const lagos = await cityTeam(platform, "Lagos");
    challenges.copenhagenStorm = (
      await publishedChallenge(platform, copenhagen, { ...storm, minTrl: 6 })
    ).id;
    challenges.osloStorm = (
      await publishedChallenge(platform, oslo, { ...storm, title: "Rain gardens for Oslo streets" })
    ).id;
    challenges.osloTooMature = (
      await publishedChallenge(platform, oslo, {
        ...storm,
        title: "Proven cloudburst basins",
        minTrl: 9,
      })
    ).id;
    challenges.lagosLeaks = (await publishedChallenge(platform, lagos, leaks)).id;
    challenges.lagosDraft = (
      await createDraft(platform, lagos.member.client, lagos.organisationId, storm)
    ).id;
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  it("lists the open challenges a solution fits, best first, with its coverage of each", async () => {
    const response = await platform
      .client()
      .get<ChallengesForSolution>(`/api/v1/solutions/${stormwaterSolution}/recommendations`);
    expect(response.status).toBe(200);
    const ids = response.body.challenges.map((item) => item.challenge.id);
    expect(ids.slice(0, 2).sort()).toEqual(
      [challenges.copenhagenStorm, challenges.osloStorm].sort(),
    );
    expect(ids).not.toContain(challenges.lagosDraft);
    expect(ids).not.toContain(challenges.osloTooMature);
    const leakIndex = ids.indexOf(challenges.lagosLeaks!);
    if (leakIndex !== -1) expect(leakIndex).toBeGreaterThan(1);
    const top = response.body.challenges.find(
      (item) => item.challenge.id === challenges.copenhagenStorm,
    )!;
    // Deployed in Denmark: the place counts for Copenhagen's challenge.
    expect(factor(top.factors, "geography")).toMatchObject({ deployed: "country", value: 1 });
    expect(factor(top.factors, "capabilities").required).toEqual([
      { code: "adaptation.stormwater", cover: "declared" },
    ]);
    expect(factor(top.factors, "trl")).toMatchObject({ trl: 7, minTrl: 6, value: 1 });
    expect(top.challenge.city.name).toBe("Copenhagen");

    const wider = await platform
      .client()
      .get<ChallengesForSolution>(
        `/api/v1/solutions/${stormwaterSolution}/recommendations?belowMinTrl=true`,
      );
    const flagged = wider.body.challenges.find(
      (item) => item.challenge.id === challenges.osloTooMature,
    );
    expect(flagged?.belowMinTrl).toBe(true);
  });

  it("hides an archived solution's recommendations from the public, and refuses bad input", async () => {
    const hidden = await platform
      .client()
      .get<Problem>(`/api/v1/solutions/${archivedSolution}/recommendations`);
    expect(hidden.status).toBe(404);
    expect(
      (await provider.client.get(`/api/v1/solutions/${archivedSolution}/recommendations`)).status,
    ).toBe(200);
    const bad = await platform
      .client()
      .get<Problem>(`/api/v1/solutions/${stormwaterSolution}/recommendations?limit=500`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((error) => error.field)).toEqual(["query.limit"]);
  });

  it("lists other cities' challenges that ask for the same thing, not its own city's nor drafts", async () => {
    const response = await platform
      .client()
      .get<SimilarChallenges>(`/api/v1/challenges/${challenges.copenhagenStorm}/similar`);
    expect(response.status).toBe(200);
    const ids = response.body.similar.map((item) => item.challenge.id);
    expect(ids).toContain(challenges.osloStorm);
    expect(ids).not.toContain(challenges.copenhagenStorm);
    expect(ids).not.toContain(challenges.lagosDraft);
    expect(ids).not.toContain(challenges.lagosLeaks);
    const oslo = response.body.similar.find((item) => item.challenge.id === challenges.osloStorm)!;
    expect(oslo.sharedCapabilities).toEqual(["adaptation.stormwater"]);
    expect(oslo.challenge.city.name).toBe("Oslo");
    const draft = await platform
      .client()
      .get(`/api/v1/challenges/${challenges.lagosDraft}/similar`);
    expect(draft.status).toBe(404);
  });

  it("shows the secretariat the needs several cities share, and no one else", async () => {
    expect((await platform.client().get("/api/v1/shared-needs")).status).toBe(401);
    expect((await provider.client.get("/api/v1/shared-needs")).status).toBe(403);
    const admin = await platformAdmin(platform);
    const response = await admin.client.get<SharedNeeds>("/api/v1/shared-needs");
    expect(response.status).toBe(200);
    const storms = response.body.needs.find((need) => need.capability === "adaptation.stormwater");
    expect(storms?.cities.map((city) => city.name)).toEqual(["Copenhagen", "Oslo"]);
    expect(storms?.challenges.map((challenge) => challenge.id)).not.toContain(
      challenges.lagosDraft,
    );
    expect(response.body.needs.map((need) => need.capability)).not.toContain(
      "water.leak-detection",
    );
  });
});
