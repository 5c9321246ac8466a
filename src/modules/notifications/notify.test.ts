import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { seedUser } from "../accounts/index.ts";
import type { NotificationList } from "./contract.ts";
import { notify } from "./index.ts";
import {
  choose,
  mailsTo,
  personSpeaking,
  raise,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

describe("notify", () => {
  let platform: WatchedPlatform;
  beforeAll(async () => {
    platform = await watchedPlatform();
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  it("gives each distinct recipient one notification, in the caller's transaction", async () => {
    const alice = await personSpeaking(platform);
    const bob = await personSpeaking(platform);
    await raise(platform, [alice.userId, bob.userId, alice.userId], "challenge_answer", {
      challenge: "Leak detection in Lyon",
    });
    for (const person of [alice, bob]) {
      const list = await person.client.get<NotificationList>("/api/v1/me/notifications");
      expect(list.status).toBe(200);
      expect(list.body.unreadCount).toBe(1);
      expect(list.body.notifications).toEqual([
        expect.objectContaining({
          kind: "challenge_answer",
          params: { challenge: "Leak detection in Lyon" },
          link: "/challenges/example#qa",
          readAt: null,
        }),
      ]);
    }
  });

  it("notifies nobody when the caller's change rolls back", async () => {
    const carol = await personSpeaking(platform);
    await expect(
      platform.ctx.db.transaction(async (tx) => {
        await notify(platform.ctx, tx, {
          recipients: [carol.userId],
          kind: "challenge_question",
          params: { challenge: "Never published" },
          link: "/challenges/x",
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const count = await carol.client.get<{ unreadCount: number }>(
      "/api/v1/me/notifications/unread-count",
    );
    expect(count.body.unreadCount).toBe(0);
    expect(await mailsTo(platform, carol.email)).toEqual([]);
  });

  it("mails at once only the kinds a person wants immediately (by default: questions, moderation)", async () => {
    const person = await personSpeaking(platform);
    await raise(platform, [person.userId], "challenge_question", { challenge: "Cool roofs" });
    await raise(platform, [person.userId], "challenge_answer", { challenge: "Cool roofs" });
    const mails = await mailsTo(platform, person.email);
    expect(mails.map((mail) => mail.subject)).toEqual([
      "A provider asked a question about “Cool roofs”",
    ]);
    expect(mails[0]?.text).toContain("http://csp.test/challenges/example#qa");
    expect(mails[0]?.text).toContain("http://csp.test/account/notifications");
  });

  it("follows the person's choice: immediately for a daily kind, off for an immediate one", async () => {
    const person = await personSpeaking(platform);
    await choose(person, { challenge_status: "immediately", challenge_question: "off" });
    await raise(platform, [person.userId], "challenge_question", { challenge: "Bus depots" });
    await raise(platform, [person.userId], "challenge_status", { challenge: "Bus depots" });
    expect((await mailsTo(platform, person.email)).map((mail) => mail.subject)).toEqual([
      "“Bus depots” has a new status",
    ]);
    // Off means no e-mail, not no notification.
    const list = await person.client.get<NotificationList>("/api/v1/me/notifications");
    expect(list.body.notifications.map((n) => n.kind).sort()).toEqual([
      "challenge_question",
      "challenge_status",
    ]);
  });

  it("writes in the recipient's language, each recipient in their own", async () => {
    const french = await personSpeaking(platform, "fr");
    const spanish = await personSpeaking(platform, "es");
    await raise(platform, [french.userId, spanish.userId], "content_hidden", {
      challenge: "Eaux pluviales",
    });
    expect((await mailsTo(platform, french.email))[0]?.subject).toBe(
      "Une personne de la modération a masqué l'une de vos contributions sur « Eaux pluviales »",
    );
    expect((await mailsTo(platform, spanish.email))[0]?.subject).toBe(
      "La moderación ocultó una de sus contribuciones en «Eaux pluviales»",
    );
  });

  it("keeps params as written in the text part and escapes them in the HTML part", async () => {
    const person = await personSpeaking(platform);
    const title = `<script>alert("x")</script> & "Tom's" pilot`;
    await raise(platform, [person.userId], "challenge_question", { challenge: title });
    const [mail] = await mailsTo(platform, person.email);
    expect(mail?.text).toContain(title);
    expect(mail?.html).not.toContain("<script>");
    expect(mail?.html).toContain("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38;");
  });

  it("mails no unconfirmed address, but still notifies in the app", async () => {
    const user = await seedUser(platform.ctx, {
      email: `unconfirmed.${Date.now()}@example.org`,
      name: "Unconfirmed",
      password: "correct horse battery staple 42",
      verified: false,
    });
    await raise(platform, [user.id], "challenge_question");
    expect(await mailsTo(platform, user.email)).toEqual([]);
  });

  it("refuses a link that leaves the app", async () => {
    const person = await personSpeaking(platform);
    await expect(
      raise(
        platform,
        [person.userId],
        "challenge_idea",
        { challenge: "x" },
        "https://evil.example",
      ),
    ).rejects.toThrow(/path inside the app/);
  });
});
