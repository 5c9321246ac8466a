/**
 * Exchange: bulk import and export of organisations and solutions, as a bundle
 * ("city-solutions-bundle/1") or a CSV of solutions (docs/import-format.md). The one module that
 * knows several others — through their index.ts only.
 */
import type { ServiceContext } from "../../core/context.ts";
import type { ModuleManifest } from "../../core/module.ts";
import { type ImportOptions, importRecords } from "./commands/import-records.ts";
import type { ImportReport } from "./contract.ts";
import { readBundle, readCsv } from "./import-file.ts";
import { exchangeRoutes } from "./routes.ts";

export { exportText } from "./commands/export-records.ts";
export type { ImportProgress } from "./commands/import-records.ts";
export type { ImportProblem, ImportReport } from "./contract.ts";

export function exchangeModule(ctx: ServiceContext): ModuleManifest {
  return {
    name: "exchange",
    routes: async (app) => {
      await app.register(exchangeRoutes, { ctx });
    },
  };
}

/**
 * The CLI's import: the file's text, as the platform (no person; platform scope). A bundle
 * when the text is a JSON object, a CSV of solutions otherwise. Throws the 422 AppError listing
 * every problem, or a SyntaxError for broken JSON.
 */
export async function importFileAsPlatform(
  ctx: ServiceContext,
  text: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const body = text.replace(/^\uFEFF/, "");
  const file = body.trimStart().startsWith("{")
    ? readBundle(JSON.parse(body), body)
    : readCsv(text);
  return importRecords(ctx, { kind: "platform", actorId: null }, file, options);
}
