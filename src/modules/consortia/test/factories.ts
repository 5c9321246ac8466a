import { addSolution, organisationWithAdmin } from "../../catalogue/test/factories.ts";
import {
  auditMark,
  auditSince,
  type CityTeam,
  cityTeam,
  memberOf,
  notificationKinds,
  type Person,
  platformAdmin,
  publishedChallenge,
  type WatchedPlatform,
  watchedPlatform,
} from "../../challenges/test/factories.ts";
import type { Organisation } from "../../organisations/contract.ts";
import type { Consortium, CreateConsortiumBody } from "../contract.ts";

/** Builders for the consortia tests: a challenge, providers with people and solutions, via the API. */
export {
  auditMark,
  auditSince,
  type CityTeam,
  memberOf,
  notificationKinds,
  type Person,
  platformAdmin,
  type WatchedPlatform,
  watchedPlatform,
};

export type Problem = {
  code: string;
  errors?: Array<{ field: string; message: string }>;
};

export interface Provider {
  organisation: Organisation;
  admin: Person;
}

/** A provider organisation with its admin and one solution declaring the given capabilities. */
export async function provider(
  platform: WatchedPlatform,
  kind: "company" | "research" | "cluster",
  country: string,
  capabilities: string[],
  options: { title?: string; verified?: boolean; trl?: number } = {},
): Promise<Provider> {
  const made = await organisationWithAdmin(platform, kind, { country });
  if (capabilities.length > 0) {
    await addSolution(made.admin.client, made.organisation.id, {
      title: options.title ?? `Solution for ${capabilities.join(" and ")}`,
      summary: "A solution of the test provider, for the capabilities it declares.",
      sectors: ["water", "adaptation", "energy"],
      capabilities,
      trl: options.trl ?? 7,
      countriesDeployed: [country],
    });
  }
  if (options.verified) {
    const admin = await platformAdmin(platform);
    const response = await admin.client.post(
      `/api/v1/organisations/${made.organisation.id}/verification`,
      { verified: true },
    );
    if (response.status !== 200) throw new Error(`not verified: ${response.status}`);
  }
  return made;
}

/** A Copenhagen challenge requiring the given capabilities, published. */
export async function openChallenge(
  platform: WatchedPlatform,
  team: CityTeam,
  capabilities: string[],
): Promise<string> {
  return (
    await publishedChallenge(platform, team, {
      title: "Cloudburst-proof districts",
      summary: "Keep basements dry and find the leaks that make flooding worse.",
      capabilities,
      minTrl: 6,
    })
  ).id;
}

export async function startConsortium(
  client: Person["client"],
  body: CreateConsortiumBody,
): Promise<Consortium> {
  const response = await client.post<Consortium>("/api/v1/consortia", body);
  if (response.status !== 201) {
    throw new Error(`consortium not created: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

export { cityTeam };
