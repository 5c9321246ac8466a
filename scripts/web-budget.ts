/**
 * The web app's initial JavaScript budget: builds the app (production, into a scratch folder so a
 * running server's build is left alone) and sums the gzipped size of the JavaScript a first visit
 * loads before any route-level chunk: the entry chunk, its static imports (from Vite's manifest)
 * and every script or modulepreload index.html names. Exit 1 when over the budget.
 *
 *   node bin/run-script.mjs scripts/web-budget.ts [--budget-kb 250]
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

const { values: options } = parseArgs({
  options: { "budget-kb": { type: "string", default: "250" } },
});
const budgetKb = Number(options["budget-kb"]);
const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), "csp-web-budget-"));

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

try {
  const { build } = await import("vite");
  process.env.NODE_ENV = "production";
  await build({
    configFile: join(projectRoot, "vite.config.ts"),
    mode: "production",
    logLevel: "warn",
    build: { outDir, emptyOutDir: true, manifest: "manifest.json" },
  });
  const manifest = JSON.parse(readFileSync(join(outDir, "manifest.json"), "utf8")) as Record<
    string,
    ManifestChunk
  >;
  const eager = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || eager.has(chunk.file)) return;
    eager.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  const html = readFileSync(join(outDir, "index.html"), "utf8");
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="\/?([^"]+\.js)"/g)) {
    eager.add(match[1]!);
  }
  const lazyChunks = Object.values(manifest).filter(
    (chunk) => chunk.file.endsWith(".js") && !eager.has(chunk.file),
  );

  let total = 0;
  let raw = 0;
  const lines: string[] = [];
  for (const file of [...eager].sort()) {
    const bytes = readFileSync(join(outDir, file));
    const gzipped = gzipSync(bytes, { level: 9 }).length;
    total += gzipped;
    raw += bytes.length;
    lines.push(
      `  ${file.padEnd(48)} ${(bytes.length / 1024).toFixed(1).padStart(8)} KB ${(gzipped / 1024).toFixed(1).padStart(7)} KB gzipped`,
    );
  }
  const lazyGzipped = lazyChunks.reduce(
    (sum, chunk) => sum + gzipSync(readFileSync(join(outDir, chunk.file)), { level: 9 }).length,
    0,
  );
  const verdict = total / 1024 <= budgetKb ? "within" : "OVER";
  process.stdout.write(
    [
      "Initial JavaScript (loaded eagerly by index.html):",
      ...lines,
      `  total ${(raw / 1024).toFixed(1)} KB, ${(total / 1024).toFixed(1)} KB gzipped — ${verdict} the ${budgetKb} KB budget`,
      `Loaded later, by route: ${lazyChunks.length} chunks, ${(lazyGzipped / 1024).toFixed(1)} KB gzipped`,
      "",
    ].join("\n"),
  );
  process.exitCode = verdict === "OVER" ? 1 : 0;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
