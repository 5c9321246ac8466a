import { defineConfig } from "vitest/config";

// End-to-end journeys in Debian's Chromium against a real server started by the global setup.
export default defineConfig({
  test: {
    name: "e2e",
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // A page waits on a real server that may be busy (a job running on the embedded database,
    // a loaded CI machine): a poll gives it 10 s, not vitest's 1 s, before failing.
    expect: { poll: { timeout: 10_000 } },
    fileParallelism: false,
    pool: "forks",
    reporters: ["default", "./scripts/summary-reporter.ts"],
  },
});
