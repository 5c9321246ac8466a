import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableDigests } from "../core/db/backup.ts";
import type { TestClient, TestResponse } from "../core/testing/http-client.ts";
import { authorisationMatrix, type DemoOwner } from "./authorisation-matrix.ts";
import { type DemoStage, demoStage, freshAddress } from "./test/demo-actors.ts";
import {
  addressOf,
  type JsonSchema,
  type Operation,
  operationsOf,
  resolved,
  sampleOf,
} from "./test/openapi-requests.ts";

/**
 * SQL metacharacters in every query parameter and path parameter of every GET route of the live
 * OpenAPI document change nothing but results: no 5xx, every refusal a problem document, no
 * request as slow as the pg_sleep a payload asks for, not one row of the database changed, and
 * `%` and `_` are no wildcards in free-text search (ILIKE with the pattern escaped in the
 * organisations' and users' searches, full-text search elsewhere: neither may widen results).
 */

const SLEEP_SECONDS = 3;

/** Payloads sent in each parameter, by a short name for the report. */
const payloads: Record<string, string> = {
  "or-true": "' OR '1'='1",
  "drop-table": "'; drop table users; --",
  percent: "%",
  underscore: "_",
  backslash: "\\",
  "escaped-quote": "\\'",
  placeholder: "$1",
  "percent-comment": "%' --",
  "sleep-concat": `'||pg_sleep(${SLEEP_SECONDS})||'`,
  "sleep-statement": `1; select pg_sleep(${SLEEP_SECONDS}); --`,
  union: "1 union select null, null --",
  parentheses: ")) or ((1=1",
  "double-quote": '"',
  "dollar-quote": "$$; select 1; $$",
  unicode: "Ꮯіtу 😀 straße ǅ \u202Eevil\u202C ﷽",
  long: "x'%_".repeat(2_500),
  "null-byte": "\u0000",
  "null-byte-inside": "water\u0000' or 1=1 --",
};

/**
 * Wildcards that must not widen a free-text search beyond a term that matches nothing: alone,
 * and inside a word the demo is full of ("wat%r" and "wat_r" would find "water" unescaped).
 */
const wildcardPayloads: Record<string, string> = {
  "inner-percent": "wat%r",
  "inner-underscore": "wat_r",
  "edge-percent": "%ater",
};
const wildcards = [
  "percent",
  "underscore",
  "percent-comment",
  "backslash",
  ...Object.keys(wildcardPayloads),
];
const NOTHING = "zqxjvkwpfh";
/** Controls: terms the demo data has, so that the comparisons above are not all 0 ≤ 0. */
const controls: Record<string, string> = { water: "water", demo: "demo" };

type CallerName = DemoOwner | "anonymous";

interface Sent {
  where: string;
  status: number;
  milliseconds: number;
}

/** How many results an answer lists: its total if it has one, else its first list's length. */
function resultCount(response: TestResponse): number {
  if (response.status < 200 || response.status >= 300) return 0;
  const body = response.body as unknown;
  if (Array.isArray(body)) return body.length;
  if (body && typeof body === "object") {
    const record = body as Record<string, unknown>;
    if (typeof record.total === "number") return record.total;
    for (const value of Object.values(record)) if (Array.isArray(value)) return value.length;
    return 1;
  }
  return typeof body === "string" ? body.split("\n").length : 0;
}

/** A free-text parameter: a plain string, no enum, format or pattern holding it to a shape. */
function isFreeText(stage: DemoStage, schema: JsonSchema): boolean {
  const plain = resolved(stage.document, schema);
  const types = Array.isArray(plain.type) ? plain.type : [plain.type];
  return types.includes("string") && !plain.enum && !plain.format && !plain.pattern;
}

describe("SQL metacharacters in every filter and search parameter", () => {
  let stage: DemoStage;
  let gets: Operation[];

  beforeAll(async () => {
    stage = await demoStage();
    gets = operationsOf(stage.document).filter((operation) => operation.method === "GET");
    // Every caller signs in before the database is summed: a sign-in writes a session.
    const owners = new Set<DemoOwner>(["founder", "admin"]);
    for (const declaration of Object.values(authorisationMatrix))
      if (declaration.owner) owners.add(declaration.owner);
    for (const owner of owners) await stage.demoClient(owner);
  }, 240_000);
  afterAll(async () => {
    await stage?.platform.close();
  });

  /**
   * Who sends each route's payloads: anonymous, and a demo account that gets past authorisation
   * (the route's owner in the matrix, the admin on admin and public routes, else the founder).
   */
  async function callersFor(operation: Operation): Promise<Array<[CallerName, TestClient]>> {
    const declaration = authorisationMatrix[operation.key];
    const owner: DemoOwner =
      !declaration || declaration.access === "public" || declaration.access === "admin"
        ? "admin"
        : (declaration.owner ?? "founder");
    return [
      ["anonymous", stage.anonymous],
      [owner, await stage.demoClient(owner)],
    ];
  }

  const requiredQuery = (operation: Operation) =>
    Object.fromEntries(
      operation.queryParameters
        .filter((parameter) => parameter.required)
        .map((parameter) => [parameter.name, sampleOf(stage.document, parameter.schema)]),
    );

  it("answers every payload in every GET parameter without a 5xx, a sleep or a changed row", async () => {
    const before = await tableDigests(stage.platform.database.db);
    const failures: string[] = [];
    const sent: Sent[] = [];
    const widened: string[] = [];
    const searchesWithResults: string[] = [];
    let queryRequests = 0;
    let pathRequests = 0;
    const freeTextParameters = new Set<string>();
    const started = performance.now();

    async function send(
      client: TestClient,
      url: string,
      where: string,
      payload: string,
      inPath = false,
    ) {
      freshAddress(client);
      const begun = performance.now();
      const response = await client.get(url);
      const milliseconds = performance.now() - begun;
      sent.push({ where, status: response.status, milliseconds });
      const type = String(response.headers["content-type"] ?? "");
      // Fastify refuses a path parameter longer than its limit (100) before any route runs.
      const tooLong = inPath && response.status === 414 && payload === "long";
      if (tooLong) return response;
      if (response.status >= 500)
        failures.push(`${where}: ${response.status} ${String(response.raw.body).slice(0, 200)}`);
      else if (response.status >= 400 && !type.startsWith("application/problem+json"))
        failures.push(`${where}: ${response.status} as ${type}, not a problem document`);
      else if (response.status < 200 || (response.status >= 300 && response.status < 400))
        failures.push(`${where}: ${response.status}`);
      if (payload.startsWith("null-byte") && response.status !== 400)
        failures.push(`${where}: ${response.status} for a null byte, not 400`);
      if (payload.startsWith("sleep") && milliseconds >= SLEEP_SECONDS * 1000)
        failures.push(`${where}: took ${Math.round(milliseconds)} ms, as long as the pg_sleep`);
      return response;
    }

    for (const operation of gets)
      for (const [callerName, client] of await callersFor(operation)) {
        const pathValues = stage.pathValues(operation);
        for (const parameter of operation.queryParameters) {
          const freeText = isFreeText(stage, parameter.schema);
          if (freeText) freeTextParameters.add(`${operation.key} ?${parameter.name}`);
          const counts = new Map<string, number>();
          const values = Object.entries({
            ...payloads,
            ...(freeText ? { ...wildcardPayloads, ...controls } : {}),
            nothing: NOTHING,
          });
          for (const [name, value] of values) {
            const query = { ...requiredQuery(operation), [parameter.name]: value };
            const where = `${operation.key} ?${parameter.name}=<${name}> as ${callerName}`;
            const response = await send(
              client,
              addressOf(operation, pathValues, query),
              where,
              name,
            );
            if (name in payloads || name in wildcardPayloads) queryRequests += 1;
            counts.set(name, resultCount(response));
          }
          if (freeText && parameter.name === "q") {
            const found = Math.max(counts.get("water") ?? 0, counts.get("demo") ?? 0);
            searchesWithResults.push(`${operation.key} ?q as ${callerName}: ${found}`);
            // Past authorisation each search finds the demo's words: the comparisons mean something.
            if (callerName !== "anonymous" && found === 0)
              failures.push(`${operation.key} ?q as ${callerName}: nothing for "water" or "demo"`);
          }
          if (freeText)
            for (const wildcard of wildcards)
              if ((counts.get(wildcard) ?? 0) > (counts.get("nothing") ?? 0))
                widened.push(
                  `${operation.key} ?${parameter.name}=<${wildcard}> as ${callerName}: ${counts.get(wildcard)} results, ${counts.get("nothing")} for "${NOTHING}"`,
                );
        }
        for (const parameter of operation.pathParameters) {
          for (const [name, value] of Object.entries(payloads)) {
            const where = `${operation.key} {${parameter.name}}=<${name}> as ${callerName}`;
            const url = addressOf(operation, { ...pathValues, [parameter.name]: value });
            await send(client, url, where, name, true);
            pathRequests += 1;
          }
        }
      }
    const seconds = (performance.now() - started) / 1000;
    const slowest = [...sent].sort((a, b) => b.milliseconds - a.milliseconds)[0];
    const parameters = gets.reduce(
      (total, operation) =>
        total + operation.queryParameters.length + operation.pathParameters.length,
      0,
    );
    console.info(
      `metacharacters: ${gets.length} GET routes, ${parameters} parameters (${freeTextParameters.size} free-text query parameters: ${[...freeTextParameters].join(", ")}), ${Object.keys(payloads).length} payloads: ${queryRequests} query + ${pathRequests} path requests (+${sent.length - queryRequests - pathRequests} controls) in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(
        Object.fromEntries(
          [...new Set(sent.map((request) => request.status))]
            .sort()
            .map((status) => [status, sent.filter((request) => request.status === status).length]),
        ),
      )}; slowest ${Math.round(slowest?.milliseconds ?? 0)} ms (${slowest?.where})`,
    );

    console.info(
      `metacharacters: most results for "water" or "demo": ${searchesWithResults.join(", ")}`,
    );
    expect(failures).toEqual([]);
    expect(widened).toEqual([]);
    expect(stage.platform.serverErrors).toEqual([]);
    const after = await tableDigests(stage.platform.database.db);
    expect(after).toEqual(before);
  }, 600_000);

  it("maps hostile free-text tags without a 5xx, a wildcard or a changed row", async () => {
    // The one search that takes its words in a body: tags matched against the taxonomy's terms.
    const before = await tableDigests(stage.platform.database.db);
    const failures: string[] = [];
    const codesFor = async (tag: string) => {
      freshAddress(stage.anonymous);
      const response = await stage.anonymous.post<{
        mappings?: Array<{ tag: string; codes: string[] }>;
      }>("/api/v1/capabilities/map-tags", { tags: [tag] });
      const type = String(response.headers["content-type"] ?? "");
      if (response.status >= 500 || (response.status >= 400 && !type.includes("problem+json")))
        failures.push(`<${tag.slice(0, 40)}>: ${response.status} ${type}`);
      if (tag.includes("\u0000") && response.status !== 400)
        failures.push(`<null byte>: ${response.status}, not 400`);
      return response.status === 200 ? (response.body.mappings?.[0]?.codes ?? []) : [];
    };
    // A control the taxonomy knows, so that "maps nothing" means something.
    expect(await codesFor("leak detection")).not.toEqual([]);
    // Terms are compared by a key that turns punctuation into spaces, so "%detection" finds what
    // "detection" finds; as a LIKE wildcard, "lea%" would find "leak detection", "lea" does not.
    const wildcardTags = ["%", "_", "%%", "%' --", "\\", "lea%", "l_ak detection", "%detection"];
    for (const tag of Object.values(payloads)) await codesFor(tag.slice(0, 120));
    for (const tag of wildcardTags) {
      const codes = await codesFor(tag);
      const plain = await codesFor(tag.replace(/[%_\\]/g, " ").trim() || "zqxjvkwpfh");
      const extra = codes.filter((code) => !plain.includes(code));
      if (extra.length > 0) failures.push(`<${tag}> mapped onto ${extra.join(", ")} as well`);
    }
    expect(failures).toEqual([]);
    expect(stage.platform.serverErrors).toEqual([]);
    expect(await tableDigests(stage.platform.database.db)).toEqual(before);
  });
});
