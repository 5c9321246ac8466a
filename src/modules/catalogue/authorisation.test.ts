import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TestClient, TestResponse } from "../../core/testing/http-client.ts";
import { seedMembership } from "../organisations/index.ts";
import {
  addPortfolio,
  addSolution,
  affiliate,
  memberOf,
  organisationWithAdmin,
  type Person,
  platformAdmin,
  solutionBody,
  tinyPng,
  uploadImage,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/**
 * Who may call each catalogue route. Every cell is written out: the allowed actors succeed,
 * the others are refused (401 unsigned, 403 seen but not theirs, 404 not theirs to see).
 */
const actors = [
  "anonymous",
  /** An admin of another company: a role elsewhere grants nothing here. */
  "memberElsewhere",
  /** A member of the provider company and of the cluster that curates the portfolio. */
  "owner",
  /** A member of the city the portfolio is shared with. */
  "sharedCity",
  "platformAdmin",
] as const;
type Actor = (typeof actors)[number];
type Statuses = Record<Actor, number>;

const everyone = (status: number): Statuses => ({
  anonymous: status,
  memberElsewhere: status,
  owner: status,
  sharedCity: status,
  platformAdmin: status,
});
const ownersAndAdmins = (allowed: number): Statuses => ({
  anonymous: 401,
  memberElsewhere: 403,
  owner: allowed,
  sharedCity: 403,
  platformAdmin: allowed,
});
const platformAdminsOnly = (allowed: number): Statuses => ({
  anonymous: 401,
  memberElsewhere: 403,
  owner: 403,
  sharedCity: 403,
  platformAdmin: allowed,
});
/** Portfolio routes: the shared city reads but may not change; others do not see it at all. */
const curators = (allowed: number): Statuses => ({
  anonymous: 401,
  memberElsewhere: 404,
  owner: allowed,
  sharedCity: 403,
  platformAdmin: allowed,
});

describe("catalogue: who may call which route", () => {
  let platform: WatchedPlatform;
  let companyId: string;
  let clusterId: string;
  let cityId: string;
  let ownerClient: TestClient;
  const people = {} as Record<Exclude<Actor, "anonymous">, Person>;
  const client = (actor: Actor): TestClient =>
    actor === "anonymous" ? platform.client() : people[actor].client;

  beforeAll(async () => {
    platform = await watchedPlatform();
    const company = await organisationWithAdmin(platform, "company");
    companyId = company.organisation.id;
    const cluster = await organisationWithAdmin(platform, "cluster");
    clusterId = cluster.organisation.id;
    await affiliate(platform, clusterId, companyId);
    const city = await organisationWithAdmin(platform, "city");
    cityId = city.organisation.id;
    people.sharedCity = city.admin;
    people.owner = await memberOf(platform, companyId, "member");
    await seedMembership(platform.ctx, clusterId, people.owner.userId, "member");
    people.memberElsewhere = (await organisationWithAdmin(platform, "company")).admin;
    people.platformAdmin = await platformAdmin(platform);
    ownerClient = people.owner.client;
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  async function statusesOf(run: (client: TestClient) => Promise<TestResponse>): Promise<Statuses> {
    const statuses = {} as Statuses;
    for (const actor of actors) statuses[actor] = (await run(client(actor))).status;
    return statuses;
  }

  const freshSolution = async () => (await addSolution(ownerClient, companyId)).id;
  const freshPortfolio = async (shared = true) => {
    const portfolio = await addPortfolio(ownerClient, {
      clusterId,
      title: "Leak detection for Paris",
      theme: "Water losses",
    });
    if (shared) {
      await ownerClient.post(`/api/v1/portfolios/${portfolio.id}/shares`, {
        organisationId: cityId,
      });
    }
    return portfolio.id;
  };

  it("solutions", async () => {
    const id = await freshSolution();
    expect(await statusesOf((c) => c.get("/api/v1/solutions?q=leak"))).toEqual(everyone(200));
    expect(await statusesOf((c) => c.post("/api/v1/solutions", solutionBody(companyId)))).toEqual(
      ownersAndAdmins(201),
    );
    expect(await statusesOf((c) => c.get(`/api/v1/solutions/${id}`))).toEqual(everyone(200));
    expect(
      await statusesOf((c) =>
        c.patch(`/api/v1/solutions/${id}`, { summary: "A new summary, longer." }),
      ),
    ).toEqual(ownersAndAdmins(200));
    expect(await statusesOf((c) => c.get(`/api/v1/solutions/${id}/versions`))).toEqual(
      ownersAndAdmins(200),
    );
    expect(
      await statusesOf(async (c) => c.post(`/api/v1/solutions/${await freshSolution()}/archive`)),
    ).toEqual(ownersAndAdmins(204));
    expect(await statusesOf((c) => c.get(`/api/v1/organisations/${companyId}/solutions`))).toEqual(
      everyone(200),
    );
  });

  it("archived solutions are seen by their provider and admins only", async () => {
    const id = await freshSolution();
    await ownerClient.post(`/api/v1/solutions/${id}/archive`);
    expect(await statusesOf((c) => c.get(`/api/v1/solutions/${id}`))).toEqual({
      anonymous: 404,
      memberElsewhere: 404,
      owner: 200,
      sharedCity: 404,
      platformAdmin: 200,
    });
  });

  it("solution images: whoever may edit the solution adds and removes them; anyone sees them", async () => {
    const id = await freshSolution();
    expect(await statusesOf((c) => uploadImage(c, id, tinyPng()))).toEqual(ownersAndAdmins(201));
    const image = async () =>
      (await uploadImage(ownerClient, id, tinyPng())).body.media.at(-1)!.url;
    const url = await image();
    expect(await statusesOf((c) => c.get(url))).toEqual(everyone(200));
    expect(await statusesOf(async (c) => c.delete(await image()))).toEqual(ownersAndAdmins(200));
  });

  it("an archived solution's images are seen by its provider and admins only", async () => {
    const id = await freshSolution();
    const url = (await uploadImage(ownerClient, id, tinyPng())).body.media[0]!.url;
    await ownerClient.post(`/api/v1/solutions/${id}/archive`);
    expect(await statusesOf((c) => c.get(url))).toEqual({
      anonymous: 404,
      memberElsewhere: 404,
      owner: 200,
      sharedCity: 404,
      platformAdmin: 200,
    });
  });

  it("taxonomy", async () => {
    let n = 0;
    expect(await statusesOf((c) => c.get("/api/v1/capabilities?locale=es"))).toEqual(everyone(200));
    expect(await statusesOf((c) => c.get("/api/v1/capabilities/water.leak-detection"))).toEqual(
      everyone(200),
    );
    expect(
      await statusesOf((c) => {
        n += 1;
        return c.post("/api/v1/capabilities", {
          code: `water.pilot-${n}`,
          parent: "water",
          labels: { en: `Pilot capability ${n}` },
        });
      }),
    ).toEqual(platformAdminsOnly(201));
    expect(
      await statusesOf((c) =>
        c.post("/api/v1/capabilities/water.leak-detection/synonyms", {
          locale: "fr",
          synonyms: ["fuites"],
        }),
      ),
    ).toEqual(platformAdminsOnly(200));
    expect(
      await statusesOf((c) => c.post("/api/v1/capabilities/map-tags", { tags: ["stormwater"] })),
    ).toEqual(everyone(200));
  });

  it("portfolios", async () => {
    const id = await freshPortfolio();
    const solutionId = await freshSolution();
    expect(await statusesOf((c) => c.get("/api/v1/portfolios"))).toEqual({
      ...everyone(200),
      anonymous: 401,
    });
    expect(
      await statusesOf((c) =>
        c.post("/api/v1/portfolios", { clusterId, title: "Another list", theme: "Heat" }),
      ),
    ).toEqual({ ...ownersAndAdmins(201) });
    expect(await statusesOf((c) => c.get(`/api/v1/portfolios/${id}`))).toEqual({
      ...curators(200),
      sharedCity: 200,
    });
    expect(
      await statusesOf((c) => c.patch(`/api/v1/portfolios/${id}`, { description: "Updated." })),
    ).toEqual(curators(200));
    expect(
      await statusesOf((c) => c.post(`/api/v1/portfolios/${id}/items`, { solutionId })),
    ).toEqual(curators(200));
    expect(
      await statusesOf(async (c) => {
        await ownerClient.post(`/api/v1/portfolios/${id}/items`, { solutionId });
        return c.delete(`/api/v1/portfolios/${id}/items/${solutionId}`);
      }),
    ).toEqual(curators(204));
    expect(
      await statusesOf((c) =>
        c.post(`/api/v1/portfolios/${id}/shares`, { organisationId: cityId }),
      ),
    ).toEqual(curators(200));
    expect(
      await statusesOf(async (c) => {
        await ownerClient.post(`/api/v1/portfolios/${id}/shares`, { organisationId: cityId });
        return c.delete(`/api/v1/portfolios/${id}/shares/${cityId}`);
      }),
    ).toEqual(curators(204));
    expect(
      await statusesOf(async (c) => c.delete(`/api/v1/portfolios/${await freshPortfolio()}`)),
    ).toEqual(curators(204));
  });
});
