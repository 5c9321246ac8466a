import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cityTeam, publishedChallenge } from "../modules/challenges/test/factories.ts";
import type { Platform } from "./server.ts";
import { platformServingWeb } from "./test/web-platform.ts";
import { createTestPlatform, type TestPlatform } from "./testing.ts";

type Encoded = { status: number; headers: Record<string, unknown>; bytes: Buffer };

async function fetchRaw(platform: { app: Platform["app"] }, url: string, accept?: string) {
  const response = await platform.app.inject({
    method: "GET",
    url,
    headers: accept === undefined ? {} : { "accept-encoding": accept },
  });
  return { status: response.statusCode, headers: response.headers, bytes: response.rawPayload };
}

function decoded(response: Encoded): string {
  const encoding = response.headers["content-encoding"];
  if (encoding === "br") return brotliDecompressSync(response.bytes).toString("utf8");
  if (encoding === "gzip") return gunzipSync(response.bytes).toString("utf8");
  expect(encoding).toBeUndefined();
  return response.bytes.toString("utf8");
}

/**
 * Answers go compressed to clients that accept it: the same text, fewer bytes, from the read
 * cache (kept compressed) and from computed answers alike; never a live stream or the answer
 * that carries the anti-forgery token.
 */
describe.each([
  ["kept in the read cache", {}],
  ["computed (READ_CACHE=0)", { READ_CACHE: "0" }],
])("compressed answers, %s", (_label, env: Record<string, string>) => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform({ SESSION_DAYS: "365", ...env });
    const city = await cityTeam(platform, "Copenhagen");
    for (let n = 0; n < 3; n += 1) await publishedChallenge(platform, city);
  }, 120_000);
  afterAll(async () => {
    expect(platform.serverErrors).toEqual([]);
    await platform.close();
  });

  it("gives brotli, gzip or plain text as asked, each the same JSON", async () => {
    const plain = await fetchRaw(platform, "/api/v1/challenges");
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const text = plain.bytes.toString("utf8");
    expect(JSON.parse(text).challenges).toHaveLength(3);
    expect(plain.bytes.length).toBeGreaterThan(1024);
    for (const [accept, expected] of [
      ["gzip, deflate, br", "br"],
      ["gzip", "gzip"],
      ["br;q=0, gzip;q=0.8", "gzip"],
      ["identity", undefined],
      ["deflate", undefined],
    ] as const) {
      // Twice: the second read of the kept answer is a hit.
      for (const round of [1, 2]) {
        const response = await fetchRaw(platform, "/api/v1/challenges", accept);
        expect(response.status, `${accept} #${round}`).toBe(200);
        expect(response.headers["content-encoding"], accept).toBe(expected);
        // API answers are never stored by caches (no-store); an encoded one still says it varies.
        if (expected) expect(String(response.headers.vary), accept).toMatch(/accept-encoding/i);
        expect(decoded(response)).toBe(text);
        if (expected) expect(response.bytes.length).toBeLessThan(plain.bytes.length / 3);
      }
    }
  });

  it("compresses other large JSON answers too, but not small ones or the session's", async () => {
    const openapi = await fetchRaw(platform, "/api/openapi.json", "br");
    expect(openapi.headers["content-encoding"]).toBe("br");
    expect(JSON.parse(decoded(openapi)).openapi).toBe("3.1.0");
    const session = await fetchRaw(platform, "/api/v1/session", "gzip, br");
    expect(session.status).toBe(200);
    expect(session.headers["content-encoding"]).toBeUndefined();
    const missing = await fetchRaw(platform, "/api/v1/challenges/nothing-here", "gzip, br");
    expect(missing.status).toBeGreaterThanOrEqual(400);
    expect(missing.headers["content-encoding"]).toBeUndefined();
  });
});

describe("the web build's precompressed files", () => {
  let served: Awaited<ReturnType<typeof platformServingWeb>>;
  const script = `console.log(${JSON.stringify("x".repeat(4000))});`;
  beforeAll(async () => {
    served = await platformServingWeb({
      "index.html": "<!doctype html><title>CSP</title>",
      "assets/app-1b2c.js": script,
      // Stand-ins that say which copy was sent (a real build writes the compressed script).
      "assets/app-1b2c.js.br": "brotli copy",
      "assets/app-1b2c.js.gz": "gzip copy",
    });
  });
  afterAll(() => served?.close());

  it("sends the copy the browser accepts, and the file itself otherwise", async () => {
    const brotli = await fetchRaw(served.platform, "/assets/app-1b2c.js", "gzip, deflate, br");
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotli.bytes.toString()).toBe("brotli copy");
    expect(brotli.headers["content-type"]).toMatch(/javascript/);
    expect(brotli.headers["cache-control"]).toContain("immutable");
    const gzip = await fetchRaw(served.platform, "/assets/app-1b2c.js", "gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.bytes.toString()).toBe("gzip copy");
    const plain = await fetchRaw(served.platform, "/assets/app-1b2c.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.bytes.toString()).toBe(script);
  });
});
