import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "./testing.ts";

describe("platform", () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform();
  });
  afterAll(() => platform.close());

  it("answers health checks with the database state", async () => {
    const response = await platform.client().get<{ status: string }>("/healthz");
    expect(response.status).toBe(200);
    expect(response.body.status).toBe("ok");
  });

  it("serves an OpenAPI 3.1 document", async () => {
    const response = await platform
      .client()
      .get<{ openapi: string; paths: Record<string, unknown> }>("/api/openapi.json");
    expect(response.body.openapi).toBe("3.1.0");
    expect(Object.keys(response.body.paths)).toContain("/api/v1/organisations");
  });
});
