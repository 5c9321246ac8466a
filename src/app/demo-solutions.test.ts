import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PortfolioSummary, SolutionCatalogue } from "../modules/catalogue/contract.ts";
import { Sector } from "../modules/challenges/contract.ts";
import { cityIdsByName } from "../modules/organisations/index.ts";
import { DEMO_PASSWORD, seedDemoData } from "./demo.ts";
import { demoSolutions } from "./demo-solutions.ts";
import { createTestPlatform, type TestPlatform } from "./testing.ts";

describe("demo solutions", () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform();
    await seedDemoData({ ...platform.ctx, demo: true }, await cityIdsByName(platform.database.db));
    // Eight demo accounts hash their passwords with scrypt: slow on a busy machine.
  }, 180_000);
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  it("fill the catalogue across all ten sectors", async () => {
    const response = await platform.client().get<SolutionCatalogue>("/api/v1/solutions?limit=100");
    expect(response.body.total).toBe(demoSolutions.length);
    expect(response.body.total).toBeGreaterThanOrEqual(20);
    const sectors = response.body.facets.sector.map((entry) => entry.value).sort();
    expect(sectors).toEqual([...Sector.options].sort());
  });

  it("share the cluster's portfolio with the demo city", async () => {
    const city = platform.client();
    const signIn = await city.post("/api/v1/session", {
      email: "city@demo.city-solutions.org",
      password: DEMO_PASSWORD,
    });
    expect(signIn.status).toBe(200);
    await city.refreshSession();
    const list = await city.get<{ portfolios: PortfolioSummary[] }>("/api/v1/portfolios");
    expect(list.body.portfolios).toEqual([
      expect.objectContaining({
        itemCount: 4,
        cluster: expect.objectContaining({ kind: "cluster" }),
      }),
    ]);
  });

  it("are not added twice when seeding again", { timeout: 180_000 }, async () => {
    await seedDemoData({ ...platform.ctx, demo: true }, await cityIdsByName(platform.database.db), {
      force: true,
    });
    const response = await platform.client().get<SolutionCatalogue>("/api/v1/solutions?limit=1");
    expect(response.body.total).toBe(demoSolutions.length);
  });
});
