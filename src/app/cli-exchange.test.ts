import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngine } from "../core/testing/database.ts";
import { CLI_TIMEOUT, runCli, serveFolder } from "./test/cli-process.ts";

const example = (name: string) =>
  fileURLToPath(new URL(`../../docs/examples/${name}`, import.meta.url));

describe.runIf(testEngine() === "pglite")(
  "csp import and csp export on an embedded database",
  () => {
    let folder: string;

    beforeAll(() => {
      folder = mkdtempSync(join(tmpdir(), "csp-exchange-"));
    });
    afterAll(() => {
      rmSync(folder, { recursive: true, force: true });
    });

    it(
      "imports (dry run first), exports, and re-imports the export without a change",
      async () => {
        const dry = await runCli(["import", example("bundle.json"), "--dry-run"], folder);
        expect(dry.code, dry.stderr).toBe(0);
        expect(dry.stdout).toMatch(/^Dry run \(nothing written\)/);
        expect(dry.stdout).toContain("organisations: 4 created");
        expect(dry.stdout).toContain("challenges:    2 created");
        expect(dry.stderr).toContain("validated 8 record(s)");
        expect(dry.stderr).toContain("written 8/8 record(s) (100%)");

        const real = await runCli(["import", example("bundle.json")], folder);
        expect(real.code, real.stderr).toBe(0);
        expect(real.stdout).toContain("solutions:     2 created");
        const csv = await runCli(["import", example("solutions.csv")], folder);
        expect(csv.code, csv.stderr).toBe(0);
        expect(csv.stdout).toContain("solutions:     2 created");

        const out = join(folder, "export.json");
        const exported = await runCli(["export", "--out", out], folder);
        expect(exported.code, exported.stderr).toBe(0);
        const bundle = JSON.parse(readFileSync(out, "utf8"));
        expect(bundle.solutions).toHaveLength(4);
        const again = await runCli(["import", out], folder);
        expect(again.code, again.stderr).toBe(0);
        expect(again.stdout).toContain("solutions:     0 created, 0 updated, 4 unchanged");
        // The public (awarded) example challenge travels too; the draft stays home.
        expect(bundle.challenges).toHaveLength(1);
        expect(again.stdout).toContain("challenges:    0 created, 0 updated, 1 unchanged");

        const asCsv = await runCli(["export", "--format", "csv"], folder);
        expect(asCsv.stdout.split("\r\n")[0]).toBe(
          "ref,organisation,title,summary,description,sectors,capabilities,trl,countries,links",
        );
      },
      CLI_TIMEOUT,
    );

    it(
      "refuses a bad file with every problem and exit code 2, importing nothing",
      async () => {
        const bad = join(folder, "bad.csv");
        writeFileSync(
          bad,
          "ref,organisation,title,summary,sectors,trl\nx1,hydrosense,Fine title,A summary long enough.,water,12\nx2,nobody,Fine title,A summary long enough.,water,3\n",
        );
        const result = await runCli(["import", bad], folder);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain("Nothing imported: 2 problem(s).");
        expect(result.stderr).toContain("line 2, trl: must be a TRL from 1 to 9 (solution x1)");
        expect(result.stderr).toContain("line 3, organisation: nobody is no organisation");
      },
      CLI_TIMEOUT,
    );

    it(
      "with a server holding the folder: exports through it, and refuses to import without a token",
      async () => {
        const server = await serveFolder(folder);
        const { url } = server;
        try {
          expect(server.healthy, server.output()).toBe(true);
          const exported = await runCli(["export"], folder);
          expect(exported.code, exported.stderr).toBe(0);
          expect(exported.stderr).toContain(`The server at ${url} holds the database`);
          expect(JSON.parse(exported.stdout).solutions).toHaveLength(4);
          const refused = await runCli(["import", example("bundle.json")], folder);
          expect(refused.code).toBe(1);
          expect(refused.stderr).toContain(`The server at ${url} holds the database`);
          expect(refused.stderr).toContain("--token");
        } finally {
          server.stop();
        }
        expect(await server.exited).toBe(0);
      },
      CLI_TIMEOUT,
    );
  },
);
