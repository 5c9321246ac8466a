import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuditEventRow, hashAuditEvent } from "../core/audit/chain.ts";
import { auditCheckpoints, auditEvents } from "../core/audit/schema.ts";
import { openPglite } from "../core/db/client.ts";
import { testEngine } from "../core/testing/database.ts";

const cli = fileURLToPath(new URL("../../bin/csp.mjs", import.meta.url));
const CLI_TIMEOUT = 120_000;

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI's environment: only the data folder, whatever the test runner's environment says. */
function cliEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["DATABASE_URL", "AUDIT_SIGNING_KEY", "DEMO", "PORT", "HOST", "PUBLIC_URL"]) {
    delete env[name];
  }
  return { ...env, DATA_DIR: dataDir, LOG_LEVEL: "warn", ...extra };
}

function runCli(args: string[], dataDir: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: cliEnv(dataDir),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Edits the folder's database directly, as someone with the files and the owner's rights would. */
async function tamper(
  dataDir: string,
  work: (db: Awaited<ReturnType<typeof openPglite>>["db"]) => Promise<void>,
) {
  const database = await openPglite({ dataDir });
  try {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await work(tx);
    });
  } finally {
    await database.close();
  }
}

async function readChain(dataDir: string) {
  const database = await openPglite({ dataDir });
  try {
    const rows = (await database.db
      .select()
      .from(auditEvents)
      .orderBy(asc(auditEvents.seq))) as AuditEventRow[];
    const checkpoints = await database.db.select().from(auditCheckpoints);
    return { rows, checkpoints };
  } finally {
    await database.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe.runIf(testEngine() === "pglite")("csp CLI on an embedded database folder", () => {
  const folders: string[] = [];
  let seeded: string;

  /** A copy of the seeded folder, so each test tampers with its own. */
  function copyOfSeeded(): string {
    const folder = mkdtempSync(join(tmpdir(), "csp-cli-"));
    folders.push(folder);
    cpSync(seeded, folder, { recursive: true });
    return folder;
  }

  beforeAll(async () => {
    seeded = mkdtempSync(join(tmpdir(), "csp-cli-seed-"));
    folders.push(seeded);
    const result = await runCli(["seed", "--demo"], seeded);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Demo data loaded/);
  }, CLI_TIMEOUT);
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it(
    "verifies the chain of a freshly seeded folder",
    async () => {
      const folder = copyOfSeeded();
      const { rows } = await readChain(folder);
      expect(rows.length).toBeGreaterThan(5);
      const result = await runCli(["audit", "verify"], folder);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^OK/);
      expect(result.stdout).toContain(`${rows.length} audit events`);
    },
    CLI_TIMEOUT,
  );

  it(
    "exits 2 and names the first broken sequence number after a row was edited",
    async () => {
      const folder = copyOfSeeded();
      await tamper(folder, async (db) => {
        await db
          .update(auditEvents)
          .set({ payload: { email: "someone.else@example.org" } })
          .where(eq(auditEvents.seq, 4));
      });
      const result = await runCli(["audit", "verify"], folder);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/first broken sequence number 4\b/);
      expect(result.stdout).not.toMatch(/^OK/);
    },
    CLI_TIMEOUT,
  );

  it(
    "catches a consistent rewrite with a signed checkpoint, kept inside or outside",
    async () => {
      const folder = copyOfSeeded();
      const signed = await runCli(["audit", "checkpoint"], folder);
      expect(signed.code).toBe(0);
      const { rows, checkpoints } = await readChain(folder);
      expect(signed.stdout).toContain(`sequence ${rows.length}`);
      // What an outsider kept: the JSON of GET /api/v1/audit/checkpoints.
      const keptFile = join(folder, "..", `${folder.split("/").pop()}-kept.json`);
      folders.push(keptFile);
      writeFileSync(
        keptFile,
        JSON.stringify({
          checkpoints: checkpoints.map((checkpoint) => ({
            ...checkpoint,
            signedAt: checkpoint.signedAt.toISOString(),
          })),
        }),
      );

      // Rewrite row 3 and re-hash everything after it: the chain itself is consistent again.
      await tamper(folder, async (db) => {
        let previous = rows[1]!.hash;
        for (const row of rows.slice(2)) {
          const payload = row.seq === 3 ? { email: "forged@example.org" } : row.payload;
          const hash = hashAuditEvent({ ...row, payload, prevHash: previous });
          await db
            .update(auditEvents)
            .set({ payload, prevHash: previous, hash })
            .where(eq(auditEvents.seq, row.seq));
          previous = hash;
        }
      });
      const caught = await runCli(["audit", "verify"], folder);
      expect(caught.code).toBe(2);
      expect(caught.stderr).toMatch(/first broken sequence number 1\b/);
      expect(caught.stderr).toMatch(/0 events verified before it/);

      // The attacker deletes the stored checkpoint too: only the outsider's copy shows it now.
      await tamper(folder, async (db) => {
        await db.delete(auditCheckpoints);
      });
      const unseen = await runCli(["audit", "verify"], folder);
      expect(unseen.code).toBe(0);
      const outside = await runCli(["audit", "verify", "--checkpoints", keptFile], folder);
      expect(outside.code).toBe(2);
      expect(outside.stderr).toMatch(/first broken sequence number 1\b/);
    },
    CLI_TIMEOUT,
  );

  it(
    "refuses to migrate a folder a running server holds, and verifies through that server",
    async () => {
      const folder = copyOfSeeded();
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const server: ChildProcess = spawn(process.execPath, [cli, "serve"], {
        env: cliEnv(folder, { PORT: String(port), HOST: "127.0.0.1", PUBLIC_URL: url }),
        stdio: ["ignore", "pipe", "pipe"],
      });
      let serverOutput = "";
      server.stdout!.on("data", (chunk: Buffer) => {
        serverOutput += chunk.toString();
      });
      server.stderr!.on("data", (chunk: Buffer) => {
        serverOutput += chunk.toString();
      });
      const exited = new Promise<number | null>((resolve) => server.on("exit", resolve));
      try {
        // Wait (polling, no fixed sleep) until the server answers its health check.
        let healthy = false;
        for (let tries = 0; tries < 300 && !healthy && server.exitCode === null; tries++) {
          healthy = await fetch(`${url}/healthz`)
            .then((response) => response.ok)
            .catch(() => false);
          if (!healthy) await new Promise((resolve) => setTimeout(resolve, 200));
        }
        expect(healthy, serverOutput).toBe(true);

        const migrate = await runCli(["migrate"], folder);
        expect(migrate.code).not.toBe(0);
        expect(migrate.stderr).toContain(`is in use by process ${server.pid}`);
        expect(migrate.stdout).not.toContain("Migrations applied");

        const verify = await runCli(["audit", "verify"], folder);
        expect(verify.code).toBe(0);
        expect(verify.stderr).toContain(`The server at ${url} holds the database`);
        expect(verify.stdout).toMatch(/^OK/);
      } finally {
        if (server.exitCode === null) server.kill("SIGTERM");
      }
      expect(await exited).toBe(0);
      expect(existsSync(join(folder, "csp.lock"))).toBe(false);

      const migrate = await runCli(["migrate"], folder);
      expect(migrate.code).toBe(0);
      expect(migrate.stdout).toContain("Migrations applied");
    },
    CLI_TIMEOUT,
  );
});
