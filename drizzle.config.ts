import { defineConfig } from "drizzle-kit";

// One migration history for every module's tables. `npm run db:generate` writes a new migration
// after a schema change; the check in `npm test` fails when one is missing.
export default defineConfig({
  dialect: "postgresql",
  schema: [
    "./src/core/*/schema.ts",
    "./src/core/http/rate-limit-schema.ts",
    "./src/modules/*/schema.ts",
    // A module with several parts may keep each part's tables in its own file.
    "./src/modules/*/schema-*.ts",
  ],
  out: process.env.DRIZZLE_OUT ?? "./migrations",
  strict: true,
});
