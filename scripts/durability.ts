/**
 * Durability under SIGKILL: starts the real server (`csp serve`), has several writers create
 * organisations through the API with a demo account's personal API token, kills the server with
 * SIGKILL at a random moment, restarts it and checks that every write it acknowledged (2xx) is
 * still there with its audit event, and that the audit chain verifies. Repeats N rounds.
 *
 *   node bin/run-script.mjs scripts/durability.ts [--engine pglite|postgres] [--rounds N]
 *
 * PostgreSQL: a throwaway database on DURABILITY_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres), created and dropped. Exit 1 on any loss.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";
import { DEMO_PASSWORD } from "../src/app/demo.ts";
import { openMigratedDatabase } from "../src/app/runtime.ts";
import { cli, freePort } from "../src/app/test/cli-process.ts";
import { generateSigningKeyPem } from "../src/core/audit/signing-key.ts";
import { loadConfig } from "../src/core/config.ts";
import { queryRows } from "../src/core/db/client.ts";

const { values: options } = parseArgs({
  options: {
    engine: { type: "string", default: "pglite" },
    rounds: { type: "string", default: "10" },
    writers: { type: "string", default: "8" },
  },
});
const engine = options.engine === "postgres" ? "postgres" : "pglite";
const rounds = Number(options.rounds);
const writers = Number(options.writers);
const WRITER_EMAIL = "founder@demo.city-solutions.org";

/** The database the server uses: a fresh data folder or a throwaway PostgreSQL database. */
async function scratchDatabase(): Promise<{
  env: Record<string, string>;
  drop: () => Promise<void>;
}> {
  const folder = mkdtempSync(join(tmpdir(), "csp-durability-"));
  if (engine === "pglite") {
    return { env: { DATA_DIR: folder }, drop: async () => rmSync(folder, { recursive: true }) };
  }
  const adminUrl =
    process.env.DURABILITY_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `csp_durability_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    // PostgreSQL outside demo mode needs a configured signing key; a throwaway one here.
    env: {
      DATA_DIR: folder,
      DATABASE_URL: url.toString(),
      AUDIT_SIGNING_KEY: generateSigningKeyPem(),
    },
    drop: async () => {
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
      rmSync(folder, { recursive: true });
    },
  };
}

function environment(database: Record<string, string>, extra: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["DATABASE_URL", "DATA_DIR", "DEMO", "PORT", "HOST", "PUBLIC_URL"]) {
    delete env[name];
  }
  return { ...env, LOG_LEVEL: "warn", ...database, ...extra };
}

function runCsp(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

interface Server {
  url: string;
  process: ChildProcess;
  output: () => string;
}

async function startServer(database: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [cli, "serve"], {
    env: environment(database, { PORT: String(port), HOST: "127.0.0.1", PUBLIC_URL: url }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  for (let tries = 0; tries < 600 && child.exitCode === null; tries++) {
    const healthy = await fetch(`${url}/healthz`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) return { url, process: child, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`the server did not become healthy:\n${output}`);
}

function killHard(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (server.process.exitCode !== null || server.process.signalCode !== null) return resolve();
    server.process.once("exit", () => resolve());
    server.process.kill("SIGKILL");
  });
}

/** Signs in once (sign-in is rate-limited) and makes a personal API token for the writers. */
async function apiToken(url: string): Promise<string> {
  const signIn = await fetch(`${url}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: WRITER_EMAIL, password: DEMO_PASSWORD }),
  });
  if (!signIn.ok) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  const session = (await (
    await fetch(`${url}/api/v1/session`, { headers: { cookie } })
  ).json()) as {
    csrfToken: string;
  };
  const created = await fetch(`${url}/api/v1/me/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, "x-csrf-token": session.csrfToken },
    body: JSON.stringify({ name: "durability writers" }),
  });
  if (created.status !== 201) throw new Error(`token: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { token: string }).token;
}

const acknowledged: string[] = [];
let attempted = 0;
let refusedOrFailed = 0;

/** Creates organisations one after another until the server goes away. */
async function writer(url: string, token: string, name: string, stop: { dead: boolean }) {
  for (let index = 0; !stop.dead; index++) {
    attempted++;
    try {
      const response = await fetch(`${url}/api/v1/organisations`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({
          name: `Durability ${name} ${index} ${randomBytes(3).toString("hex")}`,
          kind: "company",
          country: "DK",
        }),
      });
      if (response.status === 201)
        acknowledged.push(((await response.json()) as { id: string }).id);
      else {
        refusedOrFailed++;
        await response.body?.cancel();
      }
    } catch {
      // The connection dropped with the server: this write was never acknowledged.
      refusedOrFailed++;
      return;
    }
  }
}

async function missingAfterRestart(url: string, ids: string[]): Promise<string[]> {
  const missing: string[] = [];
  for (let start = 0; start < ids.length; start += 20) {
    const batch = ids.slice(start, start + 20);
    const found = await Promise.all(
      batch.map((id) =>
        fetch(`${url}/api/v1/organisations/${id}`).then((response) => response.status),
      ),
    );
    found.forEach((status, index) => {
      if (status !== 200) missing.push(batch[index]!);
    });
  }
  return missing;
}

const started = Date.now();
const database = await scratchDatabase();
// Dropped even when a round fails, so no throwaway database is left behind.
let server: Server | undefined;
try {
  const seeded = await runCsp(["seed", "--demo"], environment(database.env));
  if (seeded.code !== 0) throw new Error(`csp seed --demo failed:\n${seeded.output}`);

  server = await startServer(database.env);
  const token = await apiToken(server.url);
  const lostPerRound: number[] = [];
  let chainFailures = 0;
  let restarts = 0;
  let restartMs = 0;

  for (let round = 1; round <= rounds; round++) {
    const stop = { dead: false };
    const before = acknowledged.length;
    const running: Server = server;
    const load = Promise.all(
      Array.from({ length: writers }, (_, index) => writer(running.url, token, `w${index}`, stop)),
    );
    // A random moment: 0.3 s to 2.5 s into the load, so kills land mid-transaction and mid-commit.
    await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 2_200));
    stop.dead = true;
    await killHard(running);
    await load;
    const restartAt = Date.now();
    server = await startServer(database.env);
    restarts++;
    restartMs += Date.now() - restartAt;
    const missing = await missingAfterRestart(server.url, acknowledged);
    lostPerRound.push(missing.length);
    const verification = (await (
      await fetch(`${server.url}/api/v1/audit/verification`)
    ).json()) as {
      ok: boolean;
      count: number;
    };
    if (!verification.ok) chainFailures++;
    process.stdout.write(
      `round ${round}: ${acknowledged.length - before} writes acknowledged, ${missing.length} of ${acknowledged.length} missing after restart, chain ${verification.ok ? "OK" : "BROKEN"} (${verification.count} events)\n`,
    );
  }

  // Stopped gracefully for the final checks: every acknowledged organisation has its audit event,
  // and the CLI verifies the chain against the database itself.
  const last: Server = server;
  last.process.kill("SIGTERM");
  await new Promise((resolve) => last.process.once("exit", resolve));
  const config = loadConfig(environment(database.env));
  const handle = await openMigratedDatabase(config);
  const audited = new Set(
    (
      await queryRows<{ subject_id: string }>(
        handle.db,
        sql`select subject_id from audit_events where action = 'organisation.created'`,
      )
    ).map((row) => row.subject_id),
  );
  const stored = new Set(
    (await queryRows<{ id: string }>(handle.db, sql`select id from organisations`)).map(
      (row) => row.id,
    ),
  );
  await handle.close();
  const lost = acknowledged.filter((id) => !stored.has(id)).length;
  const unaudited = acknowledged.filter((id) => !audited.has(id)).length;
  const verify = await runCsp(["audit", "verify"], environment(database.env));

  const chainOk = chainFailures === 0 && verify.code === 0;
  process.stdout.write(
    [
      "",
      `engine                  ${engine}`,
      `rounds (SIGKILL)        ${rounds}`,
      `writers                 ${writers}`,
      `writes attempted        ${attempted}`,
      `writes acknowledged     ${acknowledged.length}`,
      `writes found            ${acknowledged.length - lost}`,
      `lost                    ${lost}   (missing right after a restart, summed over rounds: ${lostPerRound.reduce((a, b) => a + b, 0)})`,
      `without audit event     ${unaudited}`,
      `unacknowledged          ${refusedOrFailed}   (cut by the kill; may or may not be stored)`,
      `audit chain             ${chainOk ? "OK" : "BROKEN"} (${verify.output.trim()})`,
      `mean restart to healthy ${Math.round(restartMs / Math.max(restarts, 1))} ms`,
      `duration                ${Math.round((Date.now() - started) / 1000)} s`,
      "",
    ].join("\n"),
  );
  process.exitCode = lost === 0 && unaudited === 0 && chainOk ? 0 : 1;
} finally {
  if (server && server.process.exitCode === null && server.process.signalCode === null)
    server.process.kill("SIGKILL");
  await database.drop();
}
