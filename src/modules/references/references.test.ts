import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { outboxJobs } from "../../core/jobs/schema.ts";
import type { OrganisationReferences, Reference, ReferenceList } from "./contract.ts";
import {
  addReference,
  auditMark,
  auditSince,
  type Cast,
  cast,
  decide,
  notificationKinds,
  type Problem,
  postReference,
  referenceBody,
  tinyPng,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n",
  "latin1",
);

describe("references", () => {
  let platform: WatchedPlatform;
  let people: Cast;

  beforeAll(async () => {
    platform = await watchedPlatform();
    people = await cast(platform);
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const add = (overrides: Parameters<typeof referenceBody>[1] = {}) =>
    addReference(
      people.provider.admin.client,
      people.provider.solutionId,
      referenceBody(people.city.organisationId, overrides),
    );
  const listed = async (client = platform.client()) =>
    (
      await client.get<ReferenceList>(`/api/v1/solutions/${people.provider.solutionId}/references`)
    ).body.references.map((reference) => reference.id);
  const changedJobs = async () =>
    (
      await platform.database.db
        .select()
        .from(outboxJobs)
        .where(eq(outboxJobs.kind, "solution.changed"))
    )
      .map((job) => job.payload as { solutionIds: string[] })
      .filter((payload) => payload.solutionIds.includes(people.provider.solutionId)).length;

  it("is stated by the provider with typed outcomes in fixed units, pending and unpublished until the city verifies it", async () => {
    const mark = await auditMark(platform);
    const reference = await add();
    expect(reference).toMatchObject({
      status: "pending",
      sector: "water",
      solution: { id: people.provider.solutionId, title: "Acoustic leak sensors" },
      provider: { id: people.provider.organisation.id },
      city: {
        organisation: { id: people.city.organisationId },
        cityId: people.city.cityId,
        name: "Copenhagen",
        country: "DK",
      },
      startedOn: "2023-03-01",
      endedOn: null,
      metrics: [
        { kind: "water_saved", value: 350_000, unit: "m³/yr", label: "" },
        { kind: "co2e_avoided", value: 42.5, unit: "t CO2e/yr", label: "" },
        { kind: "custom", value: 18, unit: "bursts/yr", label: "bursts prevented" },
      ],
      abilities: { edit: true, delete: true, verify: false },
    });
    expect(reference.descriptionHtml).toContain("<strong>listening</strong>");
    expect(await auditSince(platform, mark)).toEqual([
      expect.objectContaining({
        action: "reference.created",
        subjectId: reference.id,
        actorId: people.provider.admin.userId,
        payload: expect.objectContaining({
          cityOrganisationId: people.city.organisationId,
          via: "api",
        }),
      }),
    ]);
    expect(await listed()).not.toContain(reference.id);
    expect(await listed(people.outsider.client)).not.toContain(reference.id);
    expect(await listed(people.city.member.client)).toContain(reference.id);
    expect(await notificationKinds(people.city.member.client)).toContain("reference_to_verify");
    expect(await listed(people.admin.client)).toContain(reference.id);
  });

  it("is verified by the city's people: public with its badge, audited, and matchmaking re-scores the solution", async () => {
    const reference = await add();
    const seen = await people.city.member.client.get<Reference>(
      `/api/v1/references/${reference.id}`,
    );
    expect(seen.body.abilities).toEqual({ edit: false, delete: false, verify: true });
    const jobsBefore = await changedJobs();
    const mark = await auditMark(platform);
    const verified = await decide(people.city.member.client, reference.id, "verify");
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: "verified", abilities: { verify: false } });
    expect(await auditSince(platform, mark)).toEqual([
      expect.objectContaining({
        action: "reference.verified",
        subjectId: reference.id,
        actorId: people.city.member.userId,
        payload: { revision: 1, cityOrganisationId: people.city.organisationId },
      }),
    ]);
    expect(await changedJobs()).toBe(jobsBefore + 1);
    expect(await listed()).toContain(reference.id);
    expect(await notificationKinds(people.provider.admin.client)).toContain("reference_verified");
    const again = await decide(people.city.admin.client, reference.id, "reject", "Not ours");
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("not_pending");
  });

  it("goes back to pending on any edit after verification, audited with the previous state", async () => {
    const reference = await add();
    await decide(people.city.member.client, reference.id, "verify");
    const jobsBefore = await changedJobs();
    const mark = await auditMark(platform);
    const edited = await people.provider.admin.client.patch<Reference>(
      `/api/v1/references/${reference.id}`,
      { scale: "150 km of water mains" },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      status: "pending",
      scale: "150 km of water mains",
      revision: 2,
      decidedAt: null,
    });
    expect(await auditSince(platform, mark)).toEqual([
      expect.objectContaining({
        action: "reference.updated",
        payload: { fields: ["scale"], previousStatus: "verified", revision: 2 },
      }),
    ]);
    expect(await changedJobs()).toBe(jobsBefore + 1);
    expect(await listed()).not.toContain(reference.id);
  });

  it("is rejected only with a reason, which the provider sees and an edit clears", async () => {
    const reference = await add();
    const bare = await decide(people.city.member.client, reference.id, "reject");
    expect(bare.status).toBe(400);
    expect(bare.body.errors).toEqual([expect.objectContaining({ field: "body.reason" })]);
    const rejected = await decide(
      people.city.member.client,
      reference.id,
      "reject",
      "We ran it for one district only.",
    );
    expect(rejected.body).toMatchObject({
      status: "rejected",
      rejectionReason: "We ran it for one district only.",
    });
    expect(await notificationKinds(people.provider.admin.client)).toContain("reference_rejected");
    const asProvider = await people.provider.admin.client.get<Reference>(
      `/api/v1/references/${reference.id}`,
    );
    expect(asProvider.body.rejectionReason).toBe("We ran it for one district only.");
    const edited = await people.provider.admin.client.patch<Reference>(
      `/api/v1/references/${reference.id}`,
      {
        scale: "One district, 40 km of mains",
      },
    );
    expect(edited.body).toMatchObject({ status: "pending", rejectionReason: null });
  });

  it("refuses bad input naming the field, writing nothing", async () => {
    const client = people.provider.admin.client;
    const before = (await listed(client)).length;
    const cases: Array<[unknown, string]> = [
      [
        referenceBody(people.city.organisationId, {
          metrics: [{ kind: "custom", value: 3, label: "trees" }],
        }),
        "body.metrics.0.unit",
      ],
      [
        referenceBody(people.city.organisationId, {
          metrics: [{ kind: "energy_saved", value: 3, unit: "kWh/yr" }],
        }),
        "body.metrics.0.unit",
      ],
      [
        referenceBody(people.city.organisationId, {
          metrics: [{ kind: "water_saved", value: -1 }],
        }),
        "body.metrics.0.value",
      ],
      [referenceBody(people.city.organisationId, { endedOn: "2020-01-01" }), "body.endedOn"],
      [referenceBody(people.city.organisationId, { startedOn: "March 2023" }), "body.startedOn"],
      [referenceBody(people.city.organisationId, { sector: "mobility" }), "body.sector"],
      [referenceBody(people.provider.organisation.id), "body.city.organisationId"],
      [
        {
          ...referenceBody(people.city.organisationId),
          city: { name: "Aarhus", country: "Denmark" },
        },
        "body.city",
      ],
    ];
    for (const [body, field] of cases) {
      const response = await postReference(client, people.provider.solutionId, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors?.map((error) => error.field).join(" ")).toContain(field);
    }
    expect((await listed(client)).length).toBe(before);
  });

  it("names a city that is not a member by name and country; it cannot be verified", async () => {
    const reference = await add({ city: { name: "Aarhus", country: "dk" } });
    expect(reference.city).toEqual({
      organisation: null,
      cityId: null,
      name: "Aarhus",
      country: "DK",
    });
    const refused = await decide(people.city.member.client, reference.id, "verify");
    expect(refused.status).toBe(404);
    expect((await decide(people.admin.client, reference.id, "verify")).status).toBe(403);
  });

  it("keeps evidence checked by content and size; adding it resets a verified reference", async () => {
    const reference = await add();
    await decide(people.city.member.client, reference.id, "verify");
    const upload = (bytes: Buffer | string, filename: string, type = "application/pdf") =>
      people.provider.admin.client.request<Reference & Problem>(
        "POST",
        `/api/v1/references/${reference.id}/evidence?filename=${encodeURIComponent(filename)}`,
        { rawBody: bytes, headers: { "content-type": type } },
      );
    const mark = await auditMark(platform);
    const added = await upload(PDF, "Utility letter.pdf");
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      status: "pending",
      evidence: [
        { filename: "Utility letter.pdf", contentType: "application/pdf", sizeBytes: PDF.length },
      ],
    });
    expect((await auditSince(platform, mark)).map((event) => event.action)).toEqual([
      "reference.evidence_added",
    ]);
    const disguised = await upload("<html><script>alert(1)</script></html>", "report.pdf");
    expect(disguised.status).toBe(415);
    expect(disguised.body.errors).toEqual([expect.objectContaining({ field: "body" })]);
    const image = await upload(tinyPng(), "site.png", "image/png");
    expect(image.status).toBe(201);
    const big = await upload(Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), "big.pdf");
    expect(big.status).toBe(413);

    const file = added.body.evidence[0]!;
    const byCity = await people.city.member.client.get<string>(file.url);
    expect(byCity.status).toBe(200);
    expect(byCity.headers["content-type"]).toContain("application/pdf");
    expect(byCity.headers["content-disposition"]).toContain("attachment");
    expect((await platform.client().get(file.url)).status).toBe(404);
    const removed = await people.provider.admin.client.delete<Reference>(file.url);
    expect(removed.status).toBe(200);
    expect(removed.body.evidence.map((evidence) => evidence.filename)).toEqual(["site.png"]);
  });

  it("renders the description's Markdown inert", async () => {
    const reference = await add({
      description: "<script>alert(1)</script> [x](javascript:alert(1))",
    });
    expect(reference.descriptionHtml).not.toContain("<script>");
    expect(reference.descriptionHtml).not.toContain('href="javascript');
  });

  it("shows on the provider's and the city's pages: verified for all, pending for their people", async () => {
    const verified = await add({ scale: "Shown everywhere" });
    await decide(people.city.member.client, verified.id, "verify");
    const pending = await add({ scale: "Awaiting the city" });
    const of = async (organisationId: string, client = platform.client()) =>
      (
        await client.get<OrganisationReferences>(
          `/api/v1/organisations/${organisationId}/references`,
        )
      ).body;
    const providerPublic = await of(people.provider.organisation.id);
    expect(providerPublic.provided.map((reference) => reference.id)).toContain(verified.id);
    expect(providerPublic.provided.map((reference) => reference.id)).not.toContain(pending.id);
    const cityPublic = await of(people.city.organisationId);
    expect(cityPublic.hosted.map((reference) => reference.id)).toContain(verified.id);
    expect(cityPublic.hosted.map((reference) => reference.id)).not.toContain(pending.id);
    const cityOwn = await of(people.city.organisationId, people.city.member.client);
    expect(cityOwn.hosted.map((reference) => reference.id)).toContain(pending.id);
  });

  it("is deleted by the provider, audited, with a re-score when it was verified", async () => {
    const reference = await add();
    await decide(people.city.member.client, reference.id, "verify");
    const jobsBefore = await changedJobs();
    const mark = await auditMark(platform);
    expect(
      (await people.provider.admin.client.delete(`/api/v1/references/${reference.id}`)).status,
    ).toBe(204);
    expect(await auditSince(platform, mark)).toEqual([
      expect.objectContaining({
        action: "reference.deleted",
        payload: { solutionId: people.provider.solutionId, previousStatus: "verified" },
      }),
    ]);
    expect(await changedJobs()).toBe(jobsBefore + 1);
    expect((await people.admin.client.get(`/api/v1/references/${reference.id}`)).status).toBe(404);
  });
});
