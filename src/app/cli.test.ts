import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuditEventRow, hashAuditEvent } from "../core/audit/chain.ts";
import { auditCheckpoints, auditEvents } from "../core/audit/schema.ts";
import { openPglite } from "../core/db/client.ts";
import { testEngine } from "../core/testing/database.ts";
import { CLI_TIMEOUT, runCli, serveFolder } from "./test/cli-process.ts";

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
      const server = await serveFolder(folder);
      const { url } = server;
      try {
        expect(server.healthy, server.output()).toBe(true);

        const migrate = await runCli(["migrate"], folder);
        expect(migrate.code).not.toBe(0);
        expect(migrate.stderr).toContain(`is in use by process ${server.process.pid}`);
        expect(migrate.stdout).not.toContain("Migrations applied");

        const verify = await runCli(["audit", "verify"], folder);
        expect(verify.code).toBe(0);
        expect(verify.stderr).toContain(`The server at ${url} holds the database`);
        expect(verify.stdout).toMatch(/^OK/);
      } finally {
        server.stop();
      }
      expect(await server.exited).toBe(0);
      expect(existsSync(join(folder, "csp.lock"))).toBe(false);

      const migrate = await runCli(["migrate"], folder);
      expect(migrate.code).toBe(0);
      expect(migrate.stdout).toContain("Migrations applied");
    },
    CLI_TIMEOUT,
  );

  it(
    "on SIGTERM answers new requests 503, lets the one in flight finish, and exits 0 within 10 s",
    async () => {
      const folder = copyOfSeeded();
      const server = await serveFolder(folder);
      expect(server.healthy, server.output()).toBe(true);
      try {
        // A sign-in whose body is still arriving: in flight when the signal comes.
        const body = JSON.stringify({ email: "nobody@example.org", password: "not the password" });
        const inFlight = httpRequest(`${server.url}/api/v1/session`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
          },
        });
        const answered = new Promise<number>((resolve, reject) => {
          inFlight.on("response", (response) => {
            response.resume();
            response.on("end", () => resolve(response.statusCode ?? 0));
          });
          inFlight.on("error", reject);
        });
        inFlight.write(body.slice(0, 10));
        // The server has the request once its headers are in: a later request on another
        // connection is answered after it, so one answered means the first was seen.
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

        const signalled = Date.now();
        server.process.kill("SIGTERM");
        let refused: Response | null = null;
        while (Date.now() - signalled < 5_000) {
          const response = await fetch(`${server.url}/api/v1/challenges`);
          if (response.status === 503) {
            refused = response;
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(refused, "a new request during shutdown").not.toBeNull();
        expect(refused!.headers.get("content-type")).toContain("application/problem+json");
        expect(refused!.headers.get("retry-after")).toBe("5");
        expect(((await refused!.json()) as { code: string }).code).toBe("shutting_down");

        inFlight.end(body.slice(10));
        expect(await answered).toBe(401);
        expect(await server.exited).toBe(0);
        expect(Date.now() - signalled).toBeLessThan(10_000);
        expect(existsSync(join(folder, "csp.lock"))).toBe(false);
      } finally {
        server.stop();
      }
    },
    CLI_TIMEOUT,
  );

  it(
    "backs a folder up and restores it into another, refusing a newer schema and a folder in use",
    async () => {
      const folder = copyOfSeeded();
      const file = join(folder, "..", `${folder.split("/").pop()}-backup.jsonl.gz`);
      const backup = await runCli(["backup", file], folder);
      expect(backup.stderr).toBe("");
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(/^Backup written to .*: \d+ tables, \d+ rows\./);

      const restoredFolder = mkdtempSync(join(tmpdir(), "csp-cli-restored-"));
      folders.push(restoredFolder);
      const restore = await runCli(["restore", file], restoredFolder);
      expect(restore.stderr).toBe("");
      expect(restore.code).toBe(0);
      expect(restore.stdout).toContain("every table matches the backup's checksum");
      const verify = await runCli(["audit", "verify"], restoredFolder);
      expect(verify.stdout).toMatch(/^OK: [1-9]\d* audit events/);

      const lines = gunzipSync(readFileSync(file)).toString("utf8").split("\n");
      const header = JSON.parse(lines[0]!) as { migrations: string[] };
      lines[0] = JSON.stringify({ ...header, migrations: [...header.migrations, "0".repeat(64)] });
      const newer = join(folder, "..", `${folder.split("/").pop()}-newer.jsonl`);
      writeFileSync(newer, lines.join("\n"));
      const refused = await runCli(["restore", newer], restoredFolder);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^Restore refused: The backup is of a newer schema/);

      const server = await serveFolder(restoredFolder);
      try {
        expect(server.healthy, server.output()).toBe(true);
        const busy = await runCli(["restore", file], restoredFolder);
        expect(busy.code).not.toBe(0);
        expect(busy.stderr).toContain(`is in use by process ${server.process.pid}`);
      } finally {
        server.stop();
      }
      expect(await server.exited).toBe(0);
    },
    CLI_TIMEOUT,
  );
});
