import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

/**
 * PGlite has no lock between processes: a second process opening the same folder silently
 * loses committed rows. So the process that opens the folder holds an exclusive lock file,
 * and any other opener is refused with a message that says what to do.
 */
export class DataDirLockedError extends Error {
  readonly code = "DATA_DIR_LOCKED";
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The database folder ${dataDir} is in use by process ${holderPid}. ` +
        "The embedded database allows one process at a time: stop that server first, or talk to it " +
        "over its HTTP API (set DATA_DIR to use another folder, or DATABASE_URL to use PostgreSQL).",
    );
  }
}

interface LockRecord {
  pid: number;
  host: string;
  processStart: string | null;
}

/** Linux process start time (in clock ticks since boot); tells a reused pid from the holder. */
function processStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(record: LockRecord): boolean {
  if (record.host !== hostname()) return true; // cannot check another machine: assume held
  try {
    process.kill(record.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  const start = processStartOf(record.pid);
  return record.processStart === null || start === null || start === record.processStart;
}

export interface DataDirLock {
  release(): void;
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, "csp.lock");
  const record: LockRecord = {
    pid: process.pid,
    host: hostname(),
    processStart: processStartOf(process.pid),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, JSON.stringify(record));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        rmSync(lockPath, { force: true });
      };
      process.on("exit", release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let holder: LockRecord | null = null;
      try {
        holder = JSON.parse(readFileSync(lockPath, "utf8")) as LockRecord;
      } catch {
        holder = null; // half-written or unreadable: treat as stale
      }
      if (holder && isAlive(holder)) throw new DataDirLockedError(dataDir, holder.pid);
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
