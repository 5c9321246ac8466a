import ICAL from "ical.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DAY, HOUR } from "../../core/clock.ts";
import {
  auditMark,
  auditSince,
  type CityTeam,
  cityTeam,
  notificationKinds,
  platformAdmin,
  publishedChallenge,
  type WatchedPlatform,
  watchedPlatform,
} from "../challenges/test/factories.ts";
import type {
  Event,
  EventBody,
  EventList,
  ParticipantList,
  RegistrationResult,
} from "./contract.ts";

type Problem = { code: string; errors?: Array<{ field: string; message: string }> };
type Signed = Awaited<ReturnType<WatchedPlatform["signedIn"]>>;

/** Times in the events are written as the organiser would: local time in the event's zone. */
describe("events", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let other: CityTeam;
  let admin: Signed;

  beforeAll(async () => {
    platform = await watchedPlatform();
    platform.clock.set("2026-05-04T08:00:00.000Z");
    city = await cityTeam(platform, "Copenhagen");
    other = await cityTeam(platform, "Paris");
    admin = await platformAdmin(platform);
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const now = () => platform.clock.now().getTime();
  const body = (overrides: Partial<EventBody> = {}): EventBody => ({
    hostOrganisationIds: [city.organisationId],
    kind: "workshop",
    title: "Cloudburst co-design workshop",
    summary: "Cities and providers sketch sponge-district pilots together.",
    description: "Bring **maps** and sensor data.",
    // 10:00–16:00 in Copenhagen (UTC+2 in June) is 08:00–14:00 UTC.
    startsAt: "2026-06-10T08:00:00.000Z",
    endsAt: "2026-06-10T14:00:00.000Z",
    timeZone: "Europe/Copenhagen",
    venue: "Københavns Rådhus, Rådhuspladsen 1",
    onlineUrl: "https://meet.example.org/cloudburst",
    capacity: 2,
    registrationDeadline: "2026-06-09T20:00:00.000Z",
    challengeIds: [],
    agenda: [
      {
        startsAt: "2026-06-10T08:00:00.000Z",
        endsAt: "2026-06-10T09:00:00.000Z",
        title: "Why sponge districts",
        description: "",
        speakers: [{ name: "Mette Hansen", affiliation: "City of Copenhagen" }],
      },
    ],
    ...overrides,
  });
  const create = async (overrides: Partial<EventBody> = {}) => {
    const response = await city.member.client.post<Event>("/api/v1/events", body(overrides));
    expect(response.status).toBe(201);
    return response.body;
  };
  const publish = async (id: string, client = city.member.client) => {
    const response = await client.post<Event & Problem>(`/api/v1/events/${id}/status`, {
      to: "published",
    });
    expect(response.status).toBe(200);
    return response.body;
  };
  const registerAs = (person: Signed, id: string) =>
    person.client.post<RegistrationResult & Problem>(`/api/v1/events/${id}/registration`);

  it("keeps a draft to its hosts, then shows it to everyone, the online link to the registered only", async () => {
    const draft = await create();
    expect(draft).toMatchObject({
      status: "draft",
      hosts: [{ id: city.organisationId }],
      me: { manage: true, registration: null },
      onlineUrl: "https://meet.example.org/cloudburst",
      agenda: [{ title: "Why sponge districts", speakers: [{ name: "Mette Hansen" }] }],
    });
    expect(draft.descriptionHtml).toContain("<strong>maps</strong>");
    for (const client of [platform.client(), other.member.client]) {
      expect((await client.get<Problem>(`/api/v1/events/${draft.id}`)).status).toBe(404);
      const listed = await client.get<EventList>("/api/v1/events");
      expect(listed.body.events.map((event) => event.id)).not.toContain(draft.id);
    }
    expect((await admin.client.get(`/api/v1/events/${draft.id}`)).status).toBe(200);

    await publish(draft.id);
    const anonymous = await platform.client().get<Event>(`/api/v1/events/${draft.id}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toMatchObject({ status: "published", onlineUrl: null, online: true });
    const listed = await platform.client().get<EventList>("/api/v1/events?kind=workshop");
    expect(listed.body.events.map((event) => event.id)).toContain(draft.id);

    const attendee = await platform.signedIn();
    expect((await registerAs(attendee, draft.id)).status).toBe(201);
    const seen = await attendee.client.get<Event>(`/api/v1/events/${draft.id}`);
    expect(seen.body.onlineUrl).toBe("https://meet.example.org/cloudburst");
    expect(seen.body.me.registration).toMatchObject({
      status: "registered",
      waitlistPosition: null,
    });
  });

  it("fills seats, then the waitlist; a cancellation promotes the first waiting, who is told", async () => {
    const event = await publish((await create()).id);
    const [first, second, third, fourth] = await Promise.all(
      [1, 2, 3, 4].map(() => platform.signedIn()),
    );
    expect((await registerAs(first!, event.id)).body.registration.status).toBe("registered");
    expect((await registerAs(second!, event.id)).body.registration.status).toBe("registered");
    const waiting = await registerAs(third!, event.id);
    expect(waiting.body.registration).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    expect((await registerAs(fourth!, event.id)).body.registration.waitlistPosition).toBe(2);
    // Waiting people do not get the online link.
    expect(
      (await third!.client.get<Event>(`/api/v1/events/${event.id}`)).body.onlineUrl,
    ).toBeNull();
    const again = await registerAs(first!, event.id);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("already_registered");

    const mark = await auditMark(platform);
    const cancelled = await first!.client.delete(`/api/v1/events/${event.id}/registration`);
    expect(cancelled.status).toBe(204);
    const after = await third!.client.get<Event>(`/api/v1/events/${event.id}`);
    expect(after.body).toMatchObject({
      registeredCount: 2,
      waitlistCount: 1,
      me: { registration: { status: "registered" } },
    });
    expect(
      (await fourth!.client.get<Event>(`/api/v1/events/${event.id}`)).body.me.registration,
    ).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    expect(await notificationKinds(third!.client)).toContain("event_seat");
    expect(await notificationKinds(fourth!.client)).not.toContain("event_seat");
    expect((await auditSince(platform, mark)).map((entry) => entry.action)).toEqual([
      "event.registration_cancelled",
      "event.promoted",
    ]);

    const participants = await city.member.client.get<ParticipantList>(
      `/api/v1/events/${event.id}/participants`,
    );
    expect(participants.body.participants.map((entry) => [entry.userId, entry.status])).toEqual([
      [second!.userId, "registered"],
      [third!.userId, "registered"],
      [fourth!.userId, "waitlisted"],
    ]);
    // The participant list is the hosts'.
    for (const client of [first!.client, other.member.client]) {
      expect((await client.get(`/api/v1/events/${event.id}/participants`)).status).toBe(403);
    }
    expect((await platform.client().get(`/api/v1/events/${event.id}/participants`)).status).toBe(
      401,
    );
  });

  it("never oversells seats to people registering at the same moment", async () => {
    const event = await publish((await create({ capacity: 5 })).id);
    const people = await Promise.all(Array.from({ length: 16 }, () => platform.signedIn()));
    const answers = await Promise.all(people.map((person) => registerAs(person, event.id)));
    expect(answers.map((answer) => answer.status)).toEqual(people.map(() => 201));
    const statuses = answers.map((answer) => answer.body.registration.status);
    expect(statuses.filter((status) => status === "registered")).toHaveLength(5);
    const positions = answers
      .map((answer) => answer.body.registration.waitlistPosition)
      .filter((position): position is number => position !== null)
      .sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 11 }, (_, index) => index + 1));
    // And the same person twice at once: one registration.
    const twice = await platform.signedIn();
    const both = await Promise.all([registerAs(twice, event.id), registerAs(twice, event.id)]);
    expect(both.map((answer) => answer.status).sort()).toEqual([201, 409]);
  });

  it("closes registration at the deadline, and refuses bad input field by field, writing nothing", async () => {
    const event = await publish((await create()).id);
    const before = (await city.member.client.get<EventList>("/api/v1/events?limit=100")).body.events
      .length;
    const bad = await city.member.client.post<Problem>(
      "/api/v1/events",
      body({
        endsAt: "2026-06-10T07:00:00.000Z",
        timeZone: "Mars/Olympus_Mons",
        venue: null,
        onlineUrl: "http://insecure.example.org",
        agenda: [],
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((error) => error.field).sort()).toEqual([
      "body.endsAt",
      "body.onlineUrl",
      "body.timeZone",
    ]);
    const notMine = await other.member.client.post<Problem>("/api/v1/events", body());
    expect(notMine.status).toBe(403);
    expect(notMine.body.errors).toEqual([
      { field: "body.hostOrganisationIds.0", message: "is not your organisation" },
    ]);
    const after = (await city.member.client.get<EventList>("/api/v1/events?limit=100")).body.events
      .length;
    expect(after).toBe(before);

    platform.clock.set("2026-06-09T20:00:00.000Z");
    const late = await registerAs(await platform.signedIn(), event.id);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe("registration_closed");
    platform.clock.set("2026-05-04T08:00:00.000Z");
  });

  it("lets the hosts and admins edit, no one else; more seats promote the waitlist", async () => {
    const event = await publish((await create({ capacity: 1 })).id);
    const [seated, waiting] = await Promise.all([platform.signedIn(), platform.signedIn()]);
    await registerAs(seated, event.id);
    await registerAs(waiting, event.id);
    const edit = (client: Signed["client"] | ReturnType<WatchedPlatform["client"]>) =>
      client.put<Event & Problem>(`/api/v1/events/${event.id}`, body({ capacity: 3 }));
    expect((await edit(platform.client())).status).toBe(401);
    expect((await edit(other.member.client)).status).toBe(403);
    expect((await edit(seated.client)).status).toBe(403);
    const edited = await edit(admin.client);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ capacity: 3, registeredCount: 2, waitlistCount: 0 });
    expect(await notificationKinds(waiting.client)).toContain("event_seat");
  });

  it("tells registered and waiting people when the hosts cancel", async () => {
    const challenge = await publishedChallenge(platform, city, { title: "Heat islands" });
    const event = await publish((await create({ capacity: 1, challengeIds: [challenge.id] })).id);
    expect(event.challenges).toEqual([{ id: challenge.id, title: "Heat islands" }]);
    const [seated, waiting] = await Promise.all([platform.signedIn(), platform.signedIn()]);
    await registerAs(seated, event.id);
    await registerAs(waiting, event.id);
    const byChallenge = await platform
      .client()
      .get<EventList>(`/api/v1/events?challengeId=${challenge.id}`);
    expect(byChallenge.body.events.map((entry) => entry.id)).toEqual([event.id]);
    const cancel = await city.member.client.post<Event>(`/api/v1/events/${event.id}/status`, {
      to: "cancelled",
    });
    expect(cancel.body.status).toBe("cancelled");
    expect(await notificationKinds(seated.client)).toContain("event_cancelled");
    expect(await notificationKinds(waiting.client)).toContain("event_cancelled");
    const again = await city.member.client.post<Problem>(`/api/v1/events/${event.id}/status`, {
      to: "published",
    });
    expect(again.body.code).toBe("status_change_refused");
  });

  describe("calendars", () => {
    const parse = (text: string) => {
      const calendar = new ICAL.Component(ICAL.parse(text));
      for (const zone of calendar.getAllSubcomponents("vtimezone")) {
        ICAL.TimezoneService.register(zone);
      }
      return calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
    };

    it("gives an event's .ics in its own zone, the online link only to the registered", async () => {
      const event = await publish((await create({ capacity: 10 })).id);
      const anonymous = await platform.client().get<string>(`/api/v1/events/${event.id}/ics`);
      expect(anonymous.status).toBe(200);
      expect(anonymous.headers["content-type"]).toContain("text/calendar");
      const text = anonymous.raw.payload;
      const [parsed] = parse(text);
      expect(parsed!.summary).toBe("Cloudburst co-design workshop");
      expect(parsed!.startDate.zone?.tzid).toBe("Europe/Copenhagen");
      // 10:00 local in June is 08:00 UTC.
      expect(parsed!.startDate.toString()).toBe("2026-06-10T10:00:00");
      expect(parsed!.startDate.toJSDate().toISOString()).toBe("2026-06-10T08:00:00.000Z");
      expect(parsed!.endDate.toJSDate().toISOString()).toBe("2026-06-10T14:00:00.000Z");
      expect(text).not.toContain("meet.example.org");

      const attendee = await platform.signedIn();
      await registerAs(attendee, event.id);
      const mine = await attendee.client.get<string>(`/api/v1/events/${event.id}/ics`);
      expect(mine.raw.payload).toContain("meet.example.org/cloudburst");
    });

    it("serves a personal feed at a secret address, in each event's zone, revocable", async () => {
      const attendee = await platform.signedIn();
      const copenhagen = await publish((await create({ capacity: 10 })).id);
      const webinar = await publish(
        (
          await create({
            kind: "webinar",
            title: "Sensor data for flood warnings",
            // 09:00–10:30 in New York (UTC−4 in June).
            startsAt: "2026-06-15T13:00:00.000Z",
            endsAt: "2026-06-15T14:30:00.000Z",
            timeZone: "America/New_York",
            venue: null,
            registrationDeadline: null,
            agenda: [],
          })
        ).id,
      );
      await registerAs(attendee, copenhagen.id);
      await registerAs(attendee, webinar.id);
      const made = await attendee.client.post<{ url: string }>("/api/v1/me/calendar-feed");
      expect(made.status).toBe(201);
      const path = new URL(made.body.url).pathname;
      const feed = await platform.client().get(path);
      expect(feed.status).toBe(200);
      const events = parse(feed.raw.payload);
      const byTitle = new Map(events.map((entry) => [entry.summary, entry]));
      expect(byTitle.get("Sensor data for flood warnings")!.startDate.zone?.tzid).toBe(
        "America/New_York",
      );
      expect(byTitle.get("Sensor data for flood warnings")!.startDate.toString()).toBe(
        "2026-06-15T09:00:00",
      );
      expect(
        byTitle.get("Sensor data for flood warnings")!.startDate.toJSDate().toISOString(),
      ).toBe("2026-06-15T13:00:00.000Z");
      expect(byTitle.get("Cloudburst co-design workshop")!.startDate.zone?.tzid).toBe(
        "Europe/Copenhagen",
      );
      // Registered: the online links are in.
      expect(feed.raw.payload).toContain("meet.example.org/cloudburst");

      const status = await attendee.client.get<{ exists: boolean; url: null }>(
        "/api/v1/me/calendar-feed",
      );
      expect(status.body).toMatchObject({ exists: true, url: null });
      const rotated = await attendee.client.post<{ url: string }>("/api/v1/me/calendar-feed");
      expect(rotated.body.url).not.toBe(made.body.url);
      expect((await platform.client().get(path)).status).toBe(404);
      expect((await platform.client().get(new URL(rotated.body.url).pathname)).status).toBe(200);
      expect((await platform.client().get("/api/v1/calendar/not-a-token.ics")).status).toBe(400);
      expect(now()).toBeGreaterThan(0);
    });
  });

  it("refuses registration to drafts and past events", async () => {
    const draft = await create();
    const stranger = await platform.signedIn();
    expect((await registerAs(stranger, draft.id)).status).toBe(404);
    const soon = await publish(
      (
        await create({
          startsAt: new Date(now() + HOUR).toISOString(),
          endsAt: new Date(now() + 2 * HOUR).toISOString(),
          registrationDeadline: null,
          agenda: [],
        })
      ).id,
    );
    platform.clock.advance(DAY);
    const late = await registerAs(stranger, soon.id);
    expect(late.body.code).toBe("registration_closed");
    platform.clock.set("2026-05-04T08:00:00.000Z");
  });
});
