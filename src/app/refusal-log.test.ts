import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../core/testing/http-client.ts";
import { authorisationMatrix } from "./authorisation-matrix.ts";
import { type DemoStage, demoStage, freshAddress } from "./test/demo-actors.ts";
import { addressOf, type Operation, operationsOf, sampleOf } from "./test/openapi-requests.ts";

/**
 * Every 401 and 403 is logged once, with who asked, the route and the object. The platform runs
 * in demo mode with its JSON log lines collected; the matrix's refused callers (anonymous on every
 * route that is not public, the member of another organisation on every organisation and admin
 * route, a session write without its anti-forgery token, a revoked-looking bearer token) make
 * their requests, and each answer is matched to its log lines by the request's id (the caller's
 * address, fresh per request, names it in Fastify's "incoming request" line).
 */

interface LogLine {
  level: number;
  msg?: string;
  reqId?: string;
  req?: { method: string; url: string; remoteAddress?: string };
  actor?: string;
  route?: string;
  object?: Record<string, unknown> | null;
  status?: number;
}

interface Sent {
  who: string;
  key: string;
  method: string;
  url: string;
  ip: string;
  status: number;
  /** The actor the refusal must name: a user id, or "anonymous". */
  actor: string;
  /** The route pattern as Fastify names it ("/api/v1/challenges/:id"). */
  pattern: string;
  params: Record<string, string>;
}

describe("refusals in the log", () => {
  const lines: LogLine[] = [];
  let stage: DemoStage;
  let operations: Operation[];
  let outsiderId: string;
  const sent: Sent[] = [];

  beforeAll(async () => {
    stage = await demoStage({
      logLevel: "info",
      logStream: {
        write(chunk: string) {
          for (const line of chunk.split("\n")) if (line.trim()) lines.push(JSON.parse(line));
        },
      },
    });
    operations = operationsOf(stage.document);
    const me = await stage.outsider.get<{ id: string }>("/api/v1/me");
    outsiderId = me.body.id;
  }, 240_000);
  afterAll(async () => {
    await stage?.platform.close();
  });

  const bodies = new Map<string, unknown>();
  const requiredQuery = (operation: Operation) =>
    Object.fromEntries(
      operation.queryParameters
        .filter((parameter) => parameter.required)
        .map((parameter) => [parameter.name, sampleOf(stage.document, parameter.schema)]),
    );

  async function send(client: TestClient, who: string, actor: string, operation: Operation) {
    const params = stage.pathValues(operation);
    const url = addressOf(operation, params, requiredQuery(operation));
    // Validation runs before authorisation: a few samples until one is not refused as invalid.
    const seeds = operation.body && !bodies.has(operation.key) ? 12 : 1;
    for (let seed = 1; seed <= seeds; seed++) {
      const body = operation.body
        ? (bodies.get(operation.key) ?? sampleOf(stage.document, operation.body, seed))
        : undefined;
      freshAddress(client);
      const response = await client.request(
        operation.method,
        url,
        body === undefined ? {} : { body },
      );
      sent.push({
        who,
        key: operation.key,
        method: operation.method,
        url,
        ip: client.ip!,
        status: response.status,
        actor,
        pattern: operation.path.replace(/\{([^}]+)\}/g, ":$1"),
        params,
      });
      if (response.status !== 400) {
        if (body !== undefined) bodies.set(operation.key, body);
        return;
      }
    }
  }

  it("logs each 401 and 403 exactly once, naming the actor, the route and the object", async () => {
    const started = performance.now();
    for (const operation of operations) {
      const access = authorisationMatrix[operation.key]?.access;
      if (!access || access === "public") continue;
      await send(stage.anonymous, "anonymous", "anonymous", operation);
      if (access === "organisation" || access === "admin")
        await send(stage.outsider, "outsider", outsiderId, operation);
    }
    // A session write without the anti-forgery token (refused by the kernel, not a route).
    const patchMe = operations.find((operation) => operation.key === "PATCH /api/v1/me")!;
    const token = stage.outsider.csrfToken;
    stage.outsider.csrfToken = null;
    await send(stage.outsider, "outsider without CSRF token", outsiderId, patchMe);
    stage.outsider.csrfToken = token;
    // A bearer token nobody holds: the caller is anonymous.
    const stranger = stage.platform.client();
    stranger.bearerToken = "csp_pat_notarealtokenatall0000000000";
    const getMe = operations.find((operation) => operation.key === "GET /api/v1/me")!;
    await send(stranger, "unknown bearer token", "anonymous", getMe);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const seconds = (performance.now() - started) / 1000;

    const incoming = new Map<string, string>();
    for (const line of lines)
      if (line.msg === "incoming request" && line.req && line.reqId)
        incoming.set(`${line.req.remoteAddress} ${line.req.method} ${line.req.url}`, line.reqId);
    const byRequest = new Map<string, LogLine[]>();
    for (const line of lines)
      if (line.reqId) byRequest.set(line.reqId, [...(byRequest.get(line.reqId) ?? []), line]);

    const problems: string[] = [];
    let refused = 0;
    const refusedRoutes = new Set<string>();
    for (const request of sent) {
      const where = `${request.key} as ${request.who} (${request.status})`;
      const reqId = incoming.get(`${request.ip} ${request.method} ${request.url}`);
      if (!reqId) {
        problems.push(`${where}: no "incoming request" line`);
        continue;
      }
      const ofRequest = byRequest.get(reqId) ?? [];
      const refusals = ofRequest.filter((line) => line.msg === "access refused");
      const isRefusal = request.status === 401 || request.status === 403;
      if (!isRefusal) {
        if (refusals.length > 0) problems.push(`${where}: logged as refused`);
        continue;
      }
      refused += 1;
      refusedRoutes.add(request.key);
      if (refusals.length !== 1) {
        problems.push(`${where}: ${refusals.length} "access refused" lines`);
        continue;
      }
      const [line] = refusals as [LogLine];
      const expectedObject = Object.keys(request.params).length > 0 ? request.params : null;
      const logged = {
        actor: line.actor,
        route: line.route,
        // Parsed path parameters (a number stays a number): compared as the URL wrote them.
        object: line.object
          ? Object.fromEntries(Object.entries(line.object).map(([k, v]) => [k, String(v)]))
          : line.object,
        status: line.status,
        level: line.level,
      };
      const expected = {
        actor: request.actor,
        route: `${request.method} ${request.pattern}`,
        object: expectedObject,
        status: request.status,
        level: 40,
      };
      if (JSON.stringify(logged) !== JSON.stringify(expected))
        problems.push(
          `${where}: logged ${JSON.stringify(logged)}, expected ${JSON.stringify(expected)}`,
        );
      const otherWarnings = ofRequest.filter((other) => other !== line && other.level >= 40);
      if (otherWarnings.length > 0)
        problems.push(`${where}: other warnings ${JSON.stringify(otherWarnings).slice(0, 300)}`);
    }
    console.info(
      `refusal log: ${sent.length} requests in ${seconds.toFixed(1)} s, ${refused} refused (401/403) on ${refusedRoutes.size} routes, each logged once`,
    );
    expect(problems).toEqual([]);
    // The run must actually refuse: anonymous on signed-in routes, the outsider on others'.
    expect(refused).toBeGreaterThan(150);
    expect(sent.some((request) => request.who.includes("CSRF") && request.status === 403)).toBe(
      true,
    );
    expect(sent.some((request) => request.who.includes("bearer") && request.status === 401)).toBe(
      true,
    );
  }, 240_000);
});
