import {
  type AuditSigner,
  generateSigningKeyPem,
  signerFromPrivateKey,
} from "../core/audit/signing-key.ts";
import { ManualClock } from "../core/clock.ts";
import { type Config, loadConfig } from "../core/config.ts";
import type { DatabaseHandle } from "../core/db/client.ts";
import { drainJobs } from "../core/jobs/outbox.ts";
import type { Mailer, MailMessage } from "../core/mail/mailer.ts";
import { createTestDatabase } from "../core/testing/database.ts";
import { TestClient } from "../core/testing/http-client.ts";
import { currentTotpCode, seedUser } from "../modules/accounts/index.ts";
import { ensureCapabilityTaxonomy } from "../modules/catalogue/index.ts";
import { ensureC40Cities } from "../modules/organisations/index.ts";
import { createPlatform, type Platform } from "./server.ts";

/** A mailer that keeps what it is asked to send, for tests to read links from. */
export class CapturingMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage) {
    this.sent.push(message);
  }
  close() {}
  /** The most recent mail to an address. */
  lastTo(address: string): MailMessage | undefined {
    return [...this.sent].reverse().find((mail) => mail.to.toLowerCase() === address.toLowerCase());
  }
  /** The token in the fragment of the link of the last mail to an address. */
  tokenFor(address: string): string {
    const mail = this.lastTo(address);
    const token = mail?.text.match(/#token=([A-Za-z0-9_-]+)/)?.[1];
    if (!token) throw new Error(`no link with a token in mail to ${address}`);
    return token;
  }
}

export interface TestPlatform extends Platform {
  database: DatabaseHandle;
  clock: ManualClock;
  mailer: CapturingMailer;
  signer: AuditSigner;
  config: Config;
  /** Every answer with a 5xx status so far ("METHOD url → status"): suites assert there were none. */
  serverErrors: string[];
  /** Runs every due background job (mail sending and the rest). */
  runJobs(): Promise<number>;
  client(): TestClient;
  /** A verified person, signed in through the API, with a client holding their session. */
  signedIn(options?: {
    email?: string;
    name?: string;
    platformRoles?: Array<"admin" | "moderator">;
    totpSecret?: string;
  }): Promise<{ client: TestClient; userId: string; email: string }>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = "correct horse battery staple 42";
let counter = 0;

/** The whole platform on a fresh test database, with a clock tests move and a capturing mailer. */
export async function createTestPlatform(
  env: Record<string, string> = {},
  options: { logStream?: { write(line: string): void } } = {},
): Promise<TestPlatform> {
  const database = await createTestDatabase();
  const clock = new ManualClock();
  const mailer = new CapturingMailer();
  // Warnings are read (not printed): a route that sends twice still answers right, and only
  // Fastify's "Reply was already sent" warning tells; suites count it as a server error.
  const config = loadConfig({ LOG_LEVEL: "warn", PUBLIC_URL: "http://csp.test", ...env });
  const serverErrors: string[] = [];
  const logStream = {
    write(line: string) {
      if (line.includes("Reply was already sent")) {
        const { req, msg, err } = JSON.parse(line) as {
          req?: { url?: string };
          msg?: string;
          err?: { message?: string };
        };
        serverErrors.push(`sent twice: ${err?.message ?? msg ?? req?.url ?? line}`);
      }
      options.logStream?.write(line);
    },
  };
  const signer = signerFromPrivateKey(generateSigningKeyPem());
  await ensureC40Cities(database.db, clock);
  await ensureCapabilityTaxonomy(database.db, clock);
  const platform = await createPlatform({
    config,
    database,
    signer,
    clock,
    mailer,
    serveWeb: false,
    logStream,
  });
  await platform.app.ready();
  recordServerErrors(platform.app, serverErrors);
  const harness: TestPlatform = {
    ...platform,
    database,
    clock,
    mailer,
    signer,
    config,
    serverErrors,
    runJobs: () => drainJobs(database.db, clock, platform.jobs),
    client: () => new TestClient(platform.app),
    async signedIn(options = {}) {
      counter += 1;
      const email = options.email ?? `person${counter}-${Date.now().toString(36)}@example.org`;
      const user = await seedUser(
        { db: database.db, clock },
        {
          email,
          name: options.name ?? `Person ${counter}`,
          password: TEST_PASSWORD,
          platformRoles: options.platformRoles ?? [],
          totpSecret: options.totpSecret ?? null,
        },
      );
      const client = new TestClient(platform.app);
      client.ip = `203.0.113.${counter % 250}`;
      const response = await client.post<{ status: string }>("/api/v1/session", {
        email,
        password: TEST_PASSWORD,
      });
      if (response.status !== 200)
        throw new Error(`sign-in failed: ${JSON.stringify(response.body)}`);
      if (response.body.status === "second_factor_required") {
        clock.advance(30_000);
        const code = currentTotpCode(options.totpSecret!, clock.now());
        const second = await client.post("/api/v1/session/second-factor", { code });
        if (second.status !== 200)
          throw new Error(`second factor failed: ${JSON.stringify(second.body)}`);
      }
      await client.refreshSession();
      return { client, userId: user.id, email };
    },
    async close() {
      await platform.app.close();
      await database.close();
    },
  };
  return harness;
}

/** Wraps app.inject (what TestClient calls) to remember every 5xx answer. */
function recordServerErrors(app: Platform["app"], serverErrors: string[]): void {
  const inject = app.inject.bind(app);
  (app as unknown as { inject: unknown }).inject = async (options: {
    method: string;
    url: string;
  }) => {
    const response = await inject(options as never);
    if (response.statusCode >= 500) {
      serverErrors.push(`${options.method} ${options.url} → ${response.statusCode}`);
    }
    return response;
  };
}
