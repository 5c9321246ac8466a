import { createTestPlatform, type TestPlatform } from "../../../app/testing.ts";
import type { TestClient, TestResponse } from "../../../core/testing/http-client.ts";
import type { Organisation } from "../../organisations/contract.ts";
import { seedAffiliation } from "../../organisations/index.ts";
import {
  type AuditRecord,
  auditTrail,
  cityIdOf,
  organisationWithAdmin as createdWithAdmin,
  jpegBytes,
  memberOf,
  type Person,
  platformAdmin,
  tinyPng,
  uniqueName,
  webpBytes,
} from "../../organisations/test/factories.ts";
import type { CreatePortfolioBody, CreateSolutionBody, Portfolio, Solution } from "../contract.ts";

/** Builders for the catalogue tests: providers with people, solutions and portfolios, via the API. */

// People, organisations and the audit trail are built as the organisations tests build them.
// Images as the organisations tests build them (a valid one-pixel PNG, JPEG and WebP starts).
export {
  type AuditRecord,
  auditTrail,
  cityIdOf,
  jpegBytes,
  memberOf,
  type Person,
  platformAdmin,
  tinyPng,
  uniqueName,
  webpBytes,
};

export type WatchedPlatform = TestPlatform;
export const watchedPlatform = createTestPlatform;

export type Problem = {
  code: string;
  errors?: Array<{ field: string; message: string }>;
};

/** An organisation of the kind created through the API by a fresh person, who is its admin. */
export async function organisationWithAdmin(
  platform: TestPlatform,
  kind: Organisation["kind"],
  extra: Record<string, unknown> = {},
): Promise<{ organisation: Organisation; admin: Person }> {
  return createdWithAdmin(platform, {
    kind,
    ...(kind === "city" ? { cityId: await cityIdOf(platform, "Paris") } : {}),
    ...extra,
  });
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

/** Uploads an image to a solution as the web form does: the raw file, its description in the address. */
export function uploadImage(
  client: TestClient,
  solutionId: string,
  bytes: Buffer | string,
  options: { alt?: string; type?: string } = {},
): Promise<TestResponse<Solution & Problem>> {
  const alt = options.alt ?? "A sensor clamped to a hydrant";
  return client.request(
    "POST",
    `/api/v1/solutions/${solutionId}/media?alt=${encodeURIComponent(alt)}`,
    {
      rawBody: bytes,
      headers: { "content-type": options.type ?? "image/png" },
    },
  );
}
