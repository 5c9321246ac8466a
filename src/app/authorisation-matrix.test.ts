import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient, TestResponse } from "../core/testing/http-client.ts";
import {
  type Access,
  authorisationMatrix,
  type DemoOwner,
  type RouteDeclaration,
} from "./authorisation-matrix.ts";
import { type DemoStage, demoStage, freshAddress } from "./test/demo-actors.ts";
import { addressOf, type Operation, operationsOf, sampleOf } from "./test/openapi-requests.ts";

/**
 * Every operation of the live OpenAPI document, sent as each kind of caller against the demo
 * data, answered as authorisation-matrix.ts declares. The modules test their own rules in
 * detail; this is the net under them that catches a route nobody thought about.
 */

type Column = "anonymous" | "outsider" | "owner" | "admin";

// What a refusal may say: a problem document, nothing of the object it guards.
const problemKeys = new Set(["type", "title", "status", "detail", "instance", "code", "errors"]);

/** The statuses each column accepts, per access class; "pass" means past authorisation. */
function expectation(access: Access, column: Column): "pass" | number[] {
  if (column === "anonymous") return access === "public" ? "pass" : [401, 403, 404];
  if (column === "outsider")
    return access === "public" || access === "signed-in" ? "pass" : [403, 404];
  return "pass";
}

/**
 * Past authorisation: no 401 "sign in first", no 403; a 404 only where the demo lacks the object
 * (declared, or a path parameter the demo cannot fill) or it is about an id in the body.
 */
function gotPast(response: TestResponse, declaration: RouteDeclaration, unseeded: boolean) {
  const problem = response.body as { code?: string; errors?: Array<{ field?: string }> } | null;
  if (response.status === 403) return false;
  if (response.status === 401) return problem?.code !== "unauthenticated";
  if (response.status === 404)
    return (
      unseeded ||
      declaration.notFound !== undefined ||
      Boolean(problem?.errors?.some((error) => error.field?.startsWith("body.")))
    );
  return true;
}

// Writes that end the caller's own session or account run last in each column.
const sessionEnders = new Set(["DELETE /api/v1/session", "POST /api/v1/me/password"]);
const methodOrder = { GET: 0, PUT: 1, PATCH: 1, POST: 1, DELETE: 2 };
function inRunOrder(operations: Operation[]): Operation[] {
  return [...operations].sort(
    (a, b) =>
      Number(sessionEnders.has(a.key)) - Number(sessionEnders.has(b.key)) ||
      methodOrder[a.method] - methodOrder[b.method],
  );
}

/** Fields whose valid values depend on each other, which a schema sample does not get right. */
const eventTimes = {
  startsAt: "2027-05-03T09:00:00.000Z",
  endsAt: "2027-05-03T17:00:00.000Z",
  registrationDeadline: null,
};
const consistentFields: Record<string, object> = {
  "PUT /api/v1/challenges/{id}/evaluation": {
    criteria: [
      { name: "Quality of the approach", weight: 60, kind: "technical" },
      { name: "Price", weight: 40, kind: "financial" },
    ],
  },
  "PUT /api/v1/events/{id}/hackathon": {
    minTeamSize: 2,
    maxTeamSize: 5,
    submissionDeadline: "2027-05-03T15:00:00.000Z",
    criteria: [{ name: "Impact", description: "What it changes for the city", weight: 100 }],
  },
  "POST /api/v1/events": eventTimes,
  "PUT /api/v1/events/{id}": eventTimes,
};

describe("the authorisation matrix over the OpenAPI document", () => {
  let stage: DemoStage;
  let operations: Operation[];
  const sent: Array<{ column: Column; key: string; status: number }> = [];

  beforeAll(async () => {
    stage = await demoStage();
    operations = operationsOf(stage.document);
  }, 240_000);
  afterAll(async () => {
    const perColumn = new Map<Column, number>();
    for (const request of sent)
      perColumn.set(request.column, (perColumn.get(request.column) ?? 0) + 1);
    console.info(
      `matrix: ${sent.length} requests, ${[...perColumn].map(([column, count]) => `${column} ${count}`).join(", ")}`,
    );
    expect(stage.platform.serverErrors).toEqual([]);
    await stage?.platform.close();
  });

  const bodies = new Map<string, unknown>();
  /**
   * A body that passes the route's validation, which runs before authorisation: samples of the
   * schema (demo ids put in the fields that name an object) until an anonymous call is not
   * answered 400. Zod refinements the document cannot state make some samples fail.
   */
  async function bodyFor(operation: Operation, owner: DemoOwner): Promise<unknown> {
    if (!operation.body) return undefined;
    const known = bodies.get(operation.key);
    if (known !== undefined) return known;
    const demoIds: Record<string, unknown> = {
      organisationId: await stage.organisationOf(owner),
      leadOrganisationId: await stage.organisationOf(owner),
      challengeId: stage.ids.get("challenge"),
      solutionId: stage.ids.get("solution"),
      eventId: stage.ids.get("event"),
      providerId: await stage.organisationOf(owner),
      clusterId: await stage.organisationOf(owner),
      parentId: await stage.organisationOf(owner),
      funderId: await stage.organisationOf(owner),
      sourceId: stage.ids.get("funding-source"),
      hostOrganisationIds: [await stage.organisationOf(owner)],
      userId: stage.ids.get("user"),
    };
    let body: unknown;
    for (let seed = 1; seed <= 40; seed++) {
      body = sampleOf(stage.document, operation.body, seed);
      if (body && typeof body === "object" && !Array.isArray(body))
        for (const [field, id] of Object.entries(demoIds))
          if (id && field in (body as object)) (body as Record<string, unknown>)[field] = id;
      Object.assign(body ?? {}, consistentFields[operation.key]);
      const probe = platformClient();
      freshAddress(probe);
      const response = await probe.request(
        operation.method,
        addressOf(operation, stage.pathValues(operation), requiredQuery(operation)),
        { body },
      );
      if (response.status !== 400) break;
      if (seed === 40)
        console.log(
          "DEBUG400",
          operation.key,
          JSON.stringify(body).slice(0, 300),
          JSON.stringify(response.body).slice(0, 400),
        );
    }
    bodies.set(operation.key, body);
    return body;
  }
  const platformClient = () => stage.platform.client();
  const requiredQuery = (operation: Operation) =>
    Object.fromEntries(
      operation.queryParameters
        .filter((parameter) => parameter.required)
        .map((parameter) => [parameter.name, sampleOf(stage.document, parameter.schema)]),
    );

  async function send(
    client: TestClient,
    operation: Operation,
    declaration: RouteDeclaration,
  ): Promise<TestResponse> {
    const body = await bodyFor(operation, declaration.owner ?? "founder");
    freshAddress(client);
    const url = addressOf(operation, stage.pathValues(operation), requiredQuery(operation));
    return client.request(operation.method, url, body === undefined ? {} : { body });
  }

  async function column(
    name: Column,
    clientFor: (declaration: RouteDeclaration) => Promise<TestClient | null>,
    applies: (declaration: RouteDeclaration) => boolean,
  ) {
    const mismatches: string[] = [];
    for (const operation of inRunOrder(operations)) {
      const declaration = authorisationMatrix[operation.key];
      if (!declaration || !applies(declaration)) continue;
      const client = await clientFor(declaration);
      if (!client) continue;
      const response = await send(client, operation, declaration);
      sent.push({ column: name, key: operation.key, status: response.status });
      const expected = expectation(declaration.access, name);
      const fits =
        response.status < 500 &&
        (expected === "pass"
          ? gotPast(response, declaration, stage.unseeded(operation))
          : expected.includes(response.status) ||
            response.status === declaration.refusedWith?.status);
      if (!fits)
        mismatches.push(
          `${operation.key} as ${name}: ${response.status} (expected ${expected === "pass" ? "past authorisation" : expected.join("/")}) ${JSON.stringify(response.body).slice(0, 300)}`,
        );
      if (
        [401, 403, 404].includes(response.status) &&
        response.body &&
        typeof response.body === "object"
      ) {
        const extra = Object.keys(response.body).filter((key) => !problemKeys.has(key));
        const text = JSON.stringify(response.body);
        if (extra.length > 0 || /@demo\.city-solutions\.org/.test(text))
          mismatches.push(`${operation.key} as ${name}: refusal says more than a problem: ${text}`);
      }
    }
    return mismatches;
  }

  it("declares every operation of the document, and nothing the document lacks", () => {
    const documented = operations.map((operation) => operation.key).sort();
    const declared = Object.keys(authorisationMatrix).sort();
    expect(documented.filter((key) => !(key in authorisationMatrix))).toEqual([]);
    expect(declared.filter((key) => !documented.includes(key))).toEqual([]);
    expect(operations.flatMap((operation) => stage.undeclaredPathObjects(operation))).toEqual([]);
  });

  it("refuses anonymous callers everything but the public routes", async () => {
    expect(
      await column(
        "anonymous",
        async () => stage.anonymous,
        () => true,
      ),
    ).toEqual([]);
  }, 240_000);

  it("refuses a member of another organisation what belongs to an organisation or the admins", async () => {
    expect(
      await column(
        "outsider",
        async () => stage.outsider,
        () => true,
      ),
    ).toEqual([]);
  }, 240_000);

  it("lets the owning demo account past authorisation on organisation routes with a demo object", async () => {
    expect(
      await column(
        "owner",
        async (declaration) => stage.demoClient(declaration.owner!),
        (declaration) => declaration.access === "organisation" && declaration.owner !== undefined,
      ),
    ).toEqual([]);
  }, 240_000);

  it("lets the platform admin past authorisation on admin routes", async () => {
    expect(
      await column(
        "admin",
        async () => stage.demoClient("admin"),
        (declaration) => declaration.access === "admin",
      ),
    ).toEqual([]);
  }, 240_000);
});
