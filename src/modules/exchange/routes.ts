import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServiceContext } from "../../core/context.ts";
import { ProblemSchema, problemResponses } from "../../core/http/contract.ts";
import { exportText } from "./commands/export-records.ts";
import { importRecords } from "./commands/import-records.ts";
import { ExportQuery, ImportQuery, ImportRejection, ImportReport } from "./contract.ts";
import { exchangeErrors } from "./errors.ts";
import { type ImportFile, readBundle, readCsv } from "./import-file.ts";
import { importerFor } from "./policy.ts";

const tags = ["exchange"];

/** Imports are larger than other requests: this route alone accepts up to 20 MB. */
export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

export const exchangeRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  // Registered in this plugin only: elsewhere the API still takes JSON alone.
  app.addContentTypeParser(
    "text/csv",
    { parseAs: "string", bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  app.post(
    "/api/v1/import",
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary:
          "Import organisations and solutions, all or nothing: a bundle (application/json) or a CSV of solutions (text/csv)",
        description:
          "Platform admins import anything; a cluster's admins import their members and their members' solutions. " +
          "Every problem of the file is reported (422) and nothing is written; re-importing the same refs updates in place. " +
          "?dryRun=true checks and reports without writing. Format: docs/import-format.md. Up to 20 MB.",
        querystring: ImportQuery,
        response: {
          200: ImportReport,
          422: ImportRejection,
          413: ProblemSchema,
          415: ProblemSchema,
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const importer = await importerFor(ctx.db, request.actor, request.query.cluster);
      const type = String(request.headers["content-type"] ?? "").toLowerCase();
      let file: ImportFile;
      if (type.startsWith("text/csv") && typeof request.body === "string") {
        file = readCsv(request.body);
      } else if (type.startsWith("application/json")) {
        file = readBundle(request.body, JSON.stringify(request.body));
      } else {
        throw exchangeErrors.unsupportedFile();
      }
      return importRecords(ctx, importer, file, { dryRun: request.query.dryRun === "true" });
    },
  );

  app.get(
    "/api/v1/export",
    {
      schema: {
        tags,
        summary:
          "The public catalogue as a bundle (organisations, active solutions) or its solutions as CSV",
        description:
          "Stable refs, sorted by ref: exporting twice gives the same bytes, and the bundle imports into an empty platform as it is.",
        querystring: ExportQuery,
        response: {
          200: z.string().meta({ description: "application/json (a bundle) or text/csv" }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const format = request.query.format;
      const text = await exportText(ctx.db, format);
      if (format === "csv") {
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", 'attachment; filename="solutions.csv"')
          .send(text);
      }
      return reply
        .type("application/json; charset=utf-8")
        .header("content-disposition", 'attachment; filename="city-solutions-bundle.json"')
        .send(text);
    },
  );
};
