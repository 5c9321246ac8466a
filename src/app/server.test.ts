import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../core/testing/http-client.ts";
import type { Platform } from "./server.ts";
import { platformServingWeb } from "./test/web-platform.ts";

/** The web app served next to the API, from a build folder of the test's own. */
describe("serving the web app", () => {
  let served: Awaited<ReturnType<typeof platformServingWeb>>;
  let platform: Platform;
  let client: TestClient;
  beforeAll(async () => {
    served = await platformServingWeb({
      "index.html": "<!doctype html><title>CSP</title><div id=root>",
      "favicon.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
      "robots.txt": "User-agent: *\n",
      "assets/app-3f2a.js": "console.log('app');",
    });
    platform = served.platform;
    client = new TestClient(platform.app);
  });
  afterAll(() => served?.close());

  it("serves the favicon and robots.txt of the build", async () => {
    const favicon = await client.get<string>("/favicon.svg");
    expect(favicon.status).toBe(200);
    expect(favicon.headers["content-type"]).toMatch(/image\/svg\+xml/);
    const robots = await client.get<string>("/robots.txt");
    expect(robots.status).toBe(200);
    expect(robots.body).toContain("User-agent");
  });

  it("serves hashed assets with a long cache life", async () => {
    const asset = await client.get<string>("/assets/app-3f2a.js");
    expect(asset.status).toBe(200);
    expect(asset.body).toContain("console.log");
    expect(asset.headers["cache-control"]).toContain("immutable");
    const missing = await client.get("/assets/app-0000.js");
    expect(missing.status).toBe(404);
  });

  it("answers every page address with the app, which routes on the client", async () => {
    for (const path of ["/", "/challenges/stormwater", "/organisations/abc?tab=members"]) {
      const page = await client.get<string>(path);
      expect(page.status).toBe(200);
      expect(page.headers["content-type"]).toMatch(/text\/html/);
      expect(page.body).toContain("<div id=root>");
      expect(page.headers["cache-control"]).toBe("no-cache");
      expect(String(page.headers["content-security-policy"])).not.toContain("unsafe-inline");
    }
  });

  it("keeps API addresses out of the app's fallback", async () => {
    const response = await client.get("/api/v1/no-such-thing");
    expect(response.status).toBe(404);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });

  it("serves nothing outside the build folder", async () => {
    for (const path of [
      "/assets/..%2f..%2fpackage.json",
      "/assets/%2e%2e/%2e%2e/package.json",
      "/assets/../../package.json",
    ]) {
      const response = await client.get<string>(path);
      // Refused, or resolved to a page address and answered with the app: never the file.
      expect(response.status).toBeLessThan(500);
      expect(JSON.stringify(response.body)).not.toContain("city-solutions-platform");
    }
  });
});
