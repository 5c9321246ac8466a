import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import c40 from "./c40-cities.json" with { type: "json" };
import { C40Region, type City, type NetworkOverview, type OrganisationList } from "./contract.ts";
import {
  cityIdOf,
  createOrganisation,
  memberOf,
  organisationWithAdmin,
  type Person,
  platformAdmin,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/**
 * The public directory on a platform of its own, so every count is known: what was created
 * here is all there is.
 */
describe("directory", () => {
  let platform: WatchedPlatform;
  let staff: Person;
  let creator: Person;
  const created: Array<{
    id: string;
    name: string;
    kind: string;
    country: string;
    verified: boolean;
  }> = [];

  async function add(
    body: Parameters<typeof createOrganisation>[1],
    options: { verified?: boolean } = {},
  ) {
    const response = await createOrganisation(creator.client, body);
    expect(response.status).toBe(201);
    if (options.verified) {
      await staff.client.post(`/api/v1/organisations/${response.body.id}/verification`, {
        verified: true,
      });
    }
    created.push({
      id: response.body.id,
      name: response.body.name,
      kind: response.body.kind,
      country: response.body.country,
      verified: options.verified ?? false,
    });
    return response.body;
  }

  beforeAll(async () => {
    platform = await watchedPlatform();
    staff = await platformAdmin(platform);
    creator = await platform.signedIn();
    await add({ kind: "company", name: "Solar Grid Oy", country: "FI" }, { verified: true });
    await add({ kind: "company", name: "Heat Pump Works", country: "DE" });
    await add({ kind: "company", name: "100% Renewables", country: "DE" }, { verified: true });
    await add({ kind: "company", name: "Under_score Labs", country: "FR" });
    await add({ kind: "research", name: "O'Brien Energy Institute", country: "IE" });
    await add({ kind: "research", name: "Back\\slash Tech", country: "FR" }, { verified: true });
    await add({ kind: "cluster", name: "Cleantech Cluster Lyon", country: "FR" });
    await add({ kind: "network", name: "Clean Cities Network", country: "GB" }, { verified: true });
    await add({ kind: "funder", name: "Green Fund", country: "LU" });
    await add({
      kind: "city",
      name: "Paris Climate Agency",
      country: "FR",
      cityId: await cityIdOf(platform, "Paris"),
    });
    await add({
      kind: "company",
      name: "Water Leak Detection",
      country: "FR",
      description: "Acoustic sensors find 50% of leaks before they surface.",
    });
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const list = async (query: string) => {
    const response = await platform
      .client()
      .get<OrganisationList>(`/api/v1/organisations?${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const names = (result: OrganisationList) => result.organisations.map((o) => o.name).sort();
  const namesWhere = (predicate: (o: (typeof created)[number]) => boolean) =>
    created
      .filter(predicate)
      .map((o) => o.name)
      .sort();
  const kindCounts = (predicate: (o: (typeof created)[number]) => boolean) => {
    const counts: Record<string, number> = {};
    for (const o of created.filter(predicate)) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
    return counts;
  };

  it("lists the 96 C40 cities, each once, with a country and coordinates", async () => {
    const response = await platform.client().get<{ cities: City[] }>("/api/v1/cities");
    expect(response.status).toBe(200);
    const cities = response.body.cities;
    expect(cities).toHaveLength(96);
    expect(new Set(cities.map((city) => city.name)).size).toBe(96);
    expect(new Set(cities.map((city) => city.slug)).size).toBe(96);
    for (const city of cities) {
      expect(city.country).toMatch(/^[A-Z]{2}$/);
      expect(Math.abs(city.latitude)).toBeLessThanOrEqual(90);
      expect(Math.abs(city.longitude)).toBeLessThanOrEqual(180);
      expect(city.region).not.toBe("");
      expect(city.c40Member).toBe(true);
    }
    expect(cities.map((city) => city.name)).toEqual(
      expect.arrayContaining(["Copenhagen", "Lisbon", "Paris", "Mexico City", "Nairobi"]),
    );
    const paris = cities.find((city) => city.name === "Paris")!;
    expect(paris.country).toBe("FR");
    expect(paris.organisationCount).toBe(1);
    expect(cities.find((city) => city.name === "Lisbon")?.organisationCount).toBe(0);
  });

  it("counts the network in the overview", async () => {
    const { body: cities } = await platform.client().get<{ cities: City[] }>("/api/v1/cities");
    // People: the creator, plus members added now.
    const cluster = created.find((o) => o.kind === "cluster")!;
    await memberOf(platform, cluster.id);
    const { organisation: extra } = await organisationWithAdmin(platform, { kind: "funder" });
    created.push({ ...extra, verified: false });

    const response = await platform.client().get<NetworkOverview>("/api/v1/network/overview");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      cities: 96,
      regions: new Set(cities.cities.map((city) => city.region)).size,
      organisationsByKind: kindCounts(() => true),
      verifiedOrganisations: created.filter((o) => o.verified).length,
      // The creator, the extra cluster member and the extra funder's admin; the platform admin
      // belongs to no organisation.
      people: 3,
    });
  });

  it("lists everything with facet counts per kind", async () => {
    const all = await list("limit=100");
    expect(all.total).toBe(created.length);
    expect(names(all)).toEqual(namesWhere(() => true));
    expect(all.kinds).toEqual(kindCounts(() => true));
    // Verified organisations come first.
    const verifiedFirst = all.organisations.map((o) => o.verified);
    expect(verifiedFirst).toEqual([...verifiedFirst].sort((a, b) => Number(b) - Number(a)));
  });

  it("filters by kind, keeping the facet counts of the other filters", async () => {
    const companies = await list("kind=company&limit=100");
    expect(names(companies)).toEqual(namesWhere((o) => o.kind === "company"));
    expect(companies.total).toBe(namesWhere((o) => o.kind === "company").length);
    expect(companies.kinds).toEqual(kindCounts(() => true));
  });

  it("filters by country, in any case", async () => {
    const french = await list("country=fr&limit=100");
    expect(names(french)).toEqual(namesWhere((o) => o.country === "FR"));
    expect(french.kinds).toEqual(kindCounts((o) => o.country === "FR"));
    const frenchCompanies = await list("country=FR&kind=company");
    expect(names(frenchCompanies)).toEqual(
      namesWhere((o) => o.country === "FR" && o.kind === "company"),
    );
    expect(frenchCompanies.kinds).toEqual(kindCounts((o) => o.country === "FR"));
  });

  it("filters by verification", async () => {
    const verified = await list("verified=true&limit=100");
    expect(names(verified)).toEqual(namesWhere((o) => o.verified));
    expect(verified.kinds).toEqual(kindCounts((o) => o.verified));
    const unverified = await list("verified=false&limit=100");
    expect(names(unverified)).toEqual(namesWhere((o) => !o.verified));
  });

  it("filters by city", async () => {
    const paris = await cityIdOf(platform, "Paris");
    const result = await list(`cityId=${paris}`);
    expect(names(result)).toEqual(["Paris Climate Agency"]);
  });

  it("searches names and descriptions, ignoring case", async () => {
    expect(names(await list("q=clean"))).toEqual([
      "Clean Cities Network",
      "Cleantech Cluster Lyon",
    ]);
    expect(names(await list("q=ACOUSTIC"))).toEqual(["Water Leak Detection"]);
    const inFrance = await list("q=clean&country=FR");
    expect(names(inFrance)).toEqual(["Cleantech Cluster Lyon"]);
    expect(inFrance.kinds).toEqual({ cluster: 1 });
  });

  it("takes SQL metacharacters in q literally", async () => {
    const cases: Array<[string, string[]]> = [
      ["%", ["100% Renewables", "Water Leak Detection"]],
      ["0%", ["100% Renewables", "Water Leak Detection"]],
      ["_", ["Under_score Labs"]],
      ["o_k", []], // would match "Heat Pump Works" if "_" were a wildcard
      ["'", ["O'Brien Energy Institute"]],
      ["o'brien", ["O'Brien Energy Institute"]],
      ["\\", ["Back\\slash Tech"]],
      ["\\s", ["Back\\slash Tech"]],
      ["'; drop table organisations; --", []],
    ];
    for (const [q, expected] of cases) {
      const result = await list(`q=${encodeURIComponent(q)}&limit=100`);
      expect([q, names(result)]).toEqual([q, expected]);
      expect(result.total).toBe(expected.length);
    }
    expect((await list("limit=100")).total).toBe(created.length);
  });

  it("pages through results", async () => {
    const first = await list("limit=5&offset=0");
    const second = await list("limit=5&offset=5");
    const rest = await list("limit=100&offset=10");
    expect(first.organisations).toHaveLength(5);
    expect(first.total).toBe(created.length);
    const seen = [...first.organisations, ...second.organisations, ...rest.organisations].map(
      (o) => o.id,
    );
    expect(new Set(seen).size).toBe(created.length);
  });

  it("refuses malformed filters by name", async () => {
    const response = await platform
      .client()
      .get<{ errors: Array<{ field: string }> }>(
        "/api/v1/organisations?kind=spaceship&country=France&verified=maybe&limit=0&colour=red",
      );
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error) => error.field)).toEqual(
      expect.arrayContaining([
        "query.kind",
        "query.country",
        "query.verified",
        "query.limit",
        "query.colour",
      ]),
    );
  });
});

describe("the C40 regions", () => {
  it("name every region of the shipped city list, and no other", () => {
    const shipped = [...new Set(c40.cities.map((city) => city.region))].sort();
    expect(shipped).toEqual([...C40Region.options].sort());
  });
});
