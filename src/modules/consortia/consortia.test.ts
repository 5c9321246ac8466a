import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDraft } from "../challenges/test/factories.ts";
import type { Consortium, ConsortiumList } from "./contract.ts";
import {
  auditMark,
  auditSince,
  type CityTeam,
  cityTeam,
  memberOf,
  notificationKinds,
  openChallenge,
  type Person,
  type Problem,
  type Provider,
  platformAdmin,
  provider,
  startConsortium,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

const STORMWATER = "adaptation.stormwater";
const LEAKS = "water.leak-detection";

describe("consortia", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let challengeId: string;
  let cluster: Provider;
  let clusterMember: Person;
  let storm: Provider;
  let stormMember: Person;
  let leaks: Provider;
  let outsider: Provider;
  let admin: Person;
  let consortium: Consortium;

  beforeAll(async () => {
    platform = await watchedPlatform();
    city = await cityTeam(platform, "Copenhagen");
    cluster = await provider(platform, "cluster", "DK", []);
    clusterMember = await memberOf(platform, cluster.organisation.id, "member");
    storm = await provider(platform, "company", "DK", [STORMWATER]);
    stormMember = await memberOf(platform, storm.organisation.id, "member");
    leaks = await provider(platform, "company", "ES", [LEAKS]);
    outsider = await provider(platform, "company", "FR", []);
    admin = await platformAdmin(platform);
    challengeId = await openChallenge(platform, city, [STORMWATER, LEAKS]);
  });
  beforeEach(async () => {
    consortium = await startConsortium(cluster.admin.client, {
      challengeId,
      leadOrganisationId: cluster.organisation.id,
      name: "Dry Østerbro",
      description: "Sponge streets and leak finding, coordinated by the cluster.",
      fromSuggestion: true,
      invitations: [
        { organisationId: storm.organisation.id, role: "partner", capabilities: [STORMWATER] },
        { organisationId: leaks.organisation.id, role: "subcontractor", capabilities: [LEAKS] },
      ],
    });
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const get = (client = platform.client(), id = consortium.id) =>
    client.get<Consortium & Problem>(`/api/v1/consortia/${id}`);
  const invitationOf = (organisationId: string, of = consortium) =>
    of.invitations.find((invitation) => invitation.organisation.id === organisationId)!;
  const answer = (client: Person["client"], organisationId: string, step: string) =>
    client.post<Consortium & Problem>(
      `/api/v1/consortia/${consortium.id}/invitations/${invitationOf(organisationId).id}/${step}`,
    );

  it("starts from a suggested team: the lead is a member, the others are invited and told", async () => {
    expect(consortium).toMatchObject({
      name: "Dry Østerbro",
      status: "forming",
      origin: "suggestion",
      lead: { id: cluster.organisation.id },
      challenge: { id: challengeId, capabilities: [STORMWATER, LEAKS] },
      members: [{ organisation: { id: cluster.organisation.id }, role: "lead" }],
      abilities: { manage: true, answer: [], leave: [] },
    });
    expect(invitationOf(storm.organisation.id)).toMatchObject({
      role: "partner",
      capabilities: [STORMWATER],
      status: "pending",
    });
    expect(await notificationKinds(storm.admin.client)).toContain("consortium_invitation");
    // Plain members of an invited organisation are not its admins: not told.
    expect(await notificationKinds(stormMember.client)).not.toContain("consortium_invitation");
  });

  it("is seen by its parties and platform admins only, each with what they may do", async () => {
    expect((await get()).status).toBe(404);
    expect((await get(outsider.admin.client)).status).toBe(404);
    expect((await get(city.admin.client)).status).toBe(404);
    const lead = await get(cluster.admin.client);
    expect(lead.body.abilities).toEqual({ manage: true, answer: [], leave: [] });
    const leadMember = await get(clusterMember.client);
    expect(leadMember.status).toBe(200);
    expect(leadMember.body.abilities).toEqual({ manage: false, answer: [], leave: [] });
    const invitee = await get(storm.admin.client);
    expect(invitee.status).toBe(200);
    expect(invitee.body.abilities).toEqual({
      manage: false,
      answer: [invitationOf(storm.organisation.id).id],
      leave: [],
    });
    const inviteeMember = await get(stormMember.client);
    expect(inviteeMember.status).toBe(200);
    expect(inviteeMember.body.abilities.answer).toEqual([]);
    const oversight = await get(admin.client);
    expect(oversight.status).toBe(200);
    expect(oversight.body.abilities).toEqual({ manage: false, answer: [], leave: [] });
  });

  it("lets the invited organisation's admins accept or decline, and tells the lead", async () => {
    const mark = await auditMark(platform);
    // Only the invited organisation's admins answer.
    expect((await answer(cluster.admin.client, storm.organisation.id, "accept")).status).toBe(403);
    expect((await answer(stormMember.client, storm.organisation.id, "accept")).status).toBe(403);
    expect((await answer(outsider.admin.client, storm.organisation.id, "accept")).status).toBe(404);
    expect((await answer(admin.client, storm.organisation.id, "accept")).status).toBe(403);
    expect((await answer(platform.client(), storm.organisation.id, "accept")).status).toBe(401);

    const accepted = await answer(storm.admin.client, storm.organisation.id, "accept");
    expect(accepted.status).toBe(200);
    expect(accepted.body.members.map((member) => [member.organisation.id, member.role])).toEqual([
      [cluster.organisation.id, "lead"],
      [storm.organisation.id, "partner"],
    ]);
    expect(accepted.body.abilities.leave).toEqual([storm.organisation.id]);
    const again = await answer(storm.admin.client, storm.organisation.id, "decline");
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("invitation_answered");

    // Having declined, the organisation no longer sees the consortium: nothing to show.
    const declined = await answer(leaks.admin.client, leaks.organisation.id, "decline");
    expect(declined.status).toBe(204);
    expect((await get(leaks.admin.client)).status).toBe(404);
    const seenByLead = await get(cluster.admin.client);
    expect(invitationOf(leaks.organisation.id, seenByLead.body).status).toBe("declined");

    const kinds = await notificationKinds(cluster.admin.client);
    expect(kinds).toContain("consortium_accepted");
    expect(kinds).toContain("consortium_declined");
    expect(
      (await auditSince(platform, mark))
        .filter((event) => event.subjectId === consortium.id)
        .map((event) => event.action),
    ).toEqual(["consortium.invitation_accepted", "consortium.invitation_declined"]);
  });

  it("lets the lead invite and withdraw, nobody else", async () => {
    const invite = (client: Person["client"], body: Record<string, unknown>) =>
      client.post<Consortium & Problem>(`/api/v1/consortia/${consortium.id}/invitations`, body);
    const body = { organisationId: outsider.organisation.id, capabilities: [LEAKS] };
    expect((await invite(platform.client(), body)).status).toBe(401);
    expect((await invite(outsider.admin.client, body)).status).toBe(404);
    expect((await invite(storm.admin.client, body)).status).toBe(403);
    expect((await invite(clusterMember.client, body)).status).toBe(403);
    expect((await invite(admin.client, body)).status).toBe(403);
    const invited = await invite(cluster.admin.client, { ...body, message: "Join us?" });
    expect(invited.status).toBe(201);
    expect(invitationOf(outsider.organisation.id, invited.body)).toMatchObject({
      role: "partner",
      message: "Join us?",
      status: "pending",
    });
    expect(await notificationKinds(outsider.admin.client)).toContain("consortium_invitation");
    const twice = await invite(cluster.admin.client, body);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({
      code: "already_invited",
      errors: [{ field: "body.organisationId" }],
    });
    const lead = await invite(cluster.admin.client, { organisationId: cluster.organisation.id });
    expect(lead.status).toBe(409);
    expect(lead.body.code).toBe("already_member");

    consortium = invited.body;
    expect((await answer(storm.admin.client, outsider.organisation.id, "withdraw")).status).toBe(
      403,
    );
    const withdrawn = await answer(cluster.admin.client, outsider.organisation.id, "withdraw");
    expect(withdrawn.status).toBe(200);
    expect(invitationOf(outsider.organisation.id, withdrawn.body).status).toBe("withdrawn");
    expect((await get(outsider.admin.client)).status).toBe(404);
  });

  it("lets members leave, but not the lead, which hands over or dissolves", async () => {
    await answer(storm.admin.client, storm.organisation.id, "accept");
    const leave = (client: Person["client"], organisationId: string) =>
      client.post<Problem>(`/api/v1/consortia/${consortium.id}/members/${organisationId}/leave`);
    const leadLeaves = await leave(cluster.admin.client, cluster.organisation.id);
    expect(leadLeaves.status).toBe(409);
    expect(leadLeaves.body.code).toBe("lead_cannot_leave");
    expect((await leave(cluster.admin.client, storm.organisation.id)).status).toBe(403);
    expect((await leave(stormMember.client, storm.organisation.id)).status).toBe(403);
    expect((await leave(storm.admin.client, leaks.organisation.id)).status).toBe(404);
    expect((await leave(storm.admin.client, storm.organisation.id)).status).toBe(204);
    expect((await get(storm.admin.client)).status).toBe(404);
    expect(await notificationKinds(cluster.admin.client)).toContain("consortium_member_left");
  });

  it("hands the lead over to a member, who may then dissolve it", async () => {
    await answer(storm.admin.client, storm.organisation.id, "accept");
    const handOver = (client: Person["client"], organisationId: string) =>
      client.post<Consortium & Problem>(`/api/v1/consortia/${consortium.id}/lead`, {
        organisationId,
      });
    expect((await handOver(storm.admin.client, storm.organisation.id)).status).toBe(403);
    const notMember = await handOver(cluster.admin.client, leaks.organisation.id);
    expect(notMember.status).toBe(400);
    expect(notMember.body.errors?.[0]?.field).toBe("body.organisationId");
    const handed = await handOver(cluster.admin.client, storm.organisation.id);
    expect(handed.status).toBe(200);
    expect(handed.body.lead.id).toBe(storm.organisation.id);
    expect(handed.body.members.map((member) => [member.organisation.id, member.role])).toEqual([
      [storm.organisation.id, "lead"],
      [cluster.organisation.id, "partner"],
    ]);
    expect(handed.body.abilities.manage).toBe(false);
    expect(await notificationKinds(storm.admin.client)).toContain("consortium_lead_handed_over");

    const mark = await auditMark(platform);
    expect(
      (await platform.client().post(`/api/v1/consortia/${consortium.id}/dissolve`)).status,
    ).toBe(401);
    expect(
      (await cluster.admin.client.post(`/api/v1/consortia/${consortium.id}/dissolve`)).status,
    ).toBe(403);
    const dissolved = await storm.admin.client.post<Consortium>(
      `/api/v1/consortia/${consortium.id}/dissolve`,
    );
    expect(dissolved.status).toBe(200);
    expect(dissolved.body.status).toBe("dissolved");
    expect(invitationOf(leaks.organisation.id, dissolved.body).status).toBe("withdrawn");
    expect(dissolved.body.abilities).toEqual({ manage: false, answer: [], leave: [] });
    expect(await notificationKinds(cluster.admin.client)).toContain("consortium_dissolved");
    const after = await storm.admin.client.post<Problem>(
      `/api/v1/consortia/${consortium.id}/invitations`,
      { organisationId: outsider.organisation.id },
    );
    expect(after.status).toBe(409);
    expect(after.body.code).toBe("consortium_dissolved");
    expect(
      (await auditSince(platform, mark))
        .filter((event) => event.subjectId === consortium.id)
        .map((event) => event.action),
    ).toEqual(["consortium.dissolved"]);
  });

  it("lists consortia for their parties: my organisations', and a challenge's as I may see them", async () => {
    const mine = await storm.admin.client.get<ConsortiumList>("/api/v1/me/consortia");
    expect(mine.status).toBe(200);
    expect(mine.body.consortia.find((entry) => entry.id === consortium.id)).toMatchObject({
      mine: [{ organisationId: storm.organisation.id, standing: "invited" }],
      memberCount: 1,
      pendingInvitations: 2,
      challenge: { id: challengeId, title: "Cloudburst-proof districts" },
    });
    const lead = await clusterMember.client.get<ConsortiumList>("/api/v1/me/consortia");
    expect(lead.body.consortia.map((entry) => entry.id)).toContain(consortium.id);
    expect((await platform.client().get("/api/v1/me/consortia")).status).toBe(401);
    const forChallenge = (client = platform.client()) =>
      client.get<ConsortiumList>(`/api/v1/challenges/${challengeId}/consortia`);
    expect((await forChallenge()).body.consortia).toEqual([]);
    expect((await forChallenge(outsider.admin.client)).body.consortia).toEqual([]);
    expect((await forChallenge(city.admin.client)).body.consortia).toEqual([]);
    expect(
      (await forChallenge(cluster.admin.client)).body.consortia.map((entry) => entry.id),
    ).toContain(consortium.id);
    expect((await forChallenge(admin.client)).body.consortia.map((entry) => entry.id)).toContain(
      consortium.id,
    );
  });

  it("audits the start and each invitation in the same transaction", async () => {
    const mark = await auditMark(platform);
    const made = await startConsortium(cluster.admin.client, {
      challengeId,
      leadOrganisationId: cluster.organisation.id,
      name: "Second try",
      leadCapabilities: [STORMWATER],
      invitations: [{ organisationId: leaks.organisation.id, capabilities: [LEAKS] }],
    });
    const events = (await auditSince(platform, mark)).filter(
      (event) => event.subjectId === made.id,
    );
    expect(events.map((event) => event.action)).toEqual([
      "consortium.created",
      "consortium.invited",
    ]);
    expect(events[0]!.payload).toMatchObject({
      challengeId,
      leadOrganisationId: cluster.organisation.id,
      origin: "manual",
      capabilities: [STORMWATER],
    });
    expect(events[1]!.actorId).toBe(cluster.admin.userId);
  });

  describe("refuses what it cannot do, naming the field", () => {
    const create = (client: Person["client"], body: Record<string, unknown>) =>
      client.post<Problem>("/api/v1/consortia", {
        challengeId,
        leadOrganisationId: cluster.organisation.id,
        name: "A consortium",
        ...body,
      });

    it("answers 400 for bad fields, each named", async () => {
      const cases: Array<[Record<string, unknown>, string, string?]> = [
        [{ name: "x" }, "body.name"],
        [{ name: undefined }, "body.name"],
        [{ challengeId: "nope" }, "body.challengeId"],
        [
          { leadOrganisationId: crypto.randomUUID() },
          "body.leadOrganisationId",
          "organisation_not_found",
        ],
        [
          { leadOrganisationId: city.organisationId },
          "body.leadOrganisationId",
          "organisation_cannot_join",
        ],
        [{ challengeId: crypto.randomUUID() }, "body.challengeId", "challenge_not_found"],
        [{ leadCapabilities: ["no.such-code"] }, "body.leadCapabilities.0", "unknown_capability"],
        [
          { invitations: [{ organisationId: city.organisationId }] },
          "body.invitations.0.organisationId",
          "organisation_cannot_join",
        ],
        [
          {
            invitations: [
              { organisationId: storm.organisation.id, capabilities: [LEAKS, "nope.nope"] },
            ],
          },
          "body.invitations.0.capabilities.1",
          "unknown_capability",
        ],
        [
          {
            invitations: [
              { organisationId: storm.organisation.id },
              { organisationId: storm.organisation.id },
            ],
          },
          "body.invitations.1.organisationId",
          "organisation_named_twice",
        ],
        [
          { invitations: [{ organisationId: storm.organisation.id, role: "lead" }] },
          "body.invitations.0.role",
        ],
        [{ leadCapabilities: [LEAKS, LEAKS] }, "body.leadCapabilities"],
        [{ surprise: true }, "body.surprise"],
      ];
      for (const [body, field, code] of cases) {
        const response = await create(cluster.admin.client, body);
        expect(response.status, JSON.stringify(body)).toBe(400);
        expect(
          response.body.errors?.map((error) => error.field),
          JSON.stringify(body),
        ).toContain(field);
        if (code) expect(response.body.code).toBe(code);
      }
    });

    it("answers 403 for a lead the caller does not administer, 401 without a session", async () => {
      expect((await create(clusterMember.client, {})).status).toBe(403);
      expect((await create(admin.client, {})).status).toBe(403);
      expect((await create(platform.client(), {})).status).toBe(401);
    });

    it("starts consortia for published challenges only", async () => {
      const draft = await createDraft(platform, city.member.client, city.organisationId);
      const response = await create(cluster.admin.client, { challengeId: draft.id });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: "challenge_not_found",
        errors: [{ field: "body.challengeId" }],
      });
    });

    it("answers 404 for unknown consortia and invitations, 400 for malformed ids", async () => {
      expect((await get(cluster.admin.client, crypto.randomUUID())).status).toBe(404);
      expect((await get(cluster.admin.client, "not-an-id")).status).toBe(400);
      const unknown = await storm.admin.client.post<Problem>(
        `/api/v1/consortia/${consortium.id}/invitations/${crypto.randomUUID()}/accept`,
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe("invitation_not_found");
    });
  });
});
