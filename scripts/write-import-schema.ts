import { writeFileSync } from "node:fs";
import { importFormatSchemaText } from "../src/modules/exchange/json-schema.ts";

// Regenerates docs/import-format.schema.json, the JSON Schema of the import bundle format.
writeFileSync("docs/import-format.schema.json", importFormatSchemaText());
process.stdout.write(
  "docs/import-format.schema.json written (run `npx biome format --write` on it before committing).\n",
);
