import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "../../core/clock.ts";
import type { TestResponse } from "../../core/testing/http-client.ts";
import { organisationWithAdmin } from "../catalogue/test/factories.ts";
import { createDraft } from "../challenges/test/factories.ts";
import { type OcdsProcess, PAGINATION_EXTENSION, releasePackage, releasesOf } from "./ocds.ts";
import { OCID_PREFIX } from "./routes-transparency.ts";
import {
  type AwardCast,
  award,
  reachAward,
  scored,
  tendered,
} from "./test/evaluation-factories.ts";
import {
  type CityTeam,
  cityTeam,
  contentBody,
  openChallenge,
  type Problem,
  type Provider,
  passDeadline,
  provider,
  submit,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/**
 * OCDS output is checked against the official 1.1.5 release-package schema (JSON Schema
 * draft-04, copied under test/fixtures with its licence) and against the standard's closed
 * codelists, which the schema itself does not enforce.
 */
const fixture = (name: string) =>
  fileURLToPath(new URL(`./test/fixtures/ocds-1.1.5/${name}`, import.meta.url));
const ajv = new Ajv04({ allErrors: true, strict: false });
(addFormats as unknown as (ajv: Ajv04) => void)(ajv);
ajv.addSchema(JSON.parse(readFileSync(fixture("release-schema.json"), "utf8")));
const validatePackage = ajv.compile(
  JSON.parse(readFileSync(fixture("release-package-schema.json"), "utf8")),
);

function codelist(name: string): Set<string> {
  const lines = readFileSync(fixture(`codelists/${name}`), "utf8")
    .trim()
    .split("\n")
    .slice(1);
  return new Set(lines.map((line) => line.split(",")[0]!));
}

type Release = Record<string, unknown> & {
  ocid: string;
  tag: string[];
  initiationType: string;
  parties: Array<{ id: string; name: string; roles: string[] }>;
  tender: Record<string, unknown> & {
    status: string;
    procurementMethod?: string;
    enquiries: Array<Record<string, unknown>>;
    tenderers?: Array<{ id: string }>;
    awardCriteriaDetails?: string;
  };
  awards?: Array<{ status: string; suppliers: Array<{ id: string }> }>;
  relatedProcesses?: Array<{ relationship: string[]; identifier: string; scheme: string }>;
};
type ReleasePackage = { releases: Release[]; extensions?: string[]; version: string };

/** Valid against the schema, and every closed-codelist value is a code of its list. */
function expectValidPackage(body: unknown): void {
  const valid = validatePackage(body);
  expect(validatePackage.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  const tags = codelist("releaseTag.csv");
  const tenderStatuses = codelist("tenderStatus.csv");
  const awardStatuses = codelist("awardStatus.csv");
  const methods = codelist("method.csv");
  const initiation = codelist("initiationType.csv");
  const roles = codelist("partyRole.csv");
  const currencies = codelist("currency.csv");
  for (const release of (body as ReleasePackage).releases) {
    for (const tag of release.tag) expect(tags).toContain(tag);
    expect(initiation).toContain(release.initiationType);
    expect(tenderStatuses).toContain(release.tender.status);
    if (release.tender.procurementMethod)
      expect(methods).toContain(release.tender.procurementMethod);
    for (const party of release.parties)
      for (const role of party.roles) expect(roles).toContain(role);
    for (const award of release.awards ?? []) expect(awardStatuses).toContain(award.status);
    const value = release.tender.value as { currency: string } | undefined;
    if (value) expect(currencies).toContain(value.currency);
  }
}

/**
 * Each public challenge's releases in a page of all of them, the same as in its own package: a
 * page's facts are read for all its challenges at once, a challenge's for it alone. The page's
 * releases, by challenge id.
 */
async function expectSameAloneAsInPage(platform: WatchedPlatform): Promise<Map<string, Release[]>> {
  const page = await platform.client().get<ReleasePackage>("/api/v1/ocds?limit=100");
  expect(page.status).toBe(200);
  expect(page.body).not.toHaveProperty("links");
  const byChallenge = new Map<string, Release[]>();
  for (const release of page.body.releases) {
    const id = release.ocid.slice(`${OCID_PREFIX}-`.length).replace(/-phase-\d+$/, "");
    byChallenge.set(id, [...(byChallenge.get(id) ?? []), release]);
  }
  for (const [id, releases] of byChallenge) {
    const alone = await platform.client().get<ReleasePackage>(`/api/v1/challenges/${id}/ocds`);
    expect(alone.body.releases, id).toEqual(releases);
  }
  return byChallenge;
}

describe("OCDS release packages", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let asker: Provider;

  beforeAll(async () => {
    platform = await watchedPlatform();
    platform.clock.set("2026-03-02T08:00:00.000Z");
    city = await cityTeam(platform, "Copenhagen");
    asker = await provider(platform, "company", "FR", []);
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  it("the validator refuses what the standard refuses", () => {
    expect(validatePackage({ uri: "https://example.org/p", version: "1.1" })).toBe(false);
    const release = { ocid: "ocds-x-1", id: "1", date: "2026-01-01T00:00:00Z", tag: ["bogus"] };
    expect(
      validatePackage({
        uri: "https://example.org/p",
        version: "1.1",
        publisher: { name: "x" },
        publishedDate: "2026-01-01T00:00:00Z",
        releases: [{ ...release, initiationType: "tender" }],
      }),
    ).toBe(false);
  });

  it("publishes a challenge's tender, budget and Q&A, and keeps who asked private while it runs", async () => {
    const challenge = await openChallenge(platform, city, "District heating from sewage water");
    const asked = await asker.admin.client.post<{ id: string }>(
      `/api/v1/challenges/${challenge.id}/questions`,
      { question: "May a consortium include a utility company?" },
    );
    expect(asked.status).toBe(201);
    platform.clock.advance(DAY);
    const answered = await city.member.client.post(
      `/api/v1/challenges/${challenge.id}/questions/${asked.body.id}/answer`,
      { answer: "Yes, as a member of the consortium." },
    );
    expect(answered.status).toBeLessThan(300);

    const response = await platform
      .client()
      .get<ReleasePackage>(`/api/v1/challenges/${challenge.id}/ocds`);
    expect(response.status).toBe(200);
    expectValidPackage(response.body);
    expect(response.body.extensions).toEqual([expect.stringContaining("ocds_enquiry_extension")]);
    const [release] = response.body.releases;
    expect(response.body.releases).toHaveLength(1);
    expect(release!.ocid).toBe(`ocds-csp000-${challenge.id}`);
    expect(release!.tag).toEqual(["tender"]);
    expect(release!.tender).toMatchObject({
      title: "District heating from sewage water",
      status: "active",
      procurementMethod: "open",
      // 50,000,000 and 200,000,000 cents of the draft's budget, in euros.
      value: { amount: 2_000_000, currency: "EUR" },
      minValue: { amount: 500_000, currency: "EUR" },
      tenderPeriod: { endDate: challenge.deadline.toISOString() },
      hasEnquiries: true,
      enquiries: [
        {
          id: asked.body.id,
          description: "May a consortium include a utility company?",
          answer: "Yes, as a member of the consortium.",
        },
      ],
    });
    // The buyer is the city; who asked is not published while the procurement runs.
    expect(release!.parties).toEqual([
      expect.objectContaining({ id: city.organisationId, roles: ["buyer", "procuringEntity"] }),
    ]);
    expect(JSON.stringify(response.body)).not.toContain(asker.organisation.id);
    expect(JSON.stringify(response.body)).not.toContain(asker.organisation.name);
    expect(release!.tender.tenderers).toBeUndefined();

    const all = await platform.client().get<ReleasePackage>("/api/v1/ocds");
    expect(all.status).toBe(200);
    expectValidPackage(all.body);
    expect(all.body.releases.map((entry) => entry.ocid)).toContain(release!.ocid);
  });

  it("lists a funding source's funder, attached by the city as co-funding, as a party with role funder", async () => {
    const challenge = await openChallenge(platform, city, "Cooling corridors for heatwaves");
    const funder = await organisationWithAdmin(platform, "funder", {
      name: "Innovation Fund Denmark (test)",
      country: "DK",
    });
    const source = await funder.admin.client.post<{ id: string }>("/api/v1/funding-sources", {
      funderId: funder.organisation.id,
      title: "Pre-commercial procurement co-funding",
      programme: "Innovation procurement",
      instrument: "grant",
      currency: "EUR",
    });
    expect(source.status).toBe(201);
    const attached = await city.member.client.put(`/api/v1/challenges/${challenge.id}/co-funding`, {
      sourceId: source.body.id,
      amountMinor: 30_000_000,
      currency: "EUR",
    });
    expect(attached.status).toBe(200);

    const response = await platform
      .client()
      .get<ReleasePackage>(`/api/v1/challenges/${challenge.id}/ocds`);
    expect(response.status).toBe(200);
    expectValidPackage(response.body);
    const [release] = response.body.releases;
    expect(release!.parties).toEqual([
      expect.objectContaining({ id: city.organisationId, roles: ["buyer", "procuringEntity"] }),
      expect.objectContaining({
        id: funder.organisation.id,
        name: "Innovation Fund Denmark (test)",
        roles: ["funder"],
      }),
    ]);
    // 30,000,000 cents are 300,000 euros; the city's own budget stays the amount.
    expect(release!.planning).toMatchObject({
      budget: {
        description:
          "The city's budget for the challenge (upper bound). Co-funded by Innovation Fund Denmark (test) (Innovation procurement): 300000 EUR.",
        amount: { amount: 2_000_000, currency: "EUR" },
      },
    });
  });

  it("answers 404 for drafts, to their city too, and for unknown challenges", async () => {
    const draft = await createDraft(platform, city.member.client, city.organisationId);
    for (const client of [platform.client(), city.member.client, asker.admin.client]) {
      const response = await client.get<Problem>(`/api/v1/challenges/${draft.id}/ocds`);
      expect(response.status).toBe(404);
    }
    const own = await city.member.client.get<Problem>(`/api/v1/challenges/${draft.id}/ocds`);
    expect(own.body.code).toBe("not_published");
    const all = await platform.client().get<ReleasePackage>("/api/v1/ocds");
    expect(JSON.stringify(all.body)).not.toContain(draft.id);
    const unknown = await platform
      .client()
      .get<Problem>("/api/v1/challenges/00000000-0000-4000-8000-000000000000/ocds");
    expect(unknown.status).toBe(404);
  });

  it("pages the bulk package: each public challenge once, every page valid, links.next to the next, 204 after the last", async () => {
    for (const title of [
      "Heat maps for tree planting",
      "Bus depots on solar",
      "Greywater in schools",
    ]) {
      await openChallenge(platform, city, title);
    }
    await createDraft(platform, city.member.client, city.organisationId);
    const whole = await platform.client().get<ReleasePackage>("/api/v1/ocds?limit=100");
    expect(whole.status).toBe(200);
    expectValidPackage(whole.body);
    expect(whole.body).not.toHaveProperty("links");
    const everyOcid = [...new Set(whole.body.releases.map((release) => release.ocid))];
    expect(everyOcid.length).toBeGreaterThanOrEqual(4);

    type Page = ReleasePackage & { uri: string; links?: { next: string } };
    const seen: string[] = [];
    let address: string | undefined = "/api/v1/ocds?limit=2";
    let pages = 0;
    while (address) {
      const page: TestResponse<Page> = await platform.client().get<Page>(address);
      expect(page.status).toBe(200);
      expectValidPackage(page.body);
      expect(page.body.uri).toBe(`http://csp.test${address}`);
      const ocids = [...new Set(page.body.releases.map((release) => release.ocid))];
      expect(ocids.length).toBeLessThanOrEqual(2);
      seen.push(...ocids);
      pages += 1;
      if (page.body.links) {
        expect(page.body.extensions).toContain(PAGINATION_EXTENSION);
        expect(page.body.links.next.startsWith("http://csp.test/api/v1/ocds?")).toBe(true);
        address = page.body.links.next.slice("http://csp.test".length);
      } else {
        expect(page.body.extensions ?? []).not.toContain(PAGINATION_EXTENSION);
        address = undefined;
      }
    }
    expect(pages).toBe(Math.ceil(everyOcid.length / 2));
    expect(seen).toEqual(everyOcid);
    // The co-funded challenge, the one with Q&A and the rest, each as when read alone.
    expect((await expectSameAloneAsInPage(platform)).size).toBe(everyOcid.length);

    // After the last one there is nothing yet: no package (it would have no release).
    const lastId = everyOcid.at(-1)!.slice(`${OCID_PREFIX}-`.length);
    const nothingNew = await platform.client().get(`/api/v1/ocds?after=${lastId}`);
    expect(nothingNew.status).toBe(204);
    expect(nothingNew.raw.body).toBe("");
  });

  it("refuses a page asked for with a bad position or size, saying which", async () => {
    const draft = await createDraft(platform, city.member.client, city.organisationId);
    for (const [query, field] of [
      ["after=not-an-id", "after"],
      [`after=${draft.id}`, "after"],
      ["after=00000000-0000-4000-8000-000000000000", "after"],
      ["limit=0", "limit"],
      ["limit=101", "limit"],
      ["limit=two", "limit"],
    ] as const) {
      const response = await platform.client().get<Problem>(`/api/v1/ocds?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(JSON.stringify(response.body.errors), query).toContain(field);
    }
  });

  it("publishes who asked once a market consultation has heard the market", async () => {
    const draft = await createDraft(platform, city.member.client, city.organisationId, {
      title: "Which heat pumps fit social housing?",
      procurementModel: "market_consultation",
    });
    const published = await city.member.client.post(`/api/v1/challenges/${draft.id}/transitions`, {
      to: "published",
    });
    expect(published.status).toBe(200);
    const asked = await asker.admin.client.post<{ id: string }>(
      `/api/v1/challenges/${draft.id}/questions`,
      { question: "Is district heating in scope?" },
    );
    expect(asked.status).toBe(201);
    const before = await platform
      .client()
      .get<ReleasePackage>(`/api/v1/challenges/${draft.id}/ocds`);
    expectValidPackage(before.body);
    expect(before.body.releases[0]!.tag).toEqual(["planning"]);
    expect(before.body.releases[0]!.tender.status).toBe("planning");
    expect(JSON.stringify(before.body)).not.toContain(asker.organisation.id);

    platform.clock.advance(31 * DAY);
    const closed = await city.member.client.post(`/api/v1/challenges/${draft.id}/transitions`, {
      to: "evaluation",
    });
    expect(closed.status).toBe(200);
    const after = await platform
      .client()
      .get<ReleasePackage>(`/api/v1/challenges/${draft.id}/ocds`);
    expectValidPackage(after.body);
    expect(after.body.releases[0]!.parties).toContainEqual(
      expect.objectContaining({ id: asker.organisation.id, roles: ["enquirer"] }),
    );

    // Another consultation, heard with no question: in a page beside the first (whose enquirers
    // are read with it), it names no enquirer, as when read alone.
    const silent = await createDraft(platform, city.member.client, city.organisationId, {
      title: "Which cargo bikes fit the old town?",
      procurementModel: "market_consultation",
    });
    for (const to of ["published", "evaluation"]) {
      if (to === "evaluation") platform.clock.advance(31 * DAY);
      const moved = await city.member.client.post(`/api/v1/challenges/${silent.id}/transitions`, {
        to,
      });
      expect(moved.status, to).toBe(200);
    }
    const page = await expectSameAloneAsInPage(platform);
    const enquirersOf = (id: string) =>
      page
        .get(id)![0]!
        .parties.filter((party) => party.roles.includes("enquirer"))
        .map((party) => party.id);
    expect(enquirersOf(draft.id)).toEqual([asker.organisation.id]);
    expect(enquirersOf(silent.id)).toEqual([]);
  });
});

describe("OCDS and the integrity record of an awarded procurement", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let winner: Provider;
  let runnerUp: Provider;

  beforeAll(async () => {
    platform = await watchedPlatform();
    platform.clock.set("2026-03-02T08:00:00.000Z");
    city = await cityTeam(platform, "Copenhagen");
    winner = await provider(platform, "company", "DK", []);
    runnerUp = await provider(platform, "research", "SE", []);
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  /** The city's member chairs alone unless a test adds evaluators. */
  const castOf = (): AwardCast => ({
    city,
    chair: city.member,
    evaluators: [],
    winner,
    runnerUp,
  });

  it("counts tenderers and names the supplier only once awarded, never the losing bidder; the award turns active after the standstill", async () => {
    const cast = { ...castOf(), evaluators: [city.admin] };
    const challenge = await tendered(platform, cast, "Leak-aware water mains");
    const { won, lost } = challenge;
    const secrets = [
      winner.organisation.id,
      winner.organisation.name,
      runnerUp.organisation.id,
      runnerUp.organisation.name,
      won.proposal.id,
      lost.proposal.id,
      won.receipt.sha256,
    ];
    const ocds = () =>
      platform.client().get<ReleasePackage>(`/api/v1/challenges/${challenge.id}/ocds`);
    const integrity = () =>
      platform.client().get<{
        decided: boolean;
        receiptsIssued: number | null;
        conflicts: Record<string, number> | null;
        steps: Array<{ action: string; intact: boolean }>;
      }>(`/api/v1/challenges/${challenge.id}/integrity`);

    // While it runs — before the deadline and during the evaluation — nothing names a bidder.
    const leaks = async () => {
      const texts = [JSON.stringify((await ocds()).body), JSON.stringify((await integrity()).body)];
      const all = JSON.stringify((await platform.client().get("/api/v1/ocds")).body);
      return secrets.filter((secret) => [...texts, all].some((text) => text.includes(secret)));
    };
    expect(await leaks()).toEqual([]);
    await scored(platform, cast, challenge);
    expect(await leaks()).toEqual([]);
    const running = (await ocds()).body.releases[0]!;
    expect(running.tender.awardCriteriaDetails).toBe("Quality: 50%; Delivery: 30%; Price: 20%");

    await award(cast, challenge);

    const awarded = await ocds();
    expectValidPackage(awarded.body);
    const release = awarded.body.releases[0]!;
    expect(release.tag).toEqual(["tender", "award"]);
    expect(release.awards).toEqual([
      expect.objectContaining({
        status: "pending",
        suppliers: [{ id: winner.organisation.id, name: winner.organisation.name }],
        value: { amount: 1_250_000, currency: "EUR" },
      }),
    ]);
    expect(release.tender).toMatchObject({ numberOfTenderers: 2, status: "complete" });
    expect(release.tender.tenderers).toBeUndefined();
    const roles = new Map(release.parties.map((party) => [party.id, party.roles]));
    expect(roles.get(winner.organisation.id)).toEqual(["tenderer", "supplier"]);
    // The losing bidder stays unnamed, in OCDS as in the award notice.
    const published = JSON.stringify(awarded.body);
    for (const secret of [runnerUp.organisation.id, runnerUp.organisation.name, lost.proposal.id]) {
      expect(published).not.toContain(secret);
    }

    const record = (await integrity()).body;
    expect(record).toMatchObject({
      decided: true,
      receiptsIssued: 2,
      conflicts: { declarations: 4, noConflict: 4, declaredConflicts: 0, detectedConflicts: 0 },
    });
    const actions = record.steps.map((step) => step.action);
    expect(actions.filter((action) => action === "proposal.submitted")).toHaveLength(2);
    expect(actions).toContain("evaluation.awarded");
    expect(record.steps.every((step) => step.intact)).toBe(true);

    platform.clock.advance(10 * DAY);
    const final = await ocds();
    expect(final.body.releases[0]!.awards![0]!.status).toBe("active");
  });

  it("gives a cancelled award the status cancelled, reopens the tender, and keeps it beside the next award", async () => {
    const challenge = await reachAward(platform, castOf(), "Cloudburst basins");
    const path = `/api/v1/challenges/${challenge.id}`;
    const ocds = () => platform.client().get<ReleasePackage>(`${path}/ocds`);
    platform.clock.advance(DAY);
    expect(
      (
        await city.member.client.post(`${path}/award/cancellation`, {
          reason: "A complaint was upheld: the price was misread.",
        })
      ).status,
    ).toBe(200);

    const cancelled = await ocds();
    expectValidPackage(cancelled.body);
    const release = cancelled.body.releases[0]!;
    expect(release.tag).toEqual(["tender", "award"]);
    expect(release.tender.status).toBe("active");
    expect(release.awards).toEqual([
      expect.objectContaining({
        id: `${challenge.id}-award`,
        status: "cancelled",
        description: expect.stringContaining("A complaint was upheld: the price was misread."),
        suppliers: [{ id: winner.organisation.id, name: winner.organisation.name }],
      }),
    ]);
    // A cancelled award's bidder stays a party (the notice named it), a tenderer, no supplier.
    const roles = new Map(release.parties.map((party) => [party.id, party.roles]));
    expect(roles.get(winner.organisation.id)).toEqual(["tenderer"]);

    expect(
      (
        await city.member.client.post(`${path}/award`, {
          proposalId: challenge.lost.proposal.id,
          justification: "Re-scored after the complaint: the best value now.",
        })
      ).status,
    ).toBe(200);
    const reAwarded = await ocds();
    expectValidPackage(reAwarded.body);
    const again = reAwarded.body.releases[0]!;
    expect(again.tender.status).toBe("complete");
    const rolesAfter = new Map(again.parties.map((party) => [party.id, party.roles]));
    expect(rolesAfter.get(winner.organisation.id)).toEqual(["tenderer"]);
    expect(rolesAfter.get(runnerUp.organisation.id)).toEqual(["tenderer", "supplier"]);
    expect(again.awards).toEqual([
      expect.objectContaining({ id: `${challenge.id}-award`, status: "cancelled" }),
      expect.objectContaining({
        id: `${challenge.id}-award-2`,
        status: "pending",
        suppliers: [{ id: runnerUp.organisation.id, name: runnerUp.organisation.name }],
      }),
    ]);
  });

  it("gives each challenge the same release in a page of several as read alone: awards, cancelled ones and criteria", async () => {
    const cast = castOf();
    const awarded = await reachAward(platform, cast, "Flood sensors for Amager");
    const evaluating = await reachAward(platform, cast, "Sponge parks", { awarded: false });
    const reAwarded = await reachAward(platform, cast, "Storm drains for Valby");
    platform.clock.advance(DAY);
    const cancelled = await city.member.client.post(
      `/api/v1/challenges/${reAwarded.id}/award/cancellation`,
      { reason: "A complaint was upheld: the delivery plan was misread." },
    );
    expect(cancelled.status).toBe(200);
    await award(cast, reAwarded, reAwarded.lost.proposal.id);

    const page = await expectSameAloneAsInPage(platform);
    // Each has its own awards and criteria in the page, not a neighbour's.
    const awardsOf = (id: string) =>
      page.get(id)![0]!.awards?.map((entry) => [entry.status, entry.suppliers[0]!.id]);
    // Its standstill ended while the later challenges ran (each past its own deadline).
    expect(awardsOf(awarded.id)).toEqual([["active", winner.organisation.id]]);
    expect(awardsOf(evaluating.id)).toBeUndefined();
    expect(awardsOf(reAwarded.id)).toEqual([
      ["cancelled", winner.organisation.id],
      ["pending", runnerUp.organisation.id],
    ]);
    for (const challenge of [awarded, evaluating, reAwarded]) {
      expect(page.get(challenge.id)![0]!.tender.awardCriteriaDetails).toBe(
        "Quality: 50%; Delivery: 30%; Price: 20%",
      );
    }
  });

  it("gives a planned, narrowed and co-funded challenge the same release in a page of several as read alone", async () => {
    // A pre-commercial procurement with its plan (three phases), two co-funders and both bidders
    // admitted to the first phase; the earlier tests' challenges are in the same page.
    const draft = await createDraft(platform, city.member.client, city.organisationId, {
      title: "Sewer heat recovery, designed and field-tested",
      procurementModel: "pre_commercial",
    });
    const awardDate = Date.parse(draft.timeline.awardDate!);
    const at = (days: number) => new Date(awardDate + days * DAY).toISOString();
    const plan = await city.member.client.put(`/api/v1/challenges/${draft.id}/procurement-plan`, {
      answers: {
        marketSolution: "no",
        trl: 4,
        estimatedValue: { amountMinor: 150_000_000, currency: "EUR" },
        rdNeeded: true,
        buyAfterPilot: false,
        needWellDefined: true,
      },
      chosenModel: "pre_commercial",
      timeline: {
        questionDeadline: draft.timeline.questionDeadline!,
        proposalDeadline: draft.timeline.proposalDeadline!,
        awardDate: draft.timeline.awardDate!,
      },
      phases: [
        { startsAt: at(1), endsAt: at(60), maxBidders: 3 },
        { startsAt: at(60), endsAt: at(200), maxBidders: 2 },
        { startsAt: at(200), endsAt: at(400), maxBidders: 1 },
      ],
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    const move = (to: string) =>
      city.member.client.post(`/api/v1/challenges/${draft.id}/transitions`, { to });
    expect((await move("published")).status).toBe(200);
    const funders = [];
    for (const name of ["Nordic Energy Research (test)", "Danish Energy Agency (test)"]) {
      const funder = await organisationWithAdmin(platform, "funder", { name, country: "DK" });
      const source = await funder.admin.client.post<{ id: string }>("/api/v1/funding-sources", {
        funderId: funder.organisation.id,
        title: `${name}: innovation procurement`,
        programme: "Innovation procurement",
        instrument: "grant",
        currency: "EUR",
      });
      expect(source.status).toBe(201);
      const attached = await city.member.client.put(`/api/v1/challenges/${draft.id}/co-funding`, {
        sourceId: source.body.id,
        amountMinor: 10_000_000,
        currency: "EUR",
      });
      expect(attached.status).toBe(200);
      funders.push(funder.organisation.id);
    }
    for (const bidder of [winner, runnerUp]) {
      await submit(
        bidder.admin.client,
        draft.id,
        { kind: "organisation", id: bidder.organisation.id },
        contentBody(bidder.organisation.name),
      );
    }
    passDeadline(platform, new Date(draft.timeline.proposalDeadline!));
    expect((await move("evaluation")).status).toBe(200);
    const admitted = await city.member.client.post(
      `/api/v1/challenges/${draft.id}/procurement-plan/phases/1/admissions`,
      {
        bidders: [runnerUp, winner].map((bidder) => ({
          kind: "organisation",
          id: bidder.organisation.id,
        })),
        reason: "Both solution designs meet the published criteria.",
      },
    );
    expect(admitted.status).toBe(201);

    const page = await expectSameAloneAsInPage(platform);
    expect(page.size).toBeGreaterThan(1);
    const [main, ...phases] = page.get(draft.id)!;
    expect(
      main!.parties
        .filter((party) => party.roles.includes("funder"))
        .map((party) => party.id)
        .sort(),
    ).toEqual([...funders].sort());
    expect((main!.planning as { rationale?: string }).rationale).toContain(
      "Procedure chosen: pre commercial.",
    );
    expect(phases.map((release) => release.ocid.slice(-8))).toEqual([
      "-phase-1",
      "-phase-2",
      "-phase-3",
    ]);
    expect(phases[0]!.tender.tenderers?.map((party) => party.id).sort()).toEqual(
      [winner.organisation.id, runnerUp.organisation.id].sort(),
    );
  });
});

describe("OCDS releases from procurement facts", () => {
  const options = { ocidPrefix: "ocds-test01", publicUrl: "https://platform.example" };
  const at = (day: number) => new Date(Date.UTC(2026, 0, day, 9));
  const buyer = { id: "b6f0c2a4-0000-4000-8000-000000000001", name: "City of Oslo" };
  const supplier = { id: "b6f0c2a4-0000-4000-8000-000000000002", name: "Fjord Sensors AS" };
  const rival = { id: "b6f0c2a4-0000-4000-8000-000000000003", name: "Polder Labs BV" };
  const process = (overrides: Partial<OcdsProcess> = {}): OcdsProcess => ({
    challenge: {
      id: "c0ffee00-0000-4000-8000-000000000001",
      title: "Zero-emission construction sites",
      summary: "Electric machinery and grid connections for city building sites.",
      description: "",
      status: "awarded",
      procurementModel: "pre_commercial",
      capabilities: ["energy.storage"],
      budget: { minMinor: 10_000_000, maxMinor: 90_000_000, currency: "NOK" },
      questionDeadline: at(10),
      proposalDeadline: at(20),
      awardDate: at(40),
      publishedAt: at(1),
      changedAt: at(30),
    },
    buyer,
    enquiries: [],
    enquirers: [],
    tendererCount: 2,
    funders: [{ id: "b6f0c2a4-0000-4000-8000-000000000009", name: "EU Horizon Europe" }],
    criteria: [
      { name: "Technical merit", weight: 60 },
      { name: "Price", weight: 40 },
    ],
    rationale: "No solution on the market; R&D needed.",
    award: {
      id: "award-1",
      status: "pending",
      date: at(32),
      justification: "Highest weighted score (82.5 of 100).",
      value: { amountMinor: 45_000_050, currency: "NOK" },
      supplier,
    },
    phases: [
      {
        number: 1,
        title: "Solution design",
        startDate: at(41),
        endDate: at(90),
        maxBidders: 4,
        admitted: [supplier, rival],
      },
      {
        number: 2,
        title: "Prototype",
        startDate: at(91),
        endDate: at(200),
        maxBidders: 2,
        admitted: [supplier],
      },
      {
        number: 3,
        title: "Field test",
        startDate: at(201),
        endDate: at(400),
        maxBidders: 1,
        admitted: null,
      },
    ],
    ...overrides,
  });

  it("links pre-commercial phases to the challenge and to each other", () => {
    const releases = releasesOf(process(), options);
    const body = releasePackage(releases, {
      ...options,
      uri: "https://platform.example/api/v1/ocds",
      publishedDate: at(32),
    });
    expectValidPackage(body);
    const [main, first, second, third] = body.releases as unknown as Release[];
    expect(body.releases).toHaveLength(4);
    expect(main!.tag).toEqual(["tender", "award"]);
    expect(main!.awards).toEqual([
      expect.objectContaining({
        status: "pending",
        suppliers: [{ id: supplier.id, name: supplier.name }],
      }),
    ]);
    // NOK has two minor digits: 45,000,050 øre is 450,000.50 kroner.
    expect((main!.awards![0] as unknown as { value: unknown }).value).toEqual({
      amount: 450_000.5,
      currency: "NOK",
    });
    const roles = new Map(main!.parties.map((party) => [party.id, party.roles]));
    expect(roles.get(buyer.id)).toEqual(["buyer", "procuringEntity"]);
    expect(roles.get(supplier.id)).toEqual(["tenderer", "supplier"]);
    expect(main!.tender.tenderers).toBeUndefined();
    expect(roles.get("b6f0c2a4-0000-4000-8000-000000000009")).toEqual(["funder"]);
    expect(main!.tender).toMatchObject({
      numberOfTenderers: 2,
      awardCriteria: "ratedCriteria",
      awardCriteriaDetails: "Technical merit: 60%; Price: 40%",
    });
    expect(first!.ocid).toBe(`ocds-test01-${process().challenge.id}-phase-1`);
    expect(first!.tender.procurementMethod).toBe("open");
    expect(second!.tender.procurementMethod).toBe("selective");
    expect(first!.relatedProcesses).toEqual([
      expect.objectContaining({ relationship: ["parent"], scheme: "ocid", identifier: main!.ocid }),
    ]);
    expect(second!.relatedProcesses).toEqual([
      expect.objectContaining({ relationship: ["parent"], identifier: main!.ocid }),
      expect.objectContaining({ relationship: ["prior"], identifier: first!.ocid }),
    ]);
    expect(second!.tender.tenderers).toEqual([{ id: supplier.id, name: supplier.name }]);
    expect(third!.tender.status).toBe("planned");
    expect(third!.tender.tenderers).toBeUndefined();
  });

  it("has no phase releases for other models, and cancels with the challenge", () => {
    const releases = releasesOf(
      process({
        challenge: {
          ...process().challenge,
          procurementModel: "competitive_dialogue",
          status: "cancelled",
        },
        award: null,
        tendererCount: null,
      }),
      options,
    );
    const body = releasePackage(releases, {
      ...options,
      uri: "https://platform.example/x",
      publishedDate: at(30),
    });
    expectValidPackage(body);
    expect(body.releases).toHaveLength(1);
    const [release] = body.releases as unknown as Release[];
    expect(release!.tender.status).toBe("cancelled");
    expect(release!.tender.procurementMethod).toBe("selective");
    expect(release!.tag).toEqual(["tender"]);
  });
});
