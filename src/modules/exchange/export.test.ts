import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  bundleOf,
  challengeRecord,
  clusterWithMember,
  createTestPlatform,
  importBundle,
  importCsv,
  type Person,
  platformAdmin,
  rowCounts,
  solutionRecord,
  type TestPlatform,
} from "./test/factories.ts";

/**
 * Export: the public catalogue under stable refs, sorted, so that export → import into an empty
 * platform → export gives the same bytes.
 */
describe("export: the same bytes after a round trip through an empty platform", () => {
  let source: TestPlatform;
  let target: TestPlatform;
  let sourceAdmin: Person;
  let targetAdmin: Person;
  let archivedTitle: string;

  beforeAll(async () => {
    source = await createTestPlatform();
    target = await createTestPlatform();
    sourceAdmin = await platformAdmin(source);
    targetAdmin = await platformAdmin(target);
    // Records made by hand (refs will be their ids) and by an import (refs kept).
    const { member } = await clusterWithMember(source);
    const made = await sourceAdmin.client.post<{ id: string }>("/api/v1/solutions", {
      providerId: member.id,
      title: "Made by hand: cloudburst planters",
      summary: "Planters that hold back rain during cloudbursts.",
      sectors: ["adaptation"],
      capabilities: ["adaptation.stormwater"],
      trl: 6,
      media: [{ url: "https://example.org/planter.png", alt: "A planter on a pavement" }],
      referenceLinks: ["https://example.org/case"],
    });
    expect(made.status).toBe(201);
    const archived = await sourceAdmin.client.post<{ id: string; title: string }>(
      "/api/v1/solutions",
      {
        providerId: member.id,
        title: "Withdrawn product",
        summary: "No longer offered, archived by its provider.",
        sectors: ["energy"],
        trl: 4,
      },
    );
    archivedTitle = archived.body.title;
    await sourceAdmin.client.post(`/api/v1/solutions/${archived.body.id}/archive`);
    const imported = await importBundle(
      sourceAdmin.client,
      bundleOf({
        organisations: [
          {
            ref: "zz-research",
            name: "Institute of Urban Water",
            kind: "research",
            country: "NL",
            locality: "Delft",
            clusters: [],
          },
          {
            ref: "aa-city",
            name: "Rotterdam Climate Office",
            kind: "city",
            country: "NL",
            city: "Rotterdam",
          },
        ],
        solutions: [
          solutionRecord("b-sol", "zz-research", {
            description: 'Multi-line\n\nMarkdown, with "quotes", commas; and semicolons.',
          }),
          solutionRecord("a-sol", member.id, {
            capabilities: ["heat network", "water.leak-detection"],
            sectors: ["energy", "water"],
          }),
        ],
        challenges: [
          challengeRecord("c-published", "aa-city", { city: "rotterdam" }),
          challengeRecord("c-awarded", "aa-city", {
            status: "awarded",
            publishedAt: "2025-01-10T08:00:00.000Z",
            budget: null,
            minTrl: null,
            kpis: [{ metric: "Homes flooded per year", baseline: 120, target: 10, unit: "homes" }],
            timeline: {
              questionDeadline: "2025-02-01T12:00:00.000Z",
              proposalDeadline: "2025-03-01T12:00:00.000Z",
              awardDate: "2025-05-01T12:00:00.000Z",
            },
          }),
          challengeRecord("c-draft", "aa-city", { status: "draft", title: "Private draft idea" }),
        ],
      }),
    );
    expect(imported.status).toBe(200);
  });
  afterAll(async () => {
    await source.close();
    await target.close();
  });
  afterEach(() => {
    expect(source.serverErrors).toEqual([]);
    expect(target.serverErrors).toEqual([]);
  });

  it("exports the public records only, sorted by ref, and the same bytes twice", async () => {
    const first = await source.client().get<string>("/api/v1/export");
    const second = await source.client().get<string>("/api/v1/export");
    expect(first.raw.body).toBe(second.raw.body);
    const bundle = JSON.parse(first.raw.body) as ReturnType<typeof bundleOf>;
    expect(bundle.format).toBe("city-solutions-bundle/1");
    const refs = (bundle.solutions as Array<{ ref: string; title: string }>).map(
      (solution) => solution.ref,
    );
    expect(refs).toEqual([...refs].sort());
    expect(refs).toEqual(expect.arrayContaining(["a-sol", "b-sol"]));
    expect(
      (bundle.solutions as Array<{ title: string }>).some(
        (solution) => solution.title === archivedTitle,
      ),
    ).toBe(false);
    // Public challenges only: a draft is the city's own business.
    const challenges = bundle.challenges as Array<{ ref: string; status: string; city: string }>;
    expect(challenges.map((challenge) => [challenge.ref, challenge.status])).toEqual([
      ["c-awarded", "awarded"],
      ["c-published", "published"],
    ]);
    expect(challenges[0]!.city).toBe("Rotterdam");
  });

  it("export → import into an empty platform → export gives identical bytes", async () => {
    const exported = (await source.client().get("/api/v1/export")).raw.body;
    const imported = await importBundle(targetAdmin.client, JSON.parse(exported));
    expect(imported.status).toBe(200);
    expect(imported.body.challenges).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const again = (await target.client().get("/api/v1/export")).raw.body;
    expect(again).toBe(exported);
    // And importing the export into the platform it came from changes nothing.
    const before = await rowCounts(source);
    const home = await importBundle(sourceAdmin.client, JSON.parse(exported));
    expect(home.body.errors ?? []).toEqual([]);
    expect(home.body.solutions.created + home.body.solutions.updated).toBe(0);
    expect(home.body.organisations.created + home.body.organisations.updated).toBe(0);
    expect(home.body.challenges.unchanged).toBe(2);
    const after = await rowCounts(source);
    expect({ ...after, refs: 0 }).toEqual({ ...before, refs: 0 });
  });

  it("the CSV export imports back and exports the same bytes", async () => {
    const csv = (await target.client().get("/api/v1/export?format=csv")).raw.body;
    expect(csv.split("\r\n")[0]).toBe(
      "ref,organisation,title,summary,description,sectors,capabilities,trl,countries,links",
    );
    const response = await importCsv(targetAdmin.client, csv);
    expect(response.status).toBe(200);
    expect(response.body.solutions.created + response.body.solutions.updated).toBe(0);
    expect((await target.client().get("/api/v1/export?format=csv")).raw.body).toBe(csv);
  });
});
