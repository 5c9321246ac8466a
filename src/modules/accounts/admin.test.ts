import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../core/testing/http-client.ts";
import {
  auditMark,
  auditSince,
  platformAdmin,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

interface AdminUser {
  id: string;
  email: string;
  platformRoles: string[];
  disabled: boolean;
}

describe("user administration", () => {
  let platform: WatchedPlatform;
  beforeAll(async () => {
    platform = await watchedPlatform();
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  /** Everyone who might call the admin routes; only a second-factor admin may. */
  async function callers() {
    const admin = await platformAdmin(platform);
    return {
      anonymous: platform.client(),
      person: (await platform.signedIn()).client,
      moderator: (await platform.signedIn({ platformRoles: ["moderator"] })).client,
      adminWithoutSecondFactor: (await platform.signedIn({ platformRoles: ["admin"] })).client,
      admin: admin.client,
    };
  }

  it("lets only admins with a verified second factor list users", async () => {
    const who = await callers();
    const statuses: Record<string, number> = {};
    for (const [name, client] of Object.entries(who)) {
      statuses[name] = (await client.get("/api/v1/admin/users")).status;
    }
    expect(statuses).toEqual({
      anonymous: 401,
      person: 403,
      moderator: 403,
      adminWithoutSecondFactor: 403,
      admin: 200,
    });
  });

  it("finds users by name or address", async () => {
    const { client } = await platformAdmin(platform);
    const target = await platform.signedIn({ name: "Ingrid Kjærgaard" });
    const byName = await client.get<{ users: AdminUser[]; total: number }>(
      `/api/v1/admin/users?q=${encodeURIComponent("kjærgaard")}`,
    );
    expect(byName.body.users.map((user) => user.id)).toEqual([target.userId]);
    expect(byName.body.total).toBe(1);
    const byAddress = await client.get<{ users: AdminUser[] }>(
      `/api/v1/admin/users?q=${encodeURIComponent(target.email.toUpperCase())}`,
    );
    expect(byAddress.body.users.map((user) => user.id)).toEqual([target.userId]);
    for (const q of ["%", "_", "'", "\\"]) {
      const odd = await client.get<{ users: AdminUser[] }>(
        `/api/v1/admin/users?q=${encodeURIComponent(q)}`,
      );
      expect(odd.status).toBe(200);
      expect(odd.body.users).toEqual([]);
    }
  });

  it("lets only admins with a verified second factor change a user", async () => {
    const who = await callers();
    const target = await platform.signedIn();
    const statuses: Record<string, number> = {};
    for (const [name, client] of Object.entries(who)) {
      if (name === "admin") continue;
      statuses[name] = (
        await client.patch(`/api/v1/admin/users/${target.userId}`, { platformRoles: ["admin"] })
      ).status;
    }
    expect(statuses).toEqual({
      anonymous: 401,
      person: 403,
      moderator: 403,
      adminWithoutSecondFactor: 403,
    });
    const mark = await auditMark(platform);
    const granted = await who.admin.patch<AdminUser>(`/api/v1/admin/users/${target.userId}`, {
      platformRoles: ["moderator"],
    });
    expect(granted.status).toBe(200);
    expect(granted.body.platformRoles).toEqual(["moderator"]);
    const events = await auditSince(platform, mark);
    expect(events.map((event) => event.action)).toEqual(["account.roles_changed"]);
    expect(events[0]?.payload).toEqual({ from: [], to: ["moderator"] });
    expect(events[0]?.subjectId).toBe(target.userId);
  });

  it("ends a disabled user's live session at once, and can enable them again", async () => {
    const admin = await platformAdmin(platform);
    const target = await platform.signedIn();
    expect((await target.client.get("/api/v1/me")).status).toBe(200);

    const mark = await auditMark(platform);
    const disabled = await admin.client.patch<AdminUser>(`/api/v1/admin/users/${target.userId}`, {
      disabled: true,
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);
    expect((await target.client.get("/api/v1/me")).status).toBe(401);
    expect((await target.client.patch("/api/v1/me", { name: "Still here" })).status).toBe(401);
    expect((await auditSince(platform, mark)).map((event) => event.action)).toEqual([
      "account.disabled",
    ]);

    const enabledMark = await auditMark(platform);
    const enabled = await admin.client.patch<AdminUser>(`/api/v1/admin/users/${target.userId}`, {
      disabled: false,
    });
    expect(enabled.body.disabled).toBe(false);
    expect((await auditSince(platform, enabledMark)).map((event) => event.action)).toEqual([
      "account.enabled",
    ]);
    // The old session stays ended; signing in again works.
    expect((await target.client.get("/api/v1/me")).status).toBe(401);
    const again = await platform.client().post("/api/v1/session", {
      email: target.email,
      password: "correct horse battery staple 42",
    });
    expect(again.status).toBe(200);
  });

  it("answers 404 for an unknown user", async () => {
    const { client } = await platformAdmin(platform);
    const missing = await client.patch("/api/v1/admin/users/00000000-0000-4000-8000-000000000000", {
      disabled: true,
    });
    expect(missing.status).toBe(404);
  });

  describe("keeping an admin", () => {
    // A platform of its own, so "the last admin" is well defined.
    let isolated: WatchedPlatform;
    let only: { client: TestClient; userId: string };
    beforeAll(async () => {
      isolated = await watchedPlatform();
      only = await platformAdmin(isolated);
    });
    afterEach(() => expect(isolated.serverErrors.splice(0)).toEqual([]));
    afterAll(() => isolated.close());

    it("refuses to demote the last admin, writing nothing", async () => {
      const mark = await auditMark(isolated);
      const refused = await only.client.patch<{ code: string }>(
        `/api/v1/admin/users/${only.userId}`,
        { platformRoles: [] },
      );
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe("last_admin");
      expect(await auditSince(isolated, mark)).toEqual([]);
      expect((await only.client.get("/api/v1/admin/users")).status).toBe(200);
    });

    it("refuses to let an admin disable themselves", async () => {
      const refused = await only.client.patch(`/api/v1/admin/users/${only.userId}`, {
        disabled: true,
      });
      expect(refused.status).toBe(409);
      expect((await only.client.get("/api/v1/admin/users")).status).toBe(200);
    });

    it("refuses it even with a second admin present", async () => {
      const second = await platformAdmin(isolated);
      const refused = await second.client.patch(`/api/v1/admin/users/${second.userId}`, {
        disabled: true,
      });
      expect(refused.status).toBe(409);
      // Demoting oneself is fine while another admin remains…
      const demoted = await second.client.patch<AdminUser>(`/api/v1/admin/users/${second.userId}`, {
        platformRoles: [],
      });
      expect(demoted.status).toBe(200);
      expect((await second.client.get("/api/v1/admin/users")).status).toBe(403);
    });

    /** Two fresh admins, with every other admin demoted by them. */
    async function exactlyTwoAdmins() {
      const a = await platformAdmin(isolated);
      const b = await platformAdmin(isolated);
      const listed = await a.client.get<{ users: AdminUser[] }>("/api/v1/admin/users?limit=100");
      for (const user of listed.body.users) {
        if (user.platformRoles.includes("admin") && user.id !== a.userId && user.id !== b.userId) {
          const demoted = await a.client.patch(`/api/v1/admin/users/${user.id}`, {
            platformRoles: [],
          });
          expect(demoted.status).toBe(200);
        }
      }
      return { a, b };
    }

    async function adminCount(client: TestClient): Promise<number> {
      const listed = await client.get<{ users: AdminUser[] }>("/api/v1/admin/users?limit=100");
      return listed.body.users.filter(
        (user) => user.platformRoles.includes("admin") && !user.disabled,
      ).length;
    }

    it("lets exactly one of two admins demoting each other at the same time succeed", async () => {
      const { a, b } = await exactlyTwoAdmins();
      const answers = await Promise.all([
        a.client.patch(`/api/v1/admin/users/${b.userId}`, { platformRoles: [] }),
        b.client.patch(`/api/v1/admin/users/${a.userId}`, { platformRoles: [] }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const survivor = answers[0]!.status === 200 ? a : b;
      expect(await adminCount(survivor.client)).toBe(1);
    });

    it("lets exactly one of two admins disabling each other at the same time succeed", async () => {
      const { a, b } = await exactlyTwoAdmins();
      const answers = await Promise.all([
        a.client.patch(`/api/v1/admin/users/${b.userId}`, { disabled: true }),
        b.client.patch(`/api/v1/admin/users/${a.userId}`, { disabled: true }),
      ]);
      const statuses = answers.map((answer) => answer.status).sort();
      // The loser either finds the platform down to one admin (409) or its own session already
      // ended by the winner (401); never are both disabled.
      expect(statuses[0]).toBe(200);
      expect([401, 409]).toContain(statuses[1]);
      const survivor = answers[0]!.status === 200 ? a : b;
      expect(await adminCount(survivor.client)).toBe(1);
    });
  });
});
