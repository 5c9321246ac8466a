import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "../http/error-handler.ts";
import { createScratchPostgresDatabase, testEngine } from "../testing/database.ts";
import { type DatabaseHandle, openPostgres, queryRows } from "./client.ts";

/**
 * PostgreSQL ending the app's connections, as it does to every one on `pg_ctl stop -m fast` (or
 * an administrator's pg_terminate_backend): the work on them fails as "database unavailable"
 * (a 503), the process lives on, and the pool opens new connections by itself. Only this file's
 * own backends on its own scratch database are ended, never anyone else's.
 */
describe.skipIf(testEngine() !== "postgres")("a PostgreSQL connection ended by the server", () => {
  let scratch: Awaited<ReturnType<typeof createScratchPostgresDatabase>>;
  let database: DatabaseHandle;
  let admin: pg.Client;
  const idleErrors: Error[] = [];

  beforeAll(async () => {
    scratch = await createScratchPostgresDatabase();
    database = await openPostgres({
      url: scratch.url,
      onIdleError: (error) => idleErrors.push(error),
    });
    admin = new pg.Client({ connectionString: scratch.url });
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.end();
    await database?.close();
    await scratch?.drop();
  });

  /** Ends every backend of the scratch database but the admin's own. */
  const endTheAppsConnections = () =>
    admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`,
    );

  it("fails a transaction whose connection was ended between two statements, without crashing the process, and serves the next one", async () => {
    // Before the fix, the checked-out client had no 'error' listener between queries, so the
    // server's FATAL 57P01 was an unhandled 'error' event: the whole process exited.
    let ready!: () => void;
    const checkedOut = new Promise<void>((resolve) => {
      ready = resolve;
    });
    let proceed!: () => void;
    const gate = new Promise<void>((resolve) => {
      proceed = resolve;
    });
    const work = database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      ready();
      await gate; // Checked out, no query running: as during a request's own computation.
      await tx.execute(sql`select 2`);
    });
    const failure = work.then(
      () => null,
      (error: unknown) => error,
    );
    await checkedOut;
    await endTheAppsConnections();
    // Time for the server's message to arrive on the idle-but-checked-out connection.
    await new Promise((resolve) => setTimeout(resolve, 300));
    proceed();
    const error = await failure;
    expect(error, "the transaction fails").not.toBeNull();
    expect(isDatabaseUnavailable(error), String(error)).toBe(true);

    const rows = await queryRows<{ one: number }>(database.db, sql`select 1 as one`);
    expect(rows).toEqual([{ one: 1 }]);
    await expect(database.db.transaction((tx) => tx.execute(sql`select 3`))).resolves.toBeDefined();
  });

  it("drops idle connections the server ended, reports them as idle errors, and serves the next query", async () => {
    // Several idle connections in the pool.
    await Promise.all(
      Array.from({ length: 3 }, () => queryRows(database.db, sql`select pg_sleep(0.05)`)),
    );
    const before = idleErrors.length;
    await endTheAppsConnections();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(idleErrors.length).toBeGreaterThan(before);
    await database.ping();
    expect(await queryRows(database.db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });
});
