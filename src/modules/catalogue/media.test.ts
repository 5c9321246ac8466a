import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Organisation } from "../organisations/contract.ts";
import { SOLUTION_MEDIA_MAX_BYTES, type SolutionVersion, uploadedMediaOf } from "./contract.ts";
import {
  addSolution,
  auditTrail,
  jpegBytes,
  memberOf,
  organisationWithAdmin,
  type Person,
  type Problem,
  platformAdmin,
  postSolution,
  solutionBody,
  tinyPng,
  uploadImage,
  type WatchedPlatform,
  watchedPlatform,
  webpBytes,
} from "./test/factories.ts";

const gifBytes = () =>
  Buffer.concat([Buffer.from("GIF89a", "latin1"), Buffer.from([1, 0, 1, 0, 0, 0, 0, 0x3b])]);

/** The file id of a media entry's address (uploaded images only). */
const fileIdOf = (url: string | undefined) => uploadedMediaOf(url ?? "")?.fileId ?? "";

describe("solution images: upload, serve, remove", () => {
  let platform: WatchedPlatform;
  let provider: Organisation;
  let owner: Person;
  let colleague: Person;
  let stranger: Person;
  let admin: Person;

  beforeAll(async () => {
    platform = await watchedPlatform();
    ({ organisation: provider, admin: owner } = await organisationWithAdmin(platform, "company"));
    colleague = await memberOf(platform, provider.id, "member");
    stranger = (await organisationWithAdmin(platform, "company")).admin;
    admin = await platformAdmin(platform);
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  it("stores an image under a new id, adds it to the media list as a new version, and serves it", async () => {
    const solution = await addSolution(owner.client, provider.id);
    const png = tinyPng();
    const uploaded = await uploadImage(owner.client, solution.id, png, {
      alt: "  Sensor clamped to a red hydrant  ",
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.version).toBe(2);
    expect(uploaded.body.media).toHaveLength(1);
    const entry = uploaded.body.media[0]!;
    expect(entry.alt).toBe("Sensor clamped to a red hydrant");
    expect(entry.url).toMatch(new RegExp(`^/api/v1/solutions/${solution.id}/media/[0-9a-f-]{36}$`));
    expect(uploaded.headers.location).toBe(entry.url);

    const served = await platform.client().get(entry.url);
    expect(served.status).toBe(200);
    expect(served.headers["content-type"]).toBe("image/png");
    expect(served.headers["x-content-type-options"]).toBe("nosniff");
    expect(served.headers["cache-control"]).toBe("public, max-age=3600, immutable");
    expect(served.raw.rawPayload.equals(png)).toBe(true);
    const again = await platform
      .client()
      .get(entry.url, { "if-none-match": String(served.headers.etag) });
    expect(again.status).toBe(304);

    const solutionNow = await platform
      .client()
      .get<{ media: unknown[] }>(`/api/v1/solutions/${solution.id}`);
    expect(solutionNow.body.media).toEqual([entry]);
    const trail = (await auditTrail(platform)).filter((e) => e.subjectId === solution.id);
    expect(trail.map((e) => e.action)).toEqual(["solution.created", "solution.media_added"]);
    expect(trail[1]).toMatchObject({
      actorId: owner.userId,
      payload: {
        version: 2,
        fileId: fileIdOf(entry.url),
        contentType: "image/png",
        sizeBytes: png.length,
        alt: "Sensor clamped to a red hydrant",
      },
    });
  });

  it("recognises JPEG, WebP and GIF by their bytes, whatever type is declared", async () => {
    const solution = await addSolution(owner.client, provider.id);
    const cases = [
      [jpegBytes(), "application/octet-stream", "image/jpeg"],
      [webpBytes(), "image/png", "image/webp"],
      [gifBytes(), "text/plain", "image/gif"],
    ] as const;
    for (const [bytes, declared, expected] of cases) {
      const uploaded = await uploadImage(colleague.client, solution.id, bytes, {
        alt: `An image sent as ${declared}`,
        type: declared,
      });
      expect(uploaded.status, `${expected}: ${JSON.stringify(uploaded.body)}`).toBe(201);
      const served = await platform.client().get(uploaded.body.media.at(-1)!.url);
      expect(served.headers["content-type"]).toBe(expected);
    }
  });

  it("removes an image: a new version without it, the file gone, audited", async () => {
    const solution = await addSolution(owner.client, provider.id);
    const first = await uploadImage(owner.client, solution.id, tinyPng(), { alt: "First image" });
    const second = await uploadImage(owner.client, solution.id, jpegBytes(), {
      alt: "Second image",
    });
    const [kept, removed] = [second.body.media[0]!, second.body.media[1]!];
    expect(first.body.media).toEqual([kept]);

    const response = await colleague.client.delete<{ version: number; media: unknown[] }>(
      removed.url,
    );
    expect(response.status).toBe(200);
    expect(response.body.version).toBe(4);
    expect(response.body.media).toEqual([kept]);
    expect((await platform.client().get(removed.url)).status).toBe(404);
    expect((await platform.client().get(kept.url)).status).toBe(200);
    expect((await owner.client.delete(removed.url)).status).toBe(404);

    const versions = await owner.client.get<{ versions: SolutionVersion[] }>(
      `/api/v1/solutions/${solution.id}/versions`,
    );
    expect(versions.body.versions.map((v) => [v.version, v.media.map((m) => m.alt)])).toEqual([
      [4, ["First image"]],
      [3, ["First image", "Second image"]],
      [2, ["First image"]],
      [1, []],
    ]);
    const trail = (await auditTrail(platform)).filter((e) => e.subjectId === solution.id);
    expect(trail.at(-1)).toMatchObject({
      action: "solution.media_removed",
      actorId: colleague.userId,
      payload: { version: 4, fileId: fileIdOf(removed.url) },
    });
  });

  it("lets an edit reorder and redescribe uploaded images, and deletes those it drops", async () => {
    const solution = await addSolution(owner.client, provider.id);
    await uploadImage(owner.client, solution.id, tinyPng(), { alt: "Hydrant sensor" });
    const both = await uploadImage(owner.client, solution.id, gifBytes(), { alt: "Dashboard" });
    const [sensor, dashboard] = both.body.media as [
      { url: string; alt: string },
      { url: string; alt: string },
    ];
    const reordered = await owner.client.patch<{ media: unknown[]; version: number }>(
      `/api/v1/solutions/${solution.id}`,
      { media: [{ ...dashboard, alt: "The leak dashboard" }, sensor], baseVersion: 3 },
    );
    expect(reordered.status).toBe(200);
    expect(reordered.body.media).toEqual([{ ...dashboard, alt: "The leak dashboard" }, sensor]);

    // The same list again changes nothing: no new version.
    const same = await owner.client.patch<{ version: number }>(`/api/v1/solutions/${solution.id}`, {
      media: reordered.body.media,
    });
    expect(same.body.version).toBe(reordered.body.version);

    const dropped = await owner.client.patch<{ media: unknown[] }>(
      `/api/v1/solutions/${solution.id}`,
      { media: [sensor, { url: "https://example.org/plan.png", alt: "A plan elsewhere" }] },
    );
    expect(dropped.status).toBe(200);
    expect((await platform.client().get(dashboard.url)).status).toBe(404);
    expect((await platform.client().get(sensor.url)).status).toBe(200);
    const last = (await auditTrail(platform)).filter((e) => e.subjectId === solution.id).at(-1);
    expect(last).toMatchObject({
      action: "solution.updated",
      payload: { fields: ["media"], removedFiles: [fileIdOf(dashboard.url)] },
    });
  });

  it("refuses media entries naming images the solution was not given by upload", async () => {
    const mine = await addSolution(owner.client, provider.id);
    const other = await addSolution(owner.client, provider.id);
    const uploaded = await uploadImage(owner.client, other.id, tinyPng());
    const foreign = uploaded.body.media[0]!;
    const patched = await owner.client.patch<Problem>(`/api/v1/solutions/${mine.id}`, {
      media: [{ url: "https://example.org/a.png", alt: "Fine link" }, foreign],
    });
    expect(patched.status).toBe(400);
    expect(patched.body.code).toBe("media_not_uploaded");
    expect(patched.body.errors?.map((e) => e.field)).toEqual(["body.media.1.url"]);
    const invented = `/api/v1/solutions/${mine.id}/media/00000000-0000-4000-8000-000000000000`;
    const made = await postSolution(
      owner.client,
      solutionBody(provider.id, { media: [{ url: invented, alt: "Not uploaded" }] }),
    );
    expect(made.status).toBe(400);
    expect(made.body.errors?.map((e) => e.field)).toEqual(["body.media.0.url"]);
    const relative = await owner.client.patch<Problem>(`/api/v1/solutions/${mine.id}`, {
      media: [{ url: "/etc/passwd", alt: "Not an address" }],
    });
    expect(relative.status).toBe(400);
    expect(relative.body.errors?.map((e) => e.field)).toEqual(["body.media.0.url"]);
  });

  it("takes uploaded images through a bundle import only for the solution that has them", async () => {
    const solution = await addSolution(owner.client, provider.id);
    const image = (await uploadImage(owner.client, solution.id, tinyPng())).body.media[0]!;
    const record = (ref: string, media: Array<{ url: string; alt: string }>) => ({
      ref,
      organisation: provider.id,
      title: ref === solution.id ? solution.title : "Imported with a stolen image",
      summary: solution.summary,
      description: solution.description,
      sectors: solution.sectors,
      capabilities: solution.capabilities.map((capability) => capability.code),
      trl: solution.trl,
      countriesDeployed: solution.countriesDeployed,
      media,
    });
    const importing = (solutions: unknown[]) =>
      admin.client.post<{ code?: string; solutions: Record<string, number> }>("/api/v1/import", {
        format: "city-solutions-bundle/1",
        solutions,
      });
    const same = await importing([record(solution.id, [image])]);
    expect(same.status).toBe(200);
    expect(same.body.solutions).toMatchObject({ unchanged: 1 });
    const stolen = await importing([record("another-solution", [image])]);
    expect(stolen.status).toBe(400);
    expect(stolen.body.code).toBe("media_not_uploaded");
    expect((await platform.client().get(image.url)).status).toBe(200);
    const without = await importing([record(solution.id, [])]);
    expect(without.status).toBe(200);
    expect(without.body.solutions).toMatchObject({ updated: 1 });
    expect((await platform.client().get(image.url)).status).toBe(404);
  });

  it("refuses what is not an image, by content, naming the body", async () => {
    const solution = await addSolution(owner.client, provider.id);
    const refused = [
      [Buffer.from("just some text, not a picture\n"), "image/png"],
      [Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), "image/jpeg"],
      [
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>'),
        "image/svg+xml",
      ],
      [Buffer.from(JSON.stringify({ url: "https://example.org/x.png" })), "application/json"],
      // The PNG signature alone, without its header chunk.
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), "image/png"],
    ] as const;
    for (const [bytes, type] of refused) {
      const response = await uploadImage(owner.client, solution.id, bytes, { type });
      expect(response.status, type).toBe(415);
      expect(response.body.code).toBe("media_not_accepted");
      expect(response.body.errors?.map((e) => e.field)).toEqual(["body"]);
    }
    const untyped = await uploadImage(owner.client, solution.id, tinyPng(), { type: "" });
    expect(untyped.status).toBe(415);
    expect(untyped.body.errors?.map((e) => e.field)).toEqual(["headers.content-type"]);
    const empty = await uploadImage(owner.client, solution.id, "");
    expect(empty.status).toBe(415);
    expect(empty.body.errors?.map((e) => e.field)).toEqual(["body"]);
    const unchanged = await owner.client.get<{ version: number; media: unknown[] }>(
      `/api/v1/solutions/${solution.id}`,
    );
    expect(unchanged.body).toMatchObject({ version: 1, media: [] });
  });

  it("refuses an image over 5 MB with 413, and a missing or short description with 400", async () => {
    const solution = await addSolution(owner.client, provider.id);
    const huge = Buffer.concat([tinyPng(), Buffer.alloc(SOLUTION_MEDIA_MAX_BYTES)]);
    const tooLarge = await uploadImage(owner.client, solution.id, huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe("media_too_large");
    expect(tooLarge.body.errors?.map((e) => e.field)).toEqual(["body"]);
    const withoutAlt = await owner.client.request<Problem>(
      "POST",
      `/api/v1/solutions/${solution.id}/media`,
      { rawBody: tinyPng(), headers: { "content-type": "image/png" } },
    );
    expect(withoutAlt.status).toBe(400);
    expect(withoutAlt.body.errors?.map((e) => e.field)).toEqual(["query.alt"]);
    const shortAlt = await uploadImage(owner.client, solution.id, tinyPng(), { alt: " x " });
    expect(shortAlt.status).toBe(400);
    expect(shortAlt.body.errors?.map((e) => e.field)).toEqual(["query.alt"]);
    const nul = await uploadImage(owner.client, solution.id, tinyPng(), { alt: "a\u0000bcd" });
    expect(nul.status).toBe(400);
  });

  it("keeps at most 12 images", async () => {
    const solution = await addSolution(owner.client, provider.id);
    for (let n = 1; n <= 12; n++) {
      const response = await uploadImage(owner.client, solution.id, tinyPng(), {
        alt: `Image number ${n}`,
      });
      expect(response.status).toBe(201);
    }
    const thirteenth = await uploadImage(owner.client, solution.id, tinyPng());
    expect(thirteenth.status).toBe(409);
    expect(thirteenth.body.code).toBe("media_full");
  });

  it("answers 404 for unknown images and solutions, 400 for malformed ids", async () => {
    const solution = await addSolution(owner.client, provider.id);
    const other = await addSolution(owner.client, provider.id);
    const elsewhere = (await uploadImage(owner.client, other.id, tinyPng())).body.media[0]!;
    const unknown = "00000000-0000-4000-8000-000000000000";
    const client = platform.client();
    expect((await client.get(`/api/v1/solutions/${solution.id}/media/${unknown}`)).status).toBe(
      404,
    );
    // Another solution's image is not this one's.
    const fileId = fileIdOf(elsewhere.url);
    expect((await client.get(`/api/v1/solutions/${solution.id}/media/${fileId}`)).status).toBe(404);
    expect(
      (await owner.client.delete(`/api/v1/solutions/${solution.id}/media/${fileId}`)).status,
    ).toBe(404);
    expect((await client.get(`/api/v1/solutions/${unknown}/media/${fileId}`)).status).toBe(404);
    expect((await client.get(`/api/v1/solutions/${solution.id}/media/not-a-uuid`)).status).toBe(
      400,
    );
    expect((await uploadImage(owner.client, unknown, tinyPng())).status).toBe(404);
    expect((await uploadImage(owner.client, "not-a-uuid", tinyPng())).status).toBe(400);
  });

  it("serves an archived solution's images only to those who still see the solution", async () => {
    const solution = await addSolution(owner.client, provider.id);
    const image = (await uploadImage(owner.client, solution.id, tinyPng())).body.media[0]!;
    expect((await owner.client.post(`/api/v1/solutions/${solution.id}/archive`)).status).toBe(204);
    expect((await platform.client().get(image.url)).status).toBe(404);
    expect((await stranger.client.get(image.url)).status).toBe(404);
    for (const person of [owner, admin]) {
      const served = await person.client.get(image.url);
      expect(served.status).toBe(200);
      expect(served.headers["cache-control"]).toBe("private, no-store");
    }
    // Archived solutions are not edited: no image comes or goes.
    const upload = await uploadImage(owner.client, solution.id, tinyPng());
    expect(upload.status).toBe(409);
    expect(upload.body.code).toBe("solution_archived");
    expect((await owner.client.delete(image.url)).status).toBe(409);
  });
});
