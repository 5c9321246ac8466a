import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient, TestResponse } from "../core/testing/http-client.ts";
import {
  type Access,
  authorisationMatrix,
  type DemoOwner,
  pathObjects,
  type RouteDeclaration,
  undeclaredStatuses,
} from "./authorisation-matrix.ts";
import { type DemoStage, demoStage, freshAddress } from "./test/demo-actors.ts";
import { announceDemoWinner, seedMatrixFixtures } from "./test/matrix-fixtures.ts";
import {
  addressOf,
  type Operation,
  operationsOf,
  ResponseChecker,
  sampleOf,
} from "./test/openapi-requests.ts";

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
  "PUT /api/v1/hackathon-teams/{id}/declaration": { verdict: "no_conflict" },
  "POST /api/v1/proposals/{id}/declaration": { verdict: "no_conflict" },
  "PUT /api/v1/events/{id}": eventTimes,
};

describe("the authorisation matrix over the OpenAPI document", () => {
  let stage: DemoStage;
  let operations: Operation[];
  let checker: ResponseChecker;
  const sent: Array<{ column: Column; key: string; status: number; real: boolean }> = [];
  /** "METHOD /path status" answered in some column that the route's responses do not list. */
  const answeredUndeclared = new Map<string, Set<Column>>();
  const started = performance.now();

  beforeAll(async () => {
    stage = await demoStage();
    operations = operationsOf(stage.document);
    checker = new ResponseChecker(stage.document);
    const fixtures = await seedMatrixFixtures(stage);
    console.info(
      `matrix fixtures: made ${fixtures.made.join(", ")}${fixtures.failed.length ? `; not made: ${fixtures.failed.join("; ")}` : ""}`,
    );
  }, 240_000);
  afterAll(async () => {
    const perColumn = new Map<Column, number>();
    for (const request of sent)
      perColumn.set(request.column, (perColumn.get(request.column) ?? 0) + 1);
    // Owner checks on a real object (not a random id, not a declared 404), and the organisation
    // routes the owner column still does not reach that way.
    const owned = sent.filter((request) => request.column === "owner");
    const reached = new Set(owned.filter((request) => request.real).map((request) => request.key));
    const unreached = Object.entries(authorisationMatrix)
      .filter(([key, declaration]) => declaration.access === "organisation" && !reached.has(key))
      .map(([key]) => key);
    console.info(
      `matrix owner column: ${owned.length} checks, ${reached.size} on a real object; not reached: ${unreached.join(", ") || "none"}`,
    );
    console.info(
      `matrix: ${sent.length} requests, ${[...perColumn].map(([column, count]) => `${column} ${count}`).join(", ")}; ${((performance.now() - started) / 1000).toFixed(1)} s with the seed`,
    );
    expect(stage.platform.serverErrors).toEqual([]);
    await stage?.platform.close();
  });

  const bodies = new Map<string, unknown>();
  const userIds = new Map<DemoOwner, string>();
  async function userIdOf(owner: DemoOwner): Promise<string> {
    if (!userIds.has(owner)) {
      const me = await (await stage.demoClient(owner)).get<{ id: string }>("/api/v1/me");
      userIds.set(owner, me.body.id);
    }
    return userIds.get(owner)!;
  }
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
      // A meeting request goes to the researcher, a brokerage participant (matrix-fixtures.ts).
      recipientId: await userIdOf("researcher"),
      memberId: stage.ids.get("organisation"),
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
        addressOf(operation, pathValuesOf(operation), requiredQuery(operation)),
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

  /** The object kind behind a path parameter: the route's own `objects`, else by its segment. */
  const kindOf = (operation: Operation, name: string) => {
    const declared = authorisationMatrix[operation.key]?.objects?.[name];
    if (declared) return declared;
    const segment = operation.path.match(new RegExp(`([a-z.-]+)/\\{${name}\\}`))?.[1];
    return pathObjects[`${segment}/{${name}}`] ?? "unseeded";
  };
  /** Demo and fixture ids for the path (events by the route's kind of event, as demoStage does). */
  const pathValuesOf = (operation: Operation) => {
    const values = stage.pathValues(operation);
    for (const parameter of operation.pathParameters) {
      const id = stage.ids.get(kindOf(operation, parameter.name));
      if (id && kindOf(operation, parameter.name) !== "event") values[parameter.name] = id;
    }
    return values;
  };
  /** Whether some path parameter has no demo or fixture object behind it (a random id is sent). */
  const unseeded = (operation: Operation) =>
    operation.pathParameters.some((parameter) => {
      const kind = kindOf(operation, parameter.name);
      return kind === "unseeded" || (kind !== "event" && !stage.ids.has(kind));
    });
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
    const url = addressOf(operation, pathValuesOf(operation), requiredQuery(operation));
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
      sent.push({
        column: name,
        key: operation.key,
        status: response.status,
        real: !unseeded(operation) && declaration.notFound === undefined,
      });
      // Whatever the column, the answer is one the document declares for the route, in its shape.
      const schemaProblem = checker.problemWith(
        operation,
        response.status,
        String(response.headers["content-type"] ?? ""),
        response.body,
        response.raw.body,
      );
      if (schemaProblem?.undeclared) {
        const key = `${operation.key} ${response.status}`;
        answeredUndeclared.set(key, (answeredUndeclared.get(key) ?? new Set()).add(name));
      }
      if (schemaProblem?.why)
        mismatches.push(
          `${operation.key} as ${name}: ${response.status} breaks the schema the document declares for it: ${schemaProblem.why.slice(0, 300)}`,
        );
      const expected = expectation(declaration.access, name);
      const fits =
        response.status < 500 &&
        (expected === "pass"
          ? gotPast(response, declaration, unseeded(operation))
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
    // Only now, after the refusal columns: announcing winners makes the ranking public.
    expect(await announceDemoWinner(stage)).toBeNull();
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

  it("answers, in every column, only statuses the route's OpenAPI responses declare", () => {
    expect(sent.length).toBeGreaterThan(0);
    expect(
      [...answeredUndeclared]
        .filter(([key]) => !(key in undeclaredStatuses))
        .map(([key, columns]) => `${key} (as ${[...columns].join(", ")})`),
    ).toEqual([]);
    // A known gap the document has since closed is taken off the list.
    const declaredNow = Object.keys(undeclaredStatuses).filter((entry) => {
      const [method, path, status] = entry.split(" ");
      return Boolean(
        operations.find((operation) => operation.key === `${method} ${path}`)?.operation.responses[
          status!
        ],
      );
    });
    expect(declaredNow).toEqual([]);
  });
});
