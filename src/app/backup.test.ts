import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../core/audit/checkpoints.ts";
import { generateSigningKeyPem, signerFromPrivateKey } from "../core/audit/signing-key.ts";
import { ManualClock } from "../core/clock.ts";
import {
  BackupRefusedError,
  restoreBackup,
  type TableDigest,
  tableDigests,
  writeBackup,
} from "../core/db/backup.ts";
import { type DatabaseHandle, queryRows } from "../core/db/client.ts";
import { createTestDatabase } from "../core/testing/database.ts";
import { prepareData } from "./runtime.ts";

/**
 * Backup and restore on the engine under test: the demo data (every module's tables) written
 * out and restored into another database gives identical tables, checksum by checksum; a
 * backup of a newer schema, or a damaged one, is refused and changes nothing.
 */
describe("backup and restore", () => {
  const clock = new ManualClock();
  let source: DatabaseHandle;
  let target: DatabaseHandle;
  let lines: string[];
  let written: TableDigest[];

  beforeAll(async () => {
    source = await createTestDatabase();
    target = await createTestDatabase();
    await prepareData(source, clock, { demo: true, publicUrl: "http://csp.test" });
    lines = [];
    written = await writeBackup(source.db, source.engine, clock.now(), (line) => {
      lines.push(line);
    });
  }, 300_000);
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it("restores every table to the same rows, and the audit chain still verifies", async () => {
    const populated = written.filter((digest) => digest.rows > 0);
    expect(populated.length).toBeGreaterThan(20);
    expect(written.map((digest) => digest.table)).toContain("audit_events");

    const restored = await restoreBackup(target.db, lines);
    expect(restored).toEqual(written);
    // Read again on their own, both databases agree table by table.
    expect(await tableDigests(target.db)).toEqual(await tableDigests(source.db));

    const signer = signerFromPrivateKey(generateSigningKeyPem());
    const chain = await verifyAuditChain(target.db, signer);
    expect(chain.firstBreak).toBeNull();
    expect(chain.count).toBe(written.find((digest) => digest.table === "audit_events")!.rows);
  });

  it("continues every sequence after the restored rows", async () => {
    const owned = await queryRows<{ sequence: string; table: string; column: string }>(
      target.db,
      sql`select s.relname as sequence, t.relname as table, a.attname as column
          from pg_class s
          join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass
          join pg_class t on t.oid = d.refobjid
          join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
          join pg_namespace n on n.oid = s.relnamespace
          where s.relkind = 'S' and n.nspname = current_schema()`,
    );
    expect(owned.map((entry) => entry.table)).toContain("event_registrations");
    for (const { sequence, table, column } of owned) {
      const [row] = await queryRows<{ largest: number | null; next: number }>(
        target.db,
        sql.raw(
          `select (select max("${column}") from "${table}")::float8 as largest, nextval('"${sequence}"')::float8 as next`,
        ),
      );
      expect(row!.next, `${table}.${column}`).toBe((row!.largest ?? 0) + 1);
    }
  });

  it("refuses a backup of a newer schema before writing anything", async () => {
    const before = await tableDigests(target.db);
    const header = JSON.parse(lines[0]!) as { migrations: string[] };
    const newer = [
      JSON.stringify({ ...header, migrations: [...header.migrations, "f".repeat(64)] }),
      ...lines.slice(1),
    ];
    await expect(restoreBackup(target.db, newer)).rejects.toThrow(
      /newer schema: it has 1 migration\(s\) this version of the platform does not know/,
    );
    const older = [
      JSON.stringify({ ...header, migrations: header.migrations.slice(0, -1) }),
      ...lines.slice(1),
    ];
    await expect(restoreBackup(target.db, older)).rejects.toThrow(/older schema/);
    expect(await tableDigests(target.db)).toEqual(before);
  });

  it("refuses a damaged or cut-short file", async () => {
    const rowIndex = lines.findIndex((line) => line.includes('"t":"organisations"'));
    const damaged = [...lines];
    damaged[rowIndex] = damaged[rowIndex]!.replace(/"name": "[^"]*"/, '"name": "Someone else"');
    expect(damaged[rowIndex]).not.toBe(lines[rowIndex]);
    await expect(restoreBackup(target.db, damaged)).rejects.toThrow(BackupRefusedError);
    await expect(restoreBackup(target.db, damaged)).rejects.toThrow(
      /table organisations does not match its checksum/,
    );
    await expect(restoreBackup(target.db, lines.slice(0, -1))).rejects.toThrow(/incomplete/);
  });
});
