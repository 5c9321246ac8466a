import { createServer, type Server, type Socket, connect as tcpConnect } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateSigningKeyPem, signerFromPrivateKey } from "../core/audit/signing-key.ts";
import { ManualClock } from "../core/clock.ts";
import { loadConfig } from "../core/config.ts";
import { type DatabaseHandle, openPostgres } from "../core/db/client.ts";
import { createScratchPostgresDatabase, testEngine } from "../core/testing/database.ts";
import { TestClient } from "../core/testing/http-client.ts";
import { createPlatform, type Platform } from "./server.ts";
import { CapturingMailer } from "./testing.ts";

/**
 * PostgreSQL going away under a running app: requests that need the database answer 503 with
 * Retry-After (not 500) while it is unreachable, and the app recovers by itself once it is back,
 * without a restart. The outage is a TCP relay between the app and the machine's server that the
 * test cuts and restores, so the shared server itself is never stopped.
 */

/** A relay to PostgreSQL that can be cut (every connection dropped, new ones refused) and restored. */
class CuttableRelay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = tcpConnect(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const postgres = testEngine() === "postgres";

describe.skipIf(!postgres)("PostgreSQL outage", () => {
  let relay: CuttableRelay;
  let database: DatabaseHandle;
  let platform: Platform;
  let scratch: Awaited<ReturnType<typeof createScratchPostgresDatabase>>;

  beforeAll(async () => {
    scratch = await createScratchPostgresDatabase();
    const target = new URL(scratch.url);
    relay = new CuttableRelay(target.hostname, Number(target.port || 5432));
    await relay.open();
    const viaRelay = new URL(target);
    viaRelay.hostname = "127.0.0.1";
    viaRelay.port = String(relay.port);
    // The app's own settings: a dropped idle connection is only logged.
    database = await openPostgres({ url: viaRelay.toString(), onIdleError: () => {} });
    platform = await createPlatform({
      config: loadConfig({ LOG_LEVEL: "silent", PUBLIC_URL: "http://csp.test" }),
      database,
      signer: signerFromPrivateKey(generateSigningKeyPem()),
      clock: new ManualClock(),
      mailer: new CapturingMailer(),
      serveWeb: false,
    });
    await platform.app.ready();
  });

  afterAll(async () => {
    await relay?.cut();
    await platform?.app.close();
    await database?.close().catch(() => {});
    await scratch?.drop();
  });

  it("answers 503 with Retry-After while the database is unreachable and recovers within 5 s of its return", async () => {
    const client = new TestClient(platform.app);
    const before = await client.get("/api/v1/challenges");
    expect(before.status).toBe(200);

    await relay.cut();
    // Reads never answered before (nothing kept) need the database at once.
    for (const path of ["/api/v1/solutions?q=outage", "/api/v1/events", "/api/v1/organisations"]) {
      const during = await client.get<{ code: string; status: number }>(path);
      expect(during.status, path).toBe(503);
      expect(during.headers["content-type"]).toContain("application/problem+json");
      expect(during.headers["retry-after"]).toBe("5");
      expect(during.body.code).toBe("database_unavailable");
    }
    // The catalogue read before the cut was kept; once the app sees its listening connection
    // gone it cannot hear of changes, so it drops what it kept and asks the database: 503.
    await vi.waitFor(
      async () => expect((await client.get("/api/v1/challenges")).status).toBe(503),
      { timeout: 5_000, interval: 100 },
    );
    expect((await client.get("/healthz")).status).toBe(503);

    await relay.open();
    const restored = Date.now();
    let status = 0;
    while (Date.now() - restored < 5_000) {
      status = (await client.get("/api/v1/challenges")).status;
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
    expect((await client.get("/healthz")).status).toBe(200);
  });
});
