import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

/** Runs the real `csp` binary in child processes, for the CLI tests. */

export const cli = fileURLToPath(new URL("../../../bin/csp.mjs", import.meta.url));
export const CLI_TIMEOUT = 120_000;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI's environment: only the data folder, whatever the test runner's environment says. */
export function cliEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["DATABASE_URL", "AUDIT_SIGNING_KEY", "DEMO", "PORT", "HOST", "PUBLIC_URL"]) {
    delete env[name];
  }
  return { ...env, DATA_DIR: dataDir, LOG_LEVEL: "warn", ...extra };
}

export function runCli(args: string[], dataDir: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: cliEnv(dataDir),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ServingFolder {
  url: string;
  process: ChildProcess;
  /** Whether /healthz answered before the server gave up or a minute passed. */
  healthy: boolean;
  /** What the server printed so far. */
  output(): string;
  /** Its exit code, once it has stopped. */
  exited: Promise<number | null>;
  stop(): void;
}

/** `csp serve` on the folder, waited for by polling its health check (no fixed sleep). */
export async function serveFolder(folder: string): Promise<ServingFolder> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [cli, "serve"], {
    env: cliEnv(folder, { PORT: String(port), HOST: "127.0.0.1", PUBLIC_URL: url }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  server.stderr!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => server.on("exit", resolve));
  let healthy = false;
  for (let tries = 0; tries < 300 && !healthy && server.exitCode === null; tries++) {
    healthy = await fetch(`${url}/healthz`)
      .then((response) => response.ok)
      .catch(() => false);
    if (!healthy) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    process: server,
    healthy,
    output: () => output,
    exited,
    stop() {
      if (server.exitCode === null) server.kill("SIGTERM");
    },
  };
}
