import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../core/testing/http-client.ts";
import type { CoFundingList, FinderResult, FundingSource, SourceList } from "./contract.ts";
import {
  type Cast,
  cast,
  missionGrant,
  notificationKinds,
  type Problem,
  postSource,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

type Role = "anonymous" | "outsider" | "funder" | "admin";
const roles: Role[] = ["anonymous", "outsider", "funder", "admin"];

describe("funding: sources, the finder, reminders and co-funding", () => {
  let platform: WatchedPlatform;
  let people: Cast;
  let grant: FundingSource;

  beforeAll(async () => {
    platform = await watchedPlatform();
    people = await cast(platform);
    const created = await postSource(
      people.funder.admin.client,
      missionGrant(people.funder.organisation.id),
    );
    expect(created.status).toBe(201);
    grant = created.body;
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const clientOf = (role: Role): TestClient =>
    ({
      anonymous: platform.client(),
      outsider: people.outsider.client,
      funder: people.funder.admin.client,
      admin: people.admin.client,
    })[role];

  const fresh = async () =>
    (
      await postSource(
        people.admin.client,
        missionGrant(people.funder.organisation.id, { title: "A source to change" }),
      )
    ).body;

  const routes: Array<{
    name: string;
    call: (client: TestClient) => Promise<{ status: number; body: unknown }>;
    expected: Record<Role, number>;
  }> = [
    {
      name: "GET /funding-sources",
      call: (c) => c.get("/api/v1/funding-sources"),
      expected: { anonymous: 200, outsider: 200, funder: 200, admin: 200 },
    },
    {
      name: "POST /funding-sources",
      call: (c) =>
        c.post(
          "/api/v1/funding-sources",
          missionGrant(people.funder.organisation.id, { title: "Another call" }),
        ),
      expected: { anonymous: 401, outsider: 403, funder: 201, admin: 201 },
    },
    {
      name: "GET /funding-sources/:id",
      call: (c) => c.get(`/api/v1/funding-sources/${grant.id}`),
      expected: { anonymous: 200, outsider: 200, funder: 200, admin: 200 },
    },
    {
      name: "PATCH /funding-sources/:id",
      call: async (c) =>
        c.patch(`/api/v1/funding-sources/${(await fresh()).id}`, { summary: "Changed" }),
      expected: { anonymous: 401, outsider: 403, funder: 200, admin: 200 },
    },
    {
      name: "DELETE /funding-sources/:id",
      call: async (c) => c.delete(`/api/v1/funding-sources/${(await fresh()).id}`),
      expected: { anonymous: 401, outsider: 403, funder: 204, admin: 204 },
    },
    {
      name: "PUT then DELETE /funding-sources/:id/follow",
      call: async (c) => {
        const source = await fresh();
        const followed = await c.put(`/api/v1/funding-sources/${source.id}/follow`, undefined);
        if (followed.status !== 200) return followed;
        return c.delete(`/api/v1/funding-sources/${source.id}/follow`, undefined);
      },
      expected: { anonymous: 401, outsider: 200, funder: 200, admin: 200 },
    },
    {
      name: "GET /funding/finder?consortiumId (private: its members and admins only)",
      call: (c) => c.get(`/api/v1/funding/finder?consortiumId=${people.consortiumId}`),
      expected: { anonymous: 404, outsider: 404, funder: 404, admin: 200 },
    },
    {
      name: "GET /funding/finder?challengeId (a published challenge)",
      call: (c) => c.get(`/api/v1/funding/finder?challengeId=${people.challengeId}`),
      expected: { anonymous: 200, outsider: 200, funder: 200, admin: 200 },
    },
    {
      name: "GET /funding/finder?organisationId",
      call: (c) => c.get(`/api/v1/funding/finder?organisationId=${people.lead.organisation.id}`),
      expected: { anonymous: 200, outsider: 200, funder: 200, admin: 200 },
    },
    {
      name: "GET /funding/deadlines",
      call: (c) => c.get("/api/v1/funding/deadlines"),
      expected: { anonymous: 200, outsider: 200, funder: 200, admin: 200 },
    },
    {
      name: "GET /funding/deadlines?followed=true",
      call: (c) => c.get("/api/v1/funding/deadlines?followed=true"),
      expected: { anonymous: 401, outsider: 200, funder: 200, admin: 200 },
    },
    {
      name: "GET /funding/deadlines.ics",
      call: (c) => c.get("/api/v1/funding/deadlines.ics"),
      expected: { anonymous: 401, outsider: 200, funder: 200, admin: 200 },
    },
    {
      name: "GET /challenges/:id/co-funding",
      call: (c) => c.get(`/api/v1/challenges/${people.challengeId}/co-funding`),
      expected: { anonymous: 200, outsider: 200, funder: 200, admin: 200 },
    },
    {
      name: "PUT /challenges/:id/co-funding",
      call: (c) =>
        c.put(`/api/v1/challenges/${people.challengeId}/co-funding`, {
          sourceId: grant.id,
          amountMinor: 50_000_000,
          currency: "EUR",
        }),
      expected: { anonymous: 401, outsider: 403, funder: 403, admin: 200 },
    },
    {
      name: "DELETE /challenges/:id/co-funding/:sourceId",
      call: async (c) => {
        const source = await fresh();
        await people.city.member.client.put(`/api/v1/challenges/${people.challengeId}/co-funding`, {
          sourceId: source.id,
          amountMinor: 1_000,
          currency: "EUR",
        });
        return c.delete(`/api/v1/challenges/${people.challengeId}/co-funding/${source.id}`);
      },
      expected: { anonymous: 401, outsider: 403, funder: 403, admin: 200 },
    },
  ];

  for (const route of routes) {
    for (const role of roles) {
      it(`${route.name} as ${role} → ${route.expected[role]}`, async () => {
        const response = await route.call(clientOf(role));
        expect(response.status).toBe(route.expected[role]);
        if (route.name.includes("consortiumId") && response.status !== 200) {
          // A refused answer must not name the members.
          expect(JSON.stringify(response.body)).not.toContain("Dry Østerbro");
          expect(JSON.stringify(response.body)).not.toContain(people.lead.organisation.name);
        }
      });
    }
  }

  it("checks every rule of the mission grant against the consortium's actual members", async () => {
    const response = await people.lead.admin.client.get<FinderResult>(
      `/api/v1/funding/finder?consortiumId=${people.consortiumId}`,
    );
    expect(response.status).toBe(200);
    expect(
      response.body.applicant.organisations.map((organisation) => organisation.country).sort(),
    ).toEqual(["DK", "SE"]);
    const match = response.body.matches.find((candidate) => candidate.source.id === grant.id)!;
    // By hand: DK company and SE institute, challenge in adaptation/water asking TRL 6, today 2026-01-15.
    expect(match.checks.map((check) => [check.rule, check.outcome, check.explanation])).toEqual([
      ["open", "passed", "Open until 2026-03-31."],
      ["sectors", "passed", "Funds adaptation, a sector of the challenge."],
      ["trl", "passed", "Needs TRL 5–8; the challenge asks for TRL 6."],
      [
        "organisation_kinds",
        "passed",
        "Open to company, research, city; every organisation is one.",
      ],
      ["location", "passed", "Open to organisations in Europe; every organisation is."],
      ["min_partners", "failed", "Needs 3 partners, the consortium has 2."],
      [
        "min_countries",
        "failed",
        "Needs partners from 3 countries, the consortium has 2 (DK, SE).",
      ],
      [
        "small_company_share",
        "unknown",
        "Needs 30% small or medium-sized companies; the platform does not record company size.",
      ],
    ]);
    expect(match).toMatchObject({ passed: 5, failed: 2, unknown: 1, fit: 5 / 8 });
  });

  it("for a challenge, rules about consortia are unknown (the city alone is no consortium), and filters apply", async () => {
    const loan = await postSource(
      people.admin.client,
      missionGrant(people.funder.organisation.id, {
        title: "Green city loan",
        instrument: "loan",
        sectors: ["energy"],
        minPartners: null,
        minCountries: null,
        minSmallCompanyShare: null,
        eligibleRegions: [],
        eligibleCountries: ["DK"],
        eligibleKinds: ["city"],
        minTrl: null,
        maxTrl: null,
        closesOn: null,
      }),
    );
    expect(loan.status).toBe(201);
    const response = await platform
      .client()
      .get<FinderResult>(
        `/api/v1/funding/finder?challengeId=${people.challengeId}&instrument=loan`,
      );
    expect(response.body.matches.map((match) => match.source.instrument)).toEqual(["loan"]);
    const loanMatch = response.body.matches.find((match) => match.source.id === loan.body.id)!;
    expect(loanMatch.checks.map((check) => [check.rule, check.outcome])).toEqual([
      ["open", "passed"],
      ["sectors", "failed"],
      ["organisation_kinds", "passed"],
      ["location", "passed"],
    ]);
    const grants = await platform
      .client()
      .get<FinderResult>(
        `/api/v1/funding/finder?challengeId=${people.challengeId}&instrument=grant`,
      );
    const mission = grants.body.matches.find((match) => match.source.id === grant.id)!;
    expect(mission.checks.find((check) => check.rule === "min_partners")).toMatchObject({
      outcome: "unknown",
      explanation: "Needs 3 partners: checked against a consortium, and the city is not one.",
    });
    // By deadline: the dated ones first, soonest first.
    const byDeadline = await platform
      .client()
      .get<FinderResult>(`/api/v1/funding/finder?challengeId=${people.challengeId}&sort=deadline`);
    const dates = byDeadline.body.matches.map((match) => match.source.closesOn ?? "~");
    expect(dates).toEqual([...dates].sort());
  });

  it("refuses bad input naming the field, writing nothing", async () => {
    const before = (await platform.client().get<SourceList>("/api/v1/funding-sources")).body.sources
      .length;
    const reversed = await postSource(
      people.funder.admin.client,
      missionGrant(people.funder.organisation.id, { minTrl: 8, maxTrl: 4 }),
    );
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors?.map((error) => error.field)).toContain("body.maxTrl");
    const notFunder = await postSource(
      people.admin.client,
      missionGrant(people.lead.organisation.id),
    );
    expect(notFunder.status).toBe(400);
    expect(notFunder.body.errors?.map((error) => error.field)).toEqual(["body.funderId"]);
    const patch = await people.funder.admin.client.patch<Problem>(
      `/api/v1/funding-sources/${grant.id}`,
      { opensOn: "2026-05-01" },
    );
    expect(patch.status).toBe(400);
    expect(patch.body.errors?.map((error) => error.field)).toEqual(["body.closesOn"]);
    const noApplicant = await platform.client().get<Problem>("/api/v1/funding/finder");
    expect(noApplicant.status).toBe(400);
    expect(
      (await platform.client().get<SourceList>("/api/v1/funding-sources")).body.sources.length,
    ).toBe(before);
    expect(
      (await platform.client().get<FundingSource>(`/api/v1/funding-sources/${grant.id}`)).body
        .opensOn,
    ).toBe("2026-01-01");
  });

  it("reminds a follower once, seven days before the source closes, and lists it in the calendar and .ics", async () => {
    const follower = await platform.signedIn();
    const source = (
      await postSource(
        people.funder.admin.client,
        missionGrant(people.funder.organisation.id, {
          title: "Reminder call",
          closesOn: "2026-02-20",
        }),
      )
    ).body;
    expect(
      (await follower.client.put(`/api/v1/funding-sources/${source.id}/follow`, undefined)).status,
    ).toBe(200);
    expect(
      (await follower.client.put(`/api/v1/funding-sources/${source.id}/follow`, undefined)).status,
    ).toBe(200);
    const calendar = await follower.client.get<{
      months: Array<{ month: string; deadlines: Array<{ source: { id: string } }> }>;
    }>("/api/v1/funding/deadlines?followed=true");
    expect(calendar.body.months).toEqual([
      {
        month: "2026-02",
        deadlines: [
          expect.objectContaining({
            source: expect.objectContaining({ id: source.id }),
            closesOn: "2026-02-20",
            followed: true,
          }),
        ],
      },
    ]);
    const ics = await follower.client.get<string>("/api/v1/funding/deadlines.ics");
    expect(String(ics.body)).toContain("SUMMARY:Deadline: Reminder call");
    expect(String(ics.body)).toContain("DTSTART;VALUE=DATE:20260220");

    await platform.runJobs();
    expect(await notificationKinds(follower.client)).not.toContain("funding_deadline");
    platform.clock.set("2026-02-13T09:00:00.000Z");
    await platform.runJobs();
    platform.clock.set("2026-02-14T09:00:00.000Z");
    await platform.runJobs();
    expect(
      (await notificationKinds(follower.client)).filter((kind) => kind === "funding_deadline"),
    ).toHaveLength(1);
    platform.clock.set("2026-01-15T09:00:00.000Z");
  });

  it("records a challenge's co-funding by the city, shown with the funder and amount", async () => {
    const response = await people.city.member.client.put<CoFundingList>(
      `/api/v1/challenges/${people.challengeId}/co-funding`,
      {
        sourceId: grant.id,
        amountMinor: 75_000_000,
        currency: "eur",
      },
    );
    expect(response.status).toBe(200);
    expect(response.body.coFunding.find((row) => row.source.id === grant.id)).toMatchObject({
      funder: { id: people.funder.organisation.id },
      amountMinor: 75_000_000,
      currency: "EUR",
    });
    const unknown = await people.city.member.client.put<Problem>(
      `/api/v1/challenges/${people.challengeId}/co-funding`,
      {
        sourceId: people.lead.organisation.id,
        amountMinor: 1,
        currency: "EUR",
      },
    );
    expect(unknown.status).toBe(404);
  });
});
