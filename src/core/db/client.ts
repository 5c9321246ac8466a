import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import type { sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { acquireDataDirLock, type DataDirLock } from "./lock.ts";

export { DataDirLockedError } from "./lock.ts";

/** A database or a transaction: repository functions take either. */
// biome-ignore lint/suspicious/noExplicitAny: both drivers' databases and transactions fit here
export type Db = PgDatabase<PgQueryResultHKT, any>;

export type Engine = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  /** Runs a trivial query; throws when the database cannot answer. */
  ping(): Promise<void>;
  /** Migrations applied in-process, serialised across processes on PostgreSQL. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The PGlite instance, for backups and test templates. */
  pglite?: PGlite;
  /** The pool, for LISTEN/NOTIFY and advisory locks that need one connection. */
  pool?: pg.Pool;
  /**
   * Calls `handler` with the payload of every NOTIFY on `channel` (from any connection, any app
   * process on the same database), from this call until the returned function is called.
   * `onGap` hears when notifications may be lost ("interrupted": the listening connection
   * dropped) and when they flow again ("resumed"); PGlite, in-process, never has a gap.
   */
  listen(
    channel: string,
    handler: (payload: string) => void,
    onGap?: (state: "interrupted" | "resumed") => void,
  ): Promise<() => Promise<void>>;
}

const channelName = (channel: string) => {
  if (!/^[a-z_]{1,60}$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  return channel;
};

export const migrationsFolder = fileURLToPath(new URL("../../../migrations", import.meta.url));

/** Extensions the committed migrations create; PGlite must be built with each. */
const pgliteExtensions = { pg_trgm, unaccent };

// One number every app process agrees on, so only one of them migrates at a time.
const MIGRATION_LOCK_KEY = 7_340_001;

export interface OpenPgliteOptions {
  /** A folder for a persistent database; omit for an in-memory one. */
  dataDir?: string;
  /** A dump (from dumpDataDir) to start from: tests clone a migrated template this way. */
  loadDataDir?: Blob;
}

export async function openPglite(options: OpenPgliteOptions = {}): Promise<DatabaseHandle> {
  let lock: DataDirLock | undefined;
  let storage: string | undefined;
  if (options.dataDir) {
    lock = acquireDataDirLock(options.dataDir);
    storage = join(options.dataDir, "pglite");
    mkdirSync(storage, { recursive: true });
  }
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(storage ? { dataDir: storage } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: pgliteExtensions,
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite(client) as unknown as Db;
  let closed = false;
  return {
    db,
    engine: "pglite",
    pglite: client,
    async ping() {
      if (closed || client.closed) throw new Error("database is closed");
      await client.query("select 1");
    },
    async migrate() {
      await migratePglite(drizzlePglite(client), { migrationsFolder });
    },
    listen(channel, handler) {
      return client.listen(channelName(channel), handler);
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

export interface OpenPostgresOptions {
  url: string;
  maxConnections?: number;
  /** Called for errors of idle connections (a server restart): they must not crash the process. */
  onIdleError?: (error: Error) => void;
}

export async function openPostgres(options: OpenPostgresOptions): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on("error", (error) => options.onIdleError?.(error));
  // The pool listens for errors only while a connection is idle. One checked out (a transaction,
  // the migration) between two queries had no listener, so PostgreSQL ending it (a restart,
  // `pg_ctl stop -m fast`, pg_terminate_backend) was an unhandled 'error' event that ended the
  // process. Ignoring it here is enough: the connection is marked unusable, its next query fails
  // (a 503 for the request) and the pool discards it on release.
  pool.on("connect", (client) => {
    client.on("error", () => {});
  });
  const db = drizzleNodePg(pool) as unknown as Db;
  let closed = false;
  const listener = new PostgresListener(options.url, options.onIdleError);
  return {
    db,
    engine: "postgres",
    pool,
    listen: (channel, handler, onGap) => listener.listen(channelName(channel), handler, onGap),
    async ping() {
      await pool.query("select 1");
    },
    async migrate() {
      const connection = await pool.connect();
      try {
        await connection.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
        try {
          await migrateNodePg(drizzleNodePg(connection), { migrationsFolder });
        } finally {
          await connection.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
        }
      } finally {
        connection.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await listener.close();
      await pool.end();
    },
  };
}

/**
 * One connection per app process that LISTENs on behalf of every subscriber (a pooled one would
 * be recycled). When the server goes away it reconnects every second and listens again; what
 * was notified in between is lost, so subscribers treat a notification as a hint to re-read.
 */
class PostgresListener {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  private readonly gapHandlers = new Set<(state: "interrupted" | "resumed") => void>();
  /** Set once a connection was lost, until the next one listens again. */
  private interrupted = false;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly onError?: (error: Error) => void,
  ) {}

  async listen(
    channel: string,
    handler: (payload: string) => void,
    onGap?: (state: "interrupted" | "resumed") => void,
  ): Promise<() => Promise<void>> {
    const handlers = this.handlers.get(channel) ?? new Set();
    const first = handlers.size === 0;
    handlers.add(handler);
    this.handlers.set(channel, handlers);
    if (onGap) this.gapHandlers.add(onGap);
    const client = await this.connected();
    if (first) await client.query(`listen ${channel}`);
    return async () => {
      handlers.delete(handler);
      if (onGap) this.gapHandlers.delete(onGap);
      if (handlers.size === 0 && this.client && !this.closed) {
        this.handlers.delete(channel);
        await this.client.query(`unlisten ${channel}`).catch(() => {});
      }
    };
  }

  private connected(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      // Keep-alive probes find a connection the network dropped silently (no FIN, no RST), so
      // its loss is noticed and reported as a gap rather than notices just stopping.
      const client = new pg.Client({
        connectionString: this.url,
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
      });
      client.on("notification", (message) => {
        for (const handler of this.handlers.get(message.channel) ?? []) {
          handler(message.payload ?? "");
        }
      });
      client.on("error", (error) => {
        this.onError?.(error);
        this.lost(client);
      });
      client.on("end", () => this.lost(client));
      try {
        await client.connect();
        for (const channel of this.handlers.keys()) await client.query(`listen ${channel}`);
      } finally {
        this.connecting = null;
      }
      this.client = client;
      if (this.interrupted) {
        this.interrupted = false;
        for (const onGap of this.gapHandlers) onGap("resumed");
      }
      return client;
    })();
    return this.connecting;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.interrupted = true;
    for (const onGap of this.gapHandlers) onGap("interrupted");
    this.reconnectSoon();
  }

  private reconnectSoon(): void {
    if (this.closed || this.handlers.size === 0 || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.connected().catch(() => this.reconnectSoon());
    }, 1_000);
    this.retry.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}

export interface DatabaseSettings {
  databaseUrl: string | undefined;
  dataDir: string;
}

export function openDatabase(
  settings: DatabaseSettings,
  onIdleError?: (error: Error) => void,
): Promise<DatabaseHandle> {
  return settings.databaseUrl
    ? openPostgres({ url: settings.databaseUrl, ...(onIdleError ? { onIdleError } : {}) })
    : openPglite({ dataDir: settings.dataDir });
}

/** Rows of a raw query, whichever driver ran it. */
export async function queryRows<Row>(db: Db, query: ReturnType<typeof sql>): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
