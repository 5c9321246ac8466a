import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../core/db/client.ts";
import {
  bundleOf,
  createTestPlatform,
  importBundle,
  type Person,
  personIn,
  platformAdmin,
  solutionRecord,
  type TestPlatform,
} from "./test/factories.ts";

/**
 * A re-import edits a solution while its provider edits it on its page: each edit is a version
 * (version numbers are counted from the row), so the two must take turns. On PostgreSQL they
 * really run at once.
 */
describe("import of a solution while its provider edits it", () => {
  let platform: TestPlatform;
  let admin: Person;
  let providerAdmin: Person;

  const company = { ref: "race-co", name: "Race Sensors", kind: "company", country: "DK" };

  const idOf = async (kind: string, ref: string) => {
    const [row] = await queryRows<{ id: string }>(
      platform.database.db,
      sql`select entity_id as id from import_refs where kind = ${kind} and ref = ${ref}`,
    );
    return row!.id;
  };

  beforeAll(async () => {
    platform = await createTestPlatform();
    admin = await platformAdmin(platform);
    const first = await importBundle(admin.client, bundleOf({ organisations: [company] }));
    expect(first.status).toBe(200);
    providerAdmin = await personIn(platform, await idOf("organisation", "race-co"), "admin");
  });
  afterAll(async () => {
    await platform.close();
  });
  afterEach(() => {
    expect(platform.serverErrors).toEqual([]);
  });

  it("makes one version after the other, the row showing the last one", async () => {
    for (let round = 0; round < 8; round++) {
      const ref = `race-${round}`;
      const created = await importBundle(
        admin.client,
        bundleOf({ organisations: [company], solutions: [solutionRecord(ref, "race-co")] }),
      );
      expect(created.status).toBe(200);
      const id = await idOf("solution", ref);
      const [edited, imported] = await Promise.all([
        providerAdmin.client.patch(`/api/v1/solutions/${id}`, { title: `Edited ${round}` }),
        importBundle(
          admin.client,
          bundleOf({
            organisations: [company],
            solutions: [solutionRecord(ref, "race-co", { summary: `Imported summary ${round}.` })],
          }),
        ),
      ]);
      expect([edited.status, imported.status]).toEqual([200, 200]);
      const [row] = await queryRows<{ version: number; latest: number; count: number }>(
        platform.database.db,
        sql`select s.version, max(v.version) as latest, count(*)::int as count
            from solutions s join solution_versions v on v.solution_id = s.id
            where s.id = ${id} group by s.version`,
      );
      expect(row).toEqual({ version: 3, latest: 3, count: 3 });
      const page = await platform
        .client()
        .get<{ title: string; summary: string }>(`/api/v1/solutions/${id}`);
      // Whichever came second kept the other's change: neither edit is lost.
      expect(page.body.summary).toBe(`Imported summary ${round}.`);
      expect([`Edited ${round}`, `Leak sensors ${ref}`]).toContain(page.body.title);
    }
  });
});
