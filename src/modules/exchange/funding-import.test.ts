import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SourceList } from "../funding/contract.ts";
import {
  bundleOf,
  createTestPlatform,
  importBundle,
  type Person,
  platformAdmin,
  rowCounts,
  type TestPlatform,
} from "./test/factories.ts";

/** Funding sources in the bundle: the funder by ref; re-importing the same content changes nothing. */
describe("import: funding sources", () => {
  let platform: TestPlatform;
  let admin: Person;

  const organisations = [
    { ref: "fund", name: "Nordic Green Fund (import)", kind: "funder", country: "FI" },
    { ref: "firm", name: "Leak Finders Oy", kind: "company", country: "FI" },
  ];
  const source = (extra: Record<string, unknown> = {}) => ({
    ref: "nordic-loan",
    funder: "fund",
    title: "Nordic green city loan",
    programme: "Green cities facility",
    instrument: "loan",
    minAmountMinor: 100_000_000,
    maxAmountMinor: 2_000_000_000,
    currency: "EUR",
    eligibleKinds: ["city"],
    eligibleCountries: ["FI", "SE", "NO", "DK", "IS"],
    closesOn: null,
    ...extra,
  });
  const bundle = (fundingSources: unknown[]) => ({
    ...bundleOf({ organisations }),
    fundingSources,
  });
  const importedSources = async () =>
    (await platform.client().get<SourceList>("/api/v1/funding-sources")).body.sources;

  beforeAll(async () => {
    platform = await createTestPlatform();
    admin = await platformAdmin(platform);
  });
  afterAll(() => platform.close());
  afterEach(() => expect(platform.serverErrors).toEqual([]));

  it("refuses a file with a bad funding source, naming each problem and writing nothing", async () => {
    const before = await rowCounts(platform);
    const response = await importBundle(
      admin.client,
      bundle([
        source({ funder: "firm" }),
        source({ ref: "s2", instrument: "lottery" }),
        source({ ref: "s3", minTrl: 7, maxTrl: 3 }),
      ]),
    );
    expect(response.status).toBe(422);
    expect(response.body.errors?.map((problem) => problem.field)).toEqual([
      "fundingSources[1].instrument",
      "fundingSources[2].maxTrl",
      "fundingSources[0].funder",
    ]);
    expect(await rowCounts(platform)).toEqual(before);
    expect(await importedSources()).toEqual([]);
  });

  it("imports a source with its funder; the same file again is unchanged; new content updates it", async () => {
    const first = await importBundle(admin.client, bundle([source()]));
    expect(first.status).toBe(200);
    expect(first.body.fundingSources).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const id = first.body.records.find((record) => record.record === "funding_source")!.id;
    const [listed] = await importedSources();
    expect(listed).toMatchObject({
      id,
      title: "Nordic green city loan",
      instrument: "loan",
      funder: { name: "Nordic Green Fund (import)", kind: "funder" },
      eligibleCountries: ["FI", "SE", "NO", "DK", "IS"],
      closesOn: null,
    });

    const again = await importBundle(admin.client, bundle([source()]));
    expect(again.body.fundingSources).toEqual({ created: 0, updated: 0, unchanged: 1 });
    const changed = await importBundle(admin.client, bundle([source({ closesOn: "2026-09-30" })]));
    expect(changed.body.fundingSources).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect((await importedSources()).map((entry) => [entry.id, entry.closesOn])).toEqual([
      [id, "2026-09-30"],
    ]);
  });
});
