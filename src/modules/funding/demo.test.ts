import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../app/demo.ts";
import { cityIdsByName } from "../organisations/index.ts";
import type { SourceList } from "./contract.ts";
import { type WatchedPlatform, watchedPlatform } from "./test/factories.ts";

describe("funding in the demo", () => {
  let platform: WatchedPlatform;

  beforeAll(async () => {
    platform = await watchedPlatform();
    await seedDemoData({ ...platform.ctx, demo: true }, await cityIdsByName(platform.database.db));
  }, 180_000);
  afterAll(async () => {
    expect(platform.serverErrors).toEqual([]);
    await platform.close();
  });

  it("lists the four demo sources, open today, and the agency's co-funding on a Copenhagen challenge's OCDS release", async () => {
    const list = await platform.client().get<SourceList>("/api/v1/funding-sources");
    expect(list.body.sources.map((source) => [source.instrument, source.open]).sort()).toEqual([
      ["grant", true],
      ["grant", true],
      ["loan", true],
      ["prize", true],
    ]);
    const ocds = await platform
      .client()
      .get<{ releases: Array<{ parties: Array<{ name: string; roles: string[] }> }> }>(
        "/api/v1/ocds",
      );
    const funders = ocds.body.releases.flatMap((release) =>
      release.parties.filter((party) => party.roles.includes("funder")).map((party) => party.name),
    );
    expect(funders).toEqual(["Danish Agency for Innovation Procurement"]);
  });
});
