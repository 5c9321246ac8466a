import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Organisation } from "../organisations/contract.ts";
import type { Solution, SolutionVersion } from "./contract.ts";
import {
  addSolution,
  auditTrail,
  memberOf,
  organisationWithAdmin,
  type Person,
  type Problem,
  postSolution,
  solutionBody,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

describe("solutions: create, versioned edits, archive", () => {
  let platform: WatchedPlatform;
  let provider: Organisation;
  let owner: Person;
  let colleague: Person;

  beforeAll(async () => {
    platform = await watchedPlatform();
    ({ organisation: provider, admin: owner } = await organisationWithAdmin(platform, "company"));
    colleague = await memberOf(platform, provider.id, "member");
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  it("creates version 1 with capability labels, the provider and safe HTML", async () => {
    const solution = await addSolution(owner.client, provider.id, {
      description:
        "Works **at night**. <script>alert(1)</script> [docs](https://example.org) [bad](javascript:alert(1))",
      capabilities: ["water.leak-detection", "data.iot-sensor-networks"],
      countriesDeployed: ["es", "PT", "ES"],
      media: [{ url: "https://example.org/sensor.jpg", alt: "A sensor on a hydrant" }],
      referenceLinks: ["https://example.org/case-study"],
    });
    expect(solution).toMatchObject({
      version: 1,
      status: "active",
      trl: 7,
      countriesDeployed: ["ES", "PT"],
      provider: { id: provider.id, kind: "company" },
      abilities: { edit: true, archive: true, viewVersions: true },
    });
    expect(solution.capabilities.map((c) => c.code).sort()).toEqual([
      "data.iot-sensor-networks",
      "water.leak-detection",
    ]);
    const leak = solution.capabilities.find((c) => c.code === "water.leak-detection");
    expect(leak?.labels).toMatchObject({ en: "Leak detection in water networks" });
    expect(solution.descriptionHtml).toContain("<strong>at night</strong>");
    expect(solution.descriptionHtml).not.toContain("<script>");
    expect(solution.descriptionHtml).toContain('href="https://example.org"');
    expect(solution.descriptionHtml).not.toContain(`href="javascript`);
  });

  it("shows a solution to anyone, with abilities only for its provider's members", async () => {
    const solution = await addSolution(colleague.client, provider.id);
    const anonymous = await platform.client().get<Solution>(`/api/v1/solutions/${solution.id}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.abilities).toEqual({ edit: false, archive: false, viewVersions: false });
  });

  it("keeps every earlier version on edit and audits it in the same transaction", async () => {
    const solution = await addSolution(owner.client, provider.id, { trl: 5 });
    const edited = await colleague.client.patch<Solution>(`/api/v1/solutions/${solution.id}`, {
      trl: 6,
      title: "Acoustic leak sensors, second generation",
      capabilities: ["water.leak-detection", "water.smart-water-metering"],
      baseVersion: 1,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, trl: 6 });
    expect(edited.body.capabilities.map((c) => c.code)).toContain("water.smart-water-metering");

    const versions = await owner.client.get<{ versions: SolutionVersion[] }>(
      `/api/v1/solutions/${solution.id}/versions`,
    );
    expect(versions.status).toBe(200);
    expect(versions.body.versions.map((v) => [v.version, v.trl, v.title])).toEqual([
      [2, 6, "Acoustic leak sensors, second generation"],
      [1, 5, solution.title],
    ]);
    expect(versions.body.versions[1]?.capabilities).toEqual(["water.leak-detection"]);

    const trail = (await auditTrail(platform)).filter((e) => e.subjectId === solution.id);
    expect(trail.map((e) => e.action)).toEqual(["solution.created", "solution.updated"]);
    expect(trail[1]).toMatchObject({
      actorId: colleague.userId,
      payload: { version: 2, fields: expect.arrayContaining(["title", "trl", "capabilities"]) },
    });
  });

  it("turns simultaneous edits into consecutive versions, none lost", async () => {
    const solution = await addSolution(owner.client, provider.id, { trl: 1 });
    const edits = await Promise.all(
      [2, 3, 4, 5, 6].map((trl, index) =>
        (index % 2 ? owner : colleague).client.patch<Solution>(`/api/v1/solutions/${solution.id}`, {
          trl,
        }),
      ),
    );
    expect(edits.map((edit) => edit.status)).toEqual([200, 200, 200, 200, 200]);
    const versions = await owner.client.get<{ versions: SolutionVersion[] }>(
      `/api/v1/solutions/${solution.id}/versions`,
    );
    expect(versions.body.versions.map((v) => v.version)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(versions.body.versions.map((v) => v.trl).sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("makes no version for an edit that changes nothing, and refuses a stale base version", async () => {
    const solution = await addSolution(owner.client, provider.id);
    const same = await owner.client.patch<Solution>(`/api/v1/solutions/${solution.id}`, {
      trl: solution.trl,
    });
    expect(same.body.version).toBe(1);
    await owner.client.patch(`/api/v1/solutions/${solution.id}`, { trl: 8 });
    const stale = await colleague.client.patch<Problem>(`/api/v1/solutions/${solution.id}`, {
      trl: 9,
      baseVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("version_conflict");
  });

  it("archives: hidden from others, kept for its provider, no longer editable", async () => {
    const solution = await addSolution(owner.client, provider.id);
    expect((await colleague.client.post(`/api/v1/solutions/${solution.id}/archive`)).status).toBe(
      204,
    );
    expect((await platform.client().get(`/api/v1/solutions/${solution.id}`)).status).toBe(404);
    const own = await owner.client.get<Solution>(`/api/v1/solutions/${solution.id}`);
    expect(own.body.status).toBe("archived");
    const edit = await owner.client.patch<Problem>(`/api/v1/solutions/${solution.id}`, {
      trl: 3,
    });
    expect(edit.status).toBe(409);
    const publicList = await platform
      .client()
      .get<{ solutions: Array<{ id: string }> }>(`/api/v1/organisations/${provider.id}/solutions`);
    expect(publicList.body.solutions.map((s) => s.id)).not.toContain(solution.id);
    const ownList = await owner.client.get<{ solutions: Array<{ id: string }> }>(
      `/api/v1/organisations/${provider.id}/solutions`,
    );
    expect(ownList.body.solutions.map((s) => s.id)).toContain(solution.id);
  });

  it("answers bad input with 400 problem+json naming each field", async () => {
    const response = await postSolution(owner.client, {
      ...solutionBody(provider.id),
      title: "x",
      trl: 12,
      sectors: ["space" as never],
      countriesDeployed: ["France"],
      media: [{ url: "ftp://example.org/a.png", alt: "" }],
    });
    expect(response.status).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    const fields = response.body.errors?.map((e) => e.field) ?? [];
    expect(fields).toEqual(
      expect.arrayContaining([
        "body.title",
        "body.trl",
        "body.sectors.0",
        "body.countriesDeployed.0",
        "body.media.0.url",
        "body.media.0.alt",
      ]),
    );
    expect(response.body.errors?.find((e) => e.field === "body.trl")?.message).toMatch(/TRL/);
  });

  it("refuses unknown capability codes, unknown fields and non-provider organisations", async () => {
    const unknown = await postSolution(
      owner.client,
      solutionBody(provider.id, { capabilities: ["water.leak-detection", "water.teleportation"] }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { field: "body.capabilities.1", message: "water.teleportation is not a capability code" },
    ]);
    const extra = await owner.client.post<Problem>("/api/v1/solutions", {
      ...solutionBody(provider.id),
      price: 3,
    });
    expect(extra.status).toBe(400);
    expect(extra.body.errors?.[0]?.field).toBe("body.price");
    const { organisation: funder, admin } = await organisationWithAdmin(platform, "funder");
    const wrongKind = await postSolution(admin.client, solutionBody(funder.id));
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body).toMatchObject({
      code: "provider_not_allowed",
      errors: [{ field: "body.providerId" }],
    });
  });
});
