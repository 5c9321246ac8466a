import { asc } from "drizzle-orm";
import { createTestPlatform, type TestPlatform } from "../../../app/testing.ts";
import { auditEvents } from "../../../core/audit/schema.ts";
import type { TestClient, TestResponse } from "../../../core/testing/http-client.ts";
import { newTotpSecret } from "../../accounts/index.ts";
import type { Organisation } from "../../organisations/contract.ts";
import { seedAffiliation, seedMembership } from "../../organisations/index.ts";
import type { CreatePortfolioBody, CreateSolutionBody, Portfolio, Solution } from "../contract.ts";

/** Builders for the catalogue tests: providers with people, solutions and portfolios, via the API. */

export type WatchedPlatform = TestPlatform;
export const watchedPlatform = createTestPlatform;

export interface Person {
  client: TestClient;
  userId: string;
  email: string;
}

export type Problem = {
  code: string;
  errors?: Array<{ field: string; message: string }>;
};

let sequence = 0;
export function uniqueName(label: string): string {
  sequence += 1;
  return `${label} ${sequence}`;
}

export function platformAdmin(platform: TestPlatform): Promise<Person> {
  return platform.signedIn({ platformRoles: ["admin"], totpSecret: newTotpSecret() });
}

export async function cityIdOf(platform: TestPlatform, name: string): Promise<string> {
  const response = await platform
    .client()
    .get<{ cities: Array<{ id: string; name: string }> }>("/api/v1/cities");
  const city = response.body.cities.find((candidate) => candidate.name === name);
  if (!city) throw new Error(`no city named ${name}`);
  return city.id;
}

/** An organisation created through the API by a fresh person, who is its admin. */
export async function organisationWithAdmin(
  platform: TestPlatform,
  kind: Organisation["kind"],
  extra: Record<string, unknown> = {},
): Promise<{ organisation: Organisation; admin: Person }> {
  const admin = await platform.signedIn();
  const response = await admin.client.post<Organisation>("/api/v1/organisations", {
    name: uniqueName(`Test ${kind}`),
    country: "FR",
    kind,
    ...(kind === "city" ? { cityId: await cityIdOf(platform, "Paris") } : {}),
    ...extra,
  });
  if (response.status !== 201) {
    throw new Error(`organisation not created: ${JSON.stringify(response.body)}`);
  }
  return { organisation: response.body, admin };
}

/** A fresh signed-in person who belongs to the organisation with the given role. */
export async function memberOf(
  platform: TestPlatform,
  organisationId: string,
  role: "member" | "admin" = "member",
): Promise<Person> {
  const person = await platform.signedIn();
  await seedMembership(platform.ctx, organisationId, person.userId, role);
  return person;
}

/** Makes `memberId` an active member of the cluster (as a platform admin would). */
export async function affiliate(
  platform: TestPlatform,
  clusterId: string,
  memberId: string,
): Promise<void> {
  const admin = await platform.signedIn();
  await seedAffiliation(platform.ctx, admin.userId, clusterId, memberId);
}

export function solutionBody(
  providerId: string,
  overrides: Partial<CreateSolutionBody> = {},
): CreateSolutionBody {
  return {
    providerId,
    title: uniqueName("Acoustic leak sensors"),
    summary: "Finds leaks in water mains before they burst, from hydrant-mounted sensors.",
    description: "Sensors listen to the network at night; **alerts** go to the utility.",
    sectors: ["water"],
    capabilities: ["water.leak-detection"],
    trl: 7,
    countriesDeployed: ["ES"],
    ...overrides,
  };
}

export function postSolution(
  client: TestClient,
  body: CreateSolutionBody,
): Promise<TestResponse<Solution & Problem>> {
  return client.post("/api/v1/solutions", body);
}

/** A solution added through the API by the given member of its provider. */
export async function addSolution(
  client: TestClient,
  providerId: string,
  overrides: Partial<CreateSolutionBody> = {},
): Promise<Solution> {
  const response = await postSolution(client, solutionBody(providerId, overrides));
  if (response.status !== 201) {
    throw new Error(`solution not created: ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

export async function addPortfolio(
  client: TestClient,
  body: CreatePortfolioBody,
): Promise<Portfolio> {
  const response = await client.post<Portfolio>("/api/v1/portfolios", body);
  if (response.status !== 201) {
    throw new Error(`portfolio not created: ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

export interface AuditRecord {
  action: string;
  actorId: string | null;
  subjectId: string;
  payload: Record<string, unknown>;
}

export async function auditTrail(platform: TestPlatform): Promise<AuditRecord[]> {
  const rows = await platform.database.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
  return rows.map((row) => ({
    action: row.action,
    actorId: row.actorId,
    subjectId: row.subjectId,
    payload: row.payload,
  }));
}
