import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDraft, publishedChallenge } from "../challenges/test/factories.ts";
import {
  addReference,
  type Cast,
  cast,
  decide,
  referenceBody,
  type WatchedPlatform,
  watchedPlatform,
} from "../references/test/factories.ts";
import type { Dashboard } from "./contract.ts";

/** The CSV's rows as objects (no quoted commas in these figures). */
const csvRows = (text: string) => {
  const [header, ...lines] = text.trim().split("\r\n");
  const columns = header!.split(",");
  return lines.map((line) =>
    Object.fromEntries(line.split(",").map((value, index) => [columns[index], value])),
  );
};

describe("insights: impact dashboards as open data", () => {
  let platform: WatchedPlatform;
  let people: Cast;
  let untilYear: number;

  beforeAll(async () => {
    platform = await watchedPlatform();
    people = await cast(platform);
    untilYear = platform.clock.now().getUTCFullYear();
    await publishedChallenge(platform, people.city);
    await createDraft(platform, people.city.member.client, people.city.organisationId, {
      title: "A draft nobody else sees yet",
      sectors: ["mobility"],
    });
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const dashboard = async (path: string, client = platform.client()) => {
    const response = await client.get<Dashboard>(path);
    expect(response.status).toBe(200);
    return response.body;
  };
  const cityPath = () => `/api/v1/insights/cities/${people.city.organisationId}`;

  it("counts public challenges by status and sector (drafts are their city's), for the city and the network", async () => {
    const city = await dashboard(cityPath());
    expect(city.scope).toMatchObject({ kind: "city", id: people.city.organisationId });
    expect(city.challenges.byStatus).toEqual([{ status: "published", count: 1 }]);
    expect(city.challenges.bySector).toEqual([
      { sector: "adaptation", count: 1 },
      { sector: "water", count: 1 },
    ]);
    expect(city.cities).toEqual([
      expect.objectContaining({
        name: "Copenhagen",
        country: "DK",
        challenges: 1,
        verifiedReferences: 0,
      }),
    ]);
    const sector = await dashboard("/api/v1/insights/sectors/mobility");
    expect(sector.challenges.byStatus).toEqual([]);
  });

  it("sums only verified outcomes, by sector and year, each kind in its unit and custom ones per unit", async () => {
    const before = await dashboard(cityPath());
    const reference = await addReference(
      people.provider.admin.client,
      people.provider.solutionId,
      referenceBody(people.city.organisationId, { startedOn: `${untilYear - 1}-06-01` }),
    );
    const other = await addReference(
      people.provider.admin.client,
      people.provider.solutionId,
      referenceBody(people.city.organisationId, {
        startedOn: `${untilYear}-01-01`,
        metrics: [
          { kind: "water_saved", value: 50_000 },
          { kind: "custom", value: 2, label: "bursts prevented", unit: "bursts/month" },
        ],
      }),
    );
    expect((await dashboard(cityPath())).impact).toEqual(before.impact);

    await decide(people.city.member.client, reference.id, "verify");
    await decide(people.city.member.client, other.id, "verify");
    const after = await dashboard(cityPath());
    const ofYear = (year: number) =>
      after.impact
        .filter((row) => row.year === year)
        .map(({ kind, label, unit, value, sector }) => ({ sector, kind, label, unit, value }));
    expect(ofYear(untilYear - 1)).toEqual([
      { sector: "water", kind: "co2e_avoided", label: "", unit: "t CO2e/yr", value: 42.5 },
      { sector: "water", kind: "custom", label: "bursts prevented", unit: "bursts/yr", value: 18 },
      { sector: "water", kind: "water_saved", label: "", unit: "m³/yr", value: 350_000 },
    ]);
    expect(ofYear(untilYear)).toEqual([
      { sector: "water", kind: "co2e_avoided", label: "", unit: "t CO2e/yr", value: 42.5 },
      {
        sector: "water",
        kind: "custom",
        label: "bursts prevented",
        unit: "bursts/month",
        value: 2,
      },
      { sector: "water", kind: "custom", label: "bursts prevented", unit: "bursts/yr", value: 18 },
      { sector: "water", kind: "water_saved", label: "", unit: "m³/yr", value: 400_000 },
    ]);
    expect(after.cities).toEqual([
      expect.objectContaining({ name: "Copenhagen", verifiedReferences: 2 }),
    ]);
    const provider = await dashboard(
      `/api/v1/insights/providers/${people.provider.organisation.id}`,
    );
    expect(provider.impact).toEqual(after.impact);
    expect(provider.challenges.byStatus).toEqual([]);
    const water = await dashboard("/api/v1/insights/sectors/water");
    expect(water.impact).toEqual(after.impact);
    expect((await dashboard("/api/v1/insights/sectors/adaptation")).impact).toEqual([]);
  });

  it("counts pilots: public challenges piloting or implemented, on JSON and CSV alike", async () => {
    const before = await dashboard(cityPath());
    expect(before.pilots).toBe(0);
    const piloted = await publishedChallenge(platform, people.city, { title: "Piloted later" });
    await platform.database.db.execute(
      sql`update challenges set status = 'piloting' where id = ${piloted.id}`,
    );
    try {
      expect((await dashboard(cityPath())).pilots).toBe(1);
      expect((await dashboard("/api/v1/insights/network")).pilots).toBe(1);
      const rows = csvRows((await platform.client().get<string>(`${cityPath()}/data.csv`)).body);
      expect(rows.find((row) => row.section === "pilots")?.value).toBe("1");
    } finally {
      await platform.database.db.execute(
        sql`update challenges set status = 'draft' where id = ${piloted.id}`,
      );
    }
  });

  it("gives the same numbers as CSV, one figure per row", async () => {
    const json = await dashboard(cityPath());
    const response = await platform.client().get<string>(`${cityPath()}/data.csv`);
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    const rows = csvRows(response.body);
    expect(rows.filter((row) => row.section === "impact")).toEqual(
      json.impact.map((row) => ({
        section: "impact",
        key: row.sector,
        year: String(row.year),
        kind: row.kind,
        label: row.label,
        unit: row.unit,
        value: String(row.value),
      })),
    );
    expect(rows.filter((row) => row.section === "challenges_by_status")).toEqual([
      {
        section: "challenges_by_status",
        key: "published",
        year: "",
        kind: "",
        label: "",
        unit: "",
        value: "1",
      },
    ]);
    expect(rows.find((row) => row.section === "proposals")?.value).toBe(String(json.proposals));
  });

  it("is public: every role reads the same figures on every route (JSON and CSV); unknown or wrong scopes are 404, a bad sector 400", async () => {
    const paths = [
      "/api/v1/insights/network",
      cityPath(),
      `/api/v1/insights/providers/${people.provider.organisation.id}`,
      "/api/v1/insights/sectors/water",
    ].flatMap((path) => [path, `${path}/data.csv`]);
    for (const path of paths) {
      const anonymous = await platform.client().get(path);
      expect(anonymous.status, path).toBe(200);
      for (const person of [
        people.outsider,
        people.provider.admin,
        people.city.member,
        people.admin,
      ]) {
        const seen = await person.client.get(path);
        expect(seen.status, path).toBe(200);
        expect(seen.body, path).toEqual(anonymous.body);
      }
    }
    const client = platform.client();
    expect(
      (await client.get(`/api/v1/insights/cities/${people.provider.organisation.id}`)).status,
    ).toBe(404);
    expect(
      (await client.get(`/api/v1/insights/providers/${people.city.organisationId}`)).status,
    ).toBe(404);
    expect(
      (await client.get("/api/v1/insights/cities/00000000-0000-4000-8000-000000000000")).status,
    ).toBe(404);
    const bad = await client.get<{ errors: Array<{ field: string }> }>(
      "/api/v1/insights/sectors/weather",
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error) => error.field)).toEqual(["params.sector"]);
    expect((await client.get("/api/v1/insights/cities/not-a-uuid/data.csv")).status).toBe(400);
  });
});
