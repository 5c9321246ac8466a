import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";

/**
 * Requests made from the OpenAPI document itself, for the authorisation matrix and the fuzzing
 * suite: the operations it lists, values that fit (or break) each request schema, and a check of
 * every answer against the response schema the document declares for its status.
 */

export type JsonSchema = {
  type?: string | string[];
  $ref?: string;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

interface OpenApiParameter {
  in: "path" | "query" | "header" | "cookie";
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface Operation {
  /** "METHOD /path/{param}", as the authorisation matrix names routes. */
  key: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  pathParameters: OpenApiParameter[];
  queryParameters: OpenApiParameter[];
  body: JsonSchema | undefined;
  operation: OpenApiOperation;
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = operation.parameters ?? [];
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase() as Operation["method"],
        path,
        pathParameters: parameters.filter((parameter) => parameter.in === "path"),
        queryParameters: parameters.filter((parameter) => parameter.in === "query"),
        body: operation.requestBody?.content["application/json"]?.schema,
        operation,
      });
    }
  }
  return operations;
}

/** Follows a local "#/components/schemas/…" reference. */
export function resolved(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema;
  while (current.$ref) {
    const name = current.$ref.replace("#/components/schemas/", "");
    const target = document.components?.schemas?.[name];
    if (!target) throw new Error(`unresolved reference ${current.$ref}`);
    current = target;
  }
  return current;
}

const letters = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

/**
 * Values that fit a schema, as far as JSON Schema says: zod refinements the document cannot
 * express (a maximum above its minimum, a date after another) may still be refused with 400.
 */
export function validArbitrary(
  document: OpenApiDocument,
  input: JsonSchema,
  depth = 0,
): fc.Arbitrary<unknown> {
  const schema = resolved(document, input);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives)
    return fc.oneof(...alternatives.map((option) => validArbitrary(document, option, depth + 1)));
  if (schema.allOf?.[0]) return validArbitrary(document, schema.allOf[0], depth + 1);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1)
    return fc.oneof(
      ...types.map((type) => validArbitrary(document, { ...schema, type }, depth + 1)),
    );
  switch (types[0]) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
      return fc.integer({
        min: Math.ceil(schema.minimum ?? (schema.exclusiveMinimum ?? -1_000_001) + 1),
        max: Math.floor(schema.maximum ?? (schema.exclusiveMaximum ?? 1_000_001) - 1),
      });
    case "number":
      return fc.double({
        min: schema.minimum ?? schema.exclusiveMinimum ?? -1e6,
        max: schema.maximum ?? schema.exclusiveMaximum ?? 1e6,
        minExcluded: schema.exclusiveMinimum !== undefined,
        maxExcluded: schema.exclusiveMaximum !== undefined,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case "string":
      return stringArbitrary(schema);
    case "array": {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.min(schema.maxItems ?? minLength + 3, minLength + 3);
      if (!schema.items || depth > 6) return fc.constant([]);
      return fc.array(validArbitrary(document, schema.items, depth + 1), {
        minLength,
        maxLength,
      });
    }
    case "object": {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(properties);
      if (depth > 6) return fc.constant({});
      return fc.record(
        Object.fromEntries(
          entries.map(([name, property]) => [
            name,
            namedArbitrary(name, resolved(document, property)) ??
              validArbitrary(document, property, depth + 1),
          ]),
        ),
        { requiredKeys: entries.map(([name]) => name).filter((name) => required.has(name)) },
      );
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/**
 * Formats zod checks that the document does not name (an e-mail, a currency, a time zone):
 * known by the property's name.
 */
function namedArbitrary(name: string, schema: JsonSchema): fc.Arbitrary<unknown> | undefined {
  if (schema.type !== "string" || schema.enum || schema.pattern) return undefined;
  if (/email$/i.test(name))
    return fc
      .string({ unit: letters, minLength: 1, maxLength: 12 })
      .map((local) => `${local.toLowerCase()}@example.org`);
  if (name === "currency") return fc.constantFrom("EUR", "USD", "DKK");
  if (name === "timeZone") return fc.constantFrom("Europe/Copenhagen", "Africa/Nairobi", "UTC");
  return undefined;
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === "uuid") return fc.uuid({ version: 4 });
  if (schema.format === "date-time")
    return fc
      .date({ min: new Date("2020-01-01"), max: new Date("2035-12-31"), noInvalidDate: true })
      .map((date) => date.toISOString());
  if (schema.format === "date")
    return fc
      .date({ min: new Date("2020-01-01"), max: new Date("2035-12-31"), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
  if (schema.format === "uri") return fc.webUrl();
  if (schema.pattern) {
    const maxLength = schema.maxLength ?? 10_000;
    const minLength = schema.minLength ?? 0;
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((text) => text.length >= minLength && text.length <= maxLength);
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? minLength + 40, minLength + 40);
  // Letters only, so that a trimming schema keeps the length it was given.
  return fc.string({ unit: letters, minLength, maxLength });
}

/** One value that fits the schema, the same on every run. */
export function sampleOf(document: OpenApiDocument, schema: JsonSchema, seed = 7): unknown {
  return fc.sample(validArbitrary(document, schema), { seed, numRuns: 1 })[0];
}

/** Values a careless or hostile caller sends: wrong types, huge and odd strings, bad ids. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    "",
    " ",
    "not-a-uuid",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "'; drop table users; --",
    "../../etc/passwd",
    "%00",
    "\u0000",
    "😀🏙️‍🌍",
    "Ꮯіtу",
    "NaN",
    "-1",
    "1e309",
    "9999999999999999999999",
    "2024-02-30",
    "<script>alert(1)</script>",
    "{}",
    "[]",
  ),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.integer({ min: 1_000, max: 200_000 }).map((length) => "x".repeat(length)),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }),
);

/**
 * A value that fits the schema except in one place: a property replaced by a hostile value,
 * a required property dropped, an unknown property added — or a hostile value altogether.
 */
export function malformedArbitrary(
  document: OpenApiDocument,
  input: JsonSchema,
): fc.Arbitrary<unknown> {
  const schema = resolved(document, input);
  if (schema.type !== "object" || !schema.properties) return hostileValue;
  const names = Object.keys(schema.properties);
  if (names.length === 0) return hostileValue;
  return fc.oneof(
    hostileValue,
    fc
      .tuple(validArbitrary(document, schema), fc.constantFrom(...names), hostileValue)
      .map(([valid, name, value]) => ({ ...(valid as object), [name]: value })),
    fc.tuple(validArbitrary(document, schema), fc.constantFrom(...names)).map(([valid, name]) => {
      const copy = { ...(valid as Record<string, unknown>) };
      delete copy[name];
      return copy;
    }),
    fc
      .tuple(validArbitrary(document, schema), fc.string({ maxLength: 12 }), hostileValue)
      .map(([valid, name, value]) => ({ ...(valid as object), [name]: value })),
  );
}

/** The address of an operation with its path parameters and query filled in. */
export function addressOf(
  operation: Operation,
  pathValues: Record<string, string>,
  query: Record<string, unknown> = {},
): string {
  let path = operation.path;
  for (const [name, value] of Object.entries(pathValues))
    path = path.replace(`{${name}}`, encodeURIComponent(value));
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const entry of value) search.append(name, textOf(entry));
    else search.append(name, textOf(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

function textOf(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Checks answers against the response schemas of the document (JSON Schema 2020-12). */
export class ResponseChecker {
  private readonly ajv = new Ajv2020({ allErrors: false, strict: false, validateFormats: true });
  private readonly validators = new Map<string, ValidateFunction>();
  static readonly documentId = "https://city-solutions.test/openapi.json";

  constructor(private readonly document: OpenApiDocument) {
    (addFormats as unknown as (ajv: Ajv2020) => void)(this.ajv);
    this.ajv.addSchema({
      $id: ResponseChecker.documentId,
      components: retarget(document.components ?? {}),
    });
  }

  /**
   * null when the answer fits the schema declared for its status, else why not. Answers the
   * document declares without a JSON schema pass; a declared string (pre-serialised exports,
   * calendars) is checked on the raw text. A status the document does not declare for the route
   * is reported apart (`undeclared`) and must at least be a problem document.
   */
  problemWith(
    operation: Operation,
    status: number,
    contentType: string,
    body: unknown,
    rawText: string,
  ): { undeclared: boolean; why: string } | null {
    const declared = operation.operation.responses[String(status)];
    if (!declared) {
      const why = this.validate("problem", { $ref: "#/components/schemas/ProblemInput" }, body);
      return { undeclared: true, why: why ? `not a problem document: ${why}` : "" };
    }
    const schema = declared.content?.["application/json"]?.schema;
    if (!schema) return null;
    if (resolved(this.document, schema).type === "string") {
      const why = this.validate(`${operation.key} ${status}`, schema, rawText);
      return why ? { undeclared: false, why } : null;
    }
    if (!contentType.includes("json"))
      return { undeclared: false, why: `declared JSON, answered ${contentType}` };
    const why = this.validate(`${operation.key} ${status}`, schema, body);
    return why ? { undeclared: false, why } : null;
  }

  private validate(cacheKey: string, schema: JsonSchema, value: unknown): string | null {
    let validate = this.validators.get(cacheKey);
    if (!validate) {
      validate = this.ajv.compile(retarget(schema) as object);
      this.validators.set(cacheKey, validate);
    }
    return validate(value) ? null : this.ajv.errorsText(validate.errors);
  }
}

/** Points local references at the document registered with ajv. */
function retarget<T>(schema: T): T {
  return JSON.parse(
    JSON.stringify(schema).replaceAll(
      '"$ref":"#/components/',
      `"$ref":"${ResponseChecker.documentId}#/components/`,
    ),
  );
}
