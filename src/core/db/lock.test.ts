import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openPglite } from "./client.ts";
import { acquireDataDirLock, DataDirLockedError } from "./lock.ts";

const lockModule = fileURLToPath(new URL("./lock.ts", import.meta.url));

/** Another process holding the folder's lock, as a running server would. */
async function lockHolder(dataDir: string): Promise<ChildProcess> {
  const script = `
    import { acquireDataDirLock } from ${JSON.stringify(lockModule)};
    acquireDataDirLock(${JSON.stringify(dataDir)});
    process.on("SIGTERM", () => process.exit(0));
    process.stdout.write("locked\\n");
    setInterval(() => {}, 60_000);
  `;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("locked")) resolve();
    });
    let errors = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.on("exit", (code) => reject(new Error(`lock holder exited (${code}): ${errors}`)));
  });
  return child;
}

async function kill(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}

/** This process's start time as the lock records it (Linux: field 22 of /proc/PID/stat). */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

describe("data-folder lock", () => {
  let dataDir: string;
  const children: ChildProcess[] = [];
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "csp-lock-"));
  });
  afterEach(async () => {
    for (const child of children.splice(0)) await kill(child, "SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses a second holder while the first process lives, naming it", async () => {
    const holder = await lockHolder(dataDir);
    children.push(holder);
    let refused: unknown;
    try {
      acquireDataDirLock(dataDir);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as DataDirLockedError).holderPid).toBe(holder.pid);
    expect((refused as DataDirLockedError).message).toContain(`process ${holder.pid}`);
    expect((refused as DataDirLockedError).message).toContain(dataDir);
  });

  it("takes over the lock of a process that died without releasing it", async () => {
    const holder = await lockHolder(dataDir);
    children.push(holder);
    await kill(holder, "SIGKILL"); // no exit handler runs: the lock file stays behind
    expect(existsSync(join(dataDir, "csp.lock"))).toBe(true);
    const lock = acquireDataDirLock(dataDir);
    const record = JSON.parse(readFileSync(join(dataDir, "csp.lock"), "utf8"));
    expect(record.pid).toBe(process.pid);
    lock.release();
  });

  it("lets the next process in when the holder exits normally", async () => {
    const holder = await lockHolder(dataDir);
    children.push(holder);
    await kill(holder, "SIGTERM"); // a clean shutdown: process exit releases the lock
    expect(existsSync(join(dataDir, "csp.lock"))).toBe(false);
    const lock = acquireDataDirLock(dataDir);
    lock.release();
  });

  it("refuses a lock file naming a live process with its start time", () => {
    const pid = process.ppid;
    writeFileSync(
      join(dataDir, "csp.lock"),
      JSON.stringify({ pid, host: hostname(), processStart: startTimeOf(pid) }),
    );
    expect(() => acquireDataDirLock(dataDir)).toThrow(DataDirLockedError);
  });

  it("takes over a lock whose pid now belongs to another process (pid reused)", () => {
    const pid = process.ppid;
    writeFileSync(
      join(dataDir, "csp.lock"),
      JSON.stringify({ pid, host: hostname(), processStart: "1" }),
    );
    const start = startTimeOf(pid);
    if (start === null || start === "1") return; // no /proc here: cannot tell, so it is held
    const lock = acquireDataDirLock(dataDir);
    lock.release();
  });

  it("takes over a lock file naming a dead process, or an unreadable one", () => {
    writeFileSync(
      join(dataDir, "csp.lock"),
      JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), processStart: "12345" }),
    );
    acquireDataDirLock(dataDir).release();
    writeFileSync(join(dataDir, "csp.lock"), '{"pid": 12');
    acquireDataDirLock(dataDir).release();
  });

  it("assumes a lock taken on another machine is held", () => {
    writeFileSync(
      join(dataDir, "csp.lock"),
      JSON.stringify({ pid: 2 ** 22 + 7, host: `not-${hostname()}`, processStart: null }),
    );
    expect(() => acquireDataDirLock(dataDir)).toThrow(DataDirLockedError);
  });

  it("refuses a second holder in the same process, and release removes the lock", () => {
    const lock = acquireDataDirLock(dataDir);
    expect(existsSync(join(dataDir, "csp.lock"))).toBe(true);
    expect(() => acquireDataDirLock(dataDir)).toThrow(DataDirLockedError);
    lock.release();
    expect(existsSync(join(dataDir, "csp.lock"))).toBe(false);
    lock.release(); // twice is harmless
    const again = acquireDataDirLock(dataDir);
    again.release();
  });

  it("does not let a released holder remove the next holder's lock", () => {
    const first = acquireDataDirLock(dataDir);
    first.release();
    const second = acquireDataDirLock(dataDir);
    first.release();
    expect(existsSync(join(dataDir, "csp.lock"))).toBe(true);
    expect(() => acquireDataDirLock(dataDir)).toThrow(DataDirLockedError);
    second.release();
  });

  it("opens an embedded database folder once at a time, and keeps its rows", async () => {
    const first = await openPglite({ dataDir });
    try {
      await expect(openPglite({ dataDir })).rejects.toBeInstanceOf(DataDirLockedError);
      await first.pglite!.query("create table kept (value text)");
      await first.pglite!.query("insert into kept values ('still here')");
    } finally {
      await first.close();
    }
    expect(existsSync(join(dataDir, "csp.lock"))).toBe(false);
    const second = await openPglite({ dataDir });
    try {
      const result = await second.pglite!.query<{ value: string }>("select value from kept");
      expect(result.rows).toEqual([{ value: "still here" }]);
    } finally {
      await second.close();
    }
  });
});
