import i18next from "i18next";
import ICAL from "ical.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../core/testing/http-client.ts";
import { findPerson } from "../accounts/index.ts";
import { auditMark, auditSince, notificationKinds } from "../challenges/test/factories.ts";
import { mailsTo } from "../notifications/test/factories.ts";
import { defineSetup, setupBody } from "../procurement/test/evaluation-factories.ts";
import {
  type CityTeam,
  cityTeam,
  memberOf,
  openChallenge,
  platformAdmin,
  provider,
  type WatchedPlatform,
  watchedPlatform,
} from "../procurement/test/factories.ts";
import type { Event, EventBody } from "./contract.ts";
import type {
  Agenda,
  Brokerage,
  BrokerageSetupBody,
  MeetingRequest,
  MeetingRequestList,
  ProfileDirectory,
  ScheduleResult,
} from "./contract-brokerage.ts";
import {
  acceptedRequests,
  meetingsOf,
  profilesOf,
  slotsOf,
  unavailableTablesOf,
} from "./repository-brokerage.ts";
import { findScheduleViolations, type SchedulingProblem } from "./scheduling/index.ts";
import en from "./web/locales/en.json" with { type: "json" };
import es from "./web/locales/es.json" with { type: "json" };
import fr from "./web/locales/fr.json" with { type: "json" };

const locales = { en, fr, es };

type Problem = {
  code: string;
  detail?: string;
  params?: Record<string, string>;
  errors?: Array<{ field: string; message: string }>;
};
type Signed = Awaited<ReturnType<WatchedPlatform["signedIn"]>>;

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
}

/**
 * 1:1 brokerage meetings: who may do what, request → accept → schedule → agenda (checked by the
 * scheduler's referee on what was stored), re-runs keep confirmed meetings, the procurement quiet
 * period, and bad input that writes nothing.
 */
describe("1:1 brokerage meetings", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let admin: Signed;
  let alice: Signed;
  let bob: Signed;
  let carol: Signed;
  let waiting: Signed;
  let stranger: Signed;
  let eventId: string;
  let slotIds: string[];

  // 10:00, 10:30, 11:00 in Copenhagen (UTC+2 in June).
  const setup: BrokerageSetupBody = {
    slots: [
      { startsAt: "2026-06-10T08:00:00.000Z", endsAt: "2026-06-10T08:25:00.000Z" },
      { startsAt: "2026-06-10T08:30:00.000Z", endsAt: "2026-06-10T08:55:00.000Z" },
      { startsAt: "2026-06-10T09:00:00.000Z", endsAt: "2026-06-10T09:25:00.000Z" },
    ],
    tables: ["A1", "A2"],
  };
  const eventBody: EventBody = {
    hostOrganisationIds: [],
    kind: "meeting",
    title: "Brokerage day",
    summary: "Cities and providers meet one to one.",
    startsAt: "2026-06-10T07:00:00.000Z",
    endsAt: "2026-06-10T15:00:00.000Z",
    timeZone: "Europe/Copenhagen",
    venue: "Bella Center",
    capacity: 3,
  };
  const url = (path = "") => `/api/v1/events/${eventId}${path}`;
  const profileBody = (availableSlotIds: string[] | null = null) => ({
    offer: "Rain sensors for basements",
    lookingFor: "Cities piloting cloudburst plans",
    availableSlotIds,
  });

  beforeAll(async () => {
    platform = await watchedPlatform();
    platform.clock.set("2026-05-04T08:00:00.000Z");
    city = await cityTeam(platform, "Copenhagen");
    admin = await platformAdmin(platform);
    const people = await Promise.all(
      ["Alice Andersen", "Bob Berg", "Carol Costa", "Dan Dahl", "Eve Eklund"].map((name) =>
        platform.signedIn({ name }),
      ),
    );
    [alice, bob, carol, waiting, stranger] = people as [Signed, Signed, Signed, Signed, Signed];
    const created = await city.member.client.post<Event>("/api/v1/events", {
      ...eventBody,
      hostOrganisationIds: [city.organisationId],
    });
    expect(created.status).toBe(201);
    eventId = created.body.id;
    await city.member.client.post(url("/status"), { to: "published" });
    for (const person of [alice, bob, carol, waiting]) {
      expect((await person.client.post(url("/registration"))).status).toBe(201);
    }
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  it("lets hosts set up slots and tables, participants publish profiles; refuses everyone else", async () => {
    const anonymous = platform.client();
    const routes: Array<
      [string, (client: TestClient) => Promise<{ status: number; body: unknown }>]
    > = [
      ["read", (client) => client.get(url("/brokerage"))],
      ["set up", (client) => client.put(url("/brokerage"), setup)],
      ["profile", (client) => client.put(url("/brokerage/profile"), profileBody())],
      ["directory", (client) => client.get(url("/brokerage/profiles"))],
      ["requests", (client) => client.get(url("/meeting-requests"))],
      ["ask", (client) => client.post(url("/meeting-requests"), { recipientId: alice.userId })],
      ["schedule", (client) => client.post(url("/brokerage/schedule"))],
      ["agenda", (client) => client.get(url("/agenda"))],
      ["agenda.ics", (client) => client.get(url("/agenda.ics"))],
    ];
    const statuses = async (client: TestClient) => {
      const out: Record<string, number> = {};
      for (const [name, call] of routes) out[name] = (await call(client)).status;
      return out;
    };
    const all = (status: number) =>
      Object.fromEntries(routes.map(([name]) => [name, status])) as Record<string, number>;
    const mark = await auditMark(platform);
    expect(await statuses(anonymous)).toEqual(all(401));
    expect(await statuses(stranger.client)).toEqual(all(403));
    expect(await statuses(waiting.client)).toEqual(all(403));
    expect(await auditSince(platform, mark)).toEqual([]);

    // The host sets up; before that, scheduling has nothing to work with.
    expect((await city.member.client.post<Problem>(url("/brokerage/schedule"))).body.code).toBe(
      "brokerage_not_set_up",
    );
    const set = await city.member.client.put<Brokerage>(url("/brokerage"), setup);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      tables: ["A1", "A2"],
      me: { manage: true, participant: false },
    });
    slotIds = set.body.slots.map((slot) => slot.id);
    expect(slotIds).toHaveLength(3);
    // The platform admin manages too; naming the slots by id keeps them.
    const again = await admin.client.put<Brokerage>(url("/brokerage"), {
      slots: set.body.slots,
      tables: ["A1", "A2"],
    });
    expect(again.status).toBe(200);
    expect(again.body.slots.map((slot) => slot.id)).toEqual(slotIds);

    // A registered participant reads and publishes, but neither sets up nor schedules.
    expect(await statuses(alice.client)).toMatchObject({
      read: 200,
      "set up": 403,
      profile: 200,
      directory: 200,
      requests: 200,
      schedule: 403,
      agenda: 200,
    });
    // The host is no participant: no profile, no requests, no agenda of their own.
    expect(await statuses(city.member.client)).toMatchObject({
      read: 200,
      "set up": 200,
      profile: 403,
      directory: 200,
      requests: 200,
      ask: 403,
      schedule: 200,
      agenda: 403,
    });
    expect((await admin.client.get(url("/brokerage/profiles"))).status).toBe(200);
    // The host's setup above (without ids) replaced the slots: take the current ones.
    slotIds = (await alice.client.get<Brokerage>(url("/brokerage"))).body.slots.map(
      (slot) => slot.id,
    );
  });

  it("requests, accepts, schedules and gives each participant an agenda, in the event's zone", async () => {
    expect((await bob.client.put(url("/brokerage/profile"), profileBody())).status).toBe(200);
    const carolProfile = await carol.client.put<Brokerage>(
      url("/brokerage/profile"),
      profileBody([slotIds[0]!]),
    );
    expect(carolProfile.body.me.profile?.availableSlotIds).toEqual([slotIds[0]]);
    const directory = await alice.client.get<ProfileDirectory>(url("/brokerage/profiles"));
    expect(directory.body.profiles.map((profile) => profile.name).sort()).toEqual([
      "Alice Andersen",
      "Bob Berg",
      "Carol Costa",
    ]);

    const asked = await alice.client.post<MeetingRequest>(url("/meeting-requests"), {
      recipientId: bob.userId,
      message: "Your sensors in our pilot?",
      priority: 2,
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: "pending", priority: 2 });
    // One open request per pair, whoever asks.
    const twice = await bob.client.post<Problem>(url("/meeting-requests"), {
      recipientId: alice.userId,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe("meeting_request_exists");
    const fromCarol = await carol.client.post<MeetingRequest>(url("/meeting-requests"), {
      recipientId: alice.userId,
    });
    expect(fromCarol.status).toBe(201);
    expect(await notificationKinds(bob.client)).toContain("meeting_request");

    // Only the recipient answers.
    expect(
      (
        await alice.client.post(url(`/meeting-requests/${asked.body.id}/answer`), {
          answer: "accepted",
        })
      ).status,
    ).toBe(404);
    for (const [person, id] of [
      [bob, asked.body.id],
      [alice, fromCarol.body.id],
    ] as const) {
      const answered = await person.client.post(url(`/meeting-requests/${id}/answer`), {
        answer: "accepted",
      });
      expect(answered.status).toBe(204);
    }
    expect(await notificationKinds(alice.client)).toContain("meeting_answered");
    const mine = await alice.client.get<MeetingRequestList>(url("/meeting-requests"));
    expect(mine.body.outgoing.map((request) => request.status)).toEqual(["accepted"]);
    expect(mine.body.incoming.map((request) => request.requester.name)).toEqual(["Carol Costa"]);

    const scheduled = await city.member.client.post<ScheduleResult>(url("/brokerage/schedule"));
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({ placed: 2, upperBound: 2, unplaced: 0 });
    await expectValidStoredSchedule();
    // One notification per person, not per meeting: Alice has two meetings, one message.
    for (const person of [alice, bob, carol]) {
      expect(await countKind(person, "meetings_scheduled")).toBe(1);
    }
    expect(await countKind(waiting, "meetings_scheduled")).toBe(0);

    const agenda = await alice.client.get<Agenda>(url("/agenda"));
    expect(agenda.body.timeZone).toBe("Europe/Copenhagen");
    expect(agenda.body.meetings.map((meeting) => meeting.with.name)).toEqual([
      "Carol Costa",
      "Bob Berg",
    ]);
    // Carol can meet only in the first slot.
    expect(agenda.body.meetings[0]).toMatchObject({
      slotId: slotIds[0],
      startsAt: "2026-06-10T08:00:00.000Z",
    });

    const ics = await alice.client.get<string>(url("/agenda.ics"));
    expect(ics.headers["content-type"]).toContain("text/calendar");
    const vevents = parseCalendar(ics.raw.payload);
    expect(vevents).toHaveLength(2);
    const first = vevents[0]!;
    expect(first.startDate.zone?.tzid).toBe("Europe/Copenhagen");
    // 10:00 local in June is 08:00 UTC.
    expect(first.startDate.toString()).toBe("2026-06-10T10:00:00");
    expect(first.startDate.toJSDate().toISOString()).toBe("2026-06-10T08:00:00.000Z");
    expect(first.summary).toContain("Carol Costa");

    // The personal feed lists the meetings beside the events.
    const feed = await alice.client.post<{ url: string }>("/api/v1/me/calendar-feed");
    const text = await platform.client().get<string>(new URL(feed.body.url).pathname);
    expect(text.status).toBe(200);
    expect(parseCalendar(text.raw.payload).map((vevent) => vevent.summary)).toEqual(
      expect.arrayContaining(["Brokerage day", expect.stringContaining("Bob Berg")]),
    );
  });

  it("keeps confirmed meetings on a re-run and places what was added around them", async () => {
    const before = await meetingsOf(platform.ctx.db, eventId);
    const dan = await platform.signedIn({ name: "Fay Fischer" });
    // The capacity is full: the host raises it so a fourth person joins.
    const event = await city.member.client.get<Event>(url());
    const raised = await city.member.client.put(url(), {
      ...eventBody,
      hostOrganisationIds: [city.organisationId],
      description: event.body.description,
      capacity: 10,
    });
    expect(raised.status).toBe(200);
    // The waiting person moved up with the larger capacity; a newcomer registers.
    expect((await dan.client.post(url("/registration"))).status).toBe(201);
    await dan.client.put(url("/brokerage/profile"), profileBody());
    const asked = await bob.client.post<MeetingRequest>(url("/meeting-requests"), {
      recipientId: dan.userId,
    });
    await dan.client.post(url(`/meeting-requests/${asked.body.id}/answer`), { answer: "accepted" });

    const rerun = await city.member.client.post<ScheduleResult>(url("/brokerage/schedule"));
    expect(rerun.body).toMatchObject({
      placed: 3,
      unplaced: 0,
      stability: { confirmed: 2, kept: 2, moved: 0, unplaced: 0 },
    });
    const after = await meetingsOf(platform.ctx.db, eventId);
    for (const meeting of before) {
      expect(after).toContainEqual(
        expect.objectContaining({
          requestId: meeting.requestId,
          slotId: meeting.slotId,
          tableName: meeting.tableName,
        }),
      );
    }
    await expectValidStoredSchedule();
  });

  it("closes tables per slot (hosts only); the next run moves meetings off them and tells each person once", async () => {
    const anonymous = platform.client();
    const before = await meetingsOf(platform.ctx.db, eventId);
    const requests = await acceptedRequests(platform.ctx.db, eventId);
    const pair = (a: Signed, b: Signed) =>
      requests.find(
        (request) =>
          [request.requesterId, request.recipientId].sort().join() ===
          [a.userId, b.userId].sort().join(),
      )!;
    const aliceBob = before.find((meeting) => meeting.requestId === pair(alice, bob).id)!;
    const aliceCarol = before.find((meeting) => meeting.requestId === pair(alice, carol).id)!;
    expect(aliceCarol.slotId).toBe(slotIds[0]);
    // Every table in the first slot (Carol's only one), and Alice and Bob's table in theirs.
    const closing = {
      unavailable: [
        { slotId: slotIds[0]!, table: "A1" },
        { slotId: slotIds[0]!, table: "A2" },
        { slotId: aliceBob.slotId, table: aliceBob.tableName },
      ],
    };
    const path = url("/brokerage/unavailable-tables");
    const otherCity = await cityTeam(platform, "Paris");
    const mark = await auditMark(platform);
    expect((await anonymous.put(path, closing)).status).toBe(401);
    for (const person of [stranger, alice, otherCity.member]) {
      const refused = await person.client.put<Problem>(path, closing);
      expect(refused.status).toBe(403);
    }
    expect(await auditSince(platform, mark)).toEqual([]);
    const closed = await city.member.client.put<Brokerage>(path, closing);
    expect(closed.status).toBe(200);
    expect(closed.body.unavailableTables).toHaveLength(3);
    expect(closed.body.unavailableTables).toEqual(expect.arrayContaining(closing.unavailable));
    // Stored: participants read it too, and the admin may change it.
    expect(
      (await alice.client.get<Brokerage>(url("/brokerage"))).body.unavailableTables,
    ).toHaveLength(3);
    expect((await admin.client.put(path, closing)).status).toBe(200);
    expect((await auditSince(platform, mark)).map((record) => record.action)).toEqual([
      "event.tables_closed",
      "event.tables_closed",
    ]);

    const counts = async () =>
      Promise.all([alice, bob, carol].map((person) => countKind(person, "meetings_changed")));
    const changedBefore = await counts();
    // Carol wants such news in her daily digest: no e-mail at once for her, one for Alice.
    const prefers = await carol.client.put("/api/v1/me/notification-preferences", {
      preferences: [{ kind: "meetings_changed", delivery: "daily" }],
    });
    expect(prefers.status).toBe(200);
    const changeMails = async (person: Signed) =>
      (await mailsTo(platform, person.email)).filter((mail) =>
        mail.subject.includes("meeting agenda at “Brokerage day” changed"),
      ).length;
    expect(await changeMails(alice)).toBe(0);
    const rerun = await city.member.client.post<ScheduleResult>(url("/brokerage/schedule"));
    expect(rerun.status).toBe(200);
    const after = await meetingsOf(platform.ctx.db, eventId);
    // Nothing sits at a closed table.
    for (const meeting of after) {
      expect(closing.unavailable).not.toContainEqual({
        slotId: meeting.slotId,
        table: meeting.tableName,
      });
    }
    expect(after.map((meeting) => meeting.requestId)).not.toContain(aliceCarol.requestId);
    expect(after.find((meeting) => meeting.requestId === aliceBob.requestId)).toMatchObject({
      slotId: aliceBob.slotId,
    });
    await expectValidStoredSchedule();
    // Alice lost one meeting and had the other moved to another table: one message, like Bob's
    // and Carol's.
    expect((await counts()).map((count, index) => count - changedBefore[index]!)).toEqual([
      1, 1, 1,
    ]);
    expect(await changeMails(alice)).toBe(1);
    expect(await changeMails(carol)).toBe(0);
    // A table dropped from the setup takes its closures with it; a kept one keeps them.
    const slots = (await alice.client.get<Brokerage>(url("/brokerage"))).body.slots;
    const narrowed = await city.member.client.put<Brokerage>(url("/brokerage"), {
      slots,
      tables: ["A1"],
    });
    const keptClosures = closing.unavailable.filter((entry) => entry.table === "A1");
    expect(narrowed.body.unavailableTables).toHaveLength(keptClosures.length);
    expect(narrowed.body.unavailableTables).toEqual(expect.arrayContaining(keptClosures));
    await city.member.client.put(url("/brokerage"), { slots, tables: ["A1", "A2"] });
    // Opening the tables again leaves them open for the next run.
    expect(
      (await city.member.client.put<Brokerage>(path, { unavailable: [] })).body.unavailableTables,
    ).toEqual([]);
  });

  it("refuses bad input naming the field, and writes nothing", async () => {
    const mark = await auditMark(platform);
    const badSetup = await city.member.client.put<Problem>(url("/brokerage"), {
      slots: [{ startsAt: "2026-06-10T09:00:00.000Z", endsAt: "2026-06-10T08:00:00.000Z" }],
      tables: ["A1", "A1"],
    });
    expect(badSetup.status).toBe(400);
    expect(badSetup.body.errors?.map((error) => error.field).sort()).toEqual([
      "body.slots.0.endsAt",
      "body.tables.1",
    ]);
    const unknownSlot = await city.member.client.put<Problem>(url("/brokerage"), {
      slots: [{ id: stranger.userId, ...setup.slots[0]! }],
      tables: ["A1"],
    });
    expect(unknownSlot.body.errors?.map((error) => error.field)).toEqual(["body.slots.0.id"]);
    const badProfile = await alice.client.put<Problem>(url("/brokerage/profile"), {
      ...profileBody([stranger.userId]),
    });
    expect(badProfile.status).toBe(400);
    expect(badProfile.body.errors?.map((error) => error.field)).toEqual([
      "body.availableSlotIds.0",
    ]);
    const badPriority = await alice.client.post<Problem>(url("/meeting-requests"), {
      recipientId: carol.userId,
      priority: 5,
    });
    expect(badPriority.status).toBe(400);
    expect(badPriority.body.errors?.map((error) => error.field)).toEqual(["body.priority"]);
    const notParticipant = await alice.client.post<Problem>(url("/meeting-requests"), {
      recipientId: stranger.userId,
    });
    expect(notParticipant.status).toBe(400);
    expect(notParticipant.body.errors?.map((error) => error.field)).toEqual(["body.recipientId"]);
    const closing = url("/brokerage/unavailable-tables");
    for (const [body, field] of [
      [{ unavailable: [{ slotId: stranger.userId, table: "A1" }] }, "body.unavailable.0.slotId"],
      [{ unavailable: [{ slotId: slotIds[0], table: "Z9" }] }, "body.unavailable.0.table"],
      [
        {
          unavailable: [
            { slotId: slotIds[0], table: "A1" },
            { slotId: slotIds[0], table: "A1" },
          ],
        },
        "body.unavailable.1",
      ],
      [{ unavailable: [{ slotId: slotIds[0] }] }, "body.unavailable.0.table"],
    ] as const) {
      const refused = await city.member.client.put<Problem>(closing, body);
      expect(refused.status, field).toBe(400);
      expect(refused.body.errors?.map((error) => error.field)).toEqual([field]);
    }
    expect(await unavailableTablesOf(platform.ctx.db, eventId)).toEqual([]);
    expect(await auditSince(platform, mark)).toEqual([]);
    expect((await slotsOf(platform.ctx.db, eventId)).map((slot) => slot.id)).toEqual(slotIds);
  });

  async function countKind(person: Signed, kind: string): Promise<number> {
    return (await notificationKinds(person.client)).filter((each) => each === kind).length;
  }

  /** The stored schedule, checked by the scheduler's referee against the stored inputs. */
  async function expectValidStoredSchedule() {
    const db = platform.ctx.db;
    const slots = await slotsOf(db, eventId);
    const profiles = await profilesOf(db, eventId);
    const requests = await acceptedRequests(db, eventId);
    const closed = await unavailableTablesOf(db, eventId);
    const problem: SchedulingProblem = {
      slots: slots.map((slot) => slot.id),
      tables: setup.tables.map((id) => ({
        id,
        unavailableSlots: closed.filter((entry) => entry.tableName === id).map((e) => e.slotId),
      })),
      participants: profiles.map((profile) => ({
        id: profile.userId,
        availableSlots: profile.availableSlotIds ?? slots.map((slot) => slot.id),
      })),
      requests: requests.map((request) => ({
        id: request.id,
        participants: [request.requesterId, request.recipientId] as const,
        priority: request.priority,
      })),
    };
    const stored = (await meetingsOf(db, eventId)).map((meeting) => ({
      requestId: meeting.requestId,
      slotId: meeting.slotId,
      tableId: meeting.tableName,
    }));
    expect(stored.length).toBeGreaterThan(0);
    expect(findScheduleViolations(problem, stored)).toEqual([]);
  }
});

describe("1:1 meetings in a procurement's quiet period", () => {
  let platform: WatchedPlatform;

  beforeAll(async () => {
    platform = await watchedPlatform();
  });
  afterAll(() => platform.close());

  it("refuses a panel member's meeting with a possible bidder's person, both ways, with the reason", async () => {
    const city = await cityTeam(platform, "Copenhagen");
    const chair = await memberOf(platform, city.organisationId, "member");
    const company = await provider(platform, "company", "DK", []);
    const challenge = await openChallenge(platform, city, "Cloudburst-proof districts");
    await defineSetup(
      city.admin.client,
      challenge.id,
      setupBody([{ userId: chair.userId, role: "chair" }]),
    );
    const now = platform.clock.now().getTime();
    const created = await city.member.client.post<Event>("/api/v1/events", {
      hostOrganisationIds: [city.organisationId],
      kind: "meeting",
      title: "Brokerage day",
      summary: "One to one.",
      startsAt: new Date(now + 10 * 86_400_000).toISOString(),
      endsAt: new Date(now + 10 * 86_400_000 + 8 * 3_600_000).toISOString(),
      timeZone: "Europe/Copenhagen",
      venue: "Bella Center",
    });
    const id = created.body.id;
    await city.member.client.post(`/api/v1/events/${id}/status`, { to: "published" });
    for (const person of [chair, company.admin]) {
      await person.client.post(`/api/v1/events/${id}/registration`);
      const profile = await person.client.put(`/api/v1/events/${id}/brokerage/profile`, {
        offer: "Talks",
        lookingFor: "Talks",
      });
      expect(profile.status).toBe(200);
    }
    const chairName = (await findPerson(platform.ctx.db, chair.userId))?.name;
    expect(chairName).toBeTruthy();
    const mark = await auditMark(platform);
    for (const [from, to] of [
      [chair, company.admin],
      [company.admin, chair],
    ] as const) {
      const refused = await from.client.post<Problem>(`/api/v1/events/${id}/meeting-requests`, {
        recipientId: to.userId,
      });
      expect(refused.status).toBe(409);
      expect(refused.headers["content-type"]).toContain("application/problem+json");
      expect(refused.body.code).toBe("quiet_period");
      expect(refused.body.detail).toContain("Cloudburst-proof districts");
      // The reason's code and parameters, for the page to say it in the reader's language.
      expect(refused.body.params).toEqual({
        reason: "panel_member_meets_bidder",
        person: chairName,
        challenge: "Cloudburst-proof districts",
        organisation: company.organisation.name,
      });
      // The page's text in each language takes every parameter (as the browser's i18next does).
      for (const [language, texts] of Object.entries(locales)) {
        const i18n = i18next.createInstance();
        await i18n.init({
          lng: language,
          resources: { [language]: { events: texts } },
          interpolation: { escapeValue: false },
        });
        const text = i18n.t("events:errors.quiet_period", { ...refused.body.params });
        expect(text, language).toContain(chairName!);
        expect(text, language).toContain("Cloudburst-proof districts");
        expect(text, language).toContain(company.organisation.name);
        expect(text, language).not.toContain("{{");
      }
    }
    expect(await auditSince(platform, mark)).toEqual([]);
    const list = await chair.client.get<MeetingRequestList>(
      `/api/v1/events/${id}/meeting-requests`,
    );
    expect(list.body).toEqual({ incoming: [], outgoing: [] });
  });
});
