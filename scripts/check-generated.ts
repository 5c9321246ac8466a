import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { renderOpenApiDocument } from "./openapi-document.ts";

/**
 * Fails when a committed generated file is stale: the OpenAPI document, or the migrations
 * (drizzle-kit would write a new migration for the current schema).
 */
const problems: string[] = [];

const openapi = await renderOpenApiDocument();
if (!existsSync("docs/openapi.json") || readFileSync("docs/openapi.json", "utf8") !== openapi) {
  problems.push("docs/openapi.json is stale: run `npm run openapi` and commit it.");
}

// drizzle-kit wants an output folder relative to the project, and exits 0 even when it fails,
// so the scratch copy lives under .tmp/ and its output is read as well.
mkdirSync(".tmp", { recursive: true });
const scratch = mkdtempSync(join(".tmp", "migrations-check-"));
try {
  execFileSync("cp", ["-r", "migrations/.", scratch]);
  const before = new Set(readdirSync(scratch));
  const output = execFileSync("npx", ["drizzle-kit", "generate", "--name", "check"], {
    env: { ...process.env, DRIZZLE_OUT: `./${scratch}` },
    stdio: "pipe",
    encoding: "utf8",
  });
  const added = readdirSync(scratch).filter((file) => !before.has(file));
  if (!added.length && !/No schema changes/i.test(output)) {
    problems.push(`could not check the migrations; drizzle-kit said:\n${output}`);
  } else if (added.length > 0) {
    problems.push(
      `migrations are stale (${added.join(", ")}): run \`npm run db:generate\` and commit the new migration.`,
    );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (problems.length) {
  process.stderr.write(`${problems.join("\n")}\n`);
  process.exit(1);
}
process.stdout.write("Generated files are up to date (OpenAPI document, migrations).\n");
