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
  const templateUrl = new URL(inject("postgresTemplateUrl"));
  const templateName = templateUrl.pathname.slice(1);
  const name = `${testDatabasePrefix(templateName)}${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({
    connectionString: templateUrl.toString().replace(`/${templateName}`, "/postgres"),
  });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${templateName}`);
  } finally {
    await admin.end();
  }
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres({ url: url.toString(), maxConnections: 20 });
  const close = database.close;
  return {
    ...database,
    async close() {
      await close();
      const dropper = new pg.Client({
        connectionString: templateUrl.toString().replace(`/${templateName}`, "/postgres"),
      });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** A connection string for the current PostgreSQL test database (for tests that need raw clients). */
export function isPostgres(database: DatabaseHandle): boolean {
  return database.engine === "postgres";
}
