import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Reference } from "../references/contract.ts";
import {
  bundleOf,
  createTestPlatform,
  importBundle,
  type Person,
  personIn,
  platformAdmin,
  rowCounts,
  solutionRecord,
  type TestPlatform,
} from "./test/factories.ts";

/**
 * References in the bundle: deployments of the file's (or existing) solutions in cities, always
 * awaiting their city's verification; re-importing the same content changes nothing.
 */
describe("import: references", () => {
  let platform: TestPlatform;
  let admin: Person;

  const organisations = [
    { ref: "hydro", name: "Hydro Listening ApS", kind: "company", country: "DK" },
    { ref: "oslo-office", name: "Oslo Water Agency", kind: "city", country: "NO", city: "Oslo" },
  ];
  const reference = (extra: Record<string, unknown> = {}) => ({
    ref: "oslo-mains",
    solution: "leaks",
    city: { organisation: "oslo-office" },
    startedOn: "2022-05-01",
    scale: "80 km of mains",
    description: "Night listening on the **old town** mains.",
    metrics: [
      { kind: "water_saved", value: 210_000 },
      { kind: "custom", value: 11, label: "bursts prevented", unit: "bursts/yr" },
    ],
    ...extra,
  });
  const bundle = (references: unknown[]) => ({
    ...bundleOf({ organisations, solutions: [solutionRecord("leaks", "hydro")] }),
    references,
  });

  beforeAll(async () => {
    platform = await createTestPlatform();
    admin = await platformAdmin(platform);
  });
  afterAll(() => platform.close());
  afterEach(() => expect(platform.serverErrors).toEqual([]));

  it("refuses a file with a bad reference, naming each problem and writing nothing", async () => {
    const before = await rowCounts(platform);
    const response = await importBundle(
      admin.client,
      bundle([
        reference({ solution: "nowhere" }),
        reference({ ref: "r2", metrics: [{ kind: "custom", value: 3, label: "trees" }] }),
        reference({ ref: "r3", city: { organisation: "hydro" } }),
        reference({ ref: "r4", endedOn: "2020-01-01" }),
      ]),
    );
    expect(response.status).toBe(422);
    expect(response.body.errors?.map((problem) => problem.field)).toEqual([
      "references[1].metrics[0].unit",
      "references[3].endedOn",
      "references[0].solution",
      "references[2].city.organisation",
    ]);
    expect(await rowCounts(platform)).toEqual(before);
  });

  it("imports a pending reference; the same file again is unchanged; new content updates it and resets a verification", async () => {
    const first = await importBundle(admin.client, bundle([reference()]));
    expect(first.status).toBe(200);
    expect(first.body.references).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const id = first.body.records.find((record) => record.record === "reference")!.id;

    const again = await importBundle(admin.client, bundle([reference()]));
    expect(again.body.references).toEqual({ created: 0, updated: 0, unchanged: 1 });

    const oslo = first.body.records.find((record) => record.ref === "oslo-office")!.id;
    const cityPerson = await personIn(platform, oslo, "member");
    const verified = await cityPerson.client.post<Reference>(
      `/api/v1/references/${id}/verification`,
      { decision: "verify" },
    );
    expect(verified.body).toMatchObject({
      status: "verified",
      city: { name: "Oslo", country: "NO" },
      metrics: [
        { kind: "water_saved", value: 210_000, unit: "m³/yr" },
        { kind: "custom", value: 11, unit: "bursts/yr", label: "bursts prevented" },
      ],
    });
    const exported = (await platform.client().get<{ references: unknown[] }>("/api/v1/export"))
      .body;
    expect(exported.references).toEqual([
      {
        ref: "oslo-mains",
        solution: "leaks",
        sector: "water",
        city: { organisation: "oslo-office" },
        startedOn: "2022-05-01",
        endedOn: null,
        scale: "80 km of mains",
        description: "Night listening on the **old town** mains.",
        metrics: [
          { kind: "water_saved", value: 210_000 },
          { kind: "custom", value: 11, label: "bursts prevented", unit: "bursts/yr" },
        ],
      },
    ]);

    const changed = await importBundle(
      admin.client,
      bundle([reference({ scale: "95 km of mains" })]),
    );
    expect(changed.body.references).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const after = await cityPerson.client.get<Reference>(`/api/v1/references/${id}`);
    expect(after.body).toMatchObject({ status: "pending", scale: "95 km of mains" });
  });
});
