import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY, MINUTE } from "../../core/clock.ts";
import type { Challenge, Idea, IdeaBoard, IdeaComment } from "./contract.ts";
import {
  auditMark,
  auditSince,
  type CityTeam,
  cityTeam,
  notificationKinds,
  type Person,
  platformAdmin,
  publishedChallenge,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

describe("the co-creation board", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let otherCity: CityTeam;
  let author: Person;
  let voter: Person;
  let moderator: Person;
  let admin: Person;
  let challenge: Challenge;
  let ideas: string;

  const board = async (client = platform.client()) =>
    (await client.get<IdeaBoard>(`${ideas}?sort=votes`)).body;

  beforeAll(async () => {
    platform = await watchedPlatform();
    city = await cityTeam(platform, "Copenhagen");
    otherCity = await cityTeam(platform, "Oslo");
    author = await platform.signedIn({ name: "Ada Author" });
    voter = await platform.signedIn();
    moderator = await platform.signedIn({ platformRoles: ["moderator"] });
    admin = await platformAdmin(platform);
    challenge = await publishedChallenge(platform, city);
    ideas = `/api/v1/challenges/${challenge.id}/ideas`;
  });
  afterAll(async () => {
    expect(platform.serverErrors).toEqual([]);
    await platform.close();
  });

  it("takes ideas from verified people while open; the city is told", async () => {
    const posted = await author.client.post<Idea>(ideas, {
      title: "Blue-green roofs",
      body: "Roofs that store rain and release it slowly after the storm.",
    });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ mine: true, votes: 0, author: { name: "Ada Author" } });
    expect(posted.body.reportCount).toBeNull();
    expect(
      (await platform.client().post(ideas, { title: "Anon", body: "Anonymous ideas are refused." }))
        .status,
    ).toBe(401);
    expect(await notificationKinds(city.member.client)).toContain("challenge_idea");
    expect((await board()).open).toBe(true);
  });

  it("counts one vote per person, toggled", async () => {
    const idea = (await board()).ideas[0]!;
    const vote = `${ideas}/${idea.id}/vote`;
    expect((await voter.client.put(vote, undefined)).status).toBe(204);
    expect((await voter.client.put(vote, undefined)).status).toBe(204);
    expect((await board(voter.client)).ideas[0]).toMatchObject({ votes: 1, myVote: true });
    await author.client.put(vote, undefined);
    expect((await board()).ideas[0]!.votes).toBe(2);
    await voter.client.delete(vote);
    expect((await board(voter.client)).ideas[0]).toMatchObject({ votes: 1, myVote: false });
    expect((await platform.client().put(vote, undefined)).status).toBe(401);
  });

  it("lets the author edit for 30 minutes, then answers 409", async () => {
    const idea = (await board()).ideas[0]!;
    const path = `${ideas}/${idea.id}`;
    expect((await voter.client.patch(path, { title: "Someone else's edit" })).status).toBe(403);
    const edited = await author.client.patch<Idea>(path, { title: "Blue-green roofs everywhere" });
    expect(edited.status).toBe(200);
    expect(edited.body.editedAt).not.toBeNull();
    const comment = await voter.client.post<IdeaComment>(`${path}/comments`, {
      body: "Which roofs can carry the load?",
    });
    expect(comment.status).toBe(201);
    platform.clock.advance(31 * MINUTE);
    const late = await author.client.patch<{ code: string }>(path, { title: "Too late now" });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe("editing_window_closed");
    const lateComment = await voter.client.patch<{ code: string }>(
      `${path}/comments/${comment.body.id}`,
      { body: "Edited too late" },
    );
    expect(lateComment.status).toBe(409);
  });

  it("hides reported content with a reason: audited, author told, text blanked", async () => {
    const idea = (await board()).ideas[0]!;
    const path = `${ideas}/${idea.id}`;
    expect((await voter.client.post(`${path}/reports`, { reason: "Advertising" })).status).toBe(
      204,
    );
    expect((await board(city.admin.client)).ideas[0]!.reportCount).toBe(1);
    expect((await board(voter.client)).ideas[0]!.reportCount).toBeNull();
    const reason = { reason: "Advertises a product" };
    for (const client of [
      voter.client,
      author.client,
      city.member.client,
      otherCity.admin.client,
    ]) {
      expect((await client.post(`${path}/hide`, reason)).status).toBe(403);
    }
    expect((await platform.client().post(`${path}/hide`, reason)).status).toBe(401);
    const mark = await auditMark(platform);
    expect((await city.admin.client.post(`${path}/hide`, reason)).status).toBe(204);
    expect((await auditSince(platform, mark)).map((event) => event.payload)).toEqual([
      { ideaId: idea.id, commentId: null, reason: "Advertises a product" },
    ]);
    expect(await notificationKinds(author.client)).toContain("content_hidden");
    const seen = (await board(voter.client)).ideas[0]!;
    expect(seen.title).toBe("");
    expect(seen.body).toBe("");
    expect(seen.moderation).toMatchObject({ hidden: true, reason: "Advertises a product" });
    expect((await board(moderator.client)).ideas[0]!.title).toBe("Blue-green roofs everywhere");
    expect((await board(moderator.client)).ideas[0]!.reportCount).toBe(0);
    expect((await moderator.client.post(`${path}/unhide`, {})).status).toBe(204);
    expect((await board()).ideas[0]!.title).toBe("Blue-green roofs everywhere");
    const comment = (await board()).ideas[0]!.comments[0]!;
    expect((await admin.client.post(`${path}/comments/${comment.id}/hide`, reason)).status).toBe(
      204,
    );
    expect((await board()).ideas[0]!.comments[0]!.body).toBe("");
  });

  it("closes at the question deadline; a market consultation stays open until proposals", async () => {
    const consultation = await publishedChallenge(platform, city, {
      procurementModel: "market_consultation",
    });
    platform.clock.advance(11 * DAY);
    const closed = await author.client.post<{ code: string }>(ideas, {
      title: "After the deadline",
      body: "This idea comes too late for the board.",
    });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe("board_closed");
    expect((await board()).open).toBe(false);
    const stillOpen = await author.client.post(`/api/v1/challenges/${consultation.id}/ideas`, {
      title: "Market input",
      body: "A consultation hears the market until the proposal deadline.",
    });
    expect(stillOpen.status).toBe(201);
  });
});
