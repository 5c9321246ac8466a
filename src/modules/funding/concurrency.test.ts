import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { organisationWithAdmin } from "../catalogue/test/factories.ts";
import { memberOf, type Person } from "../challenges/test/factories.ts";
import { DEADLINE_REMINDER_JOB } from "./commands/reminders.ts";
import type { FundingSource } from "./contract.ts";
import {
  missionGrant,
  notificationKinds,
  postSource,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/**
 * Rules that read a source (or a follower) and then write: two requests at the same time must
 * not both pass on what each read before the other wrote. On PostgreSQL they really run at once.
 */
describe("funding under concurrent changes", () => {
  let platform: WatchedPlatform;
  let funder: { organisation: { id: string }; admin: Person };
  beforeAll(async () => {
    platform = await watchedPlatform();
    funder = await organisationWithAdmin(platform, "funder", { country: "LU" });
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  it("never leaves a source's minimum above its maximum when both move at the same time", async () => {
    // A second admin of the funder, so the two edits come from two sessions.
    const second = await memberOf(platform, funder.organisation.id, "admin");
    for (let round = 0; round < 6; round++) {
      const source = (
        await postSource(
          funder.admin.client,
          missionGrant(funder.organisation.id, {
            title: `Bounds race ${round}`,
            minAmountMinor: 100_000_000,
            maxAmountMinor: 1_000_000_000,
            minTrl: 3,
            maxTrl: 6,
          }),
        )
      ).body;
      // Each change is within the bounds the other leaves; together they would cross.
      const answers = await Promise.all([
        funder.admin.client.patch(`/api/v1/funding-sources/${source.id}`, {
          minAmountMinor: 800_000_000,
          minTrl: 6,
        }),
        second.client.patch(`/api/v1/funding-sources/${source.id}`, {
          maxAmountMinor: 300_000_000,
          maxTrl: 3,
        }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
      const stored = (
        await platform.client().get<FundingSource>(`/api/v1/funding-sources/${source.id}`)
      ).body;
      expect(stored.minAmountMinor).toBeLessThanOrEqual(stored.maxAmountMinor!);
      expect(stored.minTrl).toBeLessThanOrEqual(stored.maxTrl!);
    }
  });

  it("reminds a follower once when two reminder jobs for the same date run at the same time", async () => {
    const handler = platform.jobs[DEADLINE_REMINDER_JOB]!;
    for (let round = 0; round < 4; round++) {
      const follower = await platform.signedIn();
      const source = (
        await postSource(
          funder.admin.client,
          missionGrant(funder.organisation.id, {
            title: `Reminder race ${round}`,
            opensOn: "2026-01-01",
            closesOn: "2026-12-20",
          }),
        )
      ).body;
      const followed = await follower.client.put(
        `/api/v1/funding-sources/${source.id}/follow`,
        undefined,
      );
      expect(followed.status).toBe(200);
      const job = (id: number) => ({
        id,
        kind: DEADLINE_REMINDER_JOB,
        payload: { sourceId: source.id, userId: follower.userId, closesOn: "2026-12-20" },
        attempts: 0,
        maxAttempts: 5,
      });
      await Promise.all([handler(job(-1)), handler(job(-2))]);
      const kinds = await notificationKinds(follower.client);
      expect(kinds.filter((kind) => kind === "funding_deadline")).toHaveLength(1);
    }
  });

  it("answers a follow racing the source's deletion with 200 or 404, never a 500", async () => {
    const statuses = new Set<number>();
    for (let round = 0; round < 6; round++) {
      const follower = await platform.signedIn();
      const source = (
        await postSource(
          funder.admin.client,
          missionGrant(funder.organisation.id, { title: `Delete race ${round}` }),
        )
      ).body;
      const [followed, deleted] = await Promise.all([
        follower.client.put(`/api/v1/funding-sources/${source.id}/follow`, undefined),
        funder.admin.client.delete(`/api/v1/funding-sources/${source.id}`),
      ]);
      expect(deleted.status).toBe(204);
      expect([200, 404]).toContain(followed.status);
      statuses.add(followed.status);
      const gone = await platform.client().get(`/api/v1/funding-sources/${source.id}`);
      expect(gone.status).toBe(404);
    }
    // serverErrors (checked after each test) would hold the 500s of the foreign key.
    expect(statuses.size).toBeGreaterThan(0);
  });
});
