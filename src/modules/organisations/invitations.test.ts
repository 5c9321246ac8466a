import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DAY, MINUTE } from "../../core/clock.ts";
import type { Invitation, InvitationPreview, Organisation } from "./contract.ts";
import {
  auditMark,
  auditSince,
  invite,
  organisationWithAdmin,
  type Person,
  uniqueEmail,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

describe("invitations", () => {
  let platform: WatchedPlatform;
  let organisation: Organisation;
  let admin: Person;
  beforeAll(async () => {
    platform = await watchedPlatform();
    ({ organisation, admin } = await organisationWithAdmin(platform, {
      kind: "cluster",
      name: "Nordic Water Cluster",
    }));
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const invitationsUrl = () => `/api/v1/organisations/${organisation.id}/invitations`;

  async function listed(): Promise<Invitation[]> {
    const response = await admin.client.get<{ invitations: Invitation[] }>(invitationsUrl());
    return response.body.invitations;
  }

  async function members(): Promise<Array<{ userId: string; role: string }>> {
    const response = await admin.client.get<{ members: Array<{ userId: string; role: string }> }>(
      `/api/v1/organisations/${organisation.id}/members`,
    );
    return response.body.members;
  }

  it("mails a link carrying the token in its fragment, and records the invitation", async () => {
    const email = uniqueEmail("invitee");
    const mark = await auditMark(platform);
    const response = await admin.client.post<Invitation>(invitationsUrl(), {
      email: email.toUpperCase(),
      role: "admin",
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ email, role: "admin", status: "pending" });
    await platform.runJobs();
    const mail = platform.mailer.lastTo(email);
    expect(mail?.text).toContain(`${platform.config.publicUrl}/invitations#token=`);
    expect(mail?.text).toContain(organisation.name);

    const events = await auditSince(platform, mark);
    expect(events.map((event) => event.action)).toEqual(["organisation.invitation_sent"]);
    expect(events[0]?.payload).toMatchObject({ invitationId: response.body.id, email });

    const preview = await platform.client().post<InvitationPreview>("/api/v1/invitations/preview", {
      token: platform.mailer.tokenFor(email),
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      organisation: { id: organisation.id, name: organisation.name },
      role: "admin",
      email,
      status: "pending",
    });
  });

  it("is accepted by the account with the invited, verified address, which becomes a member", async () => {
    const email = uniqueEmail("joiner");
    const { id, token } = await invite(platform, admin.client, organisation.id, email);

    const someoneElse = await platform.signedIn();
    const refused = await someoneElse.client.post<{ code: string }>("/api/v1/invitations/accept", {
      token,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("invitation_for_someone_else");
    expect((await members()).map((member) => member.userId)).not.toContain(someoneElse.userId);

    const invitee = await platform.signedIn({ email: email.toUpperCase() });
    const mark = await auditMark(platform);
    const accepted = await invitee.client.post<{ organisationId: string; slug: string }>(
      "/api/v1/invitations/accept",
      { token },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ organisationId: organisation.id, slug: organisation.slug });
    expect(await members()).toContainEqual(
      expect.objectContaining({ userId: invitee.userId, role: "member" }),
    );
    const events = await auditSince(platform, mark);
    expect(events.map((event) => [event.action, event.subjectId, event.actorId])).toEqual([
      ["organisation.member_added", organisation.id, invitee.userId],
    ]);
    expect(events[0]?.payload).toEqual({
      userId: invitee.userId,
      role: "member",
      via: "invitation",
    });
    expect((await listed()).find((invitation) => invitation.id === id)?.status).toBe("accepted");

    // The link is spent.
    const again = await invitee.client.post("/api/v1/invitations/accept", { token });
    expect(again.status).toBe(410);
  });

  it("gives the invited role", async () => {
    const email = uniqueEmail("co-admin");
    const { token } = await invite(platform, admin.client, organisation.id, email, "admin");
    const invitee = await platform.signedIn({ email });
    expect((await invitee.client.post("/api/v1/invitations/accept", { token })).status).toBe(200);
    expect(await members()).toContainEqual(
      expect.objectContaining({ userId: invitee.userId, role: "admin" }),
    );
  });

  it("is refused to the right address while it is not verified", async () => {
    const email = uniqueEmail("unverified");
    const { token } = await invite(platform, admin.client, organisation.id, email);
    const invitee = await platform.signedIn({ email });
    await platform.database.db.execute(
      sql`update users set email_verified_at = null where id = ${invitee.userId}`,
    );
    const refused = await invitee.client.post("/api/v1/invitations/accept", { token });
    expect(refused.status).toBe(403);
    expect((await members()).map((member) => member.userId)).not.toContain(invitee.userId);
  });

  it("expires after 14 days", async () => {
    const email = uniqueEmail("slow");
    const { id, token } = await invite(platform, admin.client, organisation.id, email);
    const invitee = await platform.signedIn({ email });
    platform.clock.advance(14 * DAY + MINUTE);
    const late = await invitee.client.post("/api/v1/invitations/accept", { token });
    expect(late.status).toBe(410);
    expect((await listed()).find((invitation) => invitation.id === id)?.status).toBe("expired");
    expect((await members()).map((member) => member.userId)).not.toContain(invitee.userId);
  });

  it("is closed once revoked, and revoking is recorded", async () => {
    const email = uniqueEmail("revoked");
    const { id, token } = await invite(platform, admin.client, organisation.id, email);
    const mark = await auditMark(platform);
    expect((await admin.client.delete(`${invitationsUrl()}/${id}`)).status).toBe(204);
    expect((await auditSince(platform, mark)).map((event) => event.action)).toEqual([
      "organisation.invitation_revoked",
    ]);
    const invitee = await platform.signedIn({ email });
    expect((await invitee.client.post("/api/v1/invitations/accept", { token })).status).toBe(410);
    expect((await admin.client.delete(`${invitationsUrl()}/${id}`)).status).toBe(410);
    expect((await listed()).find((invitation) => invitation.id === id)?.status).toBe("revoked");
  });

  it("is replaced by a newer invitation to the same address", async () => {
    const email = uniqueEmail("twice");
    const older = await invite(platform, admin.client, organisation.id, email);
    const newer = await invite(
      platform,
      admin.client,
      organisation.id,
      email.toUpperCase(),
      "admin",
    );
    expect(newer.token).not.toBe(older.token);
    const statuses = Object.fromEntries(
      (await listed()).map((invitation) => [invitation.id, invitation.status]),
    );
    expect(statuses[older.id]).toBe("revoked");
    expect(statuses[newer.id]).toBe("pending");

    const invitee = await platform.signedIn({ email });
    const stale = await invitee.client.post("/api/v1/invitations/accept", { token: older.token });
    expect(stale.status).toBe(410);
    const fresh = await invitee.client.post("/api/v1/invitations/accept", { token: newer.token });
    expect(fresh.status).toBe(200);
    expect(await members()).toContainEqual(
      expect.objectContaining({ userId: invitee.userId, role: "admin" }),
    );
  });

  it("can be declined by the invitee, which closes it", async () => {
    const email = uniqueEmail("decliner");
    const { id, token } = await invite(platform, admin.client, organisation.id, email);
    const invitee = await platform.signedIn({ email });
    const mark = await auditMark(platform);
    expect((await invitee.client.post("/api/v1/invitations/decline", { token })).status).toBe(204);
    expect((await auditSince(platform, mark)).map((event) => event.action)).toEqual([
      "organisation.invitation_declined",
    ]);
    expect((await listed()).find((invitation) => invitation.id === id)?.status).toBe("declined");
    expect((await invitee.client.post("/api/v1/invitations/accept", { token })).status).toBe(410);
    expect((await members()).map((member) => member.userId)).not.toContain(invitee.userId);
  });

  it("answers 404 for a token that was never issued", async () => {
    const person = await platform.signedIn();
    const token = "x".repeat(43);
    expect((await person.client.post("/api/v1/invitations/accept", { token })).status).toBe(404);
    expect((await platform.client().post("/api/v1/invitations/preview", { token })).status).toBe(
      404,
    );
  });

  it("refuses someone who is already a member", async () => {
    const existing = await platform.signedIn();
    const first = await invite(platform, admin.client, organisation.id, existing.email);
    await existing.client.post("/api/v1/invitations/accept", { token: first.token });
    const second = await invite(platform, admin.client, organisation.id, existing.email);
    const again = await existing.client.post("/api/v1/invitations/accept", { token: second.token });
    expect(again.status).toBe(409);
  });

  it("makes one membership when accepted twice at once", async () => {
    const email = uniqueEmail("double-click");
    const { token } = await invite(platform, admin.client, organisation.id, email);
    const invitee = await platform.signedIn({ email });
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => invitee.client.post("/api/v1/invitations/accept", { token })),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    for (const status of statuses.slice(1)) expect([409, 410]).toContain(status);
    const mine = (await members()).filter((member) => member.userId === invitee.userId);
    expect(mine).toHaveLength(1);
  });
});
