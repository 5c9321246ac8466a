import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Affiliation, Organisation, OrganisationKind } from "./contract.ts";
import {
  auditMark,
  auditSince,
  organisationWithAdmin,
  type Person,
  platformAdmin,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

describe("affiliations", () => {
  let platform: WatchedPlatform;
  let staff: Person;
  beforeAll(async () => {
    platform = await watchedPlatform();
    staff = await platformAdmin(platform);
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const make = (kind: OrganisationKind) => organisationWithAdmin(platform, { kind });

  function propose(by: Person, parentId: string, memberId: string) {
    return by.client.post<{ id: string; status: string; code?: string }>("/api/v1/affiliations", {
      parentId,
      memberId,
    });
  }

  async function openAffiliations(organisationId: string, as: Person): Promise<Affiliation[]> {
    const response = await as.client.get<{ affiliations: Affiliation[] }>(
      `/api/v1/organisations/${organisationId}/affiliations`,
    );
    return response.body.affiliations;
  }

  const profile = async (id: string) =>
    (await platform.client().get<Organisation>(`/api/v1/organisations/${id}`)).body;

  it("proposed by a company's admin, waits for the cluster's admin, who accepts it", async () => {
    const company = await make("company");
    const cluster = await make("cluster");
    const mark = await auditMark(platform);

    const proposed = await propose(company.admin, cluster.organisation.id, company.organisation.id);
    expect(proposed.status).toBe(201);
    expect(proposed.body.status).toBe("pending");
    const seen = await openAffiliations(cluster.organisation.id, cluster.admin);
    expect(seen).toEqual([
      expect.objectContaining({ id: proposed.body.id, status: "pending", awaiting: "parent" }),
    ]);
    // Not yet part of either profile.
    expect((await profile(company.organisation.id)).memberOf).toEqual([]);

    // The proposing side cannot accept its own proposal.
    const selfAccept = await company.admin.client.post(
      `/api/v1/affiliations/${proposed.body.id}/accept`,
    );
    expect(selfAccept.status).toBe(403);
    expect((await openAffiliations(company.organisation.id, company.admin))[0]?.status).toBe(
      "pending",
    );

    const accepted = await cluster.admin.client.post(
      `/api/v1/affiliations/${proposed.body.id}/accept`,
    );
    expect(accepted.status).toBe(204);
    expect((await profile(company.organisation.id)).memberOf.map((o) => o.id)).toEqual([
      cluster.organisation.id,
    ]);
    expect((await profile(cluster.organisation.id)).members.map((o) => o.id)).toEqual([
      company.organisation.id,
    ]);
    // An active affiliation is public.
    const anonymous = await platform
      .client()
      .get<{ affiliations: Affiliation[] }>(
        `/api/v1/organisations/${company.organisation.id}/affiliations`,
      );
    expect(anonymous.body.affiliations.map((a) => [a.id, a.status])).toEqual([
      [proposed.body.id, "active"],
    ]);

    const events = await auditSince(platform, mark);
    expect(events.map((event) => event.action)).toEqual([
      "organisation.affiliation_proposed",
      "organisation.affiliation_accepted",
    ]);
    expect(events[1]?.actorId).toBe(cluster.admin.userId);
  });

  it("proposed by the cluster's admin, waits for the company's admin", async () => {
    const company = await make("research");
    const cluster = await make("cluster");
    const proposed = await propose(cluster.admin, cluster.organisation.id, company.organisation.id);
    expect(proposed.body.status).toBe("pending");
    const seen = await openAffiliations(company.organisation.id, company.admin);
    expect(seen[0]?.awaiting).toBe("member");
    expect(
      (await cluster.admin.client.post(`/api/v1/affiliations/${proposed.body.id}/accept`)).status,
    ).toBe(403);
    expect(
      (await company.admin.client.post(`/api/v1/affiliations/${proposed.body.id}/accept`)).status,
    ).toBe(204);
  });

  it("can be ended by either side, and then proposed again", async () => {
    const company = await make("company");
    const cluster = await make("cluster");
    for (const ender of [company.admin, cluster.admin]) {
      const proposed = await propose(
        company.admin,
        cluster.organisation.id,
        company.organisation.id,
      );
      await cluster.admin.client.post(`/api/v1/affiliations/${proposed.body.id}/accept`);
      const mark = await auditMark(platform);
      expect((await ender.client.delete(`/api/v1/affiliations/${proposed.body.id}`)).status).toBe(
        204,
      );
      expect((await auditSince(platform, mark)).map((event) => event.action)).toEqual([
        "organisation.affiliation_ended",
      ]);
      expect((await profile(company.organisation.id)).memberOf).toEqual([]);
      expect(await openAffiliations(company.organisation.id, company.admin)).toEqual([]);
      // Ending twice finds nothing open.
      expect((await ender.client.delete(`/api/v1/affiliations/${proposed.body.id}`)).status).toBe(
        404,
      );
    }
  });

  it("can be withdrawn or declined while pending", async () => {
    const company = await make("company");
    const cluster = await make("cluster");
    const withdrawn = await propose(
      company.admin,
      cluster.organisation.id,
      company.organisation.id,
    );
    expect(
      (await company.admin.client.delete(`/api/v1/affiliations/${withdrawn.body.id}`)).status,
    ).toBe(204);
    const declined = await propose(company.admin, cluster.organisation.id, company.organisation.id);
    expect(
      (await cluster.admin.client.delete(`/api/v1/affiliations/${declined.body.id}`)).status,
    ).toBe(204);
    expect(
      (await cluster.admin.client.post(`/api/v1/affiliations/${declined.body.id}/accept`)).status,
    ).toBe(404);
    expect((await profile(company.organisation.id)).memberOf).toEqual([]);
  });

  it("is active at once when a platform admin proposes it", async () => {
    const cluster = await make("cluster");
    const network = await make("network");
    const mark = await auditMark(platform);
    const proposed = await propose(staff, network.organisation.id, cluster.organisation.id);
    expect(proposed.status).toBe(201);
    expect(proposed.body.status).toBe("active");
    expect((await profile(cluster.organisation.id)).memberOf.map((o) => o.id)).toEqual([
      network.organisation.id,
    ]);
    expect((await auditSince(platform, mark)).map((event) => event.action)).toEqual([
      "organisation.affiliation_proposed",
      "organisation.affiliation_accepted",
    ]);
  });

  it("refuses a second open request for the same pair", async () => {
    const company = await make("company");
    const cluster = await make("cluster");
    await propose(company.admin, cluster.organisation.id, company.organisation.id);
    const again = await propose(cluster.admin, cluster.organisation.id, company.organisation.id);
    expect(again.status).toBe(409);
  });

  describe("refuses pairs that cannot be affiliated", () => {
    const pairs: Array<[member: OrganisationKind, parent: OrganisationKind]> = [
      ["company", "network"],
      ["cluster", "company"],
      ["company", "company"],
      ["research", "funder"],
      ["network", "cluster"],
      ["funder", "network"],
    ];
    it.each(pairs)("%s joining a %s: 400", async (memberKind, parentKind) => {
      const member = await make(memberKind);
      const parent = await make(parentKind);
      const mark = await auditMark(platform);
      for (const proposer of [member.admin, parent.admin, staff]) {
        const refused = await propose(proposer, parent.organisation.id, member.organisation.id);
        expect(refused.status).toBe(400);
        expect(refused.body.code).toBe("affiliation_not_allowed");
      }
      expect(await auditSince(platform, mark)).toEqual([]);
    });

    it("an organisation joining itself: 400", async () => {
      const cluster = await make("cluster");
      const refused = await propose(staff, cluster.organisation.id, cluster.organisation.id);
      expect(refused.status).toBe(400);
    });
  });

  it("accepts the pairs the network is made of", async () => {
    const allowed: Array<[OrganisationKind, OrganisationKind]> = [
      ["company", "cluster"],
      ["research", "cluster"],
      ["cluster", "network"],
      ["city", "network"],
    ];
    for (const [memberKind, parentKind] of allowed) {
      const member =
        memberKind === "city"
          ? await organisationWithAdmin(platform, {
              kind: "city",
              cityId: (
                await platform.client().get<{ cities: Array<{ id: string }> }>("/api/v1/cities")
              ).body.cities[0]!.id,
            })
          : await make(memberKind);
      const parent = await make(parentKind);
      const proposed = await propose(staff, parent.organisation.id, member.organisation.id);
      expect([memberKind, parentKind, proposed.status]).toEqual([memberKind, parentKind, 201]);
    }
  });

  it("answers 404 for unknown organisations or affiliations", async () => {
    const cluster = await make("cluster");
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await propose(staff, cluster.organisation.id, unknown)).status).toBe(404);
    expect((await staff.client.post(`/api/v1/affiliations/${unknown}/accept`)).status).toBe(404);
    expect((await staff.client.delete(`/api/v1/affiliations/${unknown}`)).status).toBe(404);
  });
});
