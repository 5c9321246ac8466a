import { z } from "zod";
import {
  BUNDLE_FORMAT,
  BundleChallenge,
  BundleFundingSource,
  BundleOrganisation,
  BundleReference,
  BundleSolution,
} from "./contract.ts";

/**
 * The bundle format as a JSON Schema (draft 2020-12), generated from the zod schemas the import
 * checks with, so that the two cannot drift; committed as docs/import-format.schema.json (a test
 * fails when the committed copy is stale: `node bin/run-script.mjs scripts/write-import-schema.ts` writes it). Checks the schema
 * cannot express (refs that resolve, capabilities that map, the importer's rights) are the
 * import's own; docs/import-format.md lists them.
 */
export function importFormatJsonSchema(): Record<string, unknown> {
  const bundle = z
    .strictObject({
      format: z.literal(BUNDLE_FORMAT),
      organisations: z.array(BundleOrganisation).optional(),
      solutions: z.array(BundleSolution).optional(),
      challenges: z.array(BundleChallenge).optional(),
      references: z.array(BundleReference).optional(),
      fundingSources: z.array(BundleFundingSource).optional(),
    })
    .meta({
      title: "City Solutions Platform bundle",
      description:
        "Organisations, solutions, challenges, references and funding sources to import (POST /api/v1/import, csp import) or as exported (GET /api/v1/export). See docs/import-format.md.",
    });
  const generated = z.toJSONSchema(bundle, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
  });
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://city-solutions.example/schemas/city-solutions-bundle-1.json",
    ...generated,
  };
}

export function importFormatSchemaText(): string {
  return `${JSON.stringify(importFormatJsonSchema(), null, 2)}\n`;
}
