import { organisationWithAdmin } from "../../catalogue/test/factories.ts";
import type { Person, WatchedPlatform } from "../../challenges/test/factories.ts";
import {
  openChallenge,
  provider,
  startConsortium,
  cityTeam as team,
} from "../../consortia/test/factories.ts";
import type { Organisation } from "../../organisations/contract.ts";
import type { CreateSourceBody, FundingSource } from "../contract.ts";

export {
  auditMark,
  auditSince,
  notificationKinds,
  type Person,
  platformAdmin,
  type WatchedPlatform,
  watchedPlatform,
} from "../../challenges/test/factories.ts";

export type Problem = { code: string; errors?: Array<{ field: string; message: string }> };

/** A mission-style grant: 3 partners from 3 countries, adaptation, TRL 5–8, Europe, SMEs. */
export function missionGrant(
  funderId: string,
  overrides: Partial<CreateSourceBody> = {},
): CreateSourceBody {
  return {
    funderId,
    title: "Climate-resilient districts mission",
    programme: "Mission Adaptation",
    instrument: "grant",
    minAmountMinor: 200_000_000,
    maxAmountMinor: 1_500_000_000,
    currency: "EUR",
    coFinancingRate: 70,
    eligibleKinds: ["company", "research", "city"],
    eligibleRegions: ["Europe"],
    sectors: ["adaptation"],
    minTrl: 5,
    maxTrl: 8,
    opensOn: "2026-01-01",
    closesOn: "2026-03-31",
    link: "https://funding.example.org/mission",
    minPartners: 3,
    minCountries: 3,
    minSmallCompanyShare: 30,
    ...overrides,
  };
}

export async function postSource(client: Person["client"], body: unknown) {
  return client.post<FundingSource & Problem>("/api/v1/funding-sources", body);
}

export interface Cast {
  admin: Person;
  funder: { organisation: Organisation; admin: Person };
  outsider: Person;
  city: Awaited<ReturnType<typeof team>>;
  challengeId: string;
  /** A Danish company leading, a Swedish institute as the only partner. */
  consortiumId: string;
  lead: { organisation: Organisation; admin: Person };
}

export async function cast(platform: WatchedPlatform): Promise<Cast> {
  const { platformAdmin } = await import("../../challenges/test/factories.ts");
  const admin = await platformAdmin(platform);
  const funder = await organisationWithAdmin(platform, "funder", { country: "LU" });
  const outsider = (await organisationWithAdmin(platform, "company", { country: "FR" })).admin;
  const city = await team(platform);
  const challengeId = await openChallenge(platform, city, ["adaptation.stormwater"]);
  const lead = await provider(platform, "company", "DK", []);
  const partner = await provider(platform, "research", "SE", []);
  const consortium = await startConsortium(lead.admin.client, {
    challengeId,
    leadOrganisationId: lead.organisation.id,
    name: "Dry Østerbro",
    invitations: [{ organisationId: partner.organisation.id, role: "partner" }],
  });
  const invitation = consortium.invitations[0]!;
  const accepted = await partner.admin.client.post(
    `/api/v1/consortia/${consortium.id}/invitations/${invitation.id}/accept`,
  );
  if (accepted.status !== 200) throw new Error(`not accepted: ${accepted.status}`);
  return { admin, funder, outsider, city, challengeId, consortiumId: consortium.id, lead };
}
