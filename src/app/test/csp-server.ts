import { type ChildProcess, spawn } from "node:child_process";
import { cli, freePort } from "./cli-process.ts";

/**
 * The real `csp` binary in child processes with an environment of the caller's choosing (a
 * DATABASE_URL, a signing key…), for the tests and scripts that run several servers or restart
 * the database under one: two app processes on one PostgreSQL, a PostgreSQL restart under load.
 */

/** The runner's environment without any setting of the platform's, plus `settings`. */
export function cspEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [
    "DATABASE_URL",
    "DATA_DIR",
    "AUDIT_SIGNING_KEY",
    "DEMO",
    "PORT",
    "HOST",
    "PUBLIC_URL",
    "SMTP_URL",
    "JOB_POLL_MS",
    "LOG_LEVEL",
  ]) {
    delete env[name];
  }
  return { ...env, LOG_LEVEL: "warn", ...settings };
}

/** Runs one `csp` command to its end. */
export function runCsp(
  args: string[],
  settings: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: cspEnv(settings),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

export interface CspServer {
  url: string;
  process: ChildProcess;
  /** The process id it started with: the same id later means it was never restarted. */
  pid: number;
  /** Whether it is still running. */
  running(): boolean;
  /** What it printed so far (stdout and stderr). */
  output(): string;
  /** Its exit code once it has stopped. */
  exited: Promise<number | null>;
  /** SIGTERM (graceful: drains, exits 0), then SIGKILL after `graceMs`; resolves once it is gone. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * `csp serve` with `settings` on a free port, waited for by polling /healthz (no fixed sleep).
 * Throws, after killing it, when it is not healthy within `timeoutMs`.
 */
export async function startCspServer(
  settings: Record<string, string>,
  options: { timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<CspServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), cli, "serve"], {
    env: cspEnv({ PORT: String(port), HOST: "127.0.0.1", PUBLIC_URL: url, ...settings }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const running = () => child.exitCode === null && child.signalCode === null;
  // Not left running should the caller's process end first (a test worker torn down).
  const killOnExit = () => {
    if (running()) child.kill("SIGKILL");
  };
  process.once("exit", killOnExit);
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      process.removeListener("exit", killOnExit);
      resolve(code);
    }),
  );
  const server: CspServer = {
    url,
    process: child,
    pid: child.pid!,
    running,
    output: () => output,
    exited,
    async stop(graceMs = 10_000) {
      if (!running()) return;
      child.kill("SIGTERM");
      const killer = setTimeout(() => running() && child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(killer);
    },
  };
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  while (running() && Date.now() < deadline) {
    const healthy = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) })
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await server.stop(1_000);
  throw new Error(`csp serve did not become healthy:\n${output}`);
}

/** The cookie header of a response's Set-Cookie lines. */
export function cookieOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}

/** Signs in with a password; the session's cookie and CSRF token, for writes as that person. */
export async function signIn(
  url: string,
  email: string,
  password: string,
): Promise<{ cookie: string; csrfToken: string; userId: string }> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) {
    throw new Error(`sign-in of ${email}: ${response.status} ${await response.text()}`);
  }
  const cookie = cookieOf(response);
  const session = (await (
    await fetch(`${url}/api/v1/session`, { headers: { cookie } })
  ).json()) as { csrfToken: string; user: { id: string } | null };
  if (!session.user) throw new Error(`sign-in of ${email}: no session afterwards`);
  return { cookie, csrfToken: session.csrfToken, userId: session.user.id };
}

/**
 * A server-sent event stream of the person's unread count
 * (`GET /api/v1/me/notifications/stream`), read event by event.
 */
export async function openUnreadStream(
  url: string,
  cookie: string,
): Promise<{ next(timeoutMs: number): Promise<number>; close(): Promise<void> }> {
  const abort = new AbortController();
  const response = await fetch(`${url}/api/v1/me/notifications/stream`, {
    headers: { cookie, accept: "text/event-stream" },
    signal: abort.signal,
  });
  if (response.status !== 200 || !response.headers.get("content-type")?.includes("event-stream")) {
    throw new Error(`stream: ${response.status} ${response.headers.get("content-type")}`);
  }
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let received = "";
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  return {
    async next(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = received.match(/event: unread\ndata: (\{[^\n]*\})\n\n/);
        if (match) {
          received = received.slice(received.indexOf(match[0]) + match[0].length);
          return (JSON.parse(match[1]!) as { unreadCount: number }).unreadCount;
        }
        // A read that timed out is kept for the next call, so no chunk is lost.
        pending ??= reader.read();
        let timer: NodeJS.Timeout | undefined;
        const result = await Promise.race([
          pending,
          new Promise<"timeout">((resolve) => {
            timer = setTimeout(() => resolve("timeout"), Math.max(0, deadline - Date.now()));
          }),
        ]);
        clearTimeout(timer);
        if (result === "timeout") throw new Error(`no unread event within ${timeoutMs} ms`);
        pending = null;
        if (result.done) throw new Error("the stream ended");
        received += decoder.decode(result.value, { stream: true });
      }
    },
    async close() {
      abort.abort();
      await reader.cancel().catch(() => {});
    },
  };
}
