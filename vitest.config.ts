import { defineConfig } from "vitest/config";

// One suite, run once per database engine: always on embedded PGlite, and on a real PostgreSQL
// as well when TEST_DATABASE_URL is set.
const engines = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export default defineConfig({
  test: {
    projects: engines.map((engine) => ({
      extends: true,
      test: {
        name: engine,
        env: { CSP_TEST_ENGINE: engine },
        include: ["src/**/*.test.ts"],
        globalSetup: ["src/core/testing/global-setup.ts"],
        testTimeout: 30_000,
        hookTimeout: 60_000,
      },
    })),
    pool: "forks",
    reporters: ["default", "./scripts/summary-reporter.ts"],
  },
});
