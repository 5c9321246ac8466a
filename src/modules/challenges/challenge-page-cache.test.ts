import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous } from "../../core/auth/actor.ts";
import { DAY } from "../../core/clock.ts";
import { challengePage } from "./challenge-views.ts";
import { type Challenge, Challenge as ChallengeSchema } from "./contract.ts";
import {
  type CityTeam,
  cityTeam,
  createDraft,
  type Person,
  publishedChallenge,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/**
 * The challenge page keeps a published challenge's facts in the read cache; what depends on the
 * viewer and on the time is worked out on every read, and drafts are never kept.
 */
describe("the challenge page and the read cache", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let reader: Person;

  beforeAll(async () => {
    platform = await watchedPlatform();
    city = await cityTeam(platform, "Copenhagen");
    reader = await platform.signedIn({ name: "Rita Reader" });
  });
  afterAll(async () => {
    expect(platform.serverErrors).toEqual([]);
    await platform.close();
  });

  const cache = () => {
    const kept = platform.ctx.readCache;
    if (!kept) throw new Error("the read cache is on by default");
    return kept;
  };

  it("answers a second read from what it kept, with the viewer's own abilities and following", async () => {
    const challenge = await publishedChallenge(platform, city);
    const path = `/api/v1/challenges/${challenge.id}`;
    const first = await platform.client().get<Challenge>(path);
    expect(first.status).toBe(200);
    const hits = cache().stats().hits;
    const member = await city.member.client.get<Challenge>(path);
    expect(cache().stats().hits).toBe(hits + 1);
    expect(member.body.title).toBe(first.body.title);
    // The city's own member may edit; the anonymous reader's kept copy did not say so.
    expect(member.body.abilities).not.toEqual(first.body.abilities);
    expect(first.body.abilities.ask).toBe(false);

    await reader.client.put(`${path}/follow`, undefined);
    const followed = await reader.client.get<Challenge>(path);
    expect(followed.body.following).toBe(true);
    expect(followed.body.followerCount).toBe(1);
    expect((await platform.client().get<Challenge>(path)).body.following).toBe(false);
  });

  it("works out what depends on the time on every read, kept or not", async () => {
    const challenge = await publishedChallenge(platform, city);
    const path = `/api/v1/challenges/${challenge.id}`;
    expect((await reader.client.get<Challenge>(path)).body.questionsOpen).toBe(true);
    expect((await reader.client.get<Challenge>(path)).body.abilities.ask).toBe(true);
    const hits = cache().stats().hits;
    platform.clock.advance(10 * DAY);
    const later = await reader.client.get<Challenge>(path);
    expect(cache().stats().hits).toBe(hits + 1);
    expect(later.body.questionsOpen).toBe(false);
    expect(later.body.abilities.ask).toBe(false);
  });

  it("sends anonymous visitors the page made once from the kept facts, one per time-bound variant", async () => {
    const challenge = await publishedChallenge(platform, city);
    const path = `/api/v1/challenges/${challenge.id}`;
    // What the page is for an anonymous visitor, worked out afresh and put through the schema.
    const fresh = async () =>
      JSON.parse(
        JSON.stringify(
          ChallengeSchema.parse(await challengePage(platform.ctx, anonymous, challenge.id)),
        ),
      );
    const first = await platform.client().get<Challenge>(path);
    expect(first.status).toBe(200);
    expect(first.body).toEqual(await fresh());
    const again = await platform.client().get<Challenge>(path);
    expect(again.body).toEqual(first.body);
    expect(first.body.questionsOpen).toBe(true);

    // A change drops the kept answers with the facts they were made from.
    const extended = await city.member.client.post<Challenge>(`${path}/timeline`, {
      questionDeadline: new Date(
        Date.parse(challenge.timeline.questionDeadline!) + 2 * DAY,
      ).toISOString(),
      reason: "More time for questions",
    });
    expect(extended.status).toBe(200);
    const changed = await platform.client().get<Challenge>(path);
    expect(changed.body.timeline.questionDeadline).toBe(extended.body.timeline.questionDeadline);
    expect(changed.body.announcements.length).toBe(first.body.announcements.length + 1);
    expect(changed.body).toEqual(await fresh());

    // A deadline passes: the next visitor gets the other variant, not the kept one.
    const questionsClose = Date.parse(extended.body.timeline.questionDeadline!);
    platform.clock.advance(questionsClose - platform.clock.now().getTime() + DAY);
    const later = await platform.client().get<Challenge>(path);
    expect(later.body.questionsOpen).toBe(false);
    expect(later.body).toEqual(await fresh());
  });

  it("never keeps a draft, and hides it from outsiders whatever was read before", async () => {
    const draft = await createDraft(platform, city.member.client, city.organisationId);
    const path = `/api/v1/challenges/${draft.id}`;
    expect((await city.member.client.get<Challenge>(path)).status).toBe(200);
    expect((await reader.client.get(path)).status).toBe(404);
    expect((await platform.client().get(path)).status).toBe(404);
    expect((await city.member.client.get<Challenge>(path)).body.status).toBe("draft");
  });

  it("shows a change at once to the one who made it", async () => {
    const challenge = await publishedChallenge(platform, city);
    const path = `/api/v1/challenges/${challenge.id}`;
    await reader.client.get<Challenge>(path);
    const question = await reader.client.post(`${path}/questions`, {
      question: "Can the pilot start before the summer holidays?",
    });
    expect(question.status).toBe(201);
    const extended = await city.member.client.post<Challenge>(`${path}/timeline`, {
      questionDeadline: new Date(
        Date.parse(challenge.timeline.questionDeadline!) + 2 * DAY,
      ).toISOString(),
      reason: "More time for questions",
    });
    expect(extended.status).toBe(200);
    const after = await reader.client.get<Challenge>(path);
    expect(after.body.timeline.questionDeadline).toBe(extended.body.timeline.questionDeadline);
    expect(after.body.announcements.length).toBe(challenge.announcements.length + 1);
  });
});
