import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Organisation } from "./contract.ts";
import { organisationsOfPersonSince } from "./index.ts";
import {
  auditMark,
  auditSince,
  memberOf,
  organisationWithAdmin,
  type Person,
  platformAdmin,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

interface MemberRow {
  userId: string;
  email: string;
  role: string;
}

describe("members", () => {
  let platform: WatchedPlatform;
  let staff: Person;
  beforeAll(async () => {
    platform = await watchedPlatform();
    staff = await platformAdmin(platform);
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  async function team() {
    const { organisation, admin } = await organisationWithAdmin(platform, { kind: "company" });
    const member = await memberOf(platform, organisation.id);
    return { organisation, admin, member };
  }

  async function membersOf(organisation: Organisation): Promise<MemberRow[]> {
    const response = await staff.client.get<{ members: MemberRow[] }>(
      `/api/v1/organisations/${organisation.id}/members`,
    );
    return response.body.members;
  }

  const roleOf = async (organisation: Organisation, userId: string) =>
    (await membersOf(organisation)).find((member) => member.userId === userId)?.role ?? null;

  const memberUrl = (organisation: Organisation, userId: string) =>
    `/api/v1/organisations/${organisation.id}/members/${userId}`;

  it("lists the people with their roles and e-mail addresses for members", async () => {
    const { organisation, admin, member } = await team();
    const listed = await member.client.get<{ members: MemberRow[] }>(
      `/api/v1/organisations/${organisation.id}/members`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.members.map((row) => [row.userId, row.email, row.role]).sort()).toEqual(
      [
        [admin.userId, admin.email, "admin"],
        [member.userId, member.email, "member"],
      ].sort(),
    );
  });

  it("changes a member's role, and records it", async () => {
    const { organisation, admin, member } = await team();
    const mark = await auditMark(platform);
    const promoted = await admin.client.patch(memberUrl(organisation, member.userId), {
      role: "admin",
    });
    expect(promoted.status).toBe(204);
    expect(await roleOf(organisation, member.userId)).toBe("admin");
    const events = await auditSince(platform, mark);
    expect(events.map((event) => event.action)).toEqual(["organisation.member_role_changed"]);
    expect(events[0]?.payload).toEqual({ userId: member.userId, from: "member", to: "admin" });

    // The new admin now manages members too.
    const other = await memberOf(platform, organisation.id);
    expect((await member.client.delete(memberUrl(organisation, other.userId))).status).toBe(204);
  });

  it("removes a member, keeping the membership in their history", async () => {
    const { organisation, admin, member } = await team();
    const before = platform.clock.now();
    const mark = await auditMark(platform);
    expect((await admin.client.delete(memberUrl(organisation, member.userId))).status).toBe(204);
    expect(await roleOf(organisation, member.userId)).toBeNull();
    const events = await auditSince(platform, mark);
    expect(events.map((event) => event.payload)).toEqual([{ userId: member.userId, by: "admin" }]);
    // The removed person no longer sees the members or the organisation among theirs…
    expect(
      (await member.client.get(`/api/v1/organisations/${organisation.id}/members`)).status,
    ).toBe(403);
    const mine = await member.client.get<{ memberships: unknown[] }>("/api/v1/me/organisations");
    expect(mine.body.memberships).toEqual([]);
    // …but conflict-of-interest checks still know they belonged to it.
    expect(await organisationsOfPersonSince(platform.database.db, member.userId, before)).toEqual([
      organisation.id,
    ]);
  });

  it("lets a member leave", async () => {
    const { organisation, member } = await team();
    const mark = await auditMark(platform);
    expect((await member.client.delete(memberUrl(organisation, member.userId))).status).toBe(204);
    expect(await roleOf(organisation, member.userId)).toBeNull();
    expect((await auditSince(platform, mark)).map((event) => event.payload)).toEqual([
      { userId: member.userId, by: "self" },
    ]);
    // Leaving twice finds no membership.
    expect((await member.client.delete(memberUrl(organisation, member.userId))).status).toBe(404);
  });

  it("answers 404 for someone who is not a member", async () => {
    const { organisation, admin } = await team();
    const stranger = await platform.signedIn();
    expect((await admin.client.delete(memberUrl(organisation, stranger.userId))).status).toBe(404);
    expect(
      (await admin.client.patch(memberUrl(organisation, stranger.userId), { role: "admin" }))
        .status,
    ).toBe(404);
  });

  describe("the last admin", () => {
    it("cannot leave", async () => {
      const { organisation, admin } = await team();
      const mark = await auditMark(platform);
      const refused = await admin.client.delete<{ code: string }>(
        memberUrl(organisation, admin.userId),
      );
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe("last_organisation_admin");
      expect(await roleOf(organisation, admin.userId)).toBe("admin");
      expect(await auditSince(platform, mark)).toEqual([]);
    });

    it("cannot be demoted, even by a platform admin", async () => {
      const { organisation, admin } = await team();
      for (const who of [admin, staff]) {
        const refused = await who.client.patch(memberUrl(organisation, admin.userId), {
          role: "member",
        });
        expect(refused.status).toBe(409);
      }
      expect(await roleOf(organisation, admin.userId)).toBe("admin");
    });

    it("cannot be removed, even by a platform admin", async () => {
      const { organisation, admin } = await team();
      const refused = await staff.client.delete(memberUrl(organisation, admin.userId));
      expect(refused.status).toBe(409);
      expect(await roleOf(organisation, admin.userId)).toBe("admin");
    });

    it("can leave once there is another admin", async () => {
      const { organisation, admin, member } = await team();
      await admin.client.patch(memberUrl(organisation, member.userId), { role: "admin" });
      expect((await admin.client.delete(memberUrl(organisation, admin.userId))).status).toBe(204);
      expect(await roleOf(organisation, member.userId)).toBe("admin");
    });

    it("stays when two admins step down at the same time: exactly one succeeds", async () => {
      const { organisation, admin, member } = await team();
      await admin.client.patch(memberUrl(organisation, member.userId), { role: "admin" });
      const answers = await Promise.all([
        admin.client.patch(memberUrl(organisation, admin.userId), { role: "member" }),
        member.client.patch(memberUrl(organisation, member.userId), { role: "member" }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([204, 409]);
      const admins = (await membersOf(organisation)).filter((row) => row.role === "admin");
      expect(admins).toHaveLength(1);
    });

    it("stays when two admins demote each other at the same time: exactly one succeeds", async () => {
      const { organisation, admin, member } = await team();
      await admin.client.patch(memberUrl(organisation, member.userId), { role: "admin" });
      const answers = await Promise.all([
        admin.client.patch(memberUrl(organisation, member.userId), { role: "member" }),
        member.client.patch(memberUrl(organisation, admin.userId), { role: "member" }),
      ]);
      const statuses = answers.map((answer) => answer.status).sort();
      // The loser is refused either as no longer an admin (403) or as the last admin (409).
      expect(statuses[0]).toBe(204);
      expect([403, 409]).toContain(statuses[1]);
      const admins = (await membersOf(organisation)).filter((row) => row.role === "admin");
      expect(admins).toHaveLength(1);
    });

    it("stays when two admins leave at the same time: exactly one succeeds", async () => {
      const { organisation, admin, member } = await team();
      await admin.client.patch(memberUrl(organisation, member.userId), { role: "admin" });
      const answers = await Promise.all([
        admin.client.delete(memberUrl(organisation, admin.userId)),
        member.client.delete(memberUrl(organisation, member.userId)),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([204, 409]);
      const admins = (await membersOf(organisation)).filter((row) => row.role === "admin");
      expect(admins).toHaveLength(1);
    });
  });
});
