import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type AuditSigner, loadAuditSigner } from "../core/audit/signing-key.ts";
import type { Clock } from "../core/clock.ts";
import type { Config } from "../core/config.ts";
import { type DatabaseHandle, openDatabase } from "../core/db/client.ts";
import { ensureCapabilityTaxonomy, refreshSolutionStatistics } from "../modules/catalogue/index.ts";
import { cityIdsByName, ensureC40Cities } from "../modules/organisations/index.ts";
import { seedDemoData } from "./demo.ts";

/** Opens the configured database (taking the data-folder lock for PGlite) and migrates it. */
export async function openMigratedDatabase(
  config: Config,
  onIdleError?: (error: Error) => void,
): Promise<DatabaseHandle> {
  const database = await openDatabase(config, onIdleError);
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

export function signerFor(config: Config): AuditSigner {
  return loadAuditSigner({
    configuredKey: config.auditSigningKey,
    dataDir: config.dataDir,
    allowGenerated: !config.databaseUrl || config.demo,
  });
}

/** Reference data every installation needs, then the demo data when asked and the database is empty. */
export async function prepareData(
  database: DatabaseHandle,
  clock: Clock,
  options: { demo: boolean; publicUrl: string; force?: boolean },
): Promise<{ cities: number; demoSeeded: boolean }> {
  const cities = await ensureC40Cities(database.db, clock);
  await ensureCapabilityTaxonomy(database.db, clock);
  await refreshSolutionStatistics(database.db);
  if (!options.demo) return { cities, demoSeeded: false };
  const { seeded } = await seedDemoData(
    { db: database.db, clock, publicUrl: options.publicUrl, demo: true },
    await cityIdsByName(database.db),
    { force: options.force ?? false },
  );
  return { cities, demoSeeded: seeded };
}

/** Where a running server says it listens, so CLI commands can ask it instead of the locked folder. */
const serverFile = (dataDir: string) => join(dataDir, "csp.server.json");

export function announceServer(dataDir: string, url: string): () => void {
  writeFileSync(serverFile(dataDir), JSON.stringify({ pid: process.pid, url }));
  return () => rmSync(serverFile(dataDir), { force: true });
}

export function runningServerUrl(dataDir: string): string | null {
  if (!existsSync(serverFile(dataDir))) return null;
  try {
    const { pid, url } = JSON.parse(readFileSync(serverFile(dataDir), "utf8")) as {
      pid: number;
      url: string;
    };
    process.kill(pid, 0);
    return url;
  } catch {
    return null;
  }
}
