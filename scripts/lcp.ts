/**
 * Largest Contentful Paint of the home page, a challenge page and the solution catalogue, in
 * Chromium (Debian's /usr/bin/chromium through playwright-core, a fresh profile per page so
 * nothing is cached) against a demo server (`csp serve --demo --build-web` on a fresh PGlite
 * folder). Prints figures; asserts nothing.
 *
 *   node bin/run-script.mjs scripts/lcp.ts [--runs 3]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { cli, freePort } from "../src/app/test/cli-process.ts";

const { values: options } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const runs = Number(options.runs);

const folder = mkdtempSync(join(tmpdir(), "csp-lcp-"));
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const env: NodeJS.ProcessEnv = { ...process.env };
for (const name of ["DATABASE_URL", "DEMO", "PORT", "HOST", "PUBLIC_URL"]) delete env[name];
const server = spawn(process.execPath, [cli, "serve", "--demo", "--build-web"], {
  env: {
    ...env,
    DATA_DIR: folder,
    LOG_LEVEL: "warn",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: url,
  },
  stdio: ["ignore", "inherit", "inherit"],
});

/** The last largest-contentful-paint entry once the page has settled, and what it painted. */
async function measure(path: string): Promise<{ lcp: number; element: string }> {
  const profile = mkdtempSync(join(tmpdir(), "csp-lcp-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    locale: "en-GB",
    viewport: { width: 1280, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${url}${path}`, { waitUntil: "networkidle" });
    return await page.evaluate(
      () =>
        new Promise<{ lcp: number; element: string }>((resolve) => {
          new PerformanceObserver((list) => {
            const entries = list.getEntries() as Array<PerformanceEntry & { element?: Element }>;
            const last = entries[entries.length - 1]!;
            const element = last.element;
            resolve({
              lcp: last.startTime,
              element: element
                ? `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(" ")[0]}` : ""}`
                : "?",
            });
          }).observe({ type: "largest-contentful-paint", buffered: true });
        }),
    );
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

try {
  for (let tries = 0; tries < 1_200; tries++) {
    const healthy = await fetch(`${url}/healthz`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) break;
    if (server.exitCode !== null) throw new Error("the demo server stopped");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const { challenges } = (await (await fetch(`${url}/api/v1/challenges`)).json()) as {
    challenges: Array<{ id: string }>;
  };
  const pages = [
    { label: "home", path: "/" },
    { label: "challenge page", path: `/challenges/${challenges[0]!.id}` },
    { label: "solution catalogue", path: "/solutions" },
  ];
  // One unmeasured visit warms the server's caches and the OS page cache, not the browser's.
  await measure("/");
  const lines = [
    `LCP in Chromium, fresh profile per visit, 1280×900, ${runs} runs, ${new Date().toISOString()}`,
    "",
    "| page | median ms | min ms | max ms | element | load avg |",
    "|---|---:|---:|---:|---|---|",
  ];
  for (const { label, path } of pages) {
    const results = [];
    for (let run = 0; run < runs; run++) results.push(await measure(path));
    const figures = results.map((result) => result.lcp).sort((a, b) => a - b);
    lines.push(
      `| ${label} | ${Math.round(figures[Math.floor(figures.length / 2)]!)} | ${Math.round(figures[0]!)} | ${Math.round(figures[figures.length - 1]!)} | ${results[0]!.element} | ${loadavg()
        .map((value) => value.toFixed(2))
        .join(" ")} |`,
    );
  }
  process.stdout.write(`${lines.join("\n")}\n`);
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  rmSync(folder, { recursive: true, force: true });
}
