import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addSolution, organisationWithAdmin } from "../catalogue/test/factories.ts";
import {
  type CityTeam,
  cityTeam,
  createDraft,
  type Person,
  platformAdmin,
  publishedChallenge,
  type WatchedPlatform,
  watchedPlatform,
} from "../challenges/test/factories.ts";
import type { Recommendations } from "./contract.ts";
import { factor } from "./test/factories.ts";

type Problem = { errors?: Array<{ field: string; message: string }> };

describe("recommendations for a challenge", () => {
  let platform: WatchedPlatform;
  let team: CityTeam;
  let challengeId: string;
  let draftId: string;
  let provider: { id: string; admin: Person };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    platform = await watchedPlatform();
    team = await cityTeam(platform, "Copenhagen");
    const company = await organisationWithAdmin(platform, "company", { country: "DK" });
    provider = { id: company.organisation.id, admin: company.admin };
    const abroad = await organisationWithAdmin(platform, "company", { country: "BR" });
    const add = async (
      key: string,
      client: Person,
      providerId: string,
      body: Parameters<typeof addSolution>[2],
    ) => {
      ids[key] = (await addSolution(client.client, providerId, body)).id;
    };
    // Declares the required capability, mature, deployed in Denmark.
    await add("coded", provider.admin, provider.id, {
      title: "Sponge streets",
      summary: "Street trees and soil cells that soak up heavy rain before it reaches basements.",
      sectors: ["adaptation", "water"],
      capabilities: ["adaptation.stormwater"],
      trl: 8,
      countriesDeployed: ["DK", "SE"],
    });
    // No capability codes: says the same thing in other words (a synonym of the requirement).
    await add("synonym", abroad.admin, abroad.organisation.id, {
      title: "Pluvial flooding retention crates",
      summary: "Underground crates that hold back pluvial flooding under car parks and squares.",
      sectors: ["water"],
      capabilities: [],
      trl: 7,
      countriesDeployed: ["BR"],
    });
    // Shares words ("district", "basements") but does something else.
    await add("trap", abroad.admin, abroad.organisation.id, {
      title: "District heat network for dense districts",
      summary:
        "Low-temperature district heating that warms basements and flats in dense districts.",
      sectors: ["energy"],
      capabilities: ["energy.district-heating"],
      trl: 9,
      countriesDeployed: ["DK", "DE", "SE"],
    });
    // The right thing, not ready yet.
    await add("immature", provider.admin, provider.id, {
      title: "Cloudburst forecasting roofs",
      summary: "Roofs that empty their rain tanks before a cloudburst, from the forecast.",
      sectors: ["adaptation"],
      capabilities: ["adaptation.stormwater"],
      trl: 3,
    });
    challengeId = (await publishedChallenge(platform, team, { minTrl: 6 })).id;
    draftId = (await createDraft(platform, team.member.client, team.organisationId)).id;
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const recommendations = (client = platform.client(), id = challengeId, query = "") =>
    client.get<Recommendations & Problem>(`/api/v1/challenges/${id}/recommendations${query}`);

  it("ranks what covers the need above what only shares its words, and explains each factor", async () => {
    const response = await recommendations();
    expect(response.status).toBe(200);
    const ranked = response.body.solutions.map((item) => item.solution.id);
    expect(ranked[0]).toBe(ids.coded);
    const position = (id: string | undefined) => {
      const index = ranked.indexOf(id ?? "");
      return index === -1 ? Number.POSITIVE_INFINITY : index;
    };
    expect(position(ids.synonym)).toBeLessThan(Number.POSITIVE_INFINITY);
    expect(position(ids.synonym)).toBeLessThan(position(ids.trap));
    for (const item of response.body.solutions) {
      expect(item.score).toBeGreaterThanOrEqual(0);
      expect(item.score).toBeLessThanOrEqual(1);
      const weighted = item.factors.reduce((sum, f) => sum + f.weight * f.value, 0);
      expect(item.score).toBeCloseTo(weighted, 2);
    }
    expect(response.body.requirements).toEqual([
      { code: "adaptation.stormwater", inferred: false },
    ]);
    const top = response.body.solutions[0]!;
    expect(factor(top.factors, "capabilities").required).toEqual([
      { code: "adaptation.stormwater", cover: "declared" },
    ]);
    expect(factor(top.factors, "trl")).toMatchObject({ trl: 8, minTrl: 6, value: 1 });
    expect(factor(top.factors, "geography")).toMatchObject({
      deployed: "country",
      provider: "country",
      country: "DK",
    });
    expect(factor(top.factors, "sectors").shared).toEqual(["adaptation", "water"]);
    // The synonym match says which of the challenge's terms it stands for.
    const synonym = response.body.solutions.find((item) => item.solution.id === ids.synonym)!;
    const text = factor(synonym.factors, "text");
    expect(text.synonyms.map((entry) => entry.term.toLowerCase())).toContain("pluvial flooding");
    // It declares no code, but names the capability in its own words.
    expect(factor(synonym.factors, "capabilities").required[0]!.cover).toBe("named");
  });

  it("leaves out solutions below the minimum TRL unless asked, and then flags them", async () => {
    const plain = await recommendations();
    expect(plain.body.solutions.map((item) => item.solution.id)).not.toContain(ids.immature);
    const all = await recommendations(platform.client(), challengeId, "?belowMinTrl=true&limit=50");
    const immature = all.body.solutions.find((item) => item.solution.id === ids.immature);
    expect(immature?.belowMinTrl).toBe(true);
    expect(factor(immature!.factors, "trl")).toMatchObject({ trl: 3, minTrl: 6 });
    expect(all.body.solutions.filter((item) => item.belowMinTrl)).toHaveLength(1);
  });

  it("ranks providers by their best solution, listing their matching ones", async () => {
    const response = await recommendations(platform.client(), challengeId, "?kind=organisations");
    expect(response.status).toBe(200);
    expect(response.body.solutions).toEqual([]);
    const first = response.body.organisations[0]!;
    expect(first.organisation.id).toBe(provider.id);
    expect(first.solutions[0]!.id).toBe(ids.coded);
    expect(first.score).toBe(first.solutions[0]!.score);
  });

  it("answers whoever may read the challenge: a draft only to its city and admins", async () => {
    const outsider = await organisationWithAdmin(platform, "company");
    const admin = await platformAdmin(platform);
    expect((await recommendations(platform.client(), challengeId)).status).toBe(200);
    expect((await recommendations(outsider.admin.client, challengeId)).status).toBe(200);
    expect((await recommendations(platform.client(), draftId)).status).toBe(404);
    expect((await recommendations(outsider.admin.client, draftId)).status).toBe(404);
    expect((await recommendations(team.member.client, draftId)).status).toBe(200);
    expect((await recommendations(admin.client, draftId)).status).toBe(200);
    const unknown = "3f1c7a52-9b7e-4c7e-8a51-0c1d2e3f4a5b";
    expect((await recommendations(platform.client(), unknown)).status).toBe(404);
  });

  it("refuses bad parameters with the field named", async () => {
    for (const [query, field] of [
      ["?limit=0", "query.limit"],
      ["?limit=many", "query.limit"],
      ["?kind=cities", "query.kind"],
      ["?belowMinTrl=yes", "query.belowMinTrl"],
    ] as const) {
      const response = await recommendations(platform.client(), challengeId, query);
      expect(response.status, query).toBe(400);
      expect(response.body.errors?.map((error) => error.field)).toEqual([field]);
    }
    expect((await recommendations(platform.client(), "not-an-id")).status).toBe(400);
  });
});
