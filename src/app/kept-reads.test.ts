import { get as httpGet } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../core/auth/session-cookie.ts";
import {
  type CityTeam,
  cityTeam,
  publishedChallenge,
  type WatchedPlatform,
} from "../modules/challenges/test/factories.ts";
import { createTestPlatform } from "./testing.ts";

interface Received {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const ANSWERED_FROM_CACHE = "request answered from the read cache";

/**
 * The platform's public reads over a real socket: once an address is kept, an anonymous caller
 * gets it from the HTTP server before routing (core/http/kernel.ts), and it must be what the
 * route itself sends — the same bytes and headers as a signed-in caller's routed answer.
 */
describe("public reads kept and sent before routing, on the whole platform", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let base: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    platform = await createTestPlatform(
      { SESSION_DAYS: "365", LOG_LEVEL: "info" },
      { logStream: { write: (line) => logLines.push(line) } },
    );
    city = await cityTeam(platform, "Copenhagen");
    for (const title of ["Cool roofs for schools", "District heating from sewage", "Bus depots"]) {
      await publishedChallenge(platform, city, { title });
    }
    await platform.app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(platform.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    expect(platform.serverErrors).toEqual([]);
    await platform.close();
  });

  async function get(path: string, headers: Record<string, string> = {}): Promise<Received> {
    const response = await fetch(`${base}${path}`, {
      headers: { "accept-encoding": "br", ...headers },
    });
    const { date: _date, ...representation } = Object.fromEntries(response.headers);
    return {
      status: response.status,
      headers: representation,
      // fetch undoes the encoding; the bytes compared are the JSON's.
      body: Buffer.from(await response.arrayBuffer()),
    };
  }
  const answeredFromCache = () =>
    logLines.filter((line) => line.includes(ANSWERED_FROM_CACHE)).length;
  const signedIn = () => ({ cookie: `${SESSION_COOKIE}=${city.member.client.sessionToken}` });

  it("sends the kept challenge list and search as the routes send them", async () => {
    for (const path of ["/api/v1/challenges", "/api/v1/solutions?q=water&sort=relevance"]) {
      const first = await get(path);
      expect(first.status).toBe(200);
      const before = answeredFromCache();
      const kept = await get(path);
      expect(answeredFromCache(), path).toBe(before + 1);
      const routed = await get(path, signedIn());
      expect(answeredFromCache(), path).toBe(before + 1);
      expect(kept.status).toBe(200);
      expect(kept.headers).toEqual(routed.headers);
      expect(kept.body.equals(routed.body)).toBe(true);
      expect(kept.body.equals(first.body)).toBe(true);
    }
    const list = JSON.parse((await get("/api/v1/challenges")).body.toString("utf8"));
    expect(list.challenges.map((challenge: { title: string }) => challenge.title)).toEqual(
      expect.arrayContaining(["Cool roofs for schools", "Bus depots"]),
    );
  });

  it("sends compressed bytes that decode to the same list", async () => {
    const path = "/api/v1/challenges?sector=water";
    await get(path);
    // fetch would undo the encoding: read the bytes as they came.
    const raw = await new Promise<Buffer>((resolve, reject) => {
      httpGet(`${base}${path}`, { headers: { "accept-encoding": "br" } }, (response) => {
        expect(response.headers["content-encoding"]).toBe("br");
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve(Buffer.concat(chunks)));
      }).on("error", reject);
    });
    const routed = await get(path, signedIn());
    expect(brotliDecompressSync(raw).equals(routed.body)).toBe(true);
  });

  it("routes the next anonymous read after a write, and it shows the write", async () => {
    const path = "/api/v1/challenges";
    await get(path);
    await get(path);
    const before = answeredFromCache();
    await publishedChallenge(platform, city, { title: "Heat pumps for social housing" });
    const after = await get(path);
    expect(answeredFromCache()).toBe(before);
    expect(after.body.toString("utf8")).toContain("Heat pumps for social housing");
  });
});
