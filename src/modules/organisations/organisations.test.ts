import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Organisation } from "./contract.ts";
import {
  auditMark,
  auditSince,
  cityIdOf,
  createOrganisation,
  jpegBytes,
  organisationWithAdmin,
  platformAdmin,
  tinyPng,
  uniqueName,
  uploadLogo,
  type WatchedPlatform,
  watchedPlatform,
  webpBytes,
} from "./test/factories.ts";

describe("organisations", () => {
  let platform: WatchedPlatform;
  beforeAll(async () => {
    platform = await watchedPlatform();
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  describe("creating", () => {
    it("needs a signed-in person with a verified address", async () => {
      expect((await createOrganisation(platform.client(), { kind: "company" })).status).toBe(401);

      const person = await platform.signedIn();
      // The address stops being verified (as after an address change): creating is refused.
      await platform.database.db.execute(
        sql`update users set email_verified_at = null where id = ${person.userId}`,
      );
      const refused = await createOrganisation(person.client, { kind: "company" });
      expect(refused.status).toBe(403);

      await platform.database.db.execute(
        sql`update users set email_verified_at = now() where id = ${person.userId}`,
      );
      const created = await createOrganisation(person.client, { kind: "company" });
      expect(created.status).toBe(201);
    });

    it("makes the creator its first admin and records it", async () => {
      const person = await platform.signedIn();
      const mark = await auditMark(platform);
      const created = await createOrganisation(person.client, {
        kind: "research",
        name: "Institute for Urban Heat",
        country: "de",
        locality: "Berlin",
        website: "https://heat.example.org",
        description: "Cooling strategies for dense districts.",
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: "Institute for Urban Heat",
        kind: "research",
        country: "DE",
        locality: "Berlin",
        website: "https://heat.example.org",
        verified: false,
        myRole: "admin",
        memberCount: 1,
      });
      const mine = await person.client.get<{
        memberships: Array<{ organisation: { id: string }; role: string }>;
      }>("/api/v1/me/organisations");
      expect(mine.body.memberships).toEqual([
        expect.objectContaining({ organisation: expect.objectContaining({ id: created.body.id }) }),
      ]);
      expect(mine.body.memberships[0]?.role).toBe("admin");
      // The creation's answer is built without reading back: it must be what a read gives.
      const read = await person.client.get(`/api/v1/organisations/${created.body.id}`);
      expect(read.body).toEqual(created.body);
      const events = await auditSince(platform, mark);
      expect(events.map((event) => [event.action, event.subjectId])).toEqual([
        ["organisation.created", created.body.id],
        ["organisation.member_added", created.body.id],
      ]);
    });

    it("ties a city organisation to its C40 city and takes the city's country", async () => {
      const person = await platform.signedIn();
      const copenhagen = await cityIdOf(platform, "Copenhagen");
      const created = await createOrganisation(person.client, {
        kind: "city",
        cityId: copenhagen,
        country: "FR",
        name: "Copenhagen Climate Office",
      });
      expect(created.status).toBe(201);
      expect(created.body.cityId).toBe(copenhagen);
      expect(created.body.cityName).toBe("Copenhagen");
      expect(created.body.country).toBe("DK");
      const read = await person.client.get(`/api/v1/organisations/${created.body.slug}`);
      expect(read.body).toEqual(created.body);
    });

    it("refuses a city organisation without a city or with an unknown one", async () => {
      const person = await platform.signedIn();
      const mark = await auditMark(platform);
      const missing = await createOrganisation(person.client, { kind: "city" });
      expect(missing.status).toBe(400);
      expect(missing.body.errors?.map((error) => error.field)).toContain("body.cityId");
      const unknown = await createOrganisation(person.client, {
        kind: "city",
        cityId: "00000000-0000-4000-8000-000000000000",
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors?.map((error) => error.field)).toContain("body.cityId");
      const notAnId = await createOrganisation(person.client, { kind: "city", cityId: "paris" });
      expect(notAnId.status).toBe(400);
      expect(await auditSince(platform, mark)).toEqual([]);
    });

    it("refuses a city for any other kind of organisation", async () => {
      const person = await platform.signedIn();
      const lisbon = await cityIdOf(platform, "Lisbon");
      const refused = await createOrganisation(person.client, { kind: "company", cityId: lisbon });
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.map((error) => error.field)).toContain("body.cityId");
    });

    it("refuses malformed fields by name", async () => {
      const person = await platform.signedIn();
      const refused = await createOrganisation(person.client, {
        kind: "company",
        name: "x",
        country: "France",
        website: "javascript:alert(1)",
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.map((error) => error.field)).toEqual(
        expect.arrayContaining(["body.name", "body.country", "body.website"]),
      );
    });
  });

  describe("addresses (slugs)", () => {
    it("are readable, unique, and find the organisation", async () => {
      const person = await platform.signedIn();
      const name = "Énergie Verte — Lyon & Co.";
      const first = await createOrganisation(person.client, { kind: "company", name });
      const second = await createOrganisation(person.client, { kind: "company", name });
      for (const created of [first, second]) {
        expect(created.status).toBe(201);
        expect(created.body.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(created.body.slug).toContain("energie-verte");
        expect(created.body.slug).toContain("lyon");
      }
      expect(second.body.slug).not.toBe(first.body.slug);
      for (const created of [first, second]) {
        const found = await platform
          .client()
          .get<Organisation>(`/api/v1/organisations/${created.body.slug}`);
        expect(found.body.id).toBe(created.body.id);
      }
      const upper = await platform
        .client()
        .get<Organisation>(`/api/v1/organisations/${first.body.slug.toUpperCase()}`);
      expect(upper.body.id).toBe(first.body.id);
    });

    it("stay unique when the same name is created twice at once", async () => {
      const person = await platform.signedIn();
      const name = uniqueName("Twin Submit");
      const both = await Promise.all([
        createOrganisation(person.client, { kind: "company", name }),
        createOrganisation(person.client, { kind: "company", name }),
      ]);
      expect(both.map((response) => response.status)).toEqual([201, 201]);
      expect(new Set(both.map((response) => response.body.slug)).size).toBe(2);
    });

    it("answer 404 for an unknown organisation", async () => {
      const missing = await platform.client().get("/api/v1/organisations/no-such-organisation");
      expect(missing.status).toBe(404);
    });
  });

  describe("profile", () => {
    it("is edited by its admin, and the edit is recorded with the fields changed", async () => {
      const { organisation, admin } = await organisationWithAdmin(platform, { kind: "company" });
      const mark = await auditMark(platform);
      const edited = await admin.client.patch<Organisation>(
        `/api/v1/organisations/${organisation.id}`,
        { description: "Heat pumps for social housing.", website: "https://pumps.example.com" },
      );
      expect(edited.status).toBe(200);
      expect(edited.body.description).toBe("Heat pumps for social housing.");
      expect(edited.body.website).toBe("https://pumps.example.com");
      const events = await auditSince(platform, mark);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: "organisation.updated",
        actorId: admin.userId,
        subjectId: organisation.id,
      });
      expect((events[0]!.payload.fields as string[]).sort()).toEqual(["description", "website"]);
      // The address does not change with the name.
      const renamed = await admin.client.patch<Organisation>(
        `/api/v1/organisations/${organisation.id}`,
        { name: "Renamed Pumps" },
      );
      expect(renamed.body.name).toBe("Renamed Pumps");
      expect(renamed.body.slug).toBe(organisation.slug);
    });

    it("keeps a city organisation in its city's country, and records no change it did not make", async () => {
      const person = await platform.signedIn();
      const created = await createOrganisation(person.client, {
        kind: "city",
        cityId: await cityIdOf(platform, "Lisbon"),
      });
      const mark = await auditMark(platform);
      const edited = await person.client.patch<Organisation>(
        `/api/v1/organisations/${created.body.id}`,
        { country: "ES", locality: "Baixa" },
      );
      expect(edited.status).toBe(200);
      expect(edited.body.country).toBe("PT");
      expect(edited.body.locality).toBe("Baixa");
      const events = await auditSince(platform, mark);
      expect(events.map((event) => event.payload.fields)).toEqual([["locality"]]);
    });

    it("records nothing for an empty edit", async () => {
      const { organisation, admin } = await organisationWithAdmin(platform, { kind: "funder" });
      const mark = await auditMark(platform);
      const edited = await admin.client.patch(`/api/v1/organisations/${organisation.id}`, {});
      expect(edited.status).toBe(200);
      expect(await auditSince(platform, mark)).toEqual([]);
    });
  });

  describe("logo", () => {
    it("stores a PNG by its content, even when declared as JPEG, and serves it with nosniff", async () => {
      const { organisation, admin } = await organisationWithAdmin(platform, { kind: "company" });
      const png = tinyPng();
      const mark = await auditMark(platform);
      const uploaded = await uploadLogo(admin.client, organisation.id, png, "image/jpeg");
      expect(uploaded.status).toBe(204);
      const served = await platform.client().get(`/api/v1/organisations/${organisation.id}/logo`);
      expect(served.status).toBe(200);
      expect(served.headers["content-type"]).toBe("image/png");
      expect(served.headers["x-content-type-options"]).toBe("nosniff");
      expect(Buffer.compare(served.raw.rawPayload, png)).toBe(0);
      const summary = await platform
        .client()
        .get<Organisation>(`/api/v1/organisations/${organisation.id}`);
      expect(summary.body.hasLogo).toBe(true);
      expect((await auditSince(platform, mark)).map((event) => event.action)).toEqual([
        "organisation.logo_changed",
      ]);
    });

    it("accepts JPEG and WebP and serves each as what it is", async () => {
      const { organisation, admin } = await organisationWithAdmin(platform, { kind: "company" });
      for (const [bytes, declared, expected] of [
        [jpegBytes(), "image/png", "image/jpeg"],
        [webpBytes(), "image/jpeg", "image/webp"],
      ] as const) {
        expect((await uploadLogo(admin.client, organisation.id, bytes, declared)).status).toBe(204);
        const served = await platform.client().get(`/api/v1/organisations/${organisation.id}/logo`);
        expect(served.headers["content-type"]).toBe(expected);
        expect(Buffer.compare(served.raw.rawPayload, bytes)).toBe(0);
      }
    });

    it("refuses what is not an image with 415, whatever it claims", async () => {
      const { organisation, admin } = await organisationWithAdmin(platform, { kind: "company" });
      const mark = await auditMark(platform);
      const text = Buffer.from("<svg onload=alert(1)>not an image</svg>");
      expect((await uploadLogo(admin.client, organisation.id, text, "image/png")).status).toBe(415);
      expect((await uploadLogo(admin.client, organisation.id, text, "image/svg+xml")).status).toBe(
        415,
      );
      expect((await uploadLogo(admin.client, organisation.id, text, "text/plain")).status).toBe(
        415,
      );
      const asJson = await admin.client.request(
        "PUT",
        `/api/v1/organisations/${organisation.id}/logo`,
        { body: { image: "data" } },
      );
      expect(asJson.status).toBe(415);
      expect(await auditSince(platform, mark)).toEqual([]);
      const served = await platform.client().get(`/api/v1/organisations/${organisation.id}/logo`);
      expect(served.status).toBe(404);
    });

    it("refuses more than 512 KB with 413", async () => {
      const { organisation, admin } = await organisationWithAdmin(platform, { kind: "company" });
      const large = Buffer.concat([tinyPng(), Buffer.alloc(512 * 1024)]);
      const refused = await uploadLogo(admin.client, organisation.id, large, "image/png");
      expect(refused.status).toBe(413);
      const fits = Buffer.concat([tinyPng(), Buffer.alloc(400 * 1024)]);
      expect((await uploadLogo(admin.client, organisation.id, fits, "image/png")).status).toBe(204);
    });

    it("can be removed", async () => {
      const { organisation, admin } = await organisationWithAdmin(platform, { kind: "company" });
      await uploadLogo(admin.client, organisation.id, tinyPng(), "image/png");
      const removed = await admin.client.delete(`/api/v1/organisations/${organisation.id}/logo`);
      expect(removed.status).toBe(204);
      expect(
        (await platform.client().get(`/api/v1/organisations/${organisation.id}/logo`)).status,
      ).toBe(404);
      const summary = await platform
        .client()
        .get<Organisation>(`/api/v1/organisations/${organisation.id}`);
      expect(summary.body.hasLogo).toBe(false);
    });
  });

  describe("verification", () => {
    it("is granted and withdrawn by platform admins, and recorded", async () => {
      const { organisation, admin } = await organisationWithAdmin(platform, { kind: "cluster" });
      const staff = await platformAdmin(platform);
      expect(
        (
          await admin.client.post(`/api/v1/organisations/${organisation.id}/verification`, {
            verified: true,
          })
        ).status,
      ).toBe(403);

      const mark = await auditMark(platform);
      const verified = await staff.client.post<Organisation>(
        `/api/v1/organisations/${organisation.id}/verification`,
        { verified: true },
      );
      expect(verified.status).toBe(200);
      expect(verified.body.verified).toBe(true);
      const withdrawn = await staff.client.post<Organisation>(
        `/api/v1/organisations/${organisation.id}/verification`,
        { verified: false },
      );
      expect(withdrawn.body.verified).toBe(false);
      expect((await auditSince(platform, mark)).map((event) => event.action)).toEqual([
        "organisation.verified",
        "organisation.unverified",
      ]);
    });

    it("is refused to an admin whose session has not passed the second factor", async () => {
      const { organisation } = await organisationWithAdmin(platform, { kind: "cluster" });
      const admin = await platform.signedIn({ platformRoles: ["admin"] });
      const refused = await admin.client.post(
        `/api/v1/organisations/${organisation.id}/verification`,
        { verified: true },
      );
      expect(refused.status).toBe(403);
    });
  });
});
