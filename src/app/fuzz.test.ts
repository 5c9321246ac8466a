import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanAuditChain } from "../core/audit/chain.ts";
import type { TestClient } from "../core/testing/http-client.ts";
import { type DemoStage, demoStage, freshAddress } from "./test/demo-actors.ts";
import {
  addressOf,
  hostileValue,
  malformedArbitrary,
  type Operation,
  operationsOf,
  ResponseChecker,
  validArbitrary,
} from "./test/openapi-requests.ts";

/**
 * Random and malformed requests to every operation of the live OpenAPI document, as different
 * callers, against the demo data: no answer is a 5xx, every answer fits the schema the document
 * declares for its status, and the audit chain still verifies afterwards.
 *
 * FUZZ_RUNS sets how many requests (default 400 in `npm test`; the full suite is 10,000) and
 * FUZZ_SEED replays a run.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 400);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

type Caller = "anonymous" | "outsider" | "founder" | "city" | "admin";
// Routes that end the caller's session: fuzzed anonymously only, so the others stay signed in.
const sessionEnders = new Set([
  "DELETE /api/v1/session",
  "POST /api/v1/me/password",
  "DELETE /api/v1/me/sessions/{id}",
  "PATCH /api/v1/admin/users/{id}",
]);

interface FuzzRequest {
  operation: Operation;
  caller: Caller;
  pathMode: "demo" | "hostile";
  hostilePath: unknown;
  query: Record<string, unknown>;
  body: { kind: "none" } | { kind: "json"; value: unknown } | { kind: "raw"; text: string };
}

describe("fuzzing every operation of the OpenAPI document", () => {
  let stage: DemoStage;
  let operations: Operation[];
  let checker: ResponseChecker;
  const callers = new Map<Caller, TestClient>();

  beforeAll(async () => {
    stage = await demoStage();
    operations = operationsOf(stage.document);
    checker = new ResponseChecker(stage.document);
    callers.set("anonymous", stage.anonymous);
    callers.set("outsider", stage.outsider);
    for (const owner of ["founder", "city", "admin"] as const)
      callers.set(owner, await stage.demoClient(owner));
  }, 240_000);
  afterAll(async () => {
    await stage?.platform.close();
  });

  function requestArbitrary(): fc.Arbitrary<FuzzRequest> {
    // Built once per operation: rebuilding them for every sample cost more than the requests.
    const perOperation = new Map(
      operations.map((operation) => [operation, forOperation(operation)]),
    );
    return fc.constantFrom(...operations).chain((operation) => perOperation.get(operation)!);
  }

  function forOperation(operation: Operation): fc.Arbitrary<FuzzRequest> {
    const query = fc.record(
      Object.fromEntries(
        operation.queryParameters.map((parameter) => [
          parameter.name,
          fc.oneof(
            { weight: 3, arbitrary: validArbitrary(stage.document, parameter.schema) },
            { weight: 1, arbitrary: hostileValue },
          ),
        ]),
      ),
      { requiredKeys: [] },
    );
    const body: fc.Arbitrary<FuzzRequest["body"]> = operation.body
      ? fc.oneof(
          {
            weight: 3,
            arbitrary: validArbitrary(stage.document, operation.body).map((value) => ({
              kind: "json" as const,
              value,
            })),
          },
          {
            weight: 3,
            arbitrary: malformedArbitrary(stage.document, operation.body).map((value) => ({
              kind: "json" as const,
              value,
            })),
          },
          {
            weight: 1,
            arbitrary: fc
              .oneof(fc.string({ maxLength: 40 }), fc.constantFrom("{", '{"a":', "[1,", "nul"))
              .map((text) => ({ kind: "raw" as const, text })),
          },
          { weight: 1, arbitrary: fc.constant({ kind: "none" as const }) },
        )
      : fc.constant({ kind: "none" as const });
    const callerNames: Caller[] = sessionEnders.has(operation.key)
      ? ["anonymous"]
      : ["anonymous", "outsider", "founder", "city", "admin"];
    return fc.record({
      operation: fc.constant(operation),
      caller: fc.constantFrom(...callerNames),
      pathMode: fc.constantFrom("demo" as const, "demo" as const, "hostile" as const),
      hostilePath: hostileValue,
      query,
      body,
    });
  }

  function addressFor(request: FuzzRequest): string {
    const values = stage.pathValues(request.operation);
    if (request.pathMode === "hostile" && request.operation.pathParameters.length > 0) {
      const [first] = request.operation.pathParameters;
      const text =
        typeof request.hostilePath === "string"
          ? request.hostilePath.slice(0, 2_000)
          : JSON.stringify(request.hostilePath);
      values[first!.name] = text === "" ? " " : text;
    }
    return addressOf(request.operation, values, request.query);
  }

  it(`sends ${runs} requests without a 5xx or an answer that breaks its schema, and leaves the audit chain whole`, async () => {
    const requests = fc.sample(requestArbitrary(), { numRuns: runs, seed });
    const failures = new Map<string, string>();
    const started = performance.now();
    let sent = 0;
    let uriTooLong = 0;
    // Statuses a route answers that its schema does not list: reported, not failed.
    const undeclared = new Set<string>();
    for (const request of requests) {
      const client = callers.get(request.caller)!;
      freshAddress(client);
      const url = addressFor(request);
      const options =
        request.body.kind === "json"
          ? { body: request.body.value }
          : request.body.kind === "raw"
            ? { rawBody: request.body.text, headers: { "content-type": "application/json" } }
            : {};
      const response = await client.request(request.operation.method, url, options);
      sent += 1;
      const where = `${request.operation.key} as ${request.caller}`;
      if (response.status >= 500) {
        failures.set(
          `${where} ${response.status}`,
          `${url.slice(0, 300)} ${JSON.stringify(request.body).slice(0, 300)}`,
        );
        continue;
      }
      if (response.status === 414) {
        // Fastify refuses a path parameter longer than its limit before any route runs.
        uriTooLong += 1;
        continue;
      }
      const problem = checker.problemWith(
        request.operation,
        response.status,
        String(response.headers["content-type"] ?? ""),
        response.body,
        response.raw.body,
      );
      if (problem?.undeclared) undeclared.add(`${request.operation.key} ${response.status}`);
      if (problem?.why)
        failures.set(
          `${where} ${response.status} breaks its schema`,
          `${problem.why.slice(0, 300)} — ${url.slice(0, 200)}`,
        );
    }
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `fuzz: ${sent} requests in ${seconds.toFixed(1)} s (seed ${seed}), ${failures.size} distinct failures, ${uriTooLong} answered 414, statuses not in the document: ${[...undeclared].sort().join(", ")}`,
    );
    expect(Object.fromEntries(failures)).toEqual({});
    expect(stage.platform.serverErrors).toEqual([]);
    const chain = await scanAuditChain(stage.platform.database.db);
    expect(chain.firstBreak).toBeNull();
    expect(chain.count).toBeGreaterThan(0);
  }, 1_800_000);
});
