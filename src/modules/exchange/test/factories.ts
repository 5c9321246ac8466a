import { sql } from "drizzle-orm";
import { createTestPlatform, type TestPlatform } from "../../../app/testing.ts";
import { queryRows } from "../../../core/db/client.ts";
import type { TestClient, TestResponse } from "../../../core/testing/http-client.ts";
import { newTotpSecret } from "../../accounts/index.ts";
import { seedAffiliation, seedMembership, seedOrganisation } from "../../organisations/index.ts";
import type { ImportProblem, ImportReport } from "../contract.ts";

/** Builders for the exchange tests: importers, organisations, and the rows a file may touch. */

export { createTestPlatform, type TestPlatform };

export interface Person {
  client: TestClient;
  userId: string;
}

export type ImportAnswer = TestResponse<ImportReport & { code?: string; errors?: ImportProblem[] }>;

let sequence = 0;
export function unique(label: string): string {
  sequence += 1;
  return `${label} ${sequence}`;
}

export function platformAdmin(platform: TestPlatform): Promise<Person> {
  return platform.signedIn({ platformRoles: ["admin"], totpSecret: newTotpSecret() });
}

/** A cluster with an admin, and one member company (active affiliation). */
export async function clusterWithMember(platform: TestPlatform) {
  const admin = await platform.signedIn();
  const cluster = await seedOrganisation(platform.ctx, admin.userId, {
    name: unique("Cleantech Cluster"),
    kind: "cluster",
    country: "DK",
    description: "",
  });
  const member = await seedOrganisation(platform.ctx, admin.userId, {
    name: unique("Member Company"),
    kind: "company",
    country: "DK",
    description: "",
  });
  await seedAffiliation(platform.ctx, admin.userId, cluster.id, member.id);
  return { admin, cluster, member };
}

/** A person who belongs to the organisation with the role. */
export async function personIn(
  platform: TestPlatform,
  organisationId: string,
  role: "member" | "admin",
): Promise<Person> {
  const person = await platform.signedIn();
  await seedMembership(platform.ctx, organisationId, person.userId, role);
  return person;
}

export function importBundle(
  client: TestClient,
  bundle: unknown,
  query = "",
): Promise<ImportAnswer> {
  return client.post(`/api/v1/import${query}`, bundle) as Promise<ImportAnswer>;
}

export function importCsv(client: TestClient, text: string, query = ""): Promise<ImportAnswer> {
  return client.request("POST", `/api/v1/import${query}`, {
    rawBody: text,
    headers: { "content-type": "text/csv; charset=utf-8" },
  }) as Promise<ImportAnswer>;
}

/** Rows in the tables an import writes, and the audit events: to show a refused file wrote nothing. */
export async function rowCounts(platform: TestPlatform) {
  const [counts] = await queryRows<{
    organisations: number;
    solutions: number;
    challenges: number;
    versions: number;
    affiliations: number;
    refs: number;
    auditEvents: number;
  }>(
    platform.database.db,
    sql`select
      (select count(*) from organisations)::int as organisations,
      (select count(*) from solutions)::int as solutions,
      (select count(*) from challenges)::int as challenges,
      (select count(*) from solution_versions)::int as versions,
      (select count(*) from affiliations)::int as affiliations,
      (select count(*) from import_refs)::int as refs,
      (select count(*) from audit_events)::int as "auditEvents"`,
  );
  return counts!;
}

export function solutionRecord(
  ref: string,
  organisation: string,
  extra: Record<string, unknown> = {},
) {
  return {
    ref,
    organisation,
    title: `Leak sensors ${ref}`,
    summary: "Acoustic sensors that find leaks in water mains before they burst.",
    description: "Sensors listen at night; **alerts** go to the utility.",
    sectors: ["water"],
    capabilities: ["water.leak-detection"],
    trl: 7,
    countriesDeployed: ["DK"],
    ...extra,
  };
}

/** A publishable challenge (the test clock starts on 2026-01-15), to change per test. */
export function challengeRecord(
  ref: string,
  organisation: string,
  extra: Record<string, unknown> = {},
) {
  return {
    ref,
    organisation,
    status: "published",
    title: `Cloudburst-proof streets ${ref}`,
    summary: "Streets that hold and drain a hundred-year cloudburst without flooding homes.",
    description: "We look for **blue-green** street designs with sensors that show they work.",
    sectors: ["adaptation", "water"],
    capabilities: ["adaptation.stormwater"],
    procurementModel: "pilot_agreement",
    minTrl: 6,
    budget: { minMinor: 10_000_000, maxMinor: 50_000_000, currency: "EUR" },
    timeline: {
      questionDeadline: "2026-03-01T12:00:00.000Z",
      proposalDeadline: "2026-04-01T12:00:00.000Z",
      awardDate: "2026-06-01T12:00:00.000Z",
    },
    contacts: [{ name: "Ada Lund", role: "Project lead", email: "ada.lund@example.org" }],
    ...extra,
  };
}

export const bundleOf = (parts: {
  organisations?: unknown[];
  solutions?: unknown[];
  challenges?: unknown[];
}) => ({
  format: "city-solutions-bundle/1",
  organisations: parts.organisations ?? [],
  solutions: parts.solutions ?? [],
  ...(parts.challenges ? { challenges: parts.challenges } : {}),
});
