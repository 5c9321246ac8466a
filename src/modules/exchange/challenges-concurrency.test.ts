import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../core/db/client.ts";
import {
  bundleOf,
  challengeRecord,
  createTestPlatform,
  importBundle,
  type Person,
  personIn,
  platformAdmin,
  type TestPlatform,
} from "./test/factories.ts";

/**
 * A re-import changes a challenge only while it is a draft; the city may publish it from its
 * page at the same moment. Whatever the order, a published challenge is never changed (nor
 * taken back to draft) by the import: on PostgreSQL the two really run at once.
 */
describe("import of a draft challenge while the city publishes it", () => {
  let platform: TestPlatform;
  let admin: Person;
  let cityMember: Person;

  const cityOffice = {
    ref: "race-office",
    name: "Bergen Climate Agency",
    kind: "city",
    country: "NO",
    city: "Oslo",
  };
  const draft = (ref: string, title: string) =>
    challengeRecord(ref, "race-office", { status: "draft", title });

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
    const first = await importBundle(admin.client, bundleOf({ organisations: [cityOffice] }));
    expect(first.status).toBe(200);
    cityMember = await personIn(platform, await idOf("organisation", "race-office"), "member");
  });
  afterAll(async () => {
    await platform.close();
  });
  afterEach(() => {
    expect(platform.serverErrors).toEqual([]);
  });

  it("never lets the import change or unpublish a challenge published at the same time", async () => {
    for (let round = 0; round < 8; round++) {
      const ref = `race-${round}`;
      const created = await importBundle(
        admin.client,
        bundleOf({ organisations: [cityOffice], challenges: [draft(ref, `Streets ${round}`)] }),
      );
      expect(created.status).toBe(200);
      const id = await idOf("challenge", ref);
      const [published, imported] = await Promise.all([
        cityMember.client.post(`/api/v1/challenges/${id}/transitions`, { to: "published" }),
        importBundle(
          admin.client,
          bundleOf({
            organisations: [cityOffice],
            challenges: [draft(ref, `Streets ${round}, revised`)],
          }),
        ),
      ]);
      expect(published.status).toBe(200);
      expect([200, 422]).toContain(imported.status);
      const page = await platform
        .client()
        .get<{ status: string; title: string }>(`/api/v1/challenges/${id}`);
      expect(page.body.status).toBe("published");
      // In commit order: once published, nothing the import wrote comes after.
      const [events] = await queryRows<{ actions: string[] }>(
        platform.database.db,
        sql`select array_agg(action order by seq) as actions from audit_events
            where subject_id = ${id} and action like 'challenge.%'`,
      );
      expect(events!.actions.at(-1)).toBe("challenge.status_changed");
      expect(page.body.title).toBe(
        imported.status === 200 ? `Streets ${round}, revised` : `Streets ${round}`,
      );
    }
  });
});
