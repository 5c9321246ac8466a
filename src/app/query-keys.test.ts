import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addressOf,
  type JsonSchema,
  type OpenApiDocument,
  type Operation,
  operationsOf,
  resolved,
  sampleOf,
} from "./test/openapi-requests.ts";
import { createTestPlatform, type TestPlatform } from "./testing.ts";

/**
 * Sort and filter keys are allow-listed, from the live OpenAPI document: every query parameter of
 * every GET route that selects a sort order or filters by a key (sort, status, sector, kind,
 * model, instrument, a yes/no switch, an id…) is an enum or has a pattern in the document, and an
 * unknown value is answered 400 application/problem+json naming the field (`query.<name>`) — never
 * a 5xx, never a 200 that silently ignores or empties the filter. An unknown parameter name is
 * refused the same way on routes that take a query (strict zod objects); routes that take none
 * have no query schema, and Fastify ignores a query string sent to them. Free text (search
 * words, cursors, an address) is declared below as such.
 */

/** Query parameters that take free text, not a key: bounded in length, matched as text. */
const freeText: Record<string, string> = {
  q: "search words (full-text search)",
  cursor: "an opaque page cursor the API handed out",
  to: "GET /api/v1/dev/mail: a recipient's address (demo mode only)",
};

/**
 * Filters that are keys but free strings in the document today, each with the change that would
 * allow-list it. The test fails on any other, and on an entry that has since been allow-listed.
 */
const knownFreeKeys: Record<string, string> = {};

const isAllowListed = (document: OpenApiDocument, schema: JsonSchema): boolean => {
  const own = resolved(document, schema);
  if (own.enum || own.const !== undefined || own.pattern || own.format) return true;
  if (own.items) return isAllowListed(document, own.items);
  const alternatives = own.anyOf ?? own.oneOf;
  return Boolean(alternatives?.every((option) => isAllowListed(document, option)));
};

const typeOf = (document: OpenApiDocument, schema: JsonSchema): string => {
  const own = resolved(document, schema);
  if (own.items) return typeOf(document, own.items);
  return String(own.type ?? (own.enum ? typeof own.enum[0] : "string"));
};

describe("sort and filter keys in GET queries", () => {
  let platform: TestPlatform;
  let document: OpenApiDocument;
  let gets: Operation[];

  beforeAll(async () => {
    platform = await createTestPlatform({ DEMO: "1" });
    document = platform.app.swagger() as unknown as OpenApiDocument;
    gets = operationsOf(document).filter((operation) => operation.method === "GET");
  }, 120_000);
  afterAll(() => platform?.close());

  /** The key parameters: every query parameter but free text and numbers (limits, offsets, TRL). */
  const keyParameters = () =>
    gets.flatMap((operation) =>
      operation.queryParameters
        .filter((parameter) => !(parameter.name in freeText))
        .filter((parameter) => !["integer", "number"].includes(typeOf(document, parameter.schema)))
        .map((parameter) => ({ operation, parameter })),
    );

  it("declares every sort and filter key as an enum or a pattern", () => {
    const keys = keyParameters();
    expect(keys.length).toBeGreaterThan(30);
    const free = keys
      .filter(({ parameter }) => !isAllowListed(document, parameter.schema))
      .map(({ operation, parameter }) => `${operation.key} ${parameter.name}`);
    expect(free.filter((entry) => !(entry in knownFreeKeys))).toEqual([]);
    expect(Object.keys(knownFreeKeys).filter((entry) => !free.includes(entry))).toEqual([]);
    // Sorting is always a choice among named orders.
    for (const { operation, parameter } of keys)
      if (/^(sort|order|orderBy|sortBy)$/i.test(parameter.name))
        expect(
          resolved(document, parameter.schema).enum,
          `${operation.key} ${parameter.name}`,
        ).toBeDefined();
  });

  it("answers an unknown sort or filter value 400 problem+json naming the field", async () => {
    const client = platform.client();
    const wrong: string[] = [];
    let sent = 0;
    for (const { operation, parameter } of keyParameters()) {
      if (`${operation.key} ${parameter.name}` in knownFreeKeys) continue;
      const path = Object.fromEntries(
        operation.pathParameters.map((p) => [p.name, String(sampleOf(document, p.schema))]),
      );
      const query: Record<string, unknown> = Object.fromEntries(
        operation.queryParameters
          .filter((other) => other.required && other.name !== parameter.name)
          .map((other) => [other.name, sampleOf(document, other.schema)]),
      );
      query[parameter.name] = "no-such-key!";
      const response = await client.get(addressOf(operation, path, query));
      sent += 1;
      const body = response.body as { errors?: Array<{ field: string }> } | null;
      const type = String(response.headers["content-type"] ?? "");
      const names = body?.errors?.some((error) =>
        error.field.startsWith(`query.${parameter.name}`),
      );
      if (response.status !== 400 || !type.startsWith("application/problem+json") || !names)
        wrong.push(
          `${operation.key} ?${parameter.name}=no-such-key!: ${response.status} ${type} ${JSON.stringify(response.body).slice(0, 200)}`,
        );
    }
    console.info(`query keys: ${sent} unknown values sent`);
    expect(wrong).toEqual([]);
    expect(platform.serverErrors).toEqual([]);
  }, 120_000);

  it("answers an unknown query parameter 400 naming it, on every GET route that takes a query", async () => {
    const client = platform.client();
    const wrong: string[] = [];
    // Routes without a query schema ignore a query string altogether (docs/quality.md).
    for (const operation of gets.filter((get) => get.queryParameters.length > 0)) {
      const path = Object.fromEntries(
        operation.pathParameters.map((p) => [p.name, String(sampleOf(document, p.schema))]),
      );
      const query: Record<string, unknown> = Object.fromEntries(
        operation.queryParameters
          .filter((parameter) => parameter.required)
          .map((parameter) => [parameter.name, sampleOf(document, parameter.schema)]),
      );
      query.orderBy = "password";
      const response = await client.get(addressOf(operation, path, query));
      const body = response.body as { errors?: Array<{ field: string }> } | null;
      if (
        response.status !== 400 ||
        !body?.errors?.some((error) => error.field === "query.orderBy")
      )
        wrong.push(
          `${operation.key}?orderBy=password: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`,
        );
    }
    expect(wrong).toEqual([]);
    expect(platform.serverErrors).toEqual([]);
  }, 120_000);
});
