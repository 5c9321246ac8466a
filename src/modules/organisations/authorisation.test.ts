import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TestClient, TestResponse } from "../../core/testing/http-client.ts";
import type { Organisation } from "./contract.ts";
import {
  createOrganisation,
  invite,
  memberOf,
  organisationWithAdmin,
  type Person,
  platformAdmin,
  tinyPng,
  uniqueEmail,
  uploadLogo,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/**
 * Who may call each organisations route. Every cell is written out: the allowed actors succeed,
 * every other actor is refused, and refusals leak nothing private.
 */
const actors = [
  "anonymous",
  "outsider",
  /** An admin of another organisation: a role elsewhere grants nothing here. */
  "memberElsewhere",
  "member",
  "orgAdmin",
  "platformAdmin",
  /** Platform staff without admin powers. */
  "moderator",
] as const;
type Actor = (typeof actors)[number];
type Statuses = Record<Actor, number>;

/** Statuses that repeat: everyone allowed, or only the organisation's admins and platform admins. */
const everyone = (status: number): Statuses => ({
  anonymous: status,
  outsider: status,
  memberElsewhere: status,
  member: status,
  orgAdmin: status,
  platformAdmin: status,
  moderator: status,
});

describe("organisations: who may call which route", () => {
  let platform: WatchedPlatform;
  let organisation: Organisation;
  let clusterAdmin: Person;
  const people = {} as Record<Exclude<Actor, "anonymous">, Person>;
  const client = (actor: Actor): TestClient =>
    actor === "anonymous" ? platform.client() : people[actor].client;

  beforeAll(async () => {
    platform = await watchedPlatform();
    const created = await organisationWithAdmin(platform, {
      kind: "company",
      name: "Matrix Solar Roofs",
    });
    organisation = created.organisation;
    people.orgAdmin = created.admin;
    people.member = await memberOf(platform, organisation.id);
    people.memberElsewhere = (
      await organisationWithAdmin(platform, { kind: "company", name: "Matrix Elsewhere Ltd" })
    ).admin;
    people.outsider = await platform.signedIn();
    people.platformAdmin = await platformAdmin(platform);
    people.moderator = await platform.signedIn({ platformRoles: ["moderator"] });
    clusterAdmin = await platform.signedIn();
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  /** Calls the route once per actor (with fresh state from `run`) and collects the statuses. */
  async function statusesOf(
    run: (client: TestClient, actor: Actor) => Promise<TestResponse>,
  ): Promise<Statuses> {
    const statuses = {} as Statuses;
    for (const actor of actors) statuses[actor] = (await run(client(actor), actor)).status;
    return statuses;
  }

  const id = () => organisation.id;
  const adminsOnly = (allowed: number): Statuses => ({
    anonymous: 401,
    outsider: 403,
    memberElsewhere: 403,
    member: 403,
    orgAdmin: allowed,
    platformAdmin: allowed,
    moderator: 403,
  });

  async function freshCluster(): Promise<string> {
    const response = await createOrganisation(clusterAdmin.client, { kind: "cluster" });
    return response.body.id;
  }

  async function memberEmails(): Promise<string[]> {
    const response = await people.orgAdmin.client.get<{ members: Array<{ email: string }> }>(
      `/api/v1/organisations/${id()}/members`,
    );
    return response.body.members.map((member) => member.email);
  }

  const routes: Record<string, () => Promise<void>> = {
    "GET /api/v1/cities": async () => {
      expect(await statusesOf((c) => c.get("/api/v1/cities"))).toEqual(everyone(200));
    },
    "GET /api/v1/network/overview": async () => {
      expect(await statusesOf((c) => c.get("/api/v1/network/overview"))).toEqual(everyone(200));
    },
    "GET /api/v1/organisations": async () => {
      expect(await statusesOf((c) => c.get("/api/v1/organisations"))).toEqual(everyone(200));
    },
    "POST /api/v1/organisations": async () => {
      const statuses = await statusesOf((c) => createOrganisation(c, { kind: "research" }));
      expect(statuses).toEqual({ ...everyone(201), anonymous: 401 });
    },
    "GET /api/v1/organisations/{ref}": async () => {
      const seen: Record<string, unknown> = {};
      const statuses = await statusesOf(async (c, actor) => {
        const response = await c.get<Organisation>(`/api/v1/organisations/${organisation.slug}`);
        seen[actor] = { myRole: response.body.myRole, ...response.body.abilities };
        // The public profile never names people.
        expect(JSON.stringify(response.body)).not.toContain("@");
        return response;
      });
      expect(statuses).toEqual(everyone(200));
      const none = { edit: false, manageMembers: false, verify: false, leave: false };
      expect(seen).toEqual({
        anonymous: { myRole: null, ...none, manageAffiliations: false },
        outsider: { myRole: null, ...none, manageAffiliations: false },
        memberElsewhere: { myRole: null, ...none, manageAffiliations: false },
        member: { myRole: "member", ...none, leave: true, manageAffiliations: false },
        orgAdmin: {
          myRole: "admin",
          edit: true,
          manageMembers: true,
          verify: false,
          leave: false, // the only admin cannot leave
          manageAffiliations: true,
        },
        platformAdmin: {
          myRole: null,
          edit: true,
          manageMembers: true,
          verify: true,
          leave: false,
          manageAffiliations: true,
        },
        moderator: { myRole: null, ...none, manageAffiliations: false },
      });
    },
    "PATCH /api/v1/organisations/{id}": async () => {
      const statuses = await statusesOf((c, actor) =>
        c.patch(`/api/v1/organisations/${id()}`, { description: `Edited by ${actor}` }),
      );
      expect(statuses).toEqual(adminsOnly(200));
      const after = await platform.client().get<Organisation>(`/api/v1/organisations/${id()}`);
      expect(after.body.description).toBe("Edited by platformAdmin");
    },
    "PUT /api/v1/organisations/{id}/logo": async () => {
      const statuses = await statusesOf((c) => uploadLogo(c, id(), tinyPng(), "image/png"));
      expect(statuses).toEqual(adminsOnly(204));
    },
    "GET /api/v1/organisations/{id}/logo": async () => {
      await uploadLogo(people.orgAdmin.client, id(), tinyPng(), "image/png");
      expect(await statusesOf((c) => c.get(`/api/v1/organisations/${id()}/logo`))).toEqual(
        everyone(200),
      );
    },
    "DELETE /api/v1/organisations/{id}/logo": async () => {
      const statuses = await statusesOf(async (c) => {
        await uploadLogo(people.orgAdmin.client, id(), tinyPng(), "image/png");
        return c.delete(`/api/v1/organisations/${id()}/logo`);
      });
      expect(statuses).toEqual(adminsOnly(204));
    },
    "POST /api/v1/organisations/{id}/verification": async () => {
      const statuses = await statusesOf((c) =>
        c.post(`/api/v1/organisations/${id()}/verification`, { verified: true }),
      );
      expect(statuses).toEqual({ ...adminsOnly(403), anonymous: 401, platformAdmin: 200 });
      // Withdraw it again for the other cells.
      await people.platformAdmin.client.post(`/api/v1/organisations/${id()}/verification`, {
        verified: false,
      });
    },
    "GET /api/v1/organisations/{id}/members": async () => {
      const emails = await memberEmails();
      expect(emails).toEqual(expect.arrayContaining([people.orgAdmin.email, people.member.email]));
      const statuses = await statusesOf(async (c) => {
        const response = await c.get(`/api/v1/organisations/${id()}/members`);
        if (response.status !== 200) {
          for (const email of emails) expect(JSON.stringify(response.body)).not.toContain(email);
        }
        return response;
      });
      expect(statuses).toEqual({
        anonymous: 401,
        outsider: 403,
        memberElsewhere: 403,
        member: 200,
        orgAdmin: 200,
        platformAdmin: 200,
        moderator: 200,
      });
    },
    "PATCH /api/v1/organisations/{id}/members/{userId}": async () => {
      const promoted: string[] = [];
      const statuses = await statusesOf(async (c) => {
        const target = await memberOf(platform, id());
        const response = await c.patch(`/api/v1/organisations/${id()}/members/${target.userId}`, {
          role: "admin",
        });
        const members = await people.orgAdmin.client.get<{
          members: Array<{ userId: string; role: string }>;
        }>(`/api/v1/organisations/${id()}/members`);
        const role = members.body.members.find((m) => m.userId === target.userId)?.role;
        if (role === "admin") promoted.push(target.userId);
        return response;
      });
      expect(statuses).toEqual(adminsOnly(204));
      expect(promoted).toHaveLength(2);
    },
    "DELETE /api/v1/organisations/{id}/members/{userId}": async () => {
      const statuses = await statusesOf(async (c) => {
        const target = await memberOf(platform, id());
        const response = await c.delete(`/api/v1/organisations/${id()}/members/${target.userId}`);
        const stillThere = (await memberEmails()).includes(target.email);
        expect(stillThere).toBe(response.status !== 204);
        return response;
      });
      expect(statuses).toEqual(adminsOnly(204));
    },
    "GET /api/v1/organisations/{id}/invitations": async () => {
      const invitee = uniqueEmail("invitee");
      await invite(platform, people.orgAdmin.client, id(), invitee);
      const statuses = await statusesOf(async (c) => {
        const response = await c.get(`/api/v1/organisations/${id()}/invitations`);
        expect(JSON.stringify(response.body).includes(invitee)).toBe(response.status === 200);
        return response;
      });
      expect(statuses).toEqual(adminsOnly(200));
    },
    "POST /api/v1/organisations/{id}/invitations": async () => {
      const statuses = await statusesOf(async (c) => {
        const email = uniqueEmail("invited");
        const response = await c.post(`/api/v1/organisations/${id()}/invitations`, { email });
        await platform.runJobs();
        expect(platform.mailer.lastTo(email) !== undefined).toBe(response.status === 201);
        return response;
      });
      expect(statuses).toEqual(adminsOnly(201));
    },
    "DELETE /api/v1/organisations/{id}/invitations/{invitationId}": async () => {
      const statuses = await statusesOf(async (c) => {
        const sent = await invite(platform, people.orgAdmin.client, id(), uniqueEmail("revoke"));
        return c.delete(`/api/v1/organisations/${id()}/invitations/${sent.id}`);
      });
      expect(statuses).toEqual(adminsOnly(204));
    },
    "POST /api/v1/invitations/preview": async () => {
      const sent = await invite(platform, people.orgAdmin.client, id(), uniqueEmail("preview"));
      // The token from the mail is the capability: whoever holds it may look.
      const statuses = await statusesOf((c) =>
        c.post("/api/v1/invitations/preview", { token: sent.token }),
      );
      expect(statuses).toEqual(everyone(200));
    },
    "POST /api/v1/invitations/accept": async () => {
      const inviteeEmail = uniqueEmail("addressee");
      const sent = await invite(platform, people.orgAdmin.client, id(), inviteeEmail);
      const statuses = await statusesOf((c) =>
        c.post("/api/v1/invitations/accept", { token: sent.token }),
      );
      expect(statuses).toEqual({ ...everyone(403), anonymous: 401 });
      // Only the person it was sent to may accept.
      const invitee = await platform.signedIn({ email: inviteeEmail });
      const accepted = await invitee.client.post("/api/v1/invitations/accept", {
        token: sent.token,
      });
      expect(accepted.status).toBe(200);
    },
    "POST /api/v1/invitations/decline": async () => {
      const inviteeEmail = uniqueEmail("decliner");
      const sent = await invite(platform, people.orgAdmin.client, id(), inviteeEmail);
      const statuses = await statusesOf((c) =>
        c.post("/api/v1/invitations/decline", { token: sent.token }),
      );
      expect(statuses).toEqual({ ...everyone(403), anonymous: 401 });
      const invitee = await platform.signedIn({ email: inviteeEmail });
      const declined = await invitee.client.post("/api/v1/invitations/decline", {
        token: sent.token,
      });
      expect(declined.status).toBe(204);
    },
    "GET /api/v1/me/organisations": async () => {
      const mine: Record<string, boolean> = {};
      const statuses = await statusesOf(async (c, actor) => {
        const response = await c.get<{ memberships: Array<{ organisation: { id: string } }> }>(
          "/api/v1/me/organisations",
        );
        if (response.status === 200) {
          mine[actor] = response.body.memberships.some((m) => m.organisation.id === id());
        }
        return response;
      });
      expect(statuses).toEqual({ ...everyone(200), anonymous: 401 });
      expect(mine).toEqual({
        outsider: false,
        memberElsewhere: false,
        member: true,
        orgAdmin: true,
        platformAdmin: false,
        moderator: false,
      });
    },
    "GET /api/v1/organisations/{id}/affiliations": async () => {
      const clusterId = await freshCluster();
      const pending = await clusterAdmin.client.post<{ id: string; status: string }>(
        "/api/v1/affiliations",
        { parentId: clusterId, memberId: id() },
      );
      expect(pending.body.status).toBe("pending");
      const seesPending: Record<string, boolean> = {};
      const statuses = await statusesOf(async (c, actor) => {
        const response = await c.get<{ affiliations: Array<{ id: string }> }>(
          `/api/v1/organisations/${id()}/affiliations`,
        );
        seesPending[actor] = response.body.affiliations.some((a) => a.id === pending.body.id);
        return response;
      });
      expect(statuses).toEqual(everyone(200));
      expect(seesPending).toEqual({
        anonymous: false,
        outsider: false,
        memberElsewhere: false,
        member: false,
        orgAdmin: true,
        platformAdmin: true,
        moderator: false,
      });
      // The other side's admin sees it from their organisation.
      const fromCluster = await clusterAdmin.client.get<{ affiliations: Array<{ id: string }> }>(
        `/api/v1/organisations/${clusterId}/affiliations`,
      );
      expect(fromCluster.body.affiliations.map((a) => a.id)).toContain(pending.body.id);
    },
    "POST /api/v1/affiliations": async () => {
      const statuses = await statusesOf(async (c) =>
        c.post("/api/v1/affiliations", { parentId: await freshCluster(), memberId: id() }),
      );
      expect(statuses).toEqual(adminsOnly(201));
    },
    "POST /api/v1/affiliations/{id}/accept": async () => {
      const statuses = await statusesOf(async (c) => {
        const proposed = await clusterAdmin.client.post<{ id: string }>("/api/v1/affiliations", {
          parentId: await freshCluster(),
          memberId: id(),
        });
        return c.post(`/api/v1/affiliations/${proposed.body.id}/accept`);
      });
      expect(statuses).toEqual(adminsOnly(204));
    },
    "DELETE /api/v1/affiliations/{id}": async () => {
      const statuses = await statusesOf(async (c) => {
        const active = await people.platformAdmin.client.post<{ id: string }>(
          "/api/v1/affiliations",
          { parentId: await freshCluster(), memberId: id() },
        );
        return c.delete(`/api/v1/affiliations/${active.body.id}`);
      });
      expect(statuses).toEqual(adminsOnly(204));
    },
  };

  for (const [route, check] of Object.entries(routes)) it(route, check);

  it("covers every organisations route", async () => {
    const document = await platform
      .client()
      .get<{ paths: Record<string, Record<string, unknown>> }>("/api/openapi.json");
    const prefixes = [
      "/api/v1/cities",
      "/api/v1/network",
      "/api/v1/organisations",
      "/api/v1/invitations",
      "/api/v1/affiliations",
      "/api/v1/me/organisations",
    ];
    const served = Object.entries(document.body.paths)
      .filter(([path]) => prefixes.some((prefix) => path.startsWith(prefix)))
      .flatMap(([path, methods]) =>
        Object.entries(methods)
          // Other modules serve under an organisation's address too (its solutions: catalogue).
          .filter(([, operation]) =>
            (operation as { tags?: string[] }).tags?.some((tag) =>
              ["organisations", "admin"].includes(tag),
            ),
          )
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      );
    expect(served.sort()).toEqual(Object.keys(routes).sort());
  });
});
