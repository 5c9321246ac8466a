import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { TestClient } from "../../core/testing/http-client.ts";
import { currentTotpCode } from "../../modules/accounts/index.ts";
import { cityIdsByName, seedOrganisation } from "../../modules/organisations/index.ts";
import { type DemoOwner, pathObjects } from "../authorisation-matrix.ts";
import {
  DEMO_ADMIN_TOTP_SECRET,
  DEMO_PASSWORD,
  demoAccounts,
  demoOrganisations,
  seedDemoData,
} from "../demo.ts";
import { createTestPlatform, type TestPlatform } from "../testing.ts";
import { type OpenApiDocument, type Operation, sampleOf } from "./openapi-requests.ts";

/**
 * The platform in demo mode with the demo data loaded, the live OpenAPI document, and the kinds
 * of caller the security suites use: nobody, a member of an organisation of its own, and the demo
 * accounts who own the demo objects.
 */
export interface DemoStage {
  platform: TestPlatform;
  document: OpenApiDocument;
  anonymous: TestClient;
  outsider: TestClient;
  outsiderOrganisationId: string;
  /** Signs a demo account in (once) and returns its client. */
  demoClient(owner: DemoOwner): Promise<TestClient>;
  /** Real demo ids for an operation's path parameters (random ids where the demo has none). */
  pathValues(operation: Operation): Record<string, string>;
  /** The path parameters of the operation pathObjects does not declare ("segment/{name}"). */
  undeclaredPathObjects(operation: Operation): string[];
  /** Whether a path parameter of the operation has no demo object behind it. */
  unseeded(operation: Operation): boolean;
  /** Ids of every demo object, for bodies that point at one. */
  ids: Map<string, string>;
  /** The demo organisation an account acts for. */
  organisationOf(owner: DemoOwner): Promise<string>;
}

let ipCounter = 0;
/** A fresh caller address per request, so that rate limits keyed by address stay out of the way. */
export function freshAddress(client: TestClient) {
  ipCounter += 1;
  client.ip = `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

async function rows<Row>(platform: TestPlatform, query: string): Promise<Row[]> {
  const result = await platform.database.db.execute(sql.raw(query));
  return ((result as unknown as { rows?: Row[] }).rows ?? (result as unknown as Row[])) as Row[];
}

async function first(platform: TestPlatform, query: string): Promise<string> {
  const [row] = await rows<{ id: string }>(platform, query);
  if (!row) throw new Error(`the demo has nothing for: ${query}`);
  return String(row.id);
}

/** `logStream` (with `logLevel`) collects the server's JSON log lines, for the refusal log test. */
export async function demoStage(
  options: { logStream?: { write(line: string): void }; logLevel?: string } = {},
): Promise<DemoStage> {
  const platform = await createTestPlatform(
    { DEMO: "1", ...(options.logLevel ? { LOG_LEVEL: options.logLevel } : {}) },
    options.logStream ? { logStream: options.logStream } : {},
  );
  await seedDemoData(
    { ...platform.ctx, demo: true } as never,
    await cityIdsByName(platform.database.db),
  );
  const document = platform.app.swagger() as unknown as OpenApiDocument;

  const outsiderAccount = await platform.signedIn({ name: "Olga Outsider" });
  const outsiderOrganisation = await seedOrganisation(
    { ...platform.ctx } as never,
    outsiderAccount.userId,
    {
      name: `Outsider Energy ${Date.now().toString(36)}`,
      kind: "company",
      country: "NO",
      cityId: null,
      locality: "Bergen",
      website: null,
      description: "An organisation with no part in the demo's challenges, solutions or events.",
    },
  );

  const userOf = async (key: DemoOwner) =>
    first(
      platform,
      `select id from users where email = '${demoAccounts.find((account) => account.key === key)!.email}'`,
    );
  // Looked up once, before any test renames an organisation.
  const organisationIds = new Map<string, string>();
  for (const organisation of demoOrganisations)
    organisationIds.set(
      organisation.key,
      await first(
        platform,
        `select id from organisations where name = '${organisation.name.replaceAll("'", "''")}'`,
      ),
    );
  const organisationOf = async (key: DemoOwner) =>
    organisationIds.get(demoAccounts.find((account) => account.key === key)!.organisation!)!;

  const ids = new Map<string, string>();
  const comment = await rows<{ id: string; idea_id: string; challenge_id: string }>(
    platform,
    `select c.id, c.idea_id, i.challenge_id from challenge_idea_comments c
       join challenge_ideas i on i.id = c.idea_id order by c.created_at limit 1`,
  );
  ids.set("comment", comment[0]!.id);
  ids.set("idea", comment[0]!.idea_id);
  ids.set("challenge", comment[0]!.challenge_id);
  ids.set(
    "question",
    await first(
      platform,
      `select id from challenge_clarifications where challenge_id = '${ids.get("challenge")}'`,
    ),
  );
  ids.set(
    "city",
    await first(
      platform,
      `select city_id as id from challenges where id = '${ids.get("challenge")}'`,
    ),
  );
  const hydrosense = await organisationOf("founder");
  ids.set("organisation", hydrosense);
  ids.set(
    "solution",
    await first(platform, `select id from solutions where provider_id = '${hydrosense}' limit 1`),
  );
  ids.set(
    "reference",
    await first(
      platform,
      `select id from solution_references where provider_id = '${hydrosense}' limit 1`,
    ),
  );
  ids.set("organisation-member", await userOf("member"));
  ids.set("user", await userOf("member"));
  ids.set("affiliation", await first(platform, "select id from affiliations limit 1"));
  ids.set("portfolio", await first(platform, "select id from portfolios limit 1"));
  ids.set(
    "share",
    await first(
      platform,
      `select organisation_id as id from portfolio_shares where portfolio_id = '${ids.get("portfolio")}'`,
    ),
  );
  ids.set("capability", await first(platform, "select code as id from capabilities limit 1"));
  ids.set("hackathon-event", await first(platform, "select event_id as id from hackathons"));
  ids.set("brokerage-event", await first(platform, "select event_id as id from event_brokerage"));
  ids.set(
    "event",
    await first(platform, "select id from events where status = 'published' order by starts_at"),
  );
  ids.set(
    "hackathon-team",
    await first(platform, "select id from hackathon_teams where name = 'Boda Volt'"),
  );
  ids.set(
    "hackathon-invitation",
    await first(platform, "select id from hackathon_invitations limit 1"),
  );
  ids.set("judge", await first(platform, "select user_id as id from hackathon_judges"));
  ids.set("city-organisation", await organisationOf("city"));
  ids.set(
    "funding-source",
    await first(
      platform,
      `select id from funding_sources where funder_id = '${await organisationOf("funder")}' limit 1`,
    ),
  );
  ids.set("sector", "water");
  ids.set("phase", "1");

  const clients = new Map<DemoOwner, TestClient>();
  async function demoClient(owner: DemoOwner): Promise<TestClient> {
    const known = clients.get(owner);
    if (known) return known;
    const account = demoAccounts.find((candidate) => candidate.key === owner)!;
    const client = platform.client();
    freshAddress(client);
    const signIn = await client.post<{ status: string }>("/api/v1/session", {
      email: account.email,
      password: DEMO_PASSWORD,
    });
    if (signIn.status !== 200) throw new Error(`demo sign-in of ${owner}: ${signIn.status}`);
    if (signIn.body.status === "second_factor_required") {
      platform.clock.advance(30_000);
      const code = currentTotpCode(DEMO_ADMIN_TOTP_SECRET, platform.clock.now());
      const second = await client.post("/api/v1/session/second-factor", { code });
      if (second.status !== 200) throw new Error(`second factor of ${owner}: ${second.status}`);
    }
    await client.refreshSession();
    clients.set(owner, client);
    return client;
  }

  function kindOf(operation: Operation, name: string): string {
    const segment = operation.path.match(new RegExp(`([a-z.-]+)/\\{${name}\\}`))?.[1];
    // Undeclared ones get random ids here; the matrix test fails on them (undeclaredPathObjects).
    return pathObjects[`${segment}/{${name}}`] ?? "unseeded";
  }
  const undeclaredPathObjects = (operation: Operation) =>
    operation.pathParameters
      .map((parameter) => {
        const segment = operation.path.match(new RegExp(`([a-z.-]+)/\\{${parameter.name}\\}`))?.[1];
        return `${segment}/{${parameter.name}}`;
      })
      .filter((key) => !(key in pathObjects));
  // A kind the demo lacks (no id known for it, e.g. a matrix fixture not made here) is unseeded too.
  const unseeded = (operation: Operation) =>
    operation.pathParameters.some((parameter) => {
      const kind = kindOf(operation, parameter.name);
      return kind === "unseeded" || (kind !== "event" && !ids.has(kind));
    });

  function pathValues(operation: Operation): Record<string, string> {
    const values: Record<string, string> = {};
    for (const parameter of operation.pathParameters) {
      const kind = kindOf(operation, parameter.name);
      let value: string | undefined;
      if (kind === "event") {
        value = /hackathon/.test(operation.path)
          ? ids.get("hackathon-event")
          : /brokerage|meeting|agenda/.test(operation.path)
            ? ids.get("brokerage-event")
            : ids.get("event");
      } else if (kind !== "unseeded") {
        value = ids.get(kind);
      }
      values[parameter.name] =
        value ??
        (parameter.schema.pattern || parameter.schema.format
          ? String(sampleOf({ paths: {} }, parameter.schema))
          : randomUUID());
    }
    return values;
  }

  return {
    platform,
    document,
    anonymous: platform.client(),
    outsider: outsiderAccount.client,
    outsiderOrganisationId: outsiderOrganisation.id,
    demoClient,
    pathValues,
    undeclaredPathObjects,
    unseeded,
    ids,
    organisationOf,
  };
}
