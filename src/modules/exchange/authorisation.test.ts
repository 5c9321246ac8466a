import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { seedMembership } from "../organisations/index.ts";
import {
  bundleOf,
  clusterWithMember,
  createTestPlatform,
  importBundle,
  importCsv,
  type Person,
  personIn,
  platformAdmin,
  rowCounts,
  solutionRecord,
  type TestPlatform,
} from "./test/factories.ts";

/**
 * Who may import what: anonymous callers 401, people who administer no cluster 403, a
 * cluster's admins only their members and their members' solutions (every other record
 * refused with its reason), platform admins everything. Exports are public.
 */
describe("import: who may import what", () => {
  let platform: TestPlatform;
  let admin: Person;
  let clusterAdmin: Person;
  let clusterMember: Person;
  let cluster: { id: string; slug: string };
  let member: { id: string; slug: string };
  let outsider: { id: string; slug: string };
  let outsiderCluster: { id: string; slug: string };

  beforeAll(async () => {
    platform = await createTestPlatform();
    admin = await platformAdmin(platform);
    const setup = await clusterWithMember(platform);
    cluster = setup.cluster;
    member = setup.member;
    clusterAdmin = setup.admin;
    clusterMember = await personIn(platform, cluster.id, "member");
    const other = await clusterWithMember(platform);
    outsider = other.member;
    outsiderCluster = other.cluster;
  });
  afterAll(async () => {
    await platform.close();
  });
  afterEach(() => {
    expect(platform.serverErrors).toEqual([]);
  });

  const ownFile = () =>
    bundleOf({
      organisations: [
        {
          ref: "newco",
          name: "NewCo Water",
          kind: "company",
          country: "DK",
          clusters: [cluster.slug],
        },
      ],
      solutions: [solutionRecord("m1", member.slug), solutionRecord("n1", "newco")],
    });

  it("anonymous callers are asked to sign in", async () => {
    const response = await importBundle(platform.client(), ownFile());
    expect(response.status).toBe(401);
  });

  it("a plain member of a cluster may not import", async () => {
    const response = await importBundle(clusterMember.client, ownFile());
    expect(response.status).toBe(403);
    const csv = await importCsv(
      clusterMember.client,
      "ref,organisation,title,summary,sectors,trl\n",
    );
    expect(csv.status).toBe(403);
  });

  it("a cluster's admin imports its members, new members and their solutions", async () => {
    const response = await importBundle(clusterAdmin.client, ownFile());
    expect(response.status).toBe(200);
    expect(response.body.scope).toBe(`cluster:${cluster.id}`);
    expect(response.body.organisations.created).toBe(1);
    expect(response.body.affiliations.created).toBe(1);
    expect(response.body.solutions.created).toBe(2);
    // The new company is now a member: the cluster's admin may import its solutions later.
    const newco = await platform
      .client()
      .get<{ memberOf: Array<{ id: string }> }>("/api/v1/organisations/newco-water");
    expect(newco.body.memberOf.map((parent) => parent.id)).toEqual([cluster.id]);
  });

  it("a cluster's admin is refused every record outside the cluster, each with its reason", async () => {
    const before = await rowCounts(platform);
    const response = await importBundle(
      clusterAdmin.client,
      bundleOf({
        organisations: [
          { ref: "stray", name: "Stray Company", kind: "company", country: "DK" },
          {
            ref: "town",
            name: "Some Town",
            kind: "city",
            country: "DK",
            city: "Copenhagen",
            clusters: [cluster.slug],
          },
          {
            ref: "outsider",
            name: "Renamed Outsider",
            kind: "company",
            country: "DK",
            clusters: [cluster.slug],
          },
        ],
        solutions: [solutionRecord("o1", outsider.slug), solutionRecord("m2", member.slug)],
      }),
    );
    expect(response.status).toBe(422);
    const problems = response.body.errors!.map((problem) => `${problem.field}: ${problem.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^organisations\[0\]\.clusters: must include your cluster/),
        expect.stringMatching(
          /^organisations\[1\]\.kind: a cluster's admins import only companies/,
        ),
        expect.stringMatching(/^solutions\[0\]\.organisation: .* is not a member of/),
      ]),
    );
    // The member's own solution in the same file was fine: it is not reported.
    expect(problems.some((problem) => problem.startsWith("solutions[1]"))).toBe(false);
    expect(await rowCounts(platform)).toEqual(before);
  });

  it("an outsider organisation named by its id may not be changed by a cluster's admin", async () => {
    const response = await importBundle(
      clusterAdmin.client,
      bundleOf({
        organisations: [
          {
            ref: outsider.id,
            name: "Taken Over",
            kind: "company",
            country: "DK",
            clusters: [cluster.slug],
          },
        ],
      }),
    );
    expect(response.status).toBe(422);
    expect(response.body.errors?.[0]).toMatchObject({
      field: "organisations[0].ref",
      ref: outsider.id,
    });
  });

  it("a platform admin imports anything, in the platform's scope", async () => {
    const response = await importBundle(
      admin.client,
      bundleOf({
        organisations: [
          {
            ref: "town",
            name: "Town Hall Climate Unit",
            kind: "city",
            country: "DK",
            city: "Copenhagen",
          },
        ],
        solutions: [solutionRecord("o1", outsider.slug)],
      }),
    );
    expect(response.status).toBe(200);
    expect(response.body.scope).toBe("platform");
    expect(response.body.solutions.created).toBe(1);
  });

  it("refs are per scope: the cluster's m1 and the platform's m1 are different records", async () => {
    const response = await importBundle(
      admin.client,
      bundleOf({ solutions: [solutionRecord("m1", member.slug, { title: "Platform's own m1" })] }),
    );
    expect(response.body.solutions.created).toBe(1);
  });

  it("anyone may export the public catalogue", async () => {
    const response = await platform.client().get("/api/v1/export");
    expect(response.status).toBe(200);
    const csv = await platform.client().get("/api/v1/export?format=csv");
    expect(csv.status).toBe(200);
    expect(String(csv.headers["content-type"])).toContain("text/csv");
  });

  it("someone who administers two clusters names the one importing", async () => {
    const second = await clusterWithMember(platform);
    await seedMembership(platform.ctx, second.cluster.id, clusterAdmin.userId, "admin");
    const file = bundleOf({ solutions: [solutionRecord("two-1", member.slug)] });
    const ambiguous = await importBundle(clusterAdmin.client, file);
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.errors?.[0]?.field).toBe("query.cluster");
    const named = await importBundle(clusterAdmin.client, file, `?cluster=${cluster.id}`);
    expect(named.status).toBe(200);
    const notTheirs = await importBundle(
      clusterAdmin.client,
      file,
      `?cluster=${outsiderCluster.id}`,
    );
    expect(notTheirs.status).toBe(403);
  });
});
