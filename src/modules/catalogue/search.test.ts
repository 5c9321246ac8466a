import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SolutionCatalogue } from "./contract.ts";
import { searchSolutionsByText, solutionProfiles } from "./index.ts";
import {
  addSolution,
  affiliate,
  organisationWithAdmin,
  type Person,
  type Problem,
  platformAdmin,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/**
 * The public catalogue. Each test file starts from an empty database, so the solutions below
 * are all there is; titles carry a marker so a search finds exactly this file's solutions.
 */
describe("catalogue search", () => {
  let platform: WatchedPlatform;
  let company: { id: string; person: Person };
  let lab: { id: string; person: Person };
  let clusterId: string;
  const ids: Record<string, string> = {};

  const search = async (query: string) => {
    const response = await platform.client().get<SolutionCatalogue>(`/api/v1/solutions?${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const facet = (list: Array<{ value: string; count: number }>, value: string) =>
    list.find((entry) => entry.value === value)?.count ?? 0;

  beforeAll(async () => {
    platform = await watchedPlatform();
    const madeCompany = await organisationWithAdmin(platform, "company");
    company = { id: madeCompany.organisation.id, person: madeCompany.admin };
    const madeLab = await organisationWithAdmin(platform, "research");
    lab = { id: madeLab.organisation.id, person: madeLab.admin };
    const cluster = await organisationWithAdmin(platform, "cluster");
    clusterId = cluster.organisation.id;
    await affiliate(platform, clusterId, lab.id);

    ids.titleHit = (
      await addSolution(company.person.client, company.id, {
        title: "Cloudburst retention boxes",
        summary: "Underground crates that store rainwater during heavy storms.",
        description: "Modular crates.",
        sectors: ["adaptation", "water"],
        capabilities: ["adaptation.stormwater"],
        trl: 9,
        countriesDeployed: ["DK", "NL"],
      })
    ).id;
    ids.descriptionHit = (
      await addSolution(company.person.client, company.id, {
        title: "Street tree pits",
        summary: "Soil cells that let trees grow in paved streets.",
        description: "They also absorb a little cloudburst runoff in summer storms.",
        sectors: ["adaptation"],
        capabilities: ["adaptation.urban-greening"],
        trl: 8,
        countriesDeployed: ["DK"],
      })
    ).id;
    ids.synonymOnly = (
      await addSolution(lab.person.client, lab.id, {
        title: "Pluvial flood model",
        summary: "Hydraulic simulation of surface runoff for a whole city.",
        description: "",
        sectors: ["adaptation", "data"],
        capabilities: [],
        trl: 4,
        countriesDeployed: ["FR"],
      })
    ).id;
    ids.heatNetwork = (
      await addSolution(lab.person.client, lab.id, {
        title: "Heat network planner",
        summary: "Plans district heating extensions from building data.",
        sectors: ["energy"],
        capabilities: ["energy.district-heating"],
        trl: 6,
        countriesDeployed: ["DE", "DK"],
      })
    ).id;
    ids.leaks = (
      await addSolution(company.person.client, company.id, {
        title: "Night-time leak listening",
        summary: "Acoustic loggers for water mains, accents: réseau d'eau.",
        sectors: ["water"],
        capabilities: ["water.leak-detection"],
        trl: 7,
        countriesDeployed: ["ES"],
      })
    ).id;
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  it("ranks a title match above a description match, and finds synonyms", async () => {
    const result = await search("q=cloudburst");
    const order = result.solutions.map((s) => s.id);
    expect(order.indexOf(ids.titleHit!)).toBeLessThan(order.indexOf(ids.descriptionHit!));
    // "Pluvial flood model" never says cloudburst: the taxonomy's synonyms find it.
    expect(order).toContain(ids.synonymOnly);
    expect(order).not.toContain(ids.leaks);
    expect(result.solutions[0]?.rank).toBeGreaterThan(0);
  });

  it("searches capability labels and synonyms of a solution, in other languages and without accents", async () => {
    expect((await search("q=heat%20network")).solutions.map((s) => s.id)).toContain(
      ids.heatNetwork,
    );
    expect((await search("q=chauffage%20urbain")).solutions.map((s) => s.id)).toEqual([
      ids.heatNetwork,
    ]);
    expect((await search("q=reseau%20d%27eau")).solutions.map((s) => s.id)).toContain(ids.leaks);
  });

  it("filters by a parent capability including its children", async () => {
    const adaptation = await search("capability=adaptation");
    expect(adaptation.solutions.map((s) => s.id).sort()).toEqual(
      [ids.titleHit, ids.descriptionHit].sort(),
    );
    const exact = await search("capability=adaptation.stormwater");
    expect(exact.solutions.map((s) => s.id)).toEqual([ids.titleHit]);
  });

  it("filters by sector, TRL range, country, provider kind and cluster", async () => {
    expect((await search("sector=energy")).solutions.map((s) => s.id)).toEqual([ids.heatNetwork]);
    expect((await search("trlMin=8")).total).toBe(2);
    expect((await search("trlMin=4&trlMax=6")).total).toBe(2);
    expect((await search("country=dk")).total).toBe(3);
    expect((await search("providerKind=research")).total).toBe(2);
    expect((await search(`clusterId=${clusterId}`)).solutions.map((s) => s.id).sort()).toEqual(
      [ids.synonymOnly, ids.heatNetwork].sort(),
    );
  });

  it("counts each facet with every other filter applied", async () => {
    const result = await search("sector=adaptation&country=DK");
    expect(result.total).toBe(2);
    // The sector facet ignores the sector filter but keeps the country filter.
    expect(facet(result.facets.sector, "adaptation")).toBe(2);
    expect(facet(result.facets.sector, "energy")).toBe(1);
    expect(facet(result.facets.sector, "water")).toBe(1);
    // The country facet ignores the country filter but keeps the sector filter.
    expect(facet(result.facets.country, "FR")).toBe(1);
    expect(facet(result.facets.country, "DK")).toBe(2);
    // Capabilities count for their ancestors too.
    expect(facet(result.facets.capability, "adaptation")).toBe(2);
    expect(facet(result.facets.capability, "adaptation.stormwater")).toBe(1);
    expect(facet(result.facets.trl, "9")).toBe(1);
    expect(facet(result.facets.providerKind, "company")).toBe(2);
  });

  it("pages with a keyset cursor that stays stable while solutions are added", async () => {
    for (const sort of ["newest", "trl"]) {
      const first = await search(`sort=${sort}&limit=2`);
      expect(first.solutions).toHaveLength(2);
      expect(first.nextCursor).not.toBeNull();
      platform.clock.advance(1_000);
      const added = await addSolution(company.person.client, company.id, { trl: 9 });
      const seen = first.solutions.map((s) => s.id);
      let cursor = first.nextCursor;
      while (cursor) {
        const page = await search(`sort=${sort}&limit=2&cursor=${cursor}`);
        seen.push(...page.solutions.map((s) => s.id));
        cursor = page.nextCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).not.toContain(added.id);
      expect(seen.length).toBe((await search("limit=100")).total - 1);
      await company.person.client.post(`/api/v1/solutions/${added.id}/archive`);
    }
  });

  it("pages by relevance without repeats", async () => {
    const all = await search("q=cloudburst&limit=100");
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: SolutionCatalogue = await search(
        `q=cloudburst&limit=1${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...page.solutions.map((s) => s.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.solutions.map((s) => s.id));
  });

  it("refuses a cursor from another order and bad filters, naming the field", async () => {
    const first = await search("sort=newest&limit=1");
    const wrong = await platform
      .client()
      .get<Problem>(`/api/v1/solutions?sort=trl&cursor=${first.nextCursor}`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors?.[0]?.field).toBe("query.cursor");
    const bad = await platform.client().get<Problem>("/api/v1/solutions?trlMin=0&sort=best");
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(["query.trlMin", "query.sort"]),
    );
    const inverted = await platform.client().get<Problem>("/api/v1/solutions?trlMin=8&trlMax=3");
    expect(inverted.status).toBe(400);
    expect(inverted.body.errors?.[0]?.field).toBe("query.trlMin");
  });

  it("finds solutions by a synonym an admin adds, at once", async () => {
    expect((await search("q=skybrud")).total).toBe(0);
    const admin = await platformAdmin(platform);
    const added = await admin.client.post("/api/v1/capabilities/adaptation.stormwater/synonyms", {
      locale: "en",
      synonyms: ["skybrud"],
    });
    expect(added.status).toBe(200);
    expect((await search("q=skybrud")).solutions.map((s) => s.id)).toContain(ids.titleHit);
  });

  it("offers text search to other modules", async () => {
    const ranked = await searchSolutionsByText(platform.database.db, "pluvial flooding");
    expect(ranked.map((r) => r.id)).toEqual(
      expect.arrayContaining([ids.titleHit, ids.synonymOnly]),
    );
    expect(ranked.every((r) => r.rank > 0 && r.rank < 1)).toBe(true);
    const [profile] = await solutionProfiles(platform.database.db, [ids.titleHit!]);
    expect(profile).toMatchObject({
      providerKind: "company",
      sectors: ["adaptation", "water"],
      capabilities: ["adaptation.stormwater"],
      trl: 9,
      countriesDeployed: ["DK", "NL"],
    });
  });
});
