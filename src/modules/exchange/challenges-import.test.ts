import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../core/db/client.ts";
import {
  bundleOf,
  challengeRecord,
  clusterWithMember,
  createTestPlatform,
  importBundle,
  type Person,
  personIn,
  platformAdmin,
  rowCounts,
  type TestPlatform,
} from "./test/factories.ts";

/**
 * Challenges in the bundle: a city's drafts, or a platform's public challenges moved over. The
 * rules of the challenge pages hold, reported as problems of the file.
 */
describe("import: challenges of city organisations", () => {
  let platform: TestPlatform;
  let admin: Person;

  const cityOffice = {
    ref: "oslo-office",
    name: "Oslo Climate Agency",
    kind: "city",
    country: "NO",
    city: "Oslo",
  };

  beforeAll(async () => {
    platform = await createTestPlatform();
    admin = await platformAdmin(platform);
  });
  afterAll(async () => {
    await platform.close();
  });
  afterEach(() => {
    expect(platform.serverErrors).toEqual([]);
  });

  const challengeIdOf = async (ref: string) => {
    const [row] = await queryRows<{ id: string }>(
      platform.database.db,
      sql`select entity_id as id from import_refs where kind = 'challenge' and ref = ${ref}`,
    );
    return row!.id;
  };

  it("imports a draft and a published challenge; only the published one is public", async () => {
    const response = await importBundle(
      admin.client,
      bundleOf({
        organisations: [cityOffice],
        challenges: [
          challengeRecord("draft-1", "oslo-office", {
            status: "draft",
            timeline: {},
            contacts: [],
            capabilities: ["cloudburst", "heat network"],
          }),
          challengeRecord("open-1", "oslo-office", { city: "OSLO" }),
        ],
      }),
    );
    expect(response.body.errors ?? []).toEqual([]);
    expect(response.status).toBe(200);
    expect(response.body.challenges).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const records = response.body.records.filter((record) => record.record === "challenge");
    expect(records.map((record) => [record.ref, record.outcome])).toEqual([
      ["draft-1", "created"],
      ["open-1", "created"],
    ]);
    const draft = await platform.client().get(`/api/v1/challenges/${records[0]!.id}`);
    expect(draft.status).toBe(404);
    const open = await platform.client().get<{
      status: string;
      city: { name: string };
      publishedAt: string;
    }>(`/api/v1/challenges/${records[1]!.id}`);
    expect(open.status).toBe(200);
    expect(open.body.status).toBe("published");
    expect(open.body.city.name).toBe("Oslo");
    expect(open.body.publishedAt).toBe(platform.clock.now().toISOString());
    // Free text mapped onto the taxonomy, as for solutions.
    const [stored] = await queryRows<{ capabilities: string[] }>(
      platform.database.db,
      sql`select capabilities from challenges where id = ${records[0]!.id}`,
    );
    expect(stored!.capabilities).toEqual(["adaptation.stormwater", "energy.district-heating"]);
  });

  it("re-importing the same file changes nothing; a changed draft is updated and may be published", async () => {
    const file = bundleOf({
      organisations: [cityOffice],
      challenges: [
        challengeRecord("draft-1", "oslo-office", {
          status: "draft",
          timeline: {},
          contacts: [],
          capabilities: ["cloudburst", "heat network"],
        }),
        challengeRecord("open-1", "oslo-office", { city: "OSLO" }),
      ],
    });
    const before = await rowCounts(platform);
    const again = await importBundle(admin.client, file);
    expect(again.body.challenges).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await rowCounts(platform)).toEqual(before);

    const published = await importBundle(
      admin.client,
      bundleOf({
        organisations: [cityOffice],
        challenges: [challengeRecord("draft-1", "oslo-office", { title: "Now a real challenge" })],
      }),
    );
    expect(published.status).toBe(200);
    expect(published.body.challenges).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const id = await challengeIdOf("draft-1");
    const page = await platform
      .client()
      .get<{ title: string; status: string }>(`/api/v1/challenges/${id}`);
    expect(page.body).toMatchObject({ title: "Now a real challenge", status: "published" });
    const [events] = await queryRows<{ actions: string[] }>(
      platform.database.db,
      sql`select array_agg(action order by seq) as actions from audit_events where subject_id = ${id}`,
    );
    expect(events!.actions).toEqual([
      "challenge.created",
      "challenge.updated",
      "challenge.status_changed",
    ]);
  });

  it("refuses to change a public challenge's content or status, naming each field", async () => {
    const before = await rowCounts(platform);
    const response = await importBundle(
      admin.client,
      bundleOf({
        organisations: [cityOffice],
        challenges: [
          challengeRecord("open-1", "oslo-office", { city: "Oslo", title: "Quietly changed" }),
          challengeRecord("draft-1", "oslo-office", {
            title: "Now a real challenge",
            status: "cancelled",
          }),
        ],
      }),
    );
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        field: "challenges[0].ref",
        ref: "open-1",
        message: expect.stringContaining("content is fixed"),
      }),
      expect.objectContaining({
        field: "challenges[1].status",
        ref: "draft-1",
        message: expect.stringContaining("cannot change by import"),
      }),
    ]);
    expect(await rowCounts(platform)).toEqual(before);
  });

  it("reports every problem of the challenges and writes nothing", async () => {
    const { member } = await clusterWithMember(platform);
    const before = await rowCounts(platform);
    const response = await importBundle(
      admin.client,
      bundleOf({
        organisations: [cityOffice],
        challenges: [
          // A company posts no challenges.
          challengeRecord("bad-owner", member.id),
          // The city named is not the organisation's.
          challengeRecord("bad-city", "oslo-office", { city: "Lagos" }),
          // Published, but proposals closed already (the test clock is 2026-01-15).
          challengeRecord("closed", "oslo-office", {
            timeline: {
              questionDeadline: "2025-11-01T12:00:00.000Z",
              proposalDeadline: "2025-12-01T12:00:00.000Z",
              awardDate: "2026-02-01T12:00:00.000Z",
            },
          }),
          // Incomplete for publication.
          challengeRecord("incomplete", "oslo-office", { contacts: [], timeline: {} }),
          // A market consultation awards nothing.
          challengeRecord("no-award", "oslo-office", {
            procurementModel: "market_consultation",
            status: "awarded",
          }),
          challengeRecord("bad-code", "oslo-office", {
            capabilities: ["water.no-such-code"],
            sectors: [],
          }),
          { ...challengeRecord("draft-dated", "oslo-office"), status: "draft", publishedAt: "x" },
        ],
      }),
    );
    expect(response.status).toBe(422);
    const problems = (response.body.errors ?? []).map((problem) => [problem.ref, problem.field]);
    expect(problems).toEqual(
      expect.arrayContaining([
        ["bad-owner", "challenges[0].organisation"],
        ["bad-city", "challenges[1].city"],
        ["closed", "challenges[2].timeline.proposalDeadline"],
        ["incomplete", "challenges[3].contacts"],
        ["incomplete", "challenges[3].timeline.questionDeadline"],
        ["no-award", "challenges[4].status"],
        ["bad-code", "challenges[5].sectors"],
        ["draft-dated", "challenges[6].publishedAt"],
      ]),
    );
    expect(await rowCounts(platform)).toEqual(before);
  });

  it("a cluster's admins import no challenges", async () => {
    const { cluster } = await clusterWithMember(platform);
    const clusterAdmin = await personIn(platform, cluster.id, "admin");
    const response = await importBundle(
      clusterAdmin.client,
      bundleOf({ challenges: [challengeRecord("mine", "oslo-office")] }),
    );
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: "challenges[0]",
          message: expect.stringContaining("import no challenges"),
        }),
      ]),
    );
  });
});
