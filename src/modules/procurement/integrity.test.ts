import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDraft } from "../challenges/test/factories.ts";
import {
  type CityTeam,
  cityTeam,
  contentBody,
  openChallenge,
  type Problem,
  type Provider,
  provider,
  submit,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

interface IntegrityRecord {
  challenge: { id: string; status: string };
  decided: boolean;
  steps: Array<{ seq: number; action: string; details: Record<string, string>; intact: boolean }>;
  sealedStepsHidden: boolean;
  receiptsIssued: number | null;
  conflicts: unknown;
}

describe("the integrity record of a challenge", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let bidder: Provider;

  beforeAll(async () => {
    platform = await watchedPlatform();
    platform.clock.set("2026-04-01T08:00:00.000Z");
    city = await cityTeam(platform, "Copenhagen");
    bidder = await provider(platform, "company", "DK", []);
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const integrity = (id: string, client = platform.client()) =>
    client.get<IntegrityRecord & Problem>(`/api/v1/challenges/${id}/integrity`);

  it("lists the audited steps, each re-hashed, and holds back what would reveal proposals", async () => {
    const challenge = await openChallenge(platform, city, "Sealed sewer sensing");
    const { proposal, receipt } = await submit(
      bidder.admin.client,
      challenge.id,
      { kind: "organisation", id: bidder.organisation.id },
      contentBody("integrity-marker"),
    );

    for (const client of [platform.client(), city.member.client, bidder.admin.client]) {
      const response = await integrity(challenge.id, client);
      expect(response.status).toBe(200);
      const record = response.body;
      expect(record).toMatchObject({
        challenge: { id: challenge.id, status: "published" },
        decided: false,
        sealedStepsHidden: true,
        receiptsIssued: null,
        conflicts: null,
      });
      expect(record.steps.map((step) => step.action)).toEqual([
        "challenge.created",
        "challenge.status_changed",
      ]);
      expect(record.steps[1]!.details).toMatchObject({ from: "draft", to: "published" });
      expect(record.steps.every((step) => step.intact)).toBe(true);
      // Nothing about the proposal: not its id, its hash or the bidder.
      const text = JSON.stringify(record);
      for (const secret of [proposal.id, receipt.sha256, bidder.organisation.id]) {
        expect(text).not.toContain(secret);
      }
    }
  });

  it("shows a step whose stored event no longer matches its hash as not intact", async () => {
    const challenge = await openChallenge(platform, city, "Tamper-evident timelines");
    // As an attacker with the table owner's rights would: triggers off, a payload rewritten.
    await platform.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(
        sql`update audit_events set payload = jsonb_set(payload, '{to}', '"cancelled"')
            where subject_id = ${challenge.id} and action = 'challenge.status_changed'`,
      );
    });
    const record = (await integrity(challenge.id)).body;
    const changed = record.steps.find((step) => step.action === "challenge.status_changed")!;
    expect(changed.details.to).toBe("cancelled");
    expect(changed.intact).toBe(false);
    expect(record.steps.find((step) => step.action === "challenge.created")!.intact).toBe(true);
  });

  it("answers 404 for drafts and unknown challenges", async () => {
    const draft = await createDraft(platform, city.member.client, city.organisationId);
    expect((await integrity(draft.id)).status).toBe(404);
    expect((await integrity(draft.id, city.member.client)).body.code).toBe("not_published");
    expect((await integrity("00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});
