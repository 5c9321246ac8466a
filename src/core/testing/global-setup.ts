import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openPglite, openPostgres } from "../db/client.ts";

declare module "vitest" {
  export interface ProvidedContext {
    testEngine: "pglite" | "postgres";
    pgliteTemplate: string;
    postgresTemplateUrl: string;
  }
}

/**
 * Copies of a run's template are named after it, so that a run cleans up its own databases and
 * never those of another run sharing the PostgreSQL server.
 */
export function testDatabasePrefix(templateName: string): string {
  return `csp_t_${templateName.replace(/^csp_template_/, "")}_`;
}

/**
 * Migrates one template database per test run from the committed migrations; every test file
 * then starts from a copy of it (a PGlite dump, or CREATE DATABASE … TEMPLATE on PostgreSQL).
 */
export default async function setup(project: TestProject) {
  const engine = (project.config.env?.CSP_TEST_ENGINE ?? "pglite") as "pglite" | "postgres";
  project.provide("testEngine", engine);
  if (engine === "pglite") {
    const folder = mkdtempSync(join(tmpdir(), "csp-test-"));
    const database = await openPglite();
    await database.migrate();
    const dump = await database.pglite!.dumpDataDir("none");
    await database.close();
    const path = join(folder, "template.tar");
    writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
    project.provide("pgliteTemplate", path);
    project.provide("postgresTemplateUrl", "");
    return () => rmSync(folder, { recursive: true, force: true });
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const templateName = `csp_template_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${templateName}`);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${templateName}`;
  const template = await openPostgres({ url: templateUrl.toString(), maxConnections: 1 });
  await template.migrate();
  await template.close();
  project.provide("pgliteTemplate", "");
  project.provide("postgresTemplateUrl", templateUrl.toString());
  return async () => {
    // Drop the template and any copy of it a crashed test file left behind: only this run's
    // (see testDatabasePrefix). It used to be `datname like 'csp_t_%'`, where `_` matches any
    // character: that also matched csp_template_…, so a run ending dropped the template and
    // databases of every other run using the same server at the time.
    const leftovers = await admin.query<{ datname: string }>(
      "select datname from pg_database where starts_with(datname, $1) or datname = $2",
      [testDatabasePrefix(templateName), templateName],
    );
    for (const { datname } of leftovers.rows) {
      await admin.query(`drop database if exists ${datname} with (force)`);
    }
    await admin.end();
  };
}
