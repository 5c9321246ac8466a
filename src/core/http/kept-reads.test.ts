import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { anonymous } from "../auth/actor.ts";
import { SESSION_COOKIE } from "../auth/session-cookie.ts";
import { ReadCache } from "../cache/read-cache.ts";
import { keptPublicReads, sendPublicRead } from "./cached-reply.ts";
import { createHttpKernel, type HttpKernel } from "./kernel.ts";

// A public list big enough to be compressed, its query parsed with defaults like the real ones.
const Query = z.strictObject({
  city: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
const Answer = z.object({ challenges: z.array(z.object({ title: z.string(), city: z.string() })) });

interface Received {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A request over a real socket (kept reads are answered by the HTTP server, not `inject`). */
function get(url: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<Received>((resolve, reject) => {
    const outgoing = httpRequest(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

/** The headers that say what the answer is (not when, nor how the connection goes on). */
function representation(received: Received) {
  const {
    date: _date,
    connection: _connection,
    "keep-alive": _keepAlive,
    ...rest
  } = received.headers;
  return rest;
}

const decoded = (received: Received) => {
  const encoding = received.headers["content-encoding"];
  const bytes =
    encoding === "br"
      ? brotliDecompressSync(received.body)
      : encoding === "gzip"
        ? gunzipSync(received.body)
        : received.body;
  return JSON.parse(bytes.toString("utf8"));
};

describe("kept public reads sent before routing", () => {
  let app: HttpKernel;
  let base: string;
  const cache = new ReadCache();
  const logLines: string[] = [];
  let routed = 0;
  let computed = 0;

  beforeAll(async () => {
    app = await createHttpKernel({
      logLevel: "info",
      logStream: { write: (line) => logLines.push(line) },
      bodyLimitBytes: 1024 * 1024,
      trustProxy: false,
      publicUrl: "http://csp.test",
      version: "test",
      // Every credential is taken, as anonymous: what matters here is that it is looked at.
      authenticate: async () => ({ actor: anonymous, csrfToken: null }),
    });
    app.get(
      "/api/v1/challenges",
      {
        schema: { querystring: Query, response: { 200: Answer } },
        onRequest: (_request, _reply, done) => {
          routed += 1;
          done();
        },
      },
      async (request, reply) => {
        await sendPublicRead(request, reply, cache, async () => {
          computed += 1;
          return {
            challenges: Array.from({ length: request.query.limit }, (_, index) => ({
              title: `Cool roofs for district ${index + 1}`,
              city: request.query.city ?? "Copenhagen",
            })),
          };
        });
        return reply;
      },
    );
    app.sendKeptReadsFirst(keptPublicReads(cache));
    await app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());

  it("sends a kept answer without routing it, the same headers and bytes the route sends", async () => {
    const url = `${base}/api/v1/challenges?city=Lagos&limit=30`;
    const first = await get(url, { "accept-encoding": "br" });
    expect(first.status).toBe(200);
    expect([routed, computed]).toEqual([1, 1]);

    for (const accepted of ["br", "gzip, deflate, br;q=0", "identity"]) {
      const early = await get(url, { "accept-encoding": accepted });
      expect(routed, `"${accepted}" was not routed`).toBe(1);
      // The same address routed (a bearer token sends it through the routes), for comparison.
      const throughRoutes = await get(url, {
        "accept-encoding": accepted,
        authorization: "Bearer csp_pat_anything",
      });
      expect(routed).toBe(2);
      routed = 1;
      expect(early.status).toBe(200);
      expect(representation(early)).toEqual(representation(throughRoutes));
      expect(early.body.equals(throughRoutes.body)).toBe(true);
      expect(decoded(early)).toEqual(decoded(first));
    }
    expect(computed).toBe(1);
    // The kernel's API headers and the representation's own are all there.
    const early = await get(url, { "accept-encoding": "gzip" });
    expect(early.headers).toMatchObject({
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
      "content-type": "application/json; charset=utf-8",
      "content-encoding": "gzip",
      vary: "accept-encoding",
      "content-length": String(early.body.length),
    });
    expect(decoded(early).challenges).toHaveLength(30);
    // Fastify logs what it routes at info level; what is sent before routing is logged too.
    const cacheLines = logLines.filter((line) => line.includes("answered from the read cache"));
    expect(cacheLines.length).toBeGreaterThanOrEqual(4);
    expect(JSON.parse(cacheLines.at(-1)!)).toMatchObject({
      req: { method: "GET", url: "/api/v1/challenges?city=Lagos&limit=30" },
      res: { statusCode: 200 },
    });
  });

  it("routes a signed-in caller, a HEAD, and an address not kept", async () => {
    const url = `${base}/api/v1/challenges?city=Paris`;
    await get(url);
    const before = routed;
    await get(url, { cookie: `lang=fr; ${SESSION_COOKIE}=a-session-token` });
    await get(url, { authorization: "Bearer csp_pat_anything" });
    const head = await get(url, {}, "HEAD");
    expect(head.status).toBe(200);
    expect(routed - before).toBe(3);
    // Another cookie alone does not sign anyone in: the kept answer goes out.
    await get(url, { cookie: "lang=fr" });
    expect(routed - before).toBe(3);
    // An address never answered is not kept: it is routed, validated and refused.
    const invalid = await get(`${base}/api/v1/challenges?limit=0`);
    expect(invalid.status).toBe(400);
    expect(routed - before).toBe(4);
  });

  it("routes again once content changed", async () => {
    const url = `${base}/api/v1/challenges?city=Lima`;
    await get(url);
    await get(url);
    const [routedBefore, computedBefore] = [routed, computed];
    cache.invalidate();
    const after = await get(url);
    expect(after.status).toBe(200);
    expect([routed - routedBefore, computed - computedBefore]).toEqual([1, 1]);
  });

  it("answers 503 while draining, even for a kept address", async () => {
    const url = `${base}/api/v1/challenges?city=Accra`;
    await get(url);
    expect((await get(url)).status).toBe(200);
    await app.drain(1_000);
    const refused = await get(url);
    expect(refused.status).toBe(503);
    expect(refused.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });
});
