import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { markNotificationsRead } from "./commands/read-notifications.ts";
import { type Listen, UnreadCountFeed } from "./live-counts.ts";
import { personSpeaking, raise, type WatchedPlatform, watchedPlatform } from "./test/factories.ts";

// The feed behind the live bell, on the test's engine (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set, where counts are read on several pooled connections).
describe("live unread counts", () => {
  let platform: WatchedPlatform;
  let feed: UnreadCountFeed;
  let resume: (() => void) | undefined;
  /** While true, announcements reach the feed's listener and are dropped (a lost connection). */
  let deaf = false;
  const dropped: string[] = [];
  beforeAll(async () => {
    platform = await watchedPlatform();
    // The database's own LISTEN, with a hand on what a dropped connection does.
    const listen: Listen = (channel, handler, onGap) => {
      resume = () => onGap?.("resumed");
      return platform.database.listen(
        channel,
        (payload) => (deaf ? dropped.push(payload) : handler(payload)),
        onGap,
      );
    };
    feed = new UnreadCountFeed(platform.ctx.db, listen);
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(async () => {
    await feed.close();
    await platform.close();
  });

  it("ends on the count after the last of many notifications made at once, never going back", async () => {
    const person = await personSpeaking(platform);
    const counts: number[] = [];
    const unsubscribe = await feed.subscribe(person.userId, (count) => counts.push(count));
    await Promise.all(
      Array.from({ length: 24 }, () => raise(platform, [person.userId], "challenge_status")),
    );
    await vi.waitFor(() => expect(counts).toContain(24));
    await feed.settled();
    unsubscribe();
    expect(counts.at(-1)).toBe(24);
    // One read at a time, each after the announcement that asked for it: never a lower count
    // after a higher one (two pooled reads could answer out of order).
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });

  it("announces the lower count when some are read, to each of the person's open streams", async () => {
    const person = await personSpeaking(platform);
    const other = await personSpeaking(platform);
    const firstTab: number[] = [];
    const secondTab: number[] = [];
    const otherPerson: number[] = [];
    const unsubscribers = [
      await feed.subscribe(person.userId, (count) => firstTab.push(count)),
      await feed.subscribe(person.userId, (count) => secondTab.push(count)),
      await feed.subscribe(other.userId, (count) => otherPerson.push(count)),
    ];
    await raise(platform, [person.userId, other.userId], "challenge_status");
    await raise(platform, [person.userId], "challenge_answer");
    await vi.waitFor(() => expect(firstTab).toContain(2));
    await vi.waitFor(() => expect(otherPerson).toContain(1));
    await feed.settled();
    for (const counts of [firstTab, secondTab, otherPerson]) counts.length = 0;

    expect(await markNotificationsRead(platform.ctx, person.userId, { all: true })).toBe(0);
    await vi.waitFor(() => expect(firstTab).toEqual([0]));
    await feed.settled();
    expect(secondTab).toEqual([0]);
    expect(otherPerson).toEqual([]);
    for (const unsubscribe of unsubscribers) unsubscribe();
  });

  it("sends everyone listening a fresh count when the listening connection is back", async () => {
    const person = await personSpeaking(platform);
    const counts: number[] = [];
    const unsubscribe = await feed.subscribe(person.userId, (count) => counts.push(count));
    deaf = true;
    await raise(platform, [person.userId], "challenge_status");
    await vi.waitFor(() => expect(dropped).toContain(person.userId));
    deaf = false;
    await feed.settled();
    expect(counts).toEqual([]);
    expect(resume).toBeTypeOf("function");
    resume?.();
    await feed.settled();
    unsubscribe();
    expect(counts).toEqual([1]);
  });
});
