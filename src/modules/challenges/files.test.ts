import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tinyPng } from "../organisations/test/factories.ts";
import type { Attachment, Challenge, SavedSearch } from "./contract.ts";
import {
  auditMark,
  auditSince,
  type CityTeam,
  cityTeam,
  createDraft,
  notificationKinds,
  type Person,
  publishedChallenge,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

describe("saved searches and attachments", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let otherCity: CityTeam;
  let watcher: Person;
  let other: Person;

  beforeAll(async () => {
    platform = await watchedPlatform();
    city = await cityTeam(platform, "Copenhagen");
    otherCity = await cityTeam(platform, "Oslo");
    watcher = await platform.signedIn();
    other = await platform.signedIn();
  });
  afterAll(async () => {
    expect(platform.serverErrors).toEqual([]);
    await platform.close();
  });

  describe("saved searches", () => {
    it("notifies owners whose filters match a newly published challenge, in SQL", async () => {
      const save = (name: string, filters: Record<string, unknown>) =>
        watcher.client.post<SavedSearch>("/api/v1/me/saved-searches", { name, filters });
      const stormwater = await save("Stormwater", { q: "cloudburst", sector: ["adaptation"] });
      expect(stormwater.status).toBe(201);
      await save("Mobility only", { sector: ["mobility"] });
      await save("Copenhagen, TRL 7", { cityId: city.cityId, trl: 7 });
      await save("Mature only", { trl: 3 });
      const mark = await auditMark(platform);
      await publishedChallenge(platform, city, { minTrl: 6 });
      const published = (await auditSince(platform, mark)).find(
        (event) => event.payload.to === "published",
      );
      expect(published?.payload.savedSearchMatches).toBe(2);
      const list = await watcher.client.get<{ savedSearches: SavedSearch[] }>(
        "/api/v1/me/saved-searches",
      );
      const counts = Object.fromEntries(list.body.savedSearches.map((s) => [s.name, s.matchCount]));
      expect(counts).toEqual({
        Stormwater: 1,
        "Mobility only": 0,
        "Copenhagen, TRL 7": 1,
        "Mature only": 0,
      });
      expect(await notificationKinds(watcher.client)).toEqual([
        "saved_search_match",
        "saved_search_match",
      ]);
    });

    it("keeps each person's searches to themselves", async () => {
      const mine = await watcher.client.get<{ savedSearches: SavedSearch[] }>(
        "/api/v1/me/saved-searches",
      );
      const id = mine.body.savedSearches[0]!.id;
      expect((await other.client.delete(`/api/v1/me/saved-searches/${id}`)).status).toBe(404);
      expect((await platform.client().get("/api/v1/me/saved-searches")).status).toBe(401);
      expect(
        (await other.client.get<{ savedSearches: SavedSearch[] }>("/api/v1/me/saved-searches")).body
          .savedSearches,
      ).toEqual([]);
      expect((await watcher.client.delete(`/api/v1/me/saved-searches/${id}`)).status).toBe(204);
      const bad = await watcher.client.post<{ errors: Array<{ field: string }> }>(
        "/api/v1/me/saved-searches",
        { name: "Bad", filters: { sector: ["space"] } },
      );
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0]!.field).toMatch(/^body\.filters\.sector/);
    });
  });

  describe("attachments", () => {
    const upload = (person: Person, id: string, bytes: Buffer, filename: string, type: string) =>
      person.client.request<Attachment & { code?: string }>(
        "POST",
        `/api/v1/challenges/${id}/attachments?filename=${encodeURIComponent(filename)}`,
        { rawBody: bytes, headers: { "content-type": type } },
      );
    const pdf = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", "latin1");

    it("stores files recognised by content, for the owning city only", async () => {
      const draft = await createDraft(platform, city.member.client, city.organisationId);
      const stored = await upload(city.member, draft.id, pdf, "terms.pdf", "application/pdf");
      expect(stored.status).toBe(201);
      expect(stored.body).toMatchObject({ filename: "terms.pdf", contentType: "application/pdf" });
      const csv = await upload(
        city.member,
        draft.id,
        Buffer.from("a,b\n1,2\n"),
        "kpis.csv",
        "text/csv",
      );
      expect(csv.body.contentType).toBe("text/csv");
      const png = await upload(city.member, draft.id, tinyPng(), "map.pdf", "application/pdf");
      expect(png.body.contentType).toBe("image/png");
      for (const person of [other, otherCity.admin]) {
        expect((await upload(person, draft.id, pdf, "x.pdf", "application/pdf")).status).toBe(404);
      }
      const exe = await upload(
        city.member,
        draft.id,
        Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]),
        "tool.pdf",
        "application/pdf",
      );
      expect(exe.status).toBe(415);
      const html = await upload(
        city.member,
        draft.id,
        Buffer.from("<html>\0</html>"),
        "a.txt",
        "text/plain",
      );
      expect(html.status).toBe(415);
    });

    it("refuses people outside the owning city before it reads or judges the file", async () => {
      const published = await publishedChallenge(platform, city);
      const exe = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);
      const refused = await upload(other, published.id, exe, "tool.pdf", "application/pdf");
      expect(refused.status).toBe(403);
      const big = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]);
      expect((await upload(other, published.id, big, "big.pdf", "application/pdf")).status).toBe(
        403,
      );
      // The city's own people still learn what is wrong with the file.
      expect(
        (await upload(city.member, published.id, exe, "tool.pdf", "application/pdf")).status,
      ).toBe(415);
    });

    it("refuses files over 10 MB", async () => {
      const draft = await createDraft(platform, city.member.client, city.organisationId);
      const big = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]);
      const response = await upload(city.member, draft.id, big, "big.pdf", "application/pdf");
      expect(response.status).toBe(413);
    });

    it("downloads as an attachment with nosniff; removes only while a draft", async () => {
      const challenge = await publishedChallenge(platform, city);
      const stored = await upload(city.member, challenge.id, pdf, "rules.pdf", "application/pdf");
      const path = `/api/v1/challenges/${challenge.id}/attachments/${stored.body.id}`;
      const download = await platform.client().get(path);
      expect(download.status).toBe(200);
      expect(download.headers["x-content-type-options"]).toBe("nosniff");
      expect(String(download.headers["content-disposition"])).toMatch(
        /^attachment; filename="rules.pdf"/,
      );
      expect(download.raw.rawPayload.equals(pdf)).toBe(true);
      const mark = await auditMark(platform);
      const removal = await city.member.client.delete<{ code: string }>(path);
      expect(removal.status).toBe(409);
      expect(removal.body.code).toBe("attachments_locked");
      const page = await platform.client().get<Challenge>(`/api/v1/challenges/${challenge.id}`);
      expect(page.body.attachments.map((a) => a.filename)).toEqual(["rules.pdf"]);
      const draft = await createDraft(platform, city.member.client, city.organisationId);
      const temporary = await upload(city.member, draft.id, pdf, "draft.pdf", "application/pdf");
      const draftPath = `/api/v1/challenges/${draft.id}/attachments/${temporary.body.id}`;
      expect((await platform.client().get(draftPath)).status).toBe(404);
      expect((await other.client.delete(draftPath)).status).toBe(404);
      expect((await city.admin.client.delete(draftPath)).status).toBe(204);
      expect((await auditSince(platform, mark)).map((e) => e.action)).toEqual([
        "challenge.created",
        "challenge.attachment_added",
        "challenge.attachment_removed",
      ]);
    });
  });
});
