import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "./cli-process.ts";

/**
 * A PostgreSQL cluster of its own (initdb into a temporary folder, a free port), for tests and
 * scripts that stop and start the server: the machine's shared server is never touched. The
 * machine's binaries (/usr/lib/postgresql/<version>/bin) run as the `postgres` user through
 * runuser when we are root, as PostgreSQL refuses to run as root.
 */

const RUNUSER_PATHS = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser"];

/** Where initdb and pg_ctl are, or why a private cluster cannot be made here. */
export function findPostgresBinaries(): { bin: string; runAs: string[] } | { missing: string } {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((version) => existsSync(join(root, version, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) return { missing: `no ${root}/*/bin/initdb on this machine` };
  const bin = join(root, versions[0]!, "bin");
  if (process.getuid?.() !== 0) return { bin, runAs: [] };
  const runuser = RUNUSER_PATHS.find((path) => existsSync(path));
  if (!runuser)
    return { missing: "running as root without runuser to start PostgreSQL as postgres" };
  if (spawnSync("id", ["-u", "postgres"]).status !== 0) {
    return { missing: "running as root and there is no postgres user to start PostgreSQL as" };
  }
  return { bin, runAs: [runuser, "-u", "postgres", "--"] };
}

export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** The server's log file. */
  logFile: string;
  /** `pg_ctl start -w`: returns once the server accepts connections. */
  start(): Promise<void>;
  /** `pg_ctl stop -m MODE -w`. */
  stop(mode?: "smart" | "fast" | "immediate"): Promise<void>;
  /** Whether a connection and `select 1` succeed now. */
  accepting(): Promise<boolean>;
  /** Stops the server if it runs (immediately) and removes its folder. Never throws. */
  destroy(): Promise<void>;
}

function run(
  command: string[],
  timeoutMs: number,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** initdb (trust authentication, UTF-8) and start; the cluster is only reachable on 127.0.0.1. */
export async function createPrivatePostgres(): Promise<PrivatePostgres> {
  const found = findPostgresBinaries();
  if ("missing" in found) throw new Error(found.missing);
  const { bin, runAs } = found;
  const folder = mkdtempSync(join(tmpdir(), "csp-private-pg-"));
  const data = join(folder, "data");
  const logFile = join(folder, "server.log");
  if (runAs.length > 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(folder, uid, gid);
  }
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const pgCtl = (args: string[], timeoutMs = 60_000) =>
    run([...runAs, join(bin, "pg_ctl"), "-D", data, ...args], timeoutMs);

  let started = false;
  // Should the caller's process end without calling destroy() (a test runner's worker torn down
  // on a timeout), the cluster goes with it rather than running on.
  const stopOnExit = () => {
    if (started) {
      const command = [...runAs, join(bin, "pg_ctl"), "-D", data, "-m", "immediate", "stop"];
      spawnSync(command[0]!, command.slice(1), { timeout: 30_000 });
    }
    rmSync(folder, { recursive: true, force: true });
  };
  process.once("exit", stopOnExit);
  const cluster: PrivatePostgres = {
    url,
    port,
    logFile,
    async start() {
      const result = await pgCtl([
        "-l",
        logFile,
        "-o",
        `-p ${port} -c listen_addresses=127.0.0.1 -k ${folder}`,
        "-w",
        "-t",
        "60",
        "start",
      ]);
      if (result.code !== 0) throw new Error(`pg_ctl start failed:\n${result.output}`);
      started = true;
    },
    async stop(mode = "fast") {
      const result = await pgCtl(["-m", mode, "-w", "-t", "60", "stop"]);
      if (result.code !== 0) throw new Error(`pg_ctl stop failed:\n${result.output}`);
    },
    async accepting() {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
      client.on("error", () => {});
      try {
        await client.connect();
        await client.query("select 1");
        return true;
      } catch {
        return false;
      } finally {
        await client.end().catch(() => {});
      }
    },
    async destroy() {
      process.removeListener("exit", stopOnExit);
      try {
        if (started) await pgCtl(["-m", "immediate", "-w", "-t", "30", "stop"], 40_000);
      } catch {
        // Already stopped, or pg_ctl itself failed: the folder goes anyway.
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
  try {
    const initdb = await run(
      [
        ...runAs,
        join(bin, "initdb"),
        "-D",
        data,
        "-U",
        "postgres",
        "-A",
        "trust",
        "-E",
        "UTF8",
        "--locale=C",
        // initdb's own files only; the server itself keeps fsync on, like a real one.
        "--no-sync",
      ],
      120_000,
    );
    if (initdb.code !== 0) throw new Error(`initdb failed:\n${initdb.output}`);
    await cluster.start();
  } catch (error) {
    await cluster.destroy();
    throw error;
  }
  return cluster;
}
