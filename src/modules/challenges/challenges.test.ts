import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "../../core/clock.ts";
import type { Challenge } from "./contract.ts";
import {
  auditMark,
  auditSince,
  type CityTeam,
  cityTeam,
  createDraft,
  draftBody,
  type Person,
  platformAdmin,
  publishedChallenge,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

describe("drafting, publishing and the lifecycle", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let otherCity: CityTeam;
  let outsider: Person;
  let admin: Person;

  beforeAll(async () => {
    platform = await watchedPlatform();
    city = await cityTeam(platform, "Copenhagen");
    otherCity = await cityTeam(platform, "Oslo");
    outsider = await platform.signedIn();
    admin = await platformAdmin(platform);
  });
  afterAll(async () => {
    expect(platform.serverErrors).toEqual([]);
    await platform.close();
  });

  it("lets a member of a city organisation draft; others may not", async () => {
    const mark = await auditMark(platform);
    const draft = await createDraft(platform, city.member.client, city.organisationId);
    expect(draft.status).toBe("draft");
    expect(draft.city.name).toBe("Copenhagen");
    expect(draft.organisation.id).toBe(city.organisationId);
    expect(draft.abilities.edit).toBe(true);
    expect(draft.descriptionHtml).toContain("<strong>nature-based</strong>");
    expect((await auditSince(platform, mark)).map((event) => event.action)).toEqual([
      "challenge.created",
    ]);
    const body = draftBody(platform, city.organisationId);
    expect((await outsider.client.post("/api/v1/challenges", body)).status).toBe(403);
    expect((await otherCity.member.client.post("/api/v1/challenges", body)).status).toBe(403);
    expect((await platform.client().post("/api/v1/challenges", body)).status).toBe(401);
  });

  it("hides drafts from everyone but the owning city and platform admins", async () => {
    const draft = await createDraft(platform, city.member.client, city.organisationId);
    const path = `/api/v1/challenges/${draft.id}`;
    expect((await city.admin.client.get(path)).status).toBe(200);
    expect((await admin.client.get(path)).status).toBe(200);
    for (const client of [platform.client(), outsider.client, otherCity.member.client]) {
      expect((await client.get(path)).status).toBe(404);
    }
    const catalogue = await platform
      .client()
      .get<{ challenges: Challenge[] }>("/api/v1/challenges");
    expect(catalogue.body.challenges.map((c) => c.id)).not.toContain(draft.id);
    const mine = await city.member.client.get<{ challenges: Challenge[] }>(
      "/api/v1/challenges?scope=mine",
    );
    expect(mine.body.challenges.map((c) => c.id)).toContain(draft.id);
    const othersMine = await otherCity.member.client.get<{ challenges: Challenge[] }>(
      "/api/v1/challenges?scope=mine",
    );
    expect(othersMine.body.challenges.map((c) => c.id)).not.toContain(draft.id);
  });

  it("edits drafts only, and only by the owning city", async () => {
    const draft = await createDraft(platform, city.member.client, city.organisationId);
    const path = `/api/v1/challenges/${draft.id}`;
    const patch = { title: "Cloudburst management, revised" };
    expect((await otherCity.admin.client.patch(path, patch)).status).toBe(404);
    expect((await outsider.client.patch(path, patch)).status).toBe(404);
    expect((await platform.client().patch(path, patch)).status).toBe(401);
    const edited = await city.admin.client.patch<Challenge>(path, patch);
    expect(edited.status).toBe(200);
    expect(edited.body.title).toBe(patch.title);
    await city.member.client.post(`${path}/transitions`, { to: "published" });
    const late = await city.admin.client.patch<{ code: string }>(path, { title: "Changed later" });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe("not_a_draft");
  });

  it("refuses to publish with past or disordered deadlines, naming the field", async () => {
    const now = platform.clock.now().getTime();
    const draft = await createDraft(platform, city.member.client, city.organisationId, {
      timeline: {
        questionDeadline: new Date(now + 5 * DAY).toISOString(),
        proposalDeadline: new Date(now + 20 * DAY).toISOString(),
        awardDate: new Date(now + 40 * DAY).toISOString(),
      },
    });
    platform.clock.advance(6 * DAY);
    const refused = await city.member.client.post<{
      code: string;
      errors: Array<{ field: string }>;
    }>(`/api/v1/challenges/${draft.id}/transitions`, { to: "published" });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe("deadlines_invalid");
    expect(refused.body.errors[0]?.field).toBe("body.timeline.questionDeadline");
    const disordered = await city.member.client.post<{ errors: Array<{ field: string }> }>(
      "/api/v1/challenges",
      draftBody(platform, city.organisationId, {
        timeline: {
          questionDeadline: new Date(now + 30 * DAY).toISOString(),
          proposalDeadline: new Date(now + 20 * DAY).toISOString(),
        },
      }),
    );
    expect(disordered.status).toBe(400);
    expect(disordered.body.errors[0]?.field).toBe("body.timeline.proposalDeadline");
  });

  it("walks a pre-commercial procurement through its lifecycle with the clock", async () => {
    const challenge = await publishedChallenge(platform, city);
    const path = `/api/v1/challenges/${challenge.id}`;
    expect(challenge.status).toBe("published");
    expect(challenge.abilities.transitions).toEqual(["cancelled"]);
    expect((await outsider.client.post(`${path}/transitions`, { to: "evaluation" })).status).toBe(
      403,
    );
    const early = await city.member.client.post<{ code: string }>(`${path}/transitions`, {
      to: "evaluation",
    });
    expect(early.body.code).toBe("proposal_deadline_not_passed");
    platform.clock.advance(31 * DAY);
    const mark = await auditMark(platform);
    for (const to of ["evaluation", "awarded", "piloting", "implemented"] as const) {
      const step = await city.member.client.post<Challenge>(`${path}/transitions`, { to });
      expect(step.status, to).toBe(200);
      expect(step.body.status).toBe(to);
      platform.clock.advance(60_000);
    }
    const events = await auditSince(platform, mark);
    expect(events.map((event) => event.payload.to)).toEqual([
      "evaluation",
      "awarded",
      "piloting",
      "implemented",
    ]);
    const final = await city.member.client.get<Challenge>(path);
    expect(final.body.announcements).toHaveLength(4);
    expect(final.body.abilities.transitions).toEqual([]);
  });

  it("refuses steps a model does not have, and cancels only with a reason", async () => {
    const prize = await publishedChallenge(platform, city, {
      procurementModel: "innovation_prize",
    });
    const path = `/api/v1/challenges/${prize.id}`;
    const noReason = await city.member.client.post<{
      code: string;
      errors: Array<{ field: string }>;
    }>(`${path}/transitions`, { to: "cancelled" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0]?.field).toBe("body.reason");
    platform.clock.advance(31 * DAY);
    await city.member.client.post(`${path}/transitions`, { to: "evaluation" });
    platform.clock.advance(60_000);
    await city.member.client.post(`${path}/transitions`, { to: "awarded" });
    platform.clock.advance(60_000);
    const piloting = await city.member.client.post<{ code: string }>(`${path}/transitions`, {
      to: "piloting",
    });
    expect(piloting.status).toBe(409);
    expect(piloting.body.code).toBe("transition_not_allowed");
    const cancelled = await city.member.client.post<Challenge>(`${path}/transitions`, {
      to: "cancelled",
      reason: "The prize fund was withdrawn by the council.",
    });
    expect(cancelled.body.status).toBe("cancelled");
    expect(cancelled.body.announcements.at(-1)?.reason).toContain("prize fund");
  });

  it("renders the description safely: raw HTML and javascript: links come out inert", async () => {
    const draft = await createDraft(platform, city.member.client, city.organisationId, {
      description:
        '<script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror="alert(1)"> see https://kk.dk',
    });
    expect(draft.descriptionHtml).not.toContain("<script");
    expect(draft.descriptionHtml).not.toContain("<img");
    expect(draft.descriptionHtml).not.toContain('href="javascript');
    expect(draft.descriptionHtml).toContain("&lt;script&gt;");
    expect(draft.descriptionHtml).toContain(
      '<a href="https://kk.dk" rel="nofollow noopener noreferrer">',
    );
  });

  it("answers bad input with a 400 problem naming the field", async () => {
    const response = await city.member.client.post<{ errors: Array<{ field: string }> }>(
      "/api/v1/challenges",
      { ...draftBody(platform, city.organisationId), minTrl: 12, sectors: ["space"] },
    );
    expect(response.status).toBe(400);
    expect(String(response.headers["content-type"])).toContain("application/problem+json");
    const fields = response.body.errors.map((error) => error.field);
    expect(fields).toContain("body.minTrl");
    expect(fields.some((field) => field.startsWith("body.sectors"))).toBe(true);
    expect((await platform.client().get("/api/v1/challenges/not-a-uuid")).status).toBe(400);
  });
});
