import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChallengeCatalogue } from "./contract.ts";
import {
  type CityTeam,
  cityTeam,
  createDraft,
  publishedChallenge,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

type Catalogue = ChallengeCatalogue;

/** The catalogue on a platform of its own, so every count is known. */
describe("the challenge catalogue", () => {
  let platform: WatchedPlatform;
  let copenhagen: CityTeam;
  let lagos: CityTeam;

  const get = async (query: string) => {
    const response = await platform.client().get<Catalogue>(`/api/v1/challenges?${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    platform = await watchedPlatform();
    copenhagen = await cityTeam(platform, "Copenhagen");
    lagos = await cityTeam(platform, "Lagos");
    platform.clock.advance(60_000);
    await publishedChallenge(platform, copenhagen, {
      title: "Heat network decarbonisation",
      summary: "Replace the coal peak boilers of the district heating network with heat pumps.",
      description: "Large heat pumps on sea water and waste heat from data centres.",
      sectors: ["energy", "buildings"],
      procurementModel: "innovation_partnership",
      minTrl: 7,
    });
    platform.clock.advance(60_000);
    await publishedChallenge(platform, copenhagen, {
      title: "Cloudburst management",
      summary: "Hold and route stormwater so that basements stay dry during cloudbursts.",
      description: "A heat map of flood risk would help, but the network of pipes is the topic.",
      sectors: ["adaptation", "water"],
      procurementModel: "pre_commercial",
      minTrl: 5,
    });
    platform.clock.advance(60_000);
    await publishedChallenge(platform, lagos, {
      title: "Electric bus depot charging",
      summary: "Charge a fleet of 300 electric buses overnight without grid reinforcement.",
      description: "Smart charging, on-site storage and solar canopies over the depot.",
      sectors: ["mobility", "energy"],
      procurementModel: "pilot_agreement",
      minTrl: null,
    });
    platform.clock.advance(60_000);
    await publishedChallenge(platform, lagos, {
      title: "Leak detection in water mains",
      summary: "Find leaks in 4,000 km of water mains before the streets cave in.",
      description: "Acoustic sensors, satellite imagery or pressure analytics.",
      sectors: ["water"],
      procurementModel: "market_consultation",
      minTrl: 8,
    });
    await createDraft(platform, lagos.member.client, lagos.organisationId, {
      title: "Secret heat network draft",
    });
  });
  afterAll(async () => {
    expect(platform.serverErrors).toEqual([]);
    await platform.close();
  });

  it("lists published challenges only, newest first", async () => {
    const page = await get("");
    expect(page.total).toBe(4);
    expect(page.challenges.map((c) => c.title)).toEqual([
      "Leak detection in water mains",
      "Electric bus depot charging",
      "Cloudburst management",
      "Heat network decarbonisation",
    ]);
    expect(page.challenges.every((c) => c.rank === null)).toBe(true);
  });

  it("ranks full-text matches: a title match before a description mention", async () => {
    const page = await get("q=heat%20network");
    expect(page.challenges.map((c) => c.title)).toEqual([
      "Heat network decarbonisation",
      "Cloudburst management",
    ]);
    expect(page.challenges[0]!.rank!).toBeGreaterThan(page.challenges[1]!.rank!);
    expect(page.challenges.map((c) => c.title)).not.toContain("Secret heat network draft");
    // English stemming: "leaking" finds "leaks".
    expect((await get("q=leaking")).challenges.map((c) => c.title)).toEqual([
      "Leak detection in water mains",
    ]);
    // websearch syntax: quoted phrases and exclusions.
    expect((await get(`q=${encodeURIComponent('"heat network" -pumps')}`)).total).toBe(1);
  });

  it("counts each facet with every other filter applied, but not its own", async () => {
    const page = await get("sector=water&model=pre_commercial");
    expect(page.total).toBe(1);
    const count = (facet: keyof Catalogue["facets"], value: string) =>
      page.facets[facet].find((row) => row.value === value)?.count ?? 0;
    // Sector counts keep the model filter: only the pre-commercial challenge.
    expect(count("sector", "water")).toBe(1);
    expect(count("sector", "adaptation")).toBe(1);
    expect(count("sector", "energy")).toBe(0);
    // Model counts keep the sector filter: both water challenges.
    expect(count("model", "pre_commercial")).toBe(1);
    expect(count("model", "market_consultation")).toBe(1);
    const city = page.facets.city.find((row) => row.value === copenhagen.cityId);
    expect(city).toEqual({ value: copenhagen.cityId, label: "Copenhagen", count: 1 });
    expect(page.facets.status).toEqual([{ value: "published", label: "published", count: 1 }]);
  });

  it("filters by city, region and the TRL a solution has", async () => {
    expect((await get(`cityId=${lagos.cityId}`)).total).toBe(2);
    const trl6 = await get("trl=6");
    // Minimums 5 and none qualify; 7 and 8 do not.
    expect(trl6.challenges.map((c) => c.title).sort()).toEqual([
      "Cloudburst management",
      "Electric bus depot charging",
    ]);
    const trlFacet = (await get("")).facets.trl;
    expect(trlFacet.find((row) => row.value === "9")?.count).toBe(4);
    expect(trlFacet.find((row) => row.value === "1")?.count).toBe(1);
    const region = (await get("")).facets.region[0]!.value;
    expect((await get(`region=${encodeURIComponent(region)}`)).total).toBeGreaterThan(0);
  });

  it("sorts by budget and deadline", async () => {
    const byDeadline = await get("sort=deadline");
    expect(byDeadline.challenges[0]!.title).toBe("Heat network decarbonisation");
    expect((await get("sort=budget")).challenges).toHaveLength(4);
  });

  it("pages with a keyset cursor that stays stable when challenges are inserted", async () => {
    const first = await get("limit=2");
    expect(first.challenges).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    // A newer challenge arrives between the two pages: it would shift an offset page.
    platform.clock.advance(60_000);
    platform.clock.advance(60_000);
    await publishedChallenge(platform, copenhagen, { title: "Urban heat islands" });
    const second = await get(`limit=2&cursor=${first.nextCursor}`);
    const seen = [...first.challenges, ...second.challenges].map((c) => c.title);
    expect(seen).toEqual([
      "Leak detection in water mains",
      "Electric bus depot charging",
      "Cloudburst management",
      "Heat network decarbonisation",
    ]);
    expect(second.nextCursor).toBeNull();
    const unranked = await get("sort=relevance&limit=2");
    const rest = await get(`sort=relevance&limit=2&cursor=${unranked.nextCursor}`);
    const everything = (await get("limit=10")).challenges.map((c) => c.title);
    expect([...unranked.challenges, ...rest.challenges].map((c) => c.title)).toEqual(
      everything.slice(0, 4),
    );
    const ranked = await get("q=heat&limit=1");
    const next = await get(`q=heat&limit=1&cursor=${ranked.nextCursor}`);
    expect(next.challenges[0]!.id).not.toBe(ranked.challenges[0]!.id);
  });

  it("refuses a forged cursor and bad filters with a 400 naming the field", async () => {
    const forged = await platform
      .client()
      .get<{ code: string; errors: Array<{ field: string }> }>("/api/v1/challenges?cursor=abc");
    expect(forged.status).toBe(400);
    expect(forged.body.errors[0]?.field).toBe("query.cursor");
    const wellFormed = (key: string) =>
      Buffer.from(
        JSON.stringify({ s: "newest", k: key, i: "00000000-0000-4000-8000-000000000000" }),
      ).toString("base64url");
    for (const key of ["not a date", "2026-01-01'; drop table challenges; --"]) {
      const response = await platform.client().get(`/api/v1/challenges?cursor=${wellFormed(key)}`);
      expect(response.status).toBe(400);
    }
    // Only stop words: an empty text query, which matches nothing rather than failing.
    expect((await get("q=the%20and%20of")).total).toBe(0);
    expect((await get(`q=${encodeURIComponent('"unclosed & | ! :* (')}`)).total).toBe(0);
    const bad = await platform
      .client()
      .get<{ errors: Array<{ field: string }> }>("/api/v1/challenges?status=draft&trl=11");
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field).join()).toMatch(/query\.status/);
    expect((await platform.client().get("/api/v1/challenges?scope=mine")).status).toBe(401);
  });
});
