import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../core/audit/schema.ts";
import { MINUTE } from "../../core/clock.ts";
import type { DeliveryPreferences, NotificationList } from "./contract.ts";
import {
  type Person,
  personSpeaking,
  raise,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

interface Problem {
  code: string;
  errors?: Array<{ field: string; message: string }>;
}

describe("notification routes", () => {
  let platform: WatchedPlatform;
  let owner: Person;
  let stranger: Person;
  beforeAll(async () => {
    platform = await watchedPlatform();
    owner = await personSpeaking(platform);
    stranger = await personSpeaking(platform);
    for (const title of ["One", "Two", "Three", "Four", "Five"]) {
      await raise(platform, [owner.userId], "challenge_idea", { challenge: title });
      platform.clock.advance(MINUTE);
    }
    await raise(platform, [stranger.userId], "challenge_idea", { challenge: "Stranger's" });
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const list = (person: Person, query = "") =>
    person.client.get<NotificationList>(`/api/v1/me/notifications${query}`);

  it("pages through a person's own notifications, newest first, with a cursor", async () => {
    const first = await list(owner, "?limit=2");
    expect(first.status).toBe(200);
    expect(first.body.notifications.map((n) => n.params.challenge)).toEqual(["Five", "Four"]);
    expect(first.body.unreadCount).toBe(5);
    // A notification arriving between pages does not shift the next page.
    await raise(platform, [owner.userId], "challenge_idea", { challenge: "Newest" });
    const second = await list(owner, `?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.notifications.map((n) => n.params.challenge)).toEqual(["Three", "Two"]);
    const third = await list(owner, `?limit=2&cursor=${second.body.nextCursor}`);
    expect(third.body.notifications.map((n) => n.params.challenge)).toEqual(["One"]);
    expect(third.body.nextCursor).toBeNull();
  });

  it("never shows anyone else's notifications", async () => {
    const mine = await list(stranger);
    expect(mine.body.notifications.map((n) => n.params.challenge)).toEqual(["Stranger's"]);
    const theirs = await list(owner, "?limit=100");
    expect(theirs.body.notifications.map((n) => n.params.challenge)).not.toContain("Stranger's");
  });

  it("lets the owner mark a notification read, and nobody else", async () => {
    const target = (await list(owner)).body.notifications[0]!;
    const before = await owner.client.get<{ unreadCount: number }>(
      "/api/v1/me/notifications/unread-count",
    );

    const refused = await stranger.client.post<{ unreadCount: number }>(
      "/api/v1/me/notifications/read",
      { ids: [target.id] },
    );
    expect(refused.status).toBe(200);
    expect(refused.body.unreadCount).toBe(1);
    expect((await list(owner)).body.notifications[0]?.readAt).toBeNull();

    const marked = await owner.client.post<{ unreadCount: number }>(
      "/api/v1/me/notifications/read",
      { ids: [target.id] },
    );
    expect(marked.status).toBe(200);
    expect(marked.body.unreadCount).toBe(before.body.unreadCount - 1);
    expect((await list(owner)).body.notifications[0]?.readAt).toBe(
      platform.clock.now().toISOString(),
    );
    const unreadOnly = await list(owner, "?unread=true&limit=100");
    expect(unreadOnly.body.notifications.map((n) => n.id)).not.toContain(target.id);
  });

  it("marks all of the caller's notifications read, leaving others' unread", async () => {
    const all = await owner.client.post<{ unreadCount: number }>("/api/v1/me/notifications/read", {
      all: true,
    });
    expect(all.body.unreadCount).toBe(0);
    const strangers = await stranger.client.get<{ unreadCount: number }>(
      "/api/v1/me/notifications/unread-count",
    );
    expect(strangers.body.unreadCount).toBe(1);
  });

  it("answers 401 to anonymous callers on every route", async () => {
    const anonymous = platform.client();
    for (const [method, url, body] of [
      ["GET", "/api/v1/me/notifications", undefined],
      ["GET", "/api/v1/me/notifications/unread-count", undefined],
      ["POST", "/api/v1/me/notifications/read", { all: true }],
      ["GET", "/api/v1/me/notification-preferences", undefined],
      [
        "PUT",
        "/api/v1/me/notification-preferences",
        { preferences: [{ kind: "challenge_idea", delivery: "off" }] },
      ],
    ] as const) {
      const response = await anonymous.request<Problem>(method, url, body ? { body } : {});
      expect(response.status, `${method} ${url}`).toBe(401);
      expect(response.body.code).toBe("unauthenticated");
    }
  });

  it("refuses cookie writes without the anti-forgery token", async () => {
    const response = await owner.client.request<Problem>("POST", "/api/v1/me/notifications/read", {
      body: { all: true },
      csrf: false,
    });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe("csrf_token_invalid");
  });

  it("shows each kind's delivery, defaults included, and saves a person's choices", async () => {
    const person = await personSpeaking(platform);
    const defaults = await person.client.get<DeliveryPreferences>(
      "/api/v1/me/notification-preferences",
    );
    expect(defaults.body.preferences.map(({ kind, delivery }) => ({ kind, delivery }))).toEqual([
      { kind: "challenge_question", delivery: "immediately" },
      { kind: "challenge_answer", delivery: "daily" },
      { kind: "challenge_timeline", delivery: "daily" },
      { kind: "challenge_status", delivery: "daily" },
      { kind: "challenge_idea", delivery: "daily" },
      { kind: "content_hidden", delivery: "immediately" },
      { kind: "saved_search_match", delivery: "daily" },
      { kind: "challenge_match", delivery: "daily" },
      { kind: "award_made", delivery: "immediately" },
      { kind: "award_cancelled", delivery: "immediately" },
      { kind: "consortium_invitation", delivery: "immediately" },
      { kind: "consortium_accepted", delivery: "immediately" },
      { kind: "consortium_declined", delivery: "immediately" },
      { kind: "consortium_member_left", delivery: "immediately" },
      { kind: "consortium_lead_handed_over", delivery: "immediately" },
      { kind: "consortium_dissolved", delivery: "daily" },
      { kind: "event_seat", delivery: "immediately" },
      { kind: "event_cancelled", delivery: "immediately" },
      { kind: "meeting_request", delivery: "immediately" },
      { kind: "meeting_answered", delivery: "immediately" },
      { kind: "meetings_scheduled", delivery: "immediately" },
      { kind: "meetings_changed", delivery: "immediately" },
      { kind: "hackathon_invitation", delivery: "immediately" },
      { kind: "hackathon_results", delivery: "immediately" },
      { kind: "reference_to_verify", delivery: "immediately" },
      { kind: "reference_verified", delivery: "immediately" },
      { kind: "reference_rejected", delivery: "immediately" },
      { kind: "funding_deadline", delivery: "immediately" },
    ]);
    const mark = (await platform.database.db.select().from(auditEvents)).length;
    const saved = await person.client.put<DeliveryPreferences>(
      "/api/v1/me/notification-preferences",
      {
        preferences: [
          { kind: "challenge_idea", delivery: "weekly" },
          { kind: "challenge_answer", delivery: "daily" },
        ],
      },
    );
    expect(saved.status).toBe(200);
    // Only what changed is audited (challenge_answer was daily already).
    const events = (await platform.database.db.select().from(auditEvents).orderBy(auditEvents.seq))
      .slice(mark)
      .map(({ action, actorId, subjectId, payload }) => ({ action, actorId, subjectId, payload }));
    expect(events).toEqual([
      {
        action: "notification.delivery_changed",
        actorId: person.userId,
        subjectId: person.userId,
        payload: { changes: [{ kind: "challenge_idea", from: "daily", to: "weekly" }] },
      },
    ]);
    expect(saved.body.preferences).toContainEqual({
      kind: "challenge_idea",
      delivery: "weekly",
      defaultDelivery: "daily",
    });
    // Someone else's choices are their own.
    const others = await stranger.client.get<DeliveryPreferences>(
      "/api/v1/me/notification-preferences",
    );
    expect(others.body.preferences).toContainEqual({
      kind: "challenge_idea",
      delivery: "daily",
      defaultDelivery: "daily",
    });
  });

  it("answers bad input with 400, naming the field", async () => {
    const cases: Array<[string, string, unknown, string]> = [
      ["GET", "/api/v1/me/notifications?limit=0", undefined, "query.limit"],
      ["GET", "/api/v1/me/notifications?unread=maybe", undefined, "query.unread"],
      ["GET", "/api/v1/me/notifications?cursor=bm90LWEtY3Vyc29y", undefined, "query.cursor"],
      ["GET", "/api/v1/me/notifications?colour=red", undefined, "query.colour"],
      ["POST", "/api/v1/me/notifications/read", {}, "body"],
      ["POST", "/api/v1/me/notifications/read", { ids: ["not-a-uuid"] }, "body.ids.0"],
      ["POST", "/api/v1/me/notifications/read", { ids: [], all: true }, "body.ids"],
      [
        "PUT",
        "/api/v1/me/notification-preferences",
        { preferences: [{ kind: "challenge_idea", delivery: "hourly" }] },
        "body.preferences.0.delivery",
      ],
      [
        "PUT",
        "/api/v1/me/notification-preferences",
        { preferences: [{ kind: "gossip", delivery: "off" }] },
        "body.preferences.0.kind",
      ],
      [
        "PUT",
        "/api/v1/me/notification-preferences",
        {
          preferences: [
            { kind: "challenge_idea", delivery: "off" },
            { kind: "challenge_idea", delivery: "daily" },
          ],
        },
        "body.preferences",
      ],
    ];
    for (const [method, url, body, field] of cases) {
      const response = await owner.client.request<Problem>(
        method as "GET",
        url,
        body === undefined ? {} : { body },
      );
      expect(response.status, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      expect(response.body.code).toBe("validation_failed");
      expect(response.body.errors?.map((error) => error.field)).toContain(field);
    }
  });
});

describe("sample notifications in demo mode", () => {
  it("are sent only to the caller, and only in demo mode", async () => {
    const demo = await watchedPlatform({ DEMO: "1" });
    const plain = await watchedPlatform();
    try {
      const person = await personSpeaking(demo);
      const anonymous = await demo.client().post("/api/v1/demo/notifications", {});
      expect(anonymous.status).toBe(401);
      const sent = await person.client.post<{ unreadCount: number }>("/api/v1/demo/notifications", {
        kind: "challenge_question",
      });
      expect(sent.status).toBe(201);
      expect(sent.body.unreadCount).toBe(1);
      const list = await person.client.get<NotificationList>("/api/v1/me/notifications");
      expect(list.body.notifications[0]).toMatchObject({
        kind: "challenge_question",
        link: "/notifications",
      });

      const elsewhere = await personSpeaking(plain);
      expect((await elsewhere.client.post("/api/v1/demo/notifications", {})).status).toBe(404);
    } finally {
      await demo.close();
      await plain.close();
    }
  });
});
