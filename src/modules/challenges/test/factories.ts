import { createTestPlatform } from "../../../app/testing.ts";
import { DAY } from "../../../core/clock.ts";
import type { TestClient } from "../../../core/testing/http-client.ts";
import {
  cityIdOf,
  memberOf,
  organisationWithAdmin,
  type Person,
  type WatchedPlatform,
} from "../../organisations/test/factories.ts";
import type { Challenge, CreateChallengeBody } from "../contract.ts";

export {
  auditMark,
  auditSince,
  memberOf,
  type Person,
  platformAdmin,
  type WatchedPlatform,
} from "../../organisations/test/factories.ts";

/** A test platform whose sessions outlive the months the tests move the clock through. */
export const watchedPlatform = () => createTestPlatform({ SESSION_DAYS: "365" });

/** Builders for the challenges tests, through the API as the web app would call it. */

export interface CityTeam {
  organisationId: string;
  cityId: string;
  admin: Person;
  member: Person;
}

/** A city organisation of a real C40 city, with its admin and one plain member. */
export async function cityTeam(platform: WatchedPlatform, city = "Copenhagen"): Promise<CityTeam> {
  const cityId = await cityIdOf(platform, city);
  const { organisation, admin } = await organisationWithAdmin(platform, {
    kind: "city",
    cityId,
    name: `City of ${city} ${Math.random().toString(36).slice(2, 7)}`,
  });
  const member = await memberOf(platform, organisation.id, "member");
  return { organisationId: organisation.id, cityId, admin, member };
}

/** A complete draft body whose deadlines are 10, 30 and 60 days after the platform's now. */
export function draftBody(
  platform: WatchedPlatform,
  organisationId: string,
  overrides: Partial<CreateChallengeBody> = {},
): CreateChallengeBody {
  const now = platform.clock.now().getTime();
  return {
    organisationId,
    title: "Cloudburst management for dense districts",
    summary: "Keep streets, basements and metro stations dry when a cloudburst hits the city.",
    description: "We look for **nature-based** and digital ways to hold and route stormwater.",
    sectors: ["adaptation", "water"],
    capabilities: ["adaptation.stormwater"],
    kpis: [{ metric: "Flooded basements per event", baseline: 400, target: 50, unit: "count" }],
    budget: { minMinor: 50_000_000, maxMinor: 200_000_000, currency: "EUR" },
    minTrl: 6,
    procurementModel: "pre_commercial",
    timeline: {
      questionDeadline: new Date(now + 10 * DAY).toISOString(),
      proposalDeadline: new Date(now + 30 * DAY).toISOString(),
      awardDate: new Date(now + 60 * DAY).toISOString(),
    },
    contacts: [
      { name: "Mette Hansen", role: "Climate adaptation lead", email: "mette@example.dk" },
    ],
    ...overrides,
  };
}

export async function createDraft(
  platform: WatchedPlatform,
  client: TestClient,
  organisationId: string,
  overrides: Partial<CreateChallengeBody> = {},
): Promise<Challenge> {
  const response = await client.post<Challenge>(
    "/api/v1/challenges",
    draftBody(platform, organisationId, overrides),
  );
  if (response.status !== 201) {
    throw new Error(`challenge not created: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

export async function publishedChallenge(
  platform: WatchedPlatform,
  team: CityTeam,
  overrides: Partial<CreateChallengeBody> = {},
): Promise<Challenge> {
  const draft = await createDraft(platform, team.member.client, team.organisationId, overrides);
  const response = await team.member.client.post<Challenge>(
    `/api/v1/challenges/${draft.id}/transitions`,
    { to: "published" },
  );
  if (response.status !== 200) {
    throw new Error(`not published: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** The kinds of the person's notifications, newest first. */
export async function notificationKinds(client: TestClient): Promise<string[]> {
  const response = await client.get<{ notifications: Array<{ kind: string }> }>(
    "/api/v1/me/notifications",
  );
  return response.body.notifications.map((notification) => notification.kind);
}
