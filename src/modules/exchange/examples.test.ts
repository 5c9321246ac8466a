import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { importFormatSchemaText } from "./json-schema.ts";
import {
  createTestPlatform,
  importBundle,
  importCsv,
  type Person,
  platformAdmin,
  type TestPlatform,
} from "./test/factories.ts";

const docs = (path: string) => fileURLToPath(new URL(`../../../docs/${path}`, import.meta.url));
const read = (path: string) => readFileSync(docs(path), "utf8");

describe("docs/import-format: the schema and the examples", () => {
  let platform: TestPlatform;
  let admin: Person;
  const schema = JSON.parse(read("import-format.schema.json")) as Record<string, unknown>;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
  const validate = ajv.compile(schema);

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

  it("the committed JSON Schema is the one the import's schemas generate", () => {
    // Compared as JSON: Biome formats the committed file its own way.
    expect(schema).toEqual(JSON.parse(importFormatSchemaText()));
  });

  it("the example bundle is valid against the JSON Schema, and a broken one is not", () => {
    const bundle = JSON.parse(read("examples/bundle.json"));
    expect(validate(bundle), JSON.stringify(validate.errors)).toBe(true);
    const broken = structuredClone(bundle);
    broken.solutions[0].trl = 12;
    broken.organisations[0].colour = "blue";
    broken.challenges[0].status = "approved";
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath)).toEqual(
      expect.arrayContaining(["/solutions/0/trl", "/organisations/0", "/challenges/0/status"]),
    );
  });

  it("the example bundle imports, then the example CSV adds solutions to its organisations", async () => {
    const bundle = await importBundle(admin.client, JSON.parse(read("examples/bundle.json")));
    expect(bundle.body.errors ?? []).toEqual([]);
    expect(bundle.status).toBe(200);
    expect(bundle.body.organisations.created).toBe(4);
    expect(bundle.body.solutions.created).toBe(2);
    expect(bundle.body.challenges.created).toBe(2);
    expect(bundle.body.warnings).toEqual([]);
    const csv = await importCsv(admin.client, read("examples/solutions.csv"));
    expect(csv.status).toBe(200);
    expect(csv.body.solutions.created).toBe(2);
    expect(csv.body.warnings).toEqual([]);
  });

  it("an export validates against the JSON Schema", async () => {
    const exported = JSON.parse((await platform.client().get("/api/v1/export")).raw.body);
    expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
    // The awarded example challenge is public; the draft is not exported.
    expect(exported.challenges.map((challenge: { ref: string }) => challenge.ref)).toEqual([
      "cph-leak-pilot-2024",
    ]);
  });
});
