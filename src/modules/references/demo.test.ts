import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../app/demo.ts";
import type { OrganisationList } from "../organisations/contract.ts";
import { cityIdsByName } from "../organisations/index.ts";
import type { OrganisationReferences } from "./contract.ts";
import { type WatchedPlatform, watchedPlatform } from "./test/factories.ts";

describe("references in the demo", () => {
  let platform: WatchedPlatform;

  beforeAll(async () => {
    platform = await watchedPlatform();
    await seedDemoData({ ...platform.ctx, demo: true }, await cityIdsByName(platform.database.db));
  }, 180_000);
  afterAll(async () => {
    expect(platform.serverErrors).toEqual([]);
    await platform.close();
  });

  const organisationNamed = async (name: string) => {
    const list = await platform
      .client()
      .get<OrganisationList>(`/api/v1/organisations?q=${encodeURIComponent(name)}&limit=5`);
    return list.body.organisations.find((organisation) => organisation.name === name)!;
  };

  it("shows Copenhagen's verified references publicly, and none of HydroSense's there (the e2e journey adds it)", async () => {
    const copenhagen = await organisationNamed(
      "City of Copenhagen — Technical and Environmental Administration",
    );
    const hosted = (
      await platform
        .client()
        .get<OrganisationReferences>(`/api/v1/organisations/${copenhagen.id}/references`)
    ).body.hosted;
    expect(hosted.map((reference) => [reference.solution.title, reference.status]).sort()).toEqual([
      ["Real-time stormwater control", "verified"],
      ["Second-life battery storage for bus depots", "verified"],
    ]);
    const hydrosense = await organisationNamed("HydroSense Analytics");
    const provided = (
      await platform
        .client()
        .get<OrganisationReferences>(`/api/v1/organisations/${hydrosense.id}/references`)
    ).body.provided;
    // Public: only Lisbon's verified one; Mexico City's awaits, Barcelona is no member.
    expect(provided.map((reference) => [reference.city.name, reference.status])).toEqual([
      ["Lisbon", "verified"],
    ]);
  });
});
