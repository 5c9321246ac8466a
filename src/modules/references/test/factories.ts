import type { TestClient, TestResponse } from "../../../core/testing/http-client.ts";
import { addSolution, organisationWithAdmin } from "../../catalogue/test/factories.ts";
import {
  type CityTeam,
  cityTeam,
  type Person,
  platformAdmin,
  type WatchedPlatform,
} from "../../challenges/test/factories.ts";
import type { Organisation } from "../../organisations/contract.ts";
import type { CreateReferenceBody, Reference } from "../contract.ts";

export { jpegBytes, tinyPng } from "../../catalogue/test/factories.ts";
/** Builders for the references tests: a provider with a solution, a city team, via the API. */
export {
  auditMark,
  auditSince,
  type CityTeam,
  cityTeam,
  memberOf,
  notificationKinds,
  type Person,
  platformAdmin,
  type WatchedPlatform,
  watchedPlatform,
} from "../../challenges/test/factories.ts";

export type Problem = {
  code: string;
  errors?: Array<{ field: string; message: string }>;
};

export interface Provider {
  organisation: Organisation;
  admin: Person;
  solutionId: string;
}

/** A company with its admin and one water solution. */
export async function providerWithSolution(
  platform: WatchedPlatform,
  title = "Acoustic leak sensors",
): Promise<Provider> {
  const made = await organisationWithAdmin(platform, "company", { country: "DK" });
  const solution = await addSolution(made.admin.client, made.organisation.id, {
    title,
    sectors: ["water", "adaptation"],
    capabilities: ["water.leak-detection"],
    countriesDeployed: [],
  });
  return { ...made, solutionId: solution.id };
}

export function referenceBody(
  cityOrganisationId: string,
  overrides: Partial<CreateReferenceBody> = {},
): CreateReferenceBody {
  return {
    city: { organisationId: cityOrganisationId },
    startedOn: "2023-03-01",
    endedOn: null,
    scale: "120 km of water mains, 400 sensors",
    description: "Night-time **listening** on the mains of two districts.",
    metrics: [
      { kind: "water_saved", value: 350_000 },
      { kind: "co2e_avoided", value: 42.5 },
      { kind: "custom", value: 18, label: "bursts prevented", unit: "bursts/yr" },
    ],
    ...overrides,
  };
}

export function postReference(
  client: TestClient,
  solutionId: string,
  body: unknown,
): Promise<TestResponse<Reference & Problem>> {
  return client.post(`/api/v1/solutions/${solutionId}/references`, body);
}

export async function addReference(
  client: TestClient,
  solutionId: string,
  body: CreateReferenceBody,
): Promise<Reference> {
  const response = await postReference(client, solutionId, body);
  if (response.status !== 201)
    throw new Error(`reference not added: ${JSON.stringify(response.body)}`);
  return response.body;
}

export function decide(
  client: TestClient,
  referenceId: string,
  decision: "verify" | "reject",
  reason?: string,
): Promise<TestResponse<Reference & Problem>> {
  return client.post(`/api/v1/references/${referenceId}/verification`, {
    decision,
    ...(reason ? { reason } : {}),
  });
}

/** The people every authorisation test tries: one of each role. */
export interface Cast {
  provider: Provider;
  city: CityTeam;
  outsider: Person;
  admin: Person;
}

export async function cast(platform: WatchedPlatform): Promise<Cast> {
  const provider = await providerWithSolution(platform);
  const city = await cityTeam(platform, "Copenhagen");
  const outsider = (await organisationWithAdmin(platform, "company", { country: "FR" })).admin;
  const admin = await platformAdmin(platform);
  return { provider, city, outsider, admin };
}
