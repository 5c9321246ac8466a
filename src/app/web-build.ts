import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { webRoot } from "./server.ts";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const stampFile = join(webRoot, ".build-stamp");

/** The newest modification time among the files the web bundle is built from. */
function newestSourceTime(): number {
  let newest = 0;
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) {
        if (entry === "node_modules" || entry.endsWith(".test.ts")) continue;
        visit(join(path, entry));
      }
    } else if (/\.(tsx?|css|json|html|svg)$/.test(path)) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  visit(join(projectRoot, "src"));
  for (const file of ["vite.config.ts", "package-lock.json"]) {
    if (existsSync(join(projectRoot, file)))
      newest = Math.max(newest, statSync(join(projectRoot, file)).mtimeMs);
  }
  return newest;
}

export function webBuildIsCurrent(): boolean {
  if (!existsSync(join(webRoot, "index.html")) || !existsSync(stampFile)) return false;
  return Number(readFileSync(stampFile, "utf8")) >= newestSourceTime();
}

/** Builds the web app with Vite unless the last build is newer than every source file. */
export async function ensureWebBuild(log: (message: string) => void): Promise<void> {
  if (webBuildIsCurrent()) return;
  log("Building the web app (first start or sources changed)…");
  const started = Date.now();
  const sourcesTime = newestSourceTime();
  const { build } = await import("vite");
  // Vite keeps a NODE_ENV it finds set, and test runners set it to "test": the app then shipped
  // React's development build (≈190 KB gzipped instead of ≈125 KB) to whoever started it next.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      configFile: join(projectRoot, "vite.config.ts"),
      mode: "production",
      logLevel: "warn",
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  writeFileSync(stampFile, String(sourcesTime));
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
