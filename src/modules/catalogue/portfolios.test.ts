import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cityTeam, createDraft, publishedChallenge } from "../challenges/test/factories.ts";
import type { Portfolio, PortfolioSummary } from "./contract.ts";
import {
  addPortfolio,
  addSolution,
  affiliate,
  auditTrail,
  memberOf,
  organisationWithAdmin,
  type Person,
  type Problem,
  platformAdmin,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

describe("cluster portfolios", () => {
  let platform: WatchedPlatform;
  let clusterId: string;
  let clusterManager: Person;
  let clusterMember: Person;
  let memberCompanyId: string;
  let memberSolutionId: string;
  let outsideSolutionId: string;
  let city: { id: string; official: Person };
  let otherCity: { id: string; official: Person };
  let admin: Person;

  beforeAll(async () => {
    platform = await watchedPlatform();
    const cluster = await organisationWithAdmin(platform, "cluster");
    clusterId = cluster.organisation.id;
    clusterManager = cluster.admin;
    clusterMember = await memberOf(platform, clusterId, "member");
    const company = await organisationWithAdmin(platform, "company");
    memberCompanyId = company.organisation.id;
    await affiliate(platform, clusterId, memberCompanyId);
    memberSolutionId = (await addSolution(company.admin.client, memberCompanyId)).id;
    const outsider = await organisationWithAdmin(platform, "company");
    outsideSolutionId = (await addSolution(outsider.admin.client, outsider.organisation.id)).id;
    const madeCity = await organisationWithAdmin(platform, "city");
    city = { id: madeCity.organisation.id, official: madeCity.admin };
    const madeOther = await organisationWithAdmin(platform, "city");
    otherCity = { id: madeOther.organisation.id, official: madeOther.admin };
    admin = await platformAdmin(platform);
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const newPortfolio = () =>
    addPortfolio(clusterManager.client, {
      clusterId,
      title: "Cloudburst toolbox for Copenhagen",
      theme: "Cloudburst resilience",
    });

  it("lets the cluster's members curate its members' solutions and share with a city", async () => {
    const portfolio = await newPortfolio();
    expect(portfolio.abilities).toEqual({ edit: true, curate: true, share: true });
    const added = await clusterMember.client.post<Portfolio>(
      `/api/v1/portfolios/${portfolio.id}/items`,
      { solutionId: memberSolutionId, note: "Proven in three Danish towns" },
    );
    expect(added.status).toBe(200);
    expect(added.body.items).toEqual([
      expect.objectContaining({
        note: "Proven in three Danish towns",
        solution: expect.objectContaining({ id: memberSolutionId }),
      }),
    ]);
    const shared = await clusterMember.client.post<Portfolio>(
      `/api/v1/portfolios/${portfolio.id}/shares`,
      { organisationId: city.id },
    );
    expect(shared.status).toBe(200);
    expect(shared.body.sharedWith.map((o) => o.id)).toEqual([city.id]);

    const seenByCity = await city.official.client.get<Portfolio>(
      `/api/v1/portfolios/${portfolio.id}`,
    );
    expect(seenByCity.status).toBe(200);
    expect(seenByCity.body.abilities).toEqual({ edit: false, curate: false, share: false });
    expect(seenByCity.body.items).toHaveLength(1);
    const cityList = await city.official.client.get<{ portfolios: PortfolioSummary[] }>(
      "/api/v1/portfolios",
    );
    expect(cityList.body.portfolios.map((p) => p.id)).toContain(portfolio.id);

    const actions = (await auditTrail(platform))
      .filter((event) => event.subjectId === portfolio.id)
      .map((event) => event.action);
    expect(actions).toEqual(["portfolio.created", "portfolio.item_added", "portfolio.shared"]);
  });

  it("is invisible (404) to a city it is not shared with, and to outsiders", async () => {
    const portfolio = await newPortfolio();
    await clusterManager.client.post(`/api/v1/portfolios/${portfolio.id}/shares`, {
      organisationId: city.id,
    });
    const other = await otherCity.official.client.get<Problem>(
      `/api/v1/portfolios/${portfolio.id}`,
    );
    expect(other.status).toBe(404);
    expect(other.body.code).toBe("portfolio_not_found");
    const list = await otherCity.official.client.get<{ portfolios: PortfolioSummary[] }>(
      "/api/v1/portfolios",
    );
    expect(list.body.portfolios.map((p) => p.id)).not.toContain(portfolio.id);
    const stranger = await platform.signedIn();
    expect((await stranger.client.get(`/api/v1/portfolios/${portfolio.id}`)).status).toBe(404);
    expect((await platform.client().get(`/api/v1/portfolios/${portfolio.id}`)).status).toBe(401);
    expect((await admin.client.get(`/api/v1/portfolios/${portfolio.id}`)).status).toBe(200);

    // Unsharing takes it away again.
    await clusterManager.client.delete(`/api/v1/portfolios/${portfolio.id}/shares/${city.id}`);
    expect((await city.official.client.get(`/api/v1/portfolios/${portfolio.id}`)).status).toBe(404);
  });

  it("refuses solutions from outside the cluster, and sharing with anything but a city", async () => {
    const portfolio = await newPortfolio();
    const outside = await clusterManager.client.post<Problem>(
      `/api/v1/portfolios/${portfolio.id}/items`,
      { solutionId: outsideSolutionId },
    );
    expect(outside.status).toBe(400);
    expect(outside.body).toMatchObject({
      code: "solution_not_from_cluster",
      errors: [{ field: "body.solutionId" }],
    });
    const notCity = await clusterManager.client.post<Problem>(
      `/api/v1/portfolios/${portfolio.id}/shares`,
      { organisationId: memberCompanyId },
    );
    expect(notCity.status).toBe(400);
    expect(notCity.body.errors?.[0]?.field).toBe("body.organisationId");
  });

  it("lets a city read but not change a shared portfolio", async () => {
    const portfolio = await newPortfolio();
    await clusterManager.client.post(`/api/v1/portfolios/${portfolio.id}/shares`, {
      organisationId: city.id,
    });
    const edit = await city.official.client.patch(`/api/v1/portfolios/${portfolio.id}`, {
      title: "Hijacked",
    });
    expect(edit.status).toBe(403);
    const curate = await city.official.client.post(`/api/v1/portfolios/${portfolio.id}/items`, {
      solutionId: memberSolutionId,
    });
    expect(curate.status).toBe(403);
  });

  it("edits, removes items and deletes", async () => {
    const portfolio = await newPortfolio();
    await clusterManager.client.post(`/api/v1/portfolios/${portfolio.id}/items`, {
      solutionId: memberSolutionId,
    });
    const edited = await clusterMember.client.patch<Portfolio>(
      `/api/v1/portfolios/${portfolio.id}`,
      {
        title: "Cloudburst toolbox, 2027 edition",
      },
    );
    expect(edited.body.title).toBe("Cloudburst toolbox, 2027 edition");
    const removed = await clusterMember.client.delete(
      `/api/v1/portfolios/${portfolio.id}/items/${memberSolutionId}`,
    );
    expect(removed.status).toBe(204);
    const again = await clusterMember.client.delete<Problem>(
      `/api/v1/portfolios/${portfolio.id}/items/${memberSolutionId}`,
    );
    expect(again.status).toBe(404);
    expect((await clusterManager.client.delete(`/api/v1/portfolios/${portfolio.id}`)).status).toBe(
      204,
    );
    expect((await clusterManager.client.get(`/api/v1/portfolios/${portfolio.id}`)).status).toBe(
      404,
    );
  });

  it("needs a theme or a challenge, and a cluster", async () => {
    const noTheme = await clusterManager.client.post<Problem>("/api/v1/portfolios", {
      clusterId,
      title: "Untitled theme",
    });
    expect(noTheme.status).toBe(400);
    expect(noTheme.body.errors?.[0]?.field).toBe("body.theme");
    const company = await organisationWithAdmin(platform, "company");
    const notCluster = await company.admin.client.post<Problem>("/api/v1/portfolios", {
      clusterId: company.organisation.id,
      title: "Our own list",
      theme: "Leaks",
    });
    expect(notCluster.status).toBe(400);
    expect(notCluster.body.errors?.[0]?.field).toBe("body.clusterId");
  });

  it("links a portfolio to a published challenge only, naming the field otherwise", async () => {
    const team = await cityTeam(platform, "Copenhagen");
    const open = await publishedChallenge(platform, team);
    const draft = await createDraft(platform, team.member.client, team.organisationId);
    const body = (challengeId: string) => ({
      clusterId,
      title: "For a challenge",
      challengeId,
    });
    const linked = await clusterManager.client.post<Portfolio>("/api/v1/portfolios", body(open.id));
    expect(linked.status).toBe(201);
    expect(linked.body.challengeId).toBe(open.id);
    for (const challengeId of [draft.id, "3f1c7a52-9b7e-4c7e-8a51-0c1d2e3f4a5b"]) {
      const refused = await clusterManager.client.post<Problem>(
        "/api/v1/portfolios",
        body(challengeId),
      );
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([
        { field: "body.challengeId", message: "is no published challenge" },
      ]);
    }
    const moved = await clusterManager.client.patch<Problem>(
      `/api/v1/portfolios/${linked.body.id}`,
      { challengeId: draft.id },
    );
    expect(moved.status).toBe(400);
  });
});
