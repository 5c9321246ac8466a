import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type DatabaseHandle, openPglite, openPostgres } from "../db/client.ts";
import { testDatabasePrefix } from "./global-setup.ts";

/** Which engine this run of the suite uses: the same tests run on PGlite and on PostgreSQL. */
export function testEngine(): "pglite" | "postgres" {
  return inject("testEngine");
}

/**
 * A fresh, migrated database for one test file: a copy of the run's template, so every file
 * starts empty and no file sees another's rows. Close it in afterAll.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  if (testEngine() === "pglite") {
    const dump = readFileSync(inject("pgliteTemplate"));
    return openPglite({ loadDataDir: new Blob([dump]) });
  }
  const scratch = await createScratchPostgresDatabase();
  const database = await openPostgres({ url: scratch.url, maxConnections: 20 });
  const close = database.close;
  return {
    ...database,
    async close() {
      await close();
      await scratch.drop();
    },
  };
}

/**
 * A fresh, migrated PostgreSQL database (a copy of the run's template) by its address, for tests
 * that open their own connections (several app instances, a relay in between); drop it after.
 */
export async function createScratchPostgresDatabase(): Promise<{
  url: string;
  drop(): Promise<void>;
}> {
  const templateUrl = new URL(inject("postgresTemplateUrl"));
  const templateName = templateUrl.pathname.slice(1);
  const name = `${testDatabasePrefix(templateName)}${randomBytes(6).toString("hex")}`;
  const adminUrl = templateUrl.toString().replace(`/${templateName}`, "/postgres");
  const runAsAdmin = async (statement: string) => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  await runAsAdmin(`create database ${name} template ${templateName}`);
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => runAsAdmin(`drop database if exists ${name} with (force)`),
  };
}

/** A connection string for the current PostgreSQL test database (for tests that need raw clients). */
export function isPostgres(database: DatabaseHandle): boolean {
  return database.engine === "postgres";
}
