import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { systemClock } from "../core/clock.ts";
import type { Config } from "../core/config.ts";
import { BackupRefusedError, restoreBackup, writeBackup } from "../core/db/backup.ts";
import { openMigratedDatabase } from "./runtime.ts";

/** `csp backup FILE` and `csp restore FILE`: the whole database, either engine (docs/quality.md). */

const gzipped = (file: string) => file.endsWith(".gz");

export async function backupCommand(settings: Config, file: string): Promise<string> {
  const database = await openMigratedDatabase(settings);
  try {
    const lines: string[] = [];
    const digests = await writeBackup(database.db, database.engine, systemClock.now(), (line) => {
      lines.push(line);
    });
    const text = `${lines.join("\n")}\n`;
    // Written beside the target and renamed: a backup cut short never replaces a good one.
    const partial = `${file}.partial`;
    writeFileSync(partial, gzipped(file) ? gzipSync(text) : text);
    renameSync(partial, file);
    const rows = digests.reduce((sum, digest) => sum + digest.rows, 0);
    return `Backup written to ${file}: ${digests.length} tables, ${rows} rows.`;
  } finally {
    await database.close();
  }
}

export async function restoreCommand(
  settings: Config,
  file: string,
  fail: (message: string) => never,
): Promise<string> {
  const raw = readFileSync(file);
  const text = (gzipped(file) ? gunzipSync(raw) : raw).toString("utf8");
  const database = await openMigratedDatabase(settings);
  try {
    const digests = await restoreBackup(database.db, text.split("\n"));
    const rows = digests.reduce((sum, digest) => sum + digest.rows, 0);
    return `Restored from ${file}: ${digests.length} tables, ${rows} rows; every table matches the backup's checksum.`;
  } catch (error) {
    if (error instanceof BackupRefusedError) fail(`Restore refused: ${error.message}`);
    throw error;
  } finally {
    await database.close();
  }
}
