import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "../../core/clock.ts";
import type { Challenge, Clarification, FollowState } from "./contract.ts";
import {
  auditMark,
  auditSince,
  type CityTeam,
  cityTeam,
  createDraft,
  notificationKinds,
  type Person,
  platformAdmin,
  publishedChallenge,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

type List = { clarifications: Clarification[] };

describe("clarifications, follows and timeline changes", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let otherCity: CityTeam;
  let provider: Person;
  let reader: Person;
  let admin: Person;
  let challenge: Challenge;
  let path: string;

  beforeAll(async () => {
    platform = await watchedPlatform();
    city = await cityTeam(platform, "Copenhagen");
    otherCity = await cityTeam(platform, "Oslo");
    provider = await platform.signedIn({ name: "Paula Provider" });
    reader = await platform.signedIn();
    admin = await platformAdmin(platform);
    challenge = await publishedChallenge(platform, city);
    path = `/api/v1/challenges/${challenge.id}`;
  });
  afterAll(async () => {
    expect(platform.serverErrors).toEqual([]);
    await platform.close();
  });

  it("lets verified people follow public challenges, not drafts", async () => {
    const followed = await reader.client.put<FollowState>(`${path}/follow`, undefined);
    expect(followed.body).toEqual({ following: true, followerCount: 1 });
    expect(
      (await reader.client.put<FollowState>(`${path}/follow`, undefined)).body.followerCount,
    ).toBe(1);
    expect((await platform.client().put(`${path}/follow`, undefined)).status).toBe(401);
    const draft = await createDraft(platform, city.member.client, city.organisationId);
    expect(
      (await reader.client.put(`/api/v1/challenges/${draft.id}/follow`, undefined)).status,
    ).toBe(404);
    expect(
      (await city.member.client.put(`/api/v1/challenges/${draft.id}/follow`, undefined)).status,
    ).toBe(409);
    await provider.client.put(`${path}/follow`, undefined);
    const unfollowed = await provider.client.delete<FollowState>(`${path}/follow`);
    expect(unfollowed.body).toEqual({ following: false, followerCount: 1 });
    expect((await reader.client.get<Challenge>(path)).body.following).toBe(true);
  });

  it("takes questions from outsiders, never from the owning city", async () => {
    const mark = await auditMark(platform);
    const asked = await provider.client.post<Clarification>(`${path}/questions`, {
      question: "May a consortium of two SMEs answer together?",
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ mine: true, answer: null, askedBy: null });
    expect((await auditSince(platform, mark)).map((e) => e.action)).toEqual([
      "challenge.question_asked",
    ]);
    expect(await notificationKinds(city.admin.client)).toContain("challenge_question");
    const own = await city.member.client.post(`${path}/questions`, {
      question: "Can we ask our own question here?",
    });
    expect(own.status).toBe(403);
    expect(
      (await platform.client().post(`${path}/questions`, { question: "Anonymous question?" }))
        .status,
    ).toBe(401);
  });

  it("shows an unanswered question to the city, admins and its asker only", async () => {
    const forReader = await reader.client.get<List>(`${path}/questions`);
    expect(forReader.body.clarifications).toEqual([]);
    expect((await platform.client().get<List>(`${path}/questions`)).body.clarifications).toEqual(
      [],
    );
    expect(
      (await otherCity.member.client.get<List>(`${path}/questions`)).body.clarifications,
    ).toHaveLength(0);
    const forCity = await city.member.client.get<List>(`${path}/questions`);
    expect(forCity.body.clarifications).toHaveLength(1);
    expect(forCity.body.clarifications[0]!.askedBy).toBeNull();
    expect(forCity.body.clarifications[0]!.mine).toBe(false);
    const forAdmin = await admin.client.get<List>(`${path}/questions`);
    expect(forAdmin.body.clarifications[0]!.askedBy).toMatchObject({
      userId: provider.userId,
      name: "Paula Provider",
    });
  });

  it("publishes the answer to everyone, anonymised, and tells followers and the asker", async () => {
    const question = (await city.member.client.get<List>(`${path}/questions`)).body
      .clarifications[0]!;
    const answerPath = `${path}/questions/${question.id}/answer`;
    const answer = { answer: "Yes: name a lead partner in the proposal." };
    expect((await otherCity.admin.client.post(answerPath, answer)).status).toBe(403);
    expect((await provider.client.post(answerPath, answer)).status).toBe(403);
    expect((await platform.client().post(answerPath, answer)).status).toBe(401);
    const answered = await city.member.client.post<Clarification>(answerPath, answer);
    expect(answered.status).toBe(200);
    expect(answered.body.askedBy).toBeNull();
    expect((await city.admin.client.post(answerPath, answer)).status).toBe(409);
    expect(await notificationKinds(reader.client)).toContain("challenge_answer");
    expect(await notificationKinds(provider.client)).toContain("challenge_answer");
    const summary = await platform.client().get<Challenge>(path);
    expect(summary.body.questionCount).toBe(1);
  });

  it("never sends who asked to anyone but platform admins, in any response", async () => {
    const lists = await Promise.all(
      [
        platform.client(),
        reader.client,
        provider.client,
        city.member.client,
        city.admin.client,
      ].map((client) => client.get(`${path}/questions`)),
    );
    for (const response of lists) {
      expect(response.raw.body).not.toContain(provider.userId);
      expect(response.raw.body).not.toContain("Paula Provider");
      expect(response.raw.body).toContain('"askedBy":null');
    }
    for (const client of [platform.client(), city.member.client]) {
      const page = await client.get(path);
      expect(page.raw.body).not.toContain(provider.userId);
    }
    const forAdmin = await admin.client.get(`${path}/questions`);
    expect(forAdmin.raw.body).toContain(provider.userId);
    expect((await admin.client.get<Challenge>(path)).body.abilities.seeAskers).toBe(true);
  });

  it("refuses late questions with question_deadline_passed (the clock moves, nobody sleeps)", async () => {
    const late = await publishedChallenge(platform, city);
    platform.clock.advance(10 * DAY);
    const response = await provider.client.post<{ code: string; status: number }>(
      `/api/v1/challenges/${late.id}/questions`,
      { question: "Is it too late to ask this question?" },
    );
    expect(response.status).toBe(409);
    expect(response.body.code).toBe("question_deadline_passed");
    const view = await provider.client.get<Challenge>(`/api/v1/challenges/${late.id}`);
    expect(view.body.questionsOpen).toBe(false);
    expect(view.body.abilities.ask).toBe(false);
  });

  it("moves deadlines only later, announcing and auditing each move", async () => {
    const target = await publishedChallenge(platform, city);
    const timeline = `/api/v1/challenges/${target.id}/timeline`;
    await reader.client.put(`/api/v1/challenges/${target.id}/follow`, undefined);
    const proposal = new Date(target.timeline.proposalDeadline!);
    const earlier = await city.member.client.patch<{
      code: string;
      errors: Array<{ field: string }>;
    }>(timeline, {
      proposalDeadline: new Date(proposal.getTime() - DAY).toISOString(),
      reason: "Sooner.",
    });
    expect(earlier.status).toBe(422);
    expect(earlier.body.code).toBe("deadline_not_later");
    expect(earlier.body.errors[0]!.field).toBe("body.proposalDeadline");
    const later = {
      proposalDeadline: new Date(proposal.getTime() + 7 * DAY).toISOString(),
      reason: "More time for consortia.",
    };
    expect((await otherCity.admin.client.patch(timeline, later)).status).toBe(403);
    expect((await reader.client.patch(timeline, later)).status).toBe(403);
    expect((await platform.client().patch(timeline, later)).status).toBe(401);
    // Past the award date is refused: the order must hold.
    const disorder = await city.member.client.patch<{ code: string }>(timeline, {
      proposalDeadline: new Date(proposal.getTime() + 90 * DAY).toISOString(),
      reason: "Much more time.",
    });
    expect(disorder.body.code).toBe("deadlines_invalid");
    const mark = await auditMark(platform);
    const moved = await city.member.client.patch<Challenge>(timeline, later);
    expect(moved.status).toBe(200);
    expect(moved.body.timeline.proposalDeadline).toBe(later.proposalDeadline);
    expect(moved.body.announcements.at(-1)).toMatchObject({
      kind: "timeline_changed",
      reason: "More time for consortia.",
      changes: [{ field: "proposalDeadline", to: later.proposalDeadline }],
    });
    expect((await auditSince(platform, mark)).map((e) => e.action)).toEqual([
      "challenge.timeline_extended",
    ]);
    expect(await notificationKinds(reader.client)).toContain("challenge_timeline");
  });

  it("tells followers of status changes", async () => {
    const target = await publishedChallenge(platform, city);
    await reader.client.put(`/api/v1/challenges/${target.id}/follow`, undefined);
    await city.member.client.post(`/api/v1/challenges/${target.id}/transitions`, {
      to: "cancelled",
      reason: "The council moved the budget elsewhere.",
    });
    expect(await notificationKinds(reader.client)).toContain("challenge_status");
  });
});
