import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { scanAuditChain } from "../../core/audit/chain.ts";
import { queryRows } from "../../core/db/client.ts";
import {
  bundleOf,
  createTestPlatform,
  importBundle,
  importCsv,
  type Person,
  platformAdmin,
  rowCounts,
  solutionRecord,
  type TestPlatform,
} from "./test/factories.ts";

describe("import: bundles written all or nothing, refs updated in place", () => {
  let platform: TestPlatform;
  let admin: Person;

  beforeAll(async () => {
    platform = await createTestPlatform();
    admin = await platformAdmin(platform);
  });
  afterAll(async () => {
    await platform.close();
  });
  afterEach(() => {
    expect(platform.serverErrors).toEqual([]);
  });

  const bundle = bundleOf({
    organisations: [
      { ref: "cluster-a", name: "Aarhus Water Cluster", kind: "cluster", country: "DK" },
      {
        ref: "acme",
        name: "Acme Sensors",
        kind: "company",
        country: "dk",
        website: "https://acme.example",
        clusters: ["cluster-a"],
      },
      {
        ref: "cph",
        name: "City of Copenhagen Climate Office",
        kind: "city",
        country: "DK",
        city: "Copenhagen",
      },
    ],
    solutions: [
      solutionRecord("s1", "acme"),
      solutionRecord("s2", "acme", {
        capabilities: ["Pluvial flooding", "sensor fairy dust"],
        sectors: ["water", "adaptation"],
      }),
    ],
  });

  it("creates the organisations, the affiliation and the solutions, with one summary event", async () => {
    const before = await rowCounts(platform);
    const response = await importBundle(admin.client, bundle);
    expect(response.status).toBe(200);
    expect(response.body.organisations).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(response.body.solutions).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(response.body.affiliations).toEqual({ created: 1 });
    expect(response.body.scope).toBe("platform");
    expect(response.body.warnings).toEqual([
      expect.objectContaining({
        field: "solutions[1].capabilities[1]",
        record: "solution",
        ref: "s2",
      }),
    ]);
    const after = await rowCounts(platform);
    expect(after.organisations - before.organisations).toBe(3);
    expect(after.solutions - before.solutions).toBe(2);
    expect(after.refs - before.refs).toBe(5);
    // The records' own events and one summary, chained like any other.
    const actions = (
      await queryRows<{ action: string }>(
        platform.database.db,
        sql`select action from audit_events where seq > ${before.auditEvents} order by seq`,
      )
    ).map((row) => row.action);
    expect(actions.filter((action) => action === "import.completed")).toHaveLength(1);
    expect(actions.filter((action) => action === "solution.created")).toHaveLength(2);
    expect(actions.filter((action) => action === "organisation.created")).toHaveLength(3);
    expect((await scanAuditChain(platform.database.db)).firstBreak).toBeNull();
    const search = await platform
      .client()
      .get<{ solutions: Array<{ title: string; capabilities: Array<{ code: string }> }> }>(
        "/api/v1/solutions?q=Leak%20sensors%20s2",
      );
    expect(search.body.solutions[0]?.capabilities.map((capability) => capability.code)).toContain(
      "adaptation.stormwater",
    );
  });

  it("importing the same file again changes nothing", async () => {
    const before = await rowCounts(platform);
    const response = await importBundle(admin.client, bundle);
    expect(response.status).toBe(200);
    expect(response.body.organisations).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(response.body.solutions).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(response.body.affiliations).toEqual({ created: 0 });
    expect(await rowCounts(platform)).toEqual(before);
  });

  it("a changed record is updated in place as a new version", async () => {
    const changed = structuredClone(bundle);
    (changed.solutions[0] as { trl: number }).trl = 8;
    const before = await rowCounts(platform);
    const response = await importBundle(admin.client, changed);
    expect(response.body.solutions).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const after = await rowCounts(platform);
    expect(after.solutions).toBe(before.solutions);
    expect(after.versions).toBe(before.versions + 1);
    // The record's own event and the import's summary.
    expect(after.auditEvents).toBe(before.auditEvents + 2);
  });

  it("a dry run reports what would happen and writes nothing", async () => {
    const before = await rowCounts(platform);
    const response = await importBundle(
      admin.client,
      bundleOf({ solutions: [solutionRecord("s9", "acme")] }),
      "?dryRun=true",
    );
    expect(response.status).toBe(200);
    expect(response.body.dryRun).toBe(true);
    expect(response.body.solutions.created).toBe(1);
    expect(await rowCounts(platform)).toEqual(before);
  });

  it("refuses a file with problems, lists every one with its place, and writes nothing", async () => {
    const before = await rowCounts(platform);
    const response = await importBundle(
      admin.client,
      bundleOf({
        organisations: [
          { ref: "dup", name: "Duplicate One", kind: "company", country: "FR" },
          { ref: "dup", name: "Duplicate Two", kind: "company", country: "FR" },
          { ref: "bad-city", name: "Nowhere City", kind: "city", country: "FR", city: "Atlantis" },
          { ref: "odd", name: "X", kind: "alien", country: "France", extra: 1 },
          { ref: "joins-city", name: "Joiner", kind: "company", country: "FR", clusters: ["cph"] },
        ],
        solutions: [
          solutionRecord("ok", "dup"),
          solutionRecord("no-org", "nobody-here"),
          solutionRecord("city-provider", "cph"),
          solutionRecord("bad-fields", "acme", { trl: 12, sectors: [], title: "ab" }),
          solutionRecord("bad-code", "acme", { capabilities: ["water.no-such-thing"] }),
          {
            ref: "s1",
            organisation: "dup",
            title: "Moved",
            summary: "Moving a solution elsewhere.",
            sectors: ["water"],
            trl: 5,
          },
        ],
      }),
    );
    expect(response.status).toBe(422);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.body.code).toBe("import_invalid");
    const where = response.body.errors!.map((problem) => `${problem.field}: ${problem.message}`);
    expect(where).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^organisations\[1\]\.ref: repeats the ref of record 0/),
        expect.stringMatching(/^organisations\[2\]\.city: Atlantis is not a C40 city/),
        expect.stringMatching(/^organisations\[3\]\.name: /),
        expect.stringMatching(/^organisations\[3\]\.kind: /),
        expect.stringMatching(/^organisations\[3\]\.country: /),
        "organisations[3].extra: is not a known field",
        expect.stringMatching(
          /^organisations\[4\]\.clusters\[0\]: a company organisation cannot join/,
        ),
        expect.stringMatching(/^solutions\[1\]\.organisation: nobody-here is no organisation/),
        expect.stringMatching(/^solutions\[2\]\.organisation: .* is a city organisation/),
        expect.stringMatching(/^solutions\[3\]\.trl: /),
        expect.stringMatching(/^solutions\[3\]\.sectors: /),
        expect.stringMatching(/^solutions\[3\]\.title: /),
        "solutions[4].capabilities[0]: water.no-such-thing is not a capability code",
        "solutions[5].organisation: cannot change: the solution belongs to another organisation",
      ]),
    );
    expect(
      response.body.errors!.find((problem) => problem.field === "solutions[1].organisation"),
    ).toMatchObject({
      record: "solution",
      ref: "no-org",
      line: null,
    });
    expect(await rowCounts(platform)).toEqual(before);
  });

  it("refuses what is not a bundle, naming the field", async () => {
    const wrongFormat = await importBundle(admin.client, { format: "something/2", solutions: [] });
    expect(wrongFormat.status).toBe(422);
    expect(wrongFormat.body.errors?.[0]).toMatchObject({ field: "format", record: "file" });
    const notJson = await admin.client.request("POST", "/api/v1/import", {
      rawBody: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(notJson.status).toBe(400);
    const wrongType = await admin.client.request("POST", "/api/v1/import", {
      rawBody: "<xml/>",
      headers: { "content-type": "application/xml" },
    });
    expect(wrongType.status).toBe(415);
  });

  it("imports a CSV of solutions for existing organisations, by ref or address", async () => {
    const text = [
      "\uFEFFref;organisation;title;summary;description;sectors;capabilities;trl;countries;links",
      'c1;acme;"Heat pumps; district scale";"Large heat pumps for heat networks, ""proven"" twice.";"Line one',
      'line two";"energy;buildings";"district heating";8;"DK;SE";https://acme.example/heat',
      "c2;acme-sensors;Smart meters for water;Meters that report leaks every hour.;;water;;6;;",
    ].join("\r\n");
    const response = await importCsv(admin.client, text);
    expect(response.status).toBe(200);
    expect(response.body.format).toBe("csv");
    expect(response.body.solutions.created).toBe(2);
    const again = await importCsv(admin.client, text);
    expect(again.body.solutions).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });

  it("reports CSV problems by line and column", async () => {
    const before = await rowCounts(platform);
    const text = [
      "ref,organisation,title,summary,sectors,trl",
      "r1,acme,Fine title,A summary long enough to pass.,water,5",
      "r2,acme,Fine title two,A summary long enough to pass.,water;oceans,eleven",
      "r3,acme,Too few fields",
    ].join("\n");
    const response = await importCsv(admin.client, text);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 3, field: "sectors", ref: "r2" }),
        expect.objectContaining({ line: 3, field: "trl", ref: "r2" }),
        expect.objectContaining({ line: 4, field: "row", record: "file" }),
      ]),
    );
    const broken = await importCsv(
      admin.client,
      'ref,organisation,title,summary,sectors,trl\nr1,acme,"never closed,x,water,5\n',
    );
    expect(broken.status).toBe(422);
    expect(broken.body.errors?.[0]).toMatchObject({ line: 2, record: "file" });
    const latin1 = await admin.client.request("POST", "/api/v1/import", {
      rawBody: Buffer.concat([
        Buffer.from("ref,organisation,title,summary,sectors,trl\nr1,acme,Caf"),
        Buffer.from([0xe9]),
        Buffer.from(",A summary long enough to pass.,water,5\n"),
      ]),
      headers: { "content-type": "text/csv" },
    });
    expect((latin1.body as { errors: unknown[] }).errors[0]).toMatchObject({
      line: 2,
      record: "file",
    });
    const badHeader = await importCsv(admin.client, "ref,title,colour\nr1,x,blue\n");
    expect(badHeader.body.errors?.map((problem) => problem.field)).toEqual(
      expect.arrayContaining(["colour", "organisation", "summary", "sectors", "trl"]),
    );
    expect(await rowCounts(platform)).toEqual(before);
  });

  it("two imports of the same new refs at once make the records once", async () => {
    const file = bundleOf({
      solutions: [solutionRecord("race-1", "acme"), solutionRecord("race-2", "acme")],
    });
    const before = await rowCounts(platform);
    const [first, second] = await Promise.all([
      importBundle(admin.client, file),
      importBundle(admin.client, file),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.body.solutions.created + second.body.solutions.created).toBe(2);
    expect((await rowCounts(platform)).solutions).toBe(before.solutions + 2);
  });

  it("accepts a file larger than the API's default body limit (1 MB)", async () => {
    const header = "ref,organisation,title,summary,description,sectors,trl";
    const rows = Array.from(
      { length: 1_500 },
      (_, index) =>
        `big-${index},acme,Big file solution ${index},A summary long enough to pass the check.,"${"Long description. ".repeat(45)}",energy,5`,
    );
    const text = [header, ...rows].join("\r\n");
    expect(text.length).toBeGreaterThan(1_048_576);
    const response = await importCsv(admin.client, text);
    expect(response.status).toBe(200);
    expect(response.body.solutions.created).toBe(1_500);
  });
});
