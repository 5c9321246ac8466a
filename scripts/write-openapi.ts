import { writeFileSync } from "node:fs";
import { renderOpenApiDocument } from "./openapi-document.ts";

// Regenerates docs/openapi.json, the committed copy of the API contract.
writeFileSync("docs/openapi.json", await renderOpenApiDocument());
process.stdout.write("docs/openapi.json written.\n");
