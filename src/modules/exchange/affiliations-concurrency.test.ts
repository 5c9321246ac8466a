import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../core/db/client.ts";
import { seedOrganisation } from "../organisations/index.ts";
import {
  bundleOf,
  clusterWithMember,
  createTestPlatform,
  importBundle,
  type Person,
  platformAdmin,
  type TestPlatform,
  unique,
} from "./test/factories.ts";

/**
 * An import makes a company an active member of a cluster: it accepts the pair's pending request
 * or creates the affiliation. The company's admin may propose it, and the cluster's admin accept or
 * decline it, on the page at the same moment. A pair has one open affiliation, an ended one stays
 * ended, and it is accepted once. On PostgreSQL they really run at once.
 */
describe("import of an affiliation while it changes on the page", () => {
  let platform: TestPlatform;
  let admin: Person;
  let clusterAdmin: Person;
  let cluster: { id: string; slug: string };

  beforeAll(async () => {
    platform = await createTestPlatform();
    admin = await platformAdmin(platform);
    ({ admin: clusterAdmin, cluster } = await clusterWithMember(platform));
  });
  afterAll(async () => {
    await platform.close();
  });
  afterEach(() => {
    expect(platform.serverErrors.splice(0)).toEqual([]);
  });

  /** A company with its own admin, not yet in the cluster. */
  const company = async () => {
    const companyAdmin = await platform.signedIn();
    const name = unique("Race Company");
    const organisation = await seedOrganisation(platform.ctx, companyAdmin.userId, {
      name,
      kind: "company",
      country: "DK",
      description: "",
    });
    return { ...organisation, name, admin: companyAdmin };
  };

  /** A platform import that names the company (by its id, unchanged) as the cluster's member. */
  const importMembership = (member: { id: string; name: string }) =>
    importBundle(
      admin.client,
      bundleOf({
        organisations: [
          {
            ref: member.id,
            name: member.name,
            kind: "company",
            country: "DK",
            description: "",
            clusters: [cluster.slug],
          },
        ],
      }),
    );

  /** The pair's affiliations. */
  const rowsOf = (memberId: string) =>
    queryRows<{ id: string; status: string; ended: boolean }>(
      platform.database.db,
      sql`select id, status, ended_at is not null as ended from affiliations
          where parent_id = ${cluster.id} and member_id = ${memberId}`,
    );

  const acceptedEvents = async (affiliationId: string) => {
    const [row] = await queryRows<{ count: number }>(
      platform.database.db,
      sql`select count(*)::int as count from audit_events
          where action = 'organisation.affiliation_accepted'
            and payload->>'affiliationId' = ${affiliationId}`,
    );
    return row!.count;
  };

  /** The company's admin asks to join: a pending request. */
  const proposal = async (member: Awaited<ReturnType<typeof company>>) => {
    const proposed = await member.admin.client.post<{ id: string; status: string }>(
      "/api/v1/affiliations",
      { parentId: cluster.id, memberId: member.id },
    );
    expect(proposed.status).toBe(201);
    expect(proposed.body.status).toBe("pending");
    return proposed.body.id;
  };

  it("leaves one active affiliation when the company asks to join during the import", async () => {
    for (let round = 0; round < 8; round++) {
      const member = await company();
      const [imported, proposed] = await Promise.all([
        importMembership(member),
        member.admin.client.post("/api/v1/affiliations", {
          parentId: cluster.id,
          memberId: member.id,
        }),
      ]);
      expect(imported.status).toBe(200);
      // The import made it a member either way: it created the affiliation or accepted the request.
      expect(imported.body.affiliations.created).toBe(1);
      expect([201, 409]).toContain(proposed.status);
      const rows = await rowsOf(member.id);
      expect(rows.map(({ status, ended }) => ({ status, ended }))).toEqual([
        { status: "active", ended: false },
      ]);
      expect(await acceptedEvents(rows[0]!.id)).toBe(1);
    }
  });

  it("accepts a pending request once when the cluster accepts it during the import", async () => {
    for (let round = 0; round < 8; round++) {
      const member = await company();
      const id = await proposal(member);
      const [imported, accepted] = await Promise.all([
        importMembership(member),
        clusterAdmin.client.post(`/api/v1/affiliations/${id}/accept`),
      ]);
      expect(imported.status).toBe(200);
      expect([204, 404]).toContain(accepted.status);
      // Whichever came second found it active: the import counts it only if the click lost.
      expect(imported.body.affiliations.created).toBe(accepted.status === 204 ? 0 : 1);
      const rows = await rowsOf(member.id);
      expect(rows.map(({ status, ended }) => ({ status, ended }))).toEqual([
        { status: "active", ended: false },
      ]);
      expect(await acceptedEvents(id)).toBe(1);
    }
  });

  it("never revives a request the cluster declines during the import", async () => {
    for (let round = 0; round < 8; round++) {
      const member = await company();
      const id = await proposal(member);
      const [imported, declined] = await Promise.all([
        importMembership(member),
        clusterAdmin.client.delete(`/api/v1/affiliations/${id}`),
      ]);
      expect(imported.status).toBe(200);
      expect(imported.body.affiliations.created).toBe(1);
      expect(declined.status).toBe(204);
      const rows = await rowsOf(member.id);
      // The declined request stays ended: the import accepted it first (and the click ended the
      // membership), or it came second and made a new affiliation.
      expect(rows.find((row) => row.id === id)).toEqual({ id, status: "ended", ended: true });
      const others = rows.filter((row) => row.id !== id);
      expect(others.map(({ status, ended }) => ({ status, ended }))).toEqual(
        (await acceptedEvents(id)) === 1 ? [] : [{ status: "active", ended: false }],
      );
    }
  });
});
