import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "./client.ts";

/**
 * Backups that both engines read and write: every table of the application's schema as JSON
 * rows, with the migrations the database had and a checksum per table. A backup made on PGlite
 * restores into PostgreSQL and the other way round. Restoring replaces every row in one
 * transaction; a backup from a newer or older schema is refused before anything is written.
 *
 * The file is JSON lines: a header, then one line per row (`{"t": table, "r": row}`), then a
 * trailer with the tables' row counts and checksums, checked again after the rows are in.
 */

export const BACKUP_FORMAT = "csp-backup/1";

export interface TableDigest {
  table: string;
  rows: number;
  /** SHA-256 of the table's rows as canonical JSON lines, sorted: equal tables, equal sums. */
  checksum: string;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  engine: string;
  /** The hashes of the applied migrations, oldest first: the schema the rows fit. */
  migrations: string[];
}

export class BackupRefusedError extends Error {}

const FETCH_ROWS = 1_000;
const ROW_PREFIX = '{"t":';
const ROW_SEPARATOR = ',"r":';

/** Timestamps print in the session's zone: the same zone for every backup and check. */
const inUtc = (tx: Db) => tx.execute(sql`set local timezone = 'UTC'`);

/** Tables of the application's schema, by name (drizzle's own bookkeeping is elsewhere). */
async function applicationTables(db: Db): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind in ('r', 'p')
        order by c.relname`,
  );
  return rows.map((row) => row.name);
}

/** Columns a backup carries: all but the generated ones (recomputed from the others). */
async function storedColumns(db: Db, table: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select column_name as name from information_schema.columns
        where table_schema = current_schema() and table_name = ${table} and is_generated = 'NEVER'
        order by ordinal_position`,
  );
  return rows.map((row) => row.name);
}

export async function appliedMigrations(db: Db): Promise<string[]> {
  const rows = await queryRows<{ hash: string }>(
    db,
    sql`select hash from drizzle.__drizzle_migrations order by created_at, id`,
  );
  return rows.map((row) => row.hash);
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Each row of a table as canonical JSON (keys sorted by PostgreSQL's jsonb), in batches. */
async function forEachRow(
  db: Db,
  table: string,
  onBatch: (rows: string[]) => Promise<void> | void,
): Promise<void> {
  const columns = await storedColumns(db, table);
  const cursor = `backup_${createHash("sha256").update(table).digest("hex").slice(0, 16)}`;
  const selected = columns.map(quoted).join(", ");
  await db.execute(
    sql.raw(
      `declare ${cursor} no scroll cursor for select to_jsonb(r)::text as row from (select ${selected} from ${quoted(table)}) r`,
    ),
  );
  try {
    for (;;) {
      const rows = await queryRows<{ row: string }>(
        db,
        sql.raw(`fetch forward ${FETCH_ROWS} from ${cursor}`),
      );
      if (rows.length === 0) break;
      await onBatch(rows.map((row) => row.row));
    }
  } finally {
    await db.execute(sql.raw(`close ${cursor}`));
  }
}

function digestOf(table: string, rows: string[]): TableDigest {
  const hash = createHash("sha256");
  for (const row of [...rows].sort()) hash.update(row).update("\n");
  return { table, rows: rows.length, checksum: hash.digest("hex") };
}

/** The checksum of every table as the database holds it now (to compare two databases). */
export async function tableDigests(db: Db): Promise<TableDigest[]> {
  return db.transaction(async (tx) => {
    await inUtc(tx);
    return tableDigestsIn(tx, await applicationTables(tx));
  });
}

/**
 * Writes the whole database as one consistent snapshot (a repeatable-read transaction on
 * PostgreSQL; the embedded database has a single connection). `write` receives lines in order.
 */
export async function writeBackup(
  db: Db,
  engine: string,
  at: Date,
  write: (line: string) => Promise<void> | void,
): Promise<TableDigest[]> {
  return db.transaction(
    async (tx) => {
      await inUtc(tx);
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        createdAt: at.toISOString(),
        engine,
        migrations: await appliedMigrations(tx),
      };
      await write(JSON.stringify(header));
      const digests: TableDigest[] = [];
      for (const table of await applicationTables(tx)) {
        const rows: string[] = [];
        await forEachRow(tx, table, async (batch) => {
          for (const row of batch) {
            rows.push(row);
            await write(`${ROW_PREFIX}${JSON.stringify(table)}${ROW_SEPARATOR}${row}}`);
          }
        });
        digests.push(digestOf(table, rows));
      }
      await write(JSON.stringify({ end: true, tables: digests }));
      return digests;
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

interface ParsedBackup {
  header: BackupHeader;
  rowsByTable: Map<string, string[]>;
  digests: TableDigest[];
}

/** Reads and checks a backup's lines: its format, completeness and every table's checksum. */
export function parseBackup(lines: Iterable<string>): ParsedBackup {
  let header: BackupHeader | null = null;
  let digests: TableDigest[] | null = null;
  const rowsByTable = new Map<string, string[]>();
  for (const line of lines) {
    if (!line.trim()) continue;
    if (header && line.startsWith(ROW_PREFIX)) {
      // Rows are kept as the database printed them (not re-serialised: checksums and numbers
      // beyond 2^53 stay exact).
      const split = line.indexOf(ROW_SEPARATOR, ROW_PREFIX.length);
      if (split === -1 || !line.endsWith("}")) {
        throw new BackupRefusedError("The backup file is damaged: a row line is malformed.");
      }
      const table = JSON.parse(line.slice(ROW_PREFIX.length, split)) as string;
      const rows = rowsByTable.get(table) ?? [];
      rows.push(line.slice(split + ROW_SEPARATOR.length, -1));
      rowsByTable.set(table, rows);
      continue;
    }
    const parsed = JSON.parse(line) as Record<string, unknown>;
    if (!header) {
      if (parsed.format !== BACKUP_FORMAT) {
        throw new BackupRefusedError(
          `Not a backup of this platform (format ${JSON.stringify(parsed.format)}, expected ${BACKUP_FORMAT}).`,
        );
      }
      header = parsed as unknown as BackupHeader;
      continue;
    }
    if (parsed.end === true) digests = parsed.tables as TableDigest[];
  }
  if (!header) throw new BackupRefusedError("The backup file is empty.");
  if (!digests) {
    throw new BackupRefusedError("The backup file is incomplete: its closing line is missing.");
  }
  for (const expected of digests) {
    const found = digestOf(expected.table, rowsByTable.get(expected.table) ?? []);
    if (found.rows !== expected.rows || found.checksum !== expected.checksum) {
      throw new BackupRefusedError(
        `The backup file is damaged: table ${expected.table} does not match its checksum.`,
      );
    }
  }
  return { header, rowsByTable, digests };
}

/** Refuses a backup whose schema is not exactly the one this version of the platform has. */
function checkSchema(backup: BackupHeader, current: string[]): void {
  const known = new Set(current);
  const unknown = backup.migrations.filter((hash) => !known.has(hash));
  if (unknown.length > 0) {
    throw new BackupRefusedError(
      `The backup is of a newer schema: it has ${unknown.length} migration(s) this version of the platform does not know ` +
        `(${backup.migrations.length} in the backup, ${current.length} here). Restore it with the version that made it (or a later one).`,
    );
  }
  if (backup.migrations.length !== current.length) {
    throw new BackupRefusedError(
      `The backup is of an older schema (${backup.migrations.length} migrations, ${current.length} here). ` +
        "Restore it with the version that made it, then upgrade that installation.",
    );
  }
}

/**
 * Replaces every row of the database with the backup's, in one transaction: nothing changes
 * unless all of it is in and every table's checksum matches the backup's. Sequences continue
 * after the restored rows.
 */
export async function restoreBackup(db: Db, lines: Iterable<string>): Promise<TableDigest[]> {
  const backup = parseBackup(lines);
  return db.transaction(async (tx) => {
    await inUtc(tx);
    checkSchema(backup.header, await appliedMigrations(tx));
    const tables = await applicationTables(tx);
    const known = new Set(tables);
    const stray = [...backup.rowsByTable.keys()].filter((table) => !known.has(table));
    if (stray.length > 0) {
      throw new BackupRefusedError(
        `The backup has tables this database lacks: ${stray.join(", ")}.`,
      );
    }
    // Replica mode: foreign keys and the append-only guards of the audit tables do not fire
    // while the rows go back in as they were.
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql.raw(`truncate ${tables.map(quoted).join(", ")}`));
    for (const table of tables) {
      const rows = backup.rowsByTable.get(table) ?? [];
      if (rows.length === 0) continue;
      const columns = (await storedColumns(tx, table)).map(quoted).join(", ");
      for (let start = 0; start < rows.length; start += 500) {
        const batch = `[${rows.slice(start, start + 500).join(",")}]`;
        await tx.execute(
          sql`${sql.raw(`insert into ${quoted(table)} (${columns}) overriding system value select ${columns} from jsonb_populate_recordset(null::${quoted(table)}, `)}${batch}::jsonb)`,
        );
      }
    }
    await resetSequences(tx);
    const restored = await tableDigestsIn(tx, tables);
    for (const expected of backup.digests) {
      const found = restored.find((digest) => digest.table === expected.table);
      if (!found || found.checksum !== expected.checksum || found.rows !== expected.rows) {
        throw new BackupRefusedError(
          `Table ${expected.table} did not restore to the backup's checksum; nothing was changed.`,
        );
      }
    }
    return restored;
  });
}

async function tableDigestsIn(tx: Db, tables: string[]): Promise<TableDigest[]> {
  const digests: TableDigest[] = [];
  for (const table of tables) {
    const rows: string[] = [];
    await forEachRow(tx, table, (batch) => {
      rows.push(...batch);
    });
    digests.push(digestOf(table, rows));
  }
  return digests;
}

/** Every sequence owned by a column continues after the largest value restored. */
async function resetSequences(tx: Db): Promise<void> {
  const owned = await queryRows<{ sequence: string; table: string; column: string }>(
    tx,
    sql`select s.relname as sequence, t.relname as table, a.attname as column
        from pg_class s
        join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.deptype in ('a', 'i')
        join pg_class t on t.oid = d.refobjid
        join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
        join pg_namespace n on n.oid = s.relnamespace
        where s.relkind = 'S' and n.nspname = current_schema()`,
  );
  for (const { sequence, table, column } of owned) {
    await tx.execute(
      sql.raw(
        `select setval('${quoted(sequence).replaceAll("'", "''")}', coalesce((select max(${quoted(column)}) from ${quoted(table)}), 0) + 1, false)`,
      ),
    );
  }
}
