import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DAY, HOUR } from "../../core/clock.ts";
import { sendDueDigests } from "./index.ts";
import {
  choose,
  mailsTo,
  type Person,
  personSpeaking,
  raise,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";
import { mailTexts } from "./texts.ts";

describe("digests", () => {
  let platform: WatchedPlatform;
  beforeAll(async () => {
    platform = await watchedPlatform();
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const digestSubjects = new Set(
    Object.values(mailTexts).flatMap((text) => [text.dailySubject, text.weeklySubject]),
  );
  const digestsTo = async (person: Person) =>
    (await mailsTo(platform, person.email)).filter((mail) => digestSubjects.has(mail.subject));

  it("sends a daily digest once a day has passed, listing each notification with its link", async () => {
    const person = await personSpeaking(platform);
    await raise(
      platform,
      [person.userId],
      "challenge_answer",
      { challenge: "Flood sensors" },
      "/challenges/a#qa",
    );
    platform.clock.advance(2 * HOUR);
    await raise(
      platform,
      [person.userId],
      "challenge_status",
      { challenge: "Heat maps" },
      "/challenges/b",
    );

    platform.clock.advance(20 * HOUR);
    await sendDueDigests(platform.ctx);
    expect(await digestsTo(person)).toEqual([]);

    platform.clock.advance(4 * HOUR);
    await sendDueDigests(platform.ctx);
    const digests = await digestsTo(person);
    expect(digests).toHaveLength(1);
    expect(digests[0]?.subject).toBe("Your daily digest from the City Solutions Platform");
    expect(digests[0]?.text).toContain(
      "- A question about “Flood sensors” was answered.\n  http://csp.test/challenges/a#qa",
    );
    expect(digests[0]?.text).toContain(
      "- “Heat maps” has a new status.\n  http://csp.test/challenges/b",
    );
    expect(digests[0]?.html).toContain('<a href="http://csp.test/challenges/b">');
  });

  it("never lists a notification twice, and waits a full day after the last digest", async () => {
    const person = await personSpeaking(platform);
    await raise(platform, [person.userId], "challenge_idea", { challenge: "First" });
    platform.clock.advance(DAY);
    await sendDueDigests(platform.ctx);
    await sendDueDigests(platform.ctx);
    expect(await digestsTo(person)).toHaveLength(1);

    platform.clock.advance(HOUR);
    await raise(platform, [person.userId], "challenge_idea", { challenge: "Second" });
    platform.clock.advance(12 * HOUR);
    await sendDueDigests(platform.ctx);
    expect(await digestsTo(person)).toHaveLength(1);

    platform.clock.advance(12 * HOUR);
    await sendDueDigests(platform.ctx);
    const digests = await digestsTo(person);
    expect(digests).toHaveLength(2);
    expect(digests[1]?.text).toContain("“Second”");
    expect(digests[1]?.text).not.toContain("“First”");
  });

  it("sends weekly digests after seven days, and nothing for kinds turned off", async () => {
    const person = await personSpeaking(platform);
    await choose(person, { challenge_timeline: "weekly", challenge_answer: "off" });
    await raise(platform, [person.userId], "challenge_timeline", { challenge: "Weekly one" });
    await raise(platform, [person.userId], "challenge_answer", { challenge: "Silent one" });

    platform.clock.advance(6 * DAY);
    await sendDueDigests(platform.ctx);
    expect(await digestsTo(person)).toEqual([]);

    platform.clock.advance(DAY);
    await sendDueDigests(platform.ctx);
    const digests = await digestsTo(person);
    expect(digests.map((mail) => mail.subject)).toEqual([
      "Your weekly digest from the City Solutions Platform",
    ]);
    expect(digests[0]?.text).toContain("“Weekly one”");
    expect(digests[0]?.text).not.toContain("Silent one");

    platform.clock.advance(30 * DAY);
    await sendDueDigests(platform.ctx);
    expect(await digestsTo(person)).toHaveLength(1);
  });

  it("leaves out what was already read in the app, and what was mailed at once", async () => {
    const person = await personSpeaking(platform);
    await choose(person, { challenge_answer: "daily" });
    await raise(platform, [person.userId], "challenge_answer", { challenge: "Read already" });
    const list = await person.client.get<{ notifications: Array<{ id: string }> }>(
      "/api/v1/me/notifications",
    );
    await person.client.post("/api/v1/me/notifications/read", {
      ids: [list.body.notifications[0]!.id],
    });
    await raise(platform, [person.userId], "challenge_question", { challenge: "Mailed at once" });
    await raise(platform, [person.userId], "challenge_answer", { challenge: "Still new" });
    platform.clock.advance(DAY);
    await sendDueDigests(platform.ctx);
    const [digest] = await digestsTo(person);
    expect(digest?.text).toContain("“Still new”");
    expect(digest?.text).not.toContain("Read already");
    expect(digest?.text).not.toContain("Mailed at once");
  });

  it("writes each person's digest in their language", async () => {
    const french = await personSpeaking(platform, "fr");
    const spanish = await personSpeaking(platform, "es");
    await raise(platform, [french.userId, spanish.userId], "saved_search_match", {
      challenge: "Compostage",
      search: "déchets",
    });
    platform.clock.advance(DAY);
    await sendDueDigests(platform.ctx);
    const [fr] = await digestsTo(french);
    expect(fr?.subject).toBe("Votre résumé quotidien de la plateforme City Solutions");
    expect(fr?.text).toContain(
      "Un nouveau défi correspond à votre recherche enregistrée « déchets » : « Compostage ».",
    );
    const [es] = await digestsTo(spanish);
    expect(es?.subject).toBe("Su resumen diario de la plataforma City Solutions");
    expect(es?.text).toContain("Hola, ");
  });

  it("sends one digest when two processes run at once", async () => {
    const people = await Promise.all([1, 2, 3].map(() => personSpeaking(platform)));
    await raise(
      platform,
      people.map((person) => person.userId),
      "challenge_status",
      { challenge: "Raced" },
    );
    platform.clock.advance(DAY);
    const [first, second] = await Promise.all([
      sendDueDigests(platform.ctx),
      sendDueDigests(platform.ctx),
    ]);
    expect(first + second).toBe(3);
    for (const person of people) expect(await digestsTo(person)).toHaveLength(1);
  });

  it("lists at most 50 and says how many more wait in the app", async () => {
    const person = await personSpeaking(platform);
    for (let n = 1; n <= 52; n += 1) {
      await raise(platform, [person.userId], "challenge_idea", { challenge: `Idea board ${n}` });
    }
    platform.clock.advance(DAY);
    await sendDueDigests(platform.ctx);
    const [digest] = await digestsTo(person);
    expect(digest?.text.match(/^- /gm)).toHaveLength(50);
    expect(digest?.text).toContain("… and 2 more in the app.");
    // All 52 count as delivered: the next digest does not repeat them.
    platform.clock.advance(DAY);
    await sendDueDigests(platform.ctx);
    expect(await digestsTo(person)).toHaveLength(1);
  });

  it("runs from the module's housekeeping", async () => {
    const person = await personSpeaking(platform);
    await raise(platform, [person.userId], "challenge_status", { challenge: "Housekept" });
    platform.clock.advance(DAY);
    const notifications = platform.modules.find((module) => module.name === "notifications");
    await notifications?.housekeeping?.();
    expect(await digestsTo(person)).toHaveLength(1);
  });
});
