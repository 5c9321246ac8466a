import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../app/testing.ts";
import type { TestResponse } from "../testing/http-client.ts";
import type { ProblemDocument } from "./problem.ts";

const goodSignUp = {
  email: "kernel@example.org",
  name: "Kernel Tester",
  password: "a long and unusual passphrase 7",
};

/** Every error is RFC 9457 problem+json whose status matches the response's. */
function expectProblem(response: TestResponse<unknown>, status: number): ProblemDocument {
  expect(response.status).toBe(status);
  expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const problem = response.body as ProblemDocument;
  expect(problem.status).toBe(status);
  expect(problem.type).toEqual(expect.any(String));
  expect(problem.title).toEqual(expect.any(String));
  expect(problem.code).toEqual(expect.any(String));
  return problem;
}

function fieldsOf(problem: ProblemDocument): string[] {
  return (problem.errors ?? []).map((error) => error.field);
}

describe("HTTP kernel", () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform();
  });
  afterAll(() => platform.close());

  describe("request bodies", () => {
    it("answers malformed JSON with 400 about the body", async () => {
      const response = await platform.client().request("POST", "/api/v1/accounts", {
        rawBody: '{"email": "kernel@example.org", "name": ',
        headers: { "content-type": "application/json" },
      });
      const problem = expectProblem(response, 400);
      expect(fieldsOf(problem)).toEqual(["body"]);
      expect(problem.instance).toBe("/api/v1/accounts");
    });

    it("answers an empty JSON body with 400 about the body", async () => {
      const response = await platform.client().request("POST", "/api/v1/session", {
        rawBody: "",
        headers: { "content-type": "application/json" },
      });
      expect(fieldsOf(expectProblem(response, 400))).toEqual(["body"]);
    });

    it("refuses the NUL character anywhere with 400 naming the field, before any route runs", async () => {
      const person = await platform.signedIn();
      const body = await person.client.post("/api/v1/organisations", {
        name: "Nul\u0000 Heat",
        kind: "company",
        country: "DK",
      });
      expect(fieldsOf(expectProblem(body, 400))).toEqual(["body.name"]);
      const nested = await person.client.post("/api/v1/organisations", {
        name: "Heat",
        kind: "company",
        country: "DK",
        extra: { deep: ["ok", "bad\u0000"] },
      });
      expect(fieldsOf(expectProblem(nested, 400))).toEqual(["body.extra.deep.1"]);
      const query = await platform.client().get("/api/v1/organisations?q=a%00b");
      expect(fieldsOf(expectProblem(query, 400))).toEqual(["query.q"]);
      expect(platform.serverErrors).toEqual([]);
    });

    it("refuses prototype-poisoning JSON with 400", async () => {
      const response = await platform.client().request("POST", "/api/v1/accounts", {
        rawBody: `{"email":"a@example.org","name":"A","password":"x","__proto__":{"admin":true}}`,
        headers: { "content-type": "application/json" },
      });
      expect(fieldsOf(expectProblem(response, 400))).toEqual(["body"]);
    });

    it("names the field of a wrong type", async () => {
      const response = await platform.client().post("/api/v1/accounts", {
        ...goodSignUp,
        email: 42,
      });
      const problem = expectProblem(response, 400);
      expect(problem.code).toBe("validation_failed");
      expect(fieldsOf(problem)).toEqual(["body.email"]);
    });

    it("names every field that is wrong", async () => {
      const response = await platform.client().post("/api/v1/session", {
        email: "not an address",
        password: ["a", "b"],
      });
      expect(fieldsOf(expectProblem(response, 400)).sort()).toEqual([
        "body.email",
        "body.password",
      ]);
    });

    it("names a missing field", async () => {
      const { name: _name, ...withoutName } = goodSignUp;
      const response = await platform.client().post("/api/v1/accounts", withoutName);
      expect(fieldsOf(expectProblem(response, 400))).toEqual(["body.name"]);
    });

    it("names each unknown field", async () => {
      const response = await platform.client().post("/api/v1/accounts", {
        ...goodSignUp,
        isAdmin: true,
        platformRoles: ["admin"],
      });
      const problem = expectProblem(response, 400);
      expect(fieldsOf(problem).sort()).toEqual(["body.isAdmin", "body.platformRoles"]);
    });

    it("answers a body over the limit with 413", async () => {
      const huge = "x".repeat(platform.config.bodyLimitBytes + 1);
      const response = await platform.client().post("/api/v1/accounts", {
        ...goodSignUp,
        name: huge,
      });
      const problem = expectProblem(response, 413);
      expect(fieldsOf(problem)).toEqual(["body"]);
    });

    it("answers a body that is not JSON with 415", async () => {
      const response = await platform.client().request("POST", "/api/v1/accounts", {
        rawBody: "email=kernel@example.org&name=Kernel",
        headers: { "content-type": "text/plain" },
      });
      expectProblem(response, 415);
      const form = await platform.client().request("POST", "/api/v1/session", {
        rawBody: "email=kernel@example.org",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expectProblem(form, 415);
      const untyped = await platform.client().request("POST", "/api/v1/session", {
        rawBody: JSON.stringify({ email: "kernel@example.org", password: "x" }),
      });
      expectProblem(untyped, 415);
    });

    it("accepts JSON with a charset", async () => {
      const response = await platform.client().request("POST", "/api/v1/accounts", {
        rawBody: JSON.stringify(goodSignUp),
        headers: { "content-type": "application/json; charset=utf-8" },
      });
      expect(response.status).toBe(202);
    });
  });

  describe("addresses", () => {
    it("names params.id for a bad UUID in the path", async () => {
      const { client } = await platform.signedIn();
      const response = await client.patch("/api/v1/organisations/not-a-uuid", {
        name: "Renamed",
      });
      const problem = expectProblem(response, 400);
      expect(fieldsOf(problem)).toEqual(["params.id"]);
    });

    it("names query parameters of a wrong type and unknown ones", async () => {
      const wrong = await platform.client().get("/api/v1/organisations?limit=many");
      expect(fieldsOf(expectProblem(wrong, 400))).toEqual(["query.limit"]);
      const unknown = await platform.client().get("/api/v1/organisations?sort=name");
      expect(fieldsOf(expectProblem(unknown, 400))).toEqual(["query.sort"]);
    });

    it("answers unknown API routes with 404 problem+json", async () => {
      for (const [method, url] of [
        ["GET", "/api/v1/no-such-thing"],
        ["POST", "/api/v1/no-such-thing"],
        ["DELETE", "/api/v1/accounts"],
        ["GET", "/api/v2/organisations?limit=1"],
      ] as const) {
        const response = await platform.client().request(method, url);
        const problem = expectProblem(response, 404);
        expect(problem.instance).toBe(url.split("?")[0]);
      }
    });
  });

  describe("headers", () => {
    it("sends security headers with a strict content security policy", async () => {
      for (const url of ["/healthz", "/some/page"]) {
        const response = await platform.client().get(url);
        const csp = String(response.headers["content-security-policy"]);
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("object-src 'none'");
        expect(csp).not.toContain("unsafe-inline");
        expect(csp).not.toContain("unsafe-eval");
        expect(response.headers["x-content-type-options"]).toBe("nosniff");
        expect(response.headers["x-powered-by"]).toBeUndefined();
      }
    });

    it("lets an API answer load and run nothing, should it be opened as a page", async () => {
      for (const url of ["/api/v1/session", "/api/v1/organisations", "/api/v1/nothing-here"]) {
        const response = await platform.client().get(url);
        const directives = String(response.headers["content-security-policy"])
          .split(";")
          .map((directive) => directive.trim());
        expect(directives, url).toEqual(["default-src 'none'", "frame-ancestors 'none'"]);
        expect(response.headers["x-content-type-options"], url).toBe("nosniff");
        expect(response.headers["x-frame-options"], url).toBe("DENY");
        expect(response.headers["cross-origin-resource-policy"], url).toBe("same-origin");
        // Headers only a document uses are not sent with data.
        expect(response.headers["x-dns-prefetch-control"], url).toBeUndefined();
        expect(response.headers["cross-origin-opener-policy"], url).toBeUndefined();
        expect(response.headers["x-powered-by"], url).toBeUndefined();
      }
    });

    it("keeps API answers out of caches, errors included", async () => {
      for (const response of [
        await platform.client().get("/api/v1/session"),
        await platform.client().get("/api/v1/organisations"),
        await platform.client().get("/api/v1/nothing-here"),
        await platform.client().post("/api/v1/accounts", { nonsense: true }),
        await platform.client().request("POST", "/api/v1/accounts", {
          rawBody: "{",
          headers: { "content-type": "application/json" },
        }),
      ]) {
        expect(response.status).toBeLessThan(500);
        expect(response.headers["cache-control"]).toBe("no-store");
      }
    });
  });

  describe("anti-forgery", () => {
    it("refuses a cookie-authenticated write without the CSRF token, and accepts it with one", async () => {
      const { client } = await platform.signedIn();
      const without = await client.request("PATCH", "/api/v1/me", {
        body: { name: "Forged Name" },
        csrf: false,
      });
      expect(expectProblem(without, 403).code).toBe("csrf_token_invalid");
      const wrong = await client.request("PATCH", "/api/v1/me", {
        body: { name: "Forged Name" },
        csrf: false,
        headers: { "x-csrf-token": "not-the-token" },
      });
      expect(expectProblem(wrong, 403).code).toBe("csrf_token_invalid");
      const me = await client.get<{ name: string }>("/api/v1/me");
      expect(me.body.name).not.toBe("Forged Name");

      const withToken = await client.patch<{ name: string }>("/api/v1/me", { name: "Real Name" });
      expect(withToken.status).toBe(200);
      expect((await client.get<{ name: string }>("/api/v1/me")).body.name).toBe("Real Name");
    });
  });

  describe("health", () => {
    it("answers 200 while the database answers", async () => {
      const response = await platform
        .client()
        .get<{ status: string; database: string }>("/healthz");
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: "ok", database: "ok" });
      expect(response.headers["cache-control"]).toBe("no-store");
    });

    it("answers 503 once the database is gone", async () => {
      const doomed = await createTestPlatform();
      try {
        await doomed.database.close();
        const response = await doomed
          .client()
          .get<{ status: string; database: string }>("/healthz");
        expect(response.status).toBe(503);
        expect(response.body).toMatchObject({ status: "unavailable", database: "unreachable" });
      } finally {
        await doomed.app.close();
      }
    });
  });
});
