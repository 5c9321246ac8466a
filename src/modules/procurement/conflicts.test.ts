import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "../../core/clock.ts";
import { seedAffiliation, seedMembership } from "../organisations/index.ts";
import { detectConflicts, partiesOfBidders } from "./conflicts.ts";
import type { EvaluationSetup } from "./contract-evaluation.ts";
import { quietPeriodRefusal } from "./index.ts";
import { defineSetup, setupBody } from "./test/evaluation-factories.ts";
import {
  type CityTeam,
  cityTeam,
  consortiumOf,
  memberOf,
  openChallenge,
  type Person,
  type Provider,
  platformAdmin,
  provider,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/**
 * Conflict-of-interest detection (conflicts.ts): a membership now, one ended two years ago (a
 * conflict) and four years ago (none), a consortium's former member, a cluster the bidder
 * belongs to; then the quiet period and the contact log, and bad input that writes nothing.
 */
describe("conflicts of interest", () => {
  let platform: WatchedPlatform;
  let company: Provider;
  let cluster: Provider;
  let person: Person;
  const YEAR = 365 * DAY;

  beforeAll(async () => {
    platform = await watchedPlatform();
    company = await provider(platform, "company", "DK", []);
    cluster = await provider(platform, "cluster", "DK", []);
    person = await platform.signedIn();
  });
  afterAll(() => platform.close());

  const detect = (parties: string[], at: Date) =>
    detectConflicts(platform.ctx.db, { userId: person.userId, parties, at });

  it("a current member of the bidding organisation is in conflict; a stranger is not", async () => {
    const now = platform.clock.now();
    expect(await detect([company.organisation.id], now)).toEqual([]);
    await seedMembership(platform.ctx, company.organisation.id, person.userId, "member");
    expect(await detect([company.organisation.id], now)).toEqual([
      { organisationId: company.organisation.id, relation: "party" },
    ]);
  });

  it("a membership ended two years before still counts; one ended four years before does not", async () => {
    const left = await person.client.delete(
      `/api/v1/organisations/${company.organisation.id}/members/${person.userId}`,
    );
    expect(left.status).toBe(204);
    const endedAt = platform.clock.now();
    expect(await detect([company.organisation.id], new Date(endedAt.getTime() + 2 * YEAR))).toEqual(
      [{ organisationId: company.organisation.id, relation: "party" }],
    );
    expect(await detect([company.organisation.id], new Date(endedAt.getTime() + 4 * YEAR))).toEqual(
      [],
    );
  });

  it("a consortium's former member is one of its parties", async () => {
    const city = await cityTeam(platform, "Copenhagen");
    const challenge = await openChallenge(platform, city);
    const lead = await provider(platform, "company", "DK", []);
    const partner = await provider(platform, "research", "DE", []);
    const consortiumId = await consortiumOf(challenge.id, lead, partner, "Leaving Alliance");
    const left = await partner.admin.client.post(
      `/api/v1/consortia/${consortiumId}/members/${partner.organisation.id}/leave`,
    );
    expect(left.status).toBe(204);
    const parties = (
      await partiesOfBidders(platform.ctx.db, [{ kind: "consortium", id: consortiumId }])
    ).get(`consortium:${consortiumId}`)!;
    expect(parties.sort()).toEqual([lead.organisation.id, partner.organisation.id].sort());
    const insider = await memberOf(platform, partner.organisation.id, "member");
    expect(
      await detectConflicts(platform.ctx.db, {
        userId: insider.userId,
        parties,
        at: platform.clock.now(),
      }),
    ).toEqual([{ organisationId: partner.organisation.id, relation: "party" }]);
  });

  it("a member of a cluster the bidder belongs to is in conflict", async () => {
    const admin = await platformAdmin(platform);
    const member = await provider(platform, "company", "SE", []);
    await seedAffiliation(
      platform.ctx,
      admin.userId,
      cluster.organisation.id,
      member.organisation.id,
    );
    const clusterPerson = await memberOf(platform, cluster.organisation.id, "member");
    expect(
      await detectConflicts(platform.ctx.db, {
        userId: clusterPerson.userId,
        parties: [member.organisation.id],
        at: platform.clock.now(),
      }),
    ).toEqual([{ organisationId: cluster.organisation.id, relation: "cluster" }]);
  });
});

describe("quiet period, contact log, bad input", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let chair: Person;
  let company: Provider;
  let challengeId: string;
  let setup: EvaluationSetup;

  beforeAll(async () => {
    platform = await watchedPlatform();
    city = await cityTeam(platform, "Copenhagen");
    chair = await memberOf(platform, city.organisationId, "member");
    company = await provider(platform, "company", "DK", []);
    challengeId = (await openChallenge(platform, city)).id;
    setup = await defineSetup(
      city.admin.client,
      challengeId,
      setupBody([{ userId: chair.userId, role: "chair" }]),
    );
  });
  afterAll(() => platform.close());

  const contact = (overrides: Record<string, unknown> = {}) => ({
    cityUserId: chair.userId,
    organisationId: company.organisation.id,
    contactAt: platform.clock.now().toISOString(),
    channel: "meeting",
    oneToOne: true,
    subject: "Lunch to discuss the sensors",
    ...overrides,
  });

  it("refuses a panel member's one-to-one meeting with a possible bidder, with the reason", async () => {
    const refused = await city.admin.client.post<{ code: string; detail: string }>(
      `/api/v1/challenges/${challengeId}/contacts`,
      contact(),
    );
    expect(refused.status).toBe(409);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(refused.body.code).toBe("quiet_period");
    expect(refused.body.detail).toContain("Cloudburst-proof districts");
    // The events module asks the same question.
    expect(
      await quietPeriodRefusal(platform.ctx.db, {
        userId: chair.userId,
        organisationIds: [company.organisation.id],
        at: platform.clock.now(),
      }),
    ).toMatchObject({ code: "quiet_period", challengeId });
    // A city member off the panel may meet; the panel member may write an e-mail (recorded).
    const member = await city.admin.client.post(
      `/api/v1/challenges/${challengeId}/contacts`,
      contact({ cityUserId: city.member.userId }),
    );
    expect(member.status).toBe(201);
    const mail = await city.admin.client.post(
      `/api/v1/challenges/${challengeId}/contacts`,
      contact({ oneToOne: false, channel: "email" }),
    );
    expect(mail.status).toBe(201);
    const log = await city.member.client.get<{ contacts: unknown[] }>(
      `/api/v1/challenges/${challengeId}/contacts`,
    );
    expect(log.body.contacts).toHaveLength(2);
  });

  it("answers bad input with 4xx problem+json naming the field, and writes nothing", async () => {
    const base = `/api/v1/challenges/${challengeId}`;
    const before = await city.admin.client.get<EvaluationSetup>(`${base}/evaluation`);
    const cases: Array<[unknown, string]> = [
      [
        {
          ...setupBody([{ userId: chair.userId, role: "chair" }]),
          criteria: [{ name: "Only", weight: 90 }],
        },
        "body.criteria",
      ],
      [setupBody([{ userId: chair.userId, role: "evaluator" }]), "body.panel"],
      [setupBody([{ userId: company.admin.userId, role: "chair" }]), "body.panel.0.userId"],
      [
        { ...setupBody([{ userId: chair.userId, role: "chair" }]), standstillDays: -1 },
        "body.standstillDays",
      ],
    ];
    for (const [body, field] of cases) {
      const response = await city.admin.client.put<{ errors: Array<{ field: string }> }>(
        `${base}/evaluation`,
        body,
      );
      expect(response.status).toBe(400);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.body.errors.map((error) => error.field)).toContain(field);
    }
    const after = await city.admin.client.get<EvaluationSetup>(`${base}/evaluation`);
    expect(after.body).toEqual(before.body);
    expect(setup.criteria.map((criterion) => criterion.weight)).toEqual([50, 30, 20]);

    const badContact = await city.admin.client.post<{ errors: Array<{ field: string }> }>(
      `${base}/contacts`,
      contact({ organisationId: city.organisationId, oneToOne: false }),
    );
    expect(badContact.status).toBe(400);
    expect(badContact.body.errors.map((error) => error.field)).toEqual(["body.organisationId"]);
    const log = await city.member.client.get<{ contacts: unknown[] }>(`${base}/contacts`);
    expect(log.body.contacts).toHaveLength(2);
    expect(platform.serverErrors).toEqual([]);
  });
});
