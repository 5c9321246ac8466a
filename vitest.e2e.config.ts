import { defineConfig } from "vitest/config";

// End-to-end journeys in Debian's Chromium against a real server started by the global setup.
export default defineConfig({
  test: {
    name: "e2e",
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: "forks",
    reporters: ["default", "./scripts/summary-reporter.ts"],
  },
});
