import ICAL from "ical.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { organisationWithAdmin } from "../catalogue/test/factories.ts";
import {
  type CityTeam,
  cityTeam,
  type WatchedPlatform,
  watchedPlatform,
} from "../challenges/test/factories.ts";
import { missionGrant, postSource } from "../funding/test/factories.ts";
import type { Event, EventBody } from "./contract.ts";
import type { Brokerage, MeetingRequest, ScheduleResult } from "./contract-brokerage.ts";

/**
 * Hostile text in every .ics the platform writes: an event's title, summary and venue, a
 * person's name and a brokerage table (in 1:1 meetings), a funding source's title and programme,
 * each holding line breaks followed by iCalendar lines of their own (an ATTENDEE, a second
 * VEVENT, an X- property), with CRLF, a lone LF and a lone CR. None may start a line of its own:
 * every content line is one the platform writes, and each value reads back as the text stored.
 */
const injected = (what: string) =>
  [
    `${what} <b>bold</b>`,
    "\r\nATTENDEE;CN=Evil:mailto:x@evil.example",
    "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@evil.example\r\nSUMMARY:Injected",
    "\nX-INJECTED-LF:1",
    "\rX-INJECTED-CR:1",
    "\r\nBCC: x@evil.example",
    "; a,b \\ end",
  ].join("");

/** Property names that may begin a content line (what ical-generator and the VTIMEZONEs write). */
const ALLOWED = new Set([
  "BEGIN",
  "END",
  "VERSION",
  "PRODID",
  "NAME",
  "X-WR-CALNAME",
  "X-WR-TIMEZONE",
  "X-LIC-LOCATION",
  "TZID",
  "TZURL",
  "TZOFFSETFROM",
  "TZOFFSETTO",
  "TZNAME",
  "RRULE",
  "RDATE",
  "UID",
  "SEQUENCE",
  "DTSTAMP",
  "DTSTART",
  "DTEND",
  "LAST-MODIFIED",
  "SUMMARY",
  "LOCATION",
  "DESCRIPTION",
  "URL",
  "STATUS",
  "TRANSP",
  "X-MICROSOFT-CDO-ALLDAYEVENT",
  "X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT",
]);

/** The content lines, unfolded (RFC 5545 3.1), after checking that every break is a CRLF. */
function contentLines(text: string): string[] {
  expect(text, "a bare CR or LF outside a CRLF").not.toMatch(/\r(?!\n)|(?<!\r)\n/);
  return text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter((line) => line !== "");
}

/** Every line a property the platform writes; no injected line; the expected VEVENT count. */
function expectNoInjectedLines(text: string, vevents: number): void {
  const lines = contentLines(text);
  const names = lines.map((line) => line.match(/^[A-Za-z0-9-]+/)?.[0]?.toUpperCase() ?? line);
  expect(names.filter((name) => !ALLOWED.has(name))).toEqual([]);
  expect(lines.filter((line) => /^(ATTENDEE|BCC|X-INJECTED)/i.test(line))).toEqual([]);
  expect(lines.filter((line) => line === "BEGIN:VEVENT")).toHaveLength(vevents);
  expect(lines.filter((line) => /^UID:evil/i.test(line))).toEqual([]);
}

/**
 * A calendar-level TEXT property's value, unescaped (ical.js leaves NAME and X-WR-CALNAME, which
 * it does not know, escaped).
 */
function calendarText(text: string, name: string): string | undefined {
  const line = contentLines(text).find((candidate) => candidate.startsWith(`${name}:`));
  return line
    ?.slice(name.length + 1)
    .replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

/** The text as an iCalendar reader gets it back: every line break becomes one LF. */
const asRead = (value: string) => value.replace(/\r\n|\r/g, "\n");

function parsed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return {
    calendar,
    events: calendar.getAllSubcomponents("vevent"),
  };
}

describe("iCalendar files carry hostile text as values, never as lines", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let eventId: string;
  const title = injected("Flood day");
  const summary = injected("Summary");
  const venue = injected("Venue");
  // Tables' names are short (at most 40 characters).
  const table = "T1\r\nATTENDEE:mailto:x@e.example";
  const personName = injected("Eve");

  beforeAll(async () => {
    platform = await watchedPlatform();
    platform.clock.set("2026-05-04T08:00:00.000Z");
    city = await cityTeam(platform, "Copenhagen");
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const eventBody: EventBody = {
    hostOrganisationIds: [],
    kind: "meeting",
    title,
    summary,
    startsAt: "2026-06-10T07:00:00.000Z",
    endsAt: "2026-06-10T15:00:00.000Z",
    timeZone: "Europe/Copenhagen",
    venue,
    capacity: 10,
  };

  it("stores the hostile text as written (line breaks included)", async () => {
    const created = await city.member.client.post<Event>("/api/v1/events", {
      ...eventBody,
      hostOrganisationIds: [city.organisationId],
    });
    expect(created.status).toBe(201);
    eventId = created.body.id;
    expect(
      (await city.member.client.post(`/api/v1/events/${eventId}/status`, { to: "published" }))
        .status,
    ).toBe(200);
    const stored = await platform.client().get<Event>(`/api/v1/events/${eventId}`);
    // The title is stored with its line breaks: what the calendar gets is hostile.
    expect(stored.body.title).toContain("\nATTENDEE;CN=Evil:mailto:x@evil.example");
    expect(stored.body.venue).toContain("\nEND:VEVENT");
  });

  it("an event's .ics: the calendar's name, the summary, description and location stay values", async () => {
    const response = await platform.client().get<string>(`/api/v1/events/${eventId}/ics`);
    expect(response.status).toBe(200);
    const text = response.raw.payload;
    expectNoInjectedLines(text, 1);
    const { events } = parsed(text);
    const stored = (await platform.client().get<Event>(`/api/v1/events/${eventId}`)).body;
    expect(calendarText(text, "NAME")).toBe(asRead(stored.title));
    expect(calendarText(text, "X-WR-CALNAME")).toBe(asRead(stored.title));
    const event = new ICAL.Event(events[0]!);
    expect(event.summary).toBe(asRead(stored.title));
    expect(event.location).toBe(asRead(stored.venue ?? ""));
    expect(event.description.startsWith(asRead(stored.summary))).toBe(true);
    expect(events[0]!.getAllProperties("attendee")).toEqual([]);
  });

  it("a participant's meetings (agenda.ics) and personal feed: names and tables stay values", async () => {
    const [eve, bob] = await Promise.all([
      platform.signedIn({ name: personName }),
      platform.signedIn({ name: "Bob Berg" }),
    ]);
    const url = (path: string) => `/api/v1/events/${eventId}${path}`;
    for (const person of [eve, bob]) {
      expect((await person.client.post(url("/registration"))).status).toBe(201);
    }
    const setUp = await city.member.client.put<Brokerage>(url("/brokerage"), {
      slots: [{ startsAt: "2026-06-10T08:00:00.000Z", endsAt: "2026-06-10T08:25:00.000Z" }],
      tables: [table],
    });
    expect(setUp.status, JSON.stringify(setUp.body)).toBe(200);
    for (const person of [eve, bob]) {
      const profile = await person.client.put(url("/brokerage/profile"), {
        offer: "Rain sensors",
        lookingFor: "Pilots",
        availableSlotIds: null,
      });
      expect(profile.status).toBe(200);
    }
    const asked = await eve.client.post<MeetingRequest>(url("/meeting-requests"), {
      recipientId: bob.userId,
    });
    expect(asked.status).toBe(201);
    expect(
      (
        await bob.client.post(url(`/meeting-requests/${asked.body.id}/answer`), {
          answer: "accepted",
        })
      ).status,
    ).toBe(204);
    const scheduled = await city.member.client.post<ScheduleResult>(url("/brokerage/schedule"));
    expect(scheduled.body).toMatchObject({ placed: 1 });

    // Bob's meeting is with Eve, at the hostile table of the hostile event.
    const agenda = await bob.client.get<string>(url("/agenda.ics"));
    expect(agenda.status).toBe(200);
    expectNoInjectedLines(agenda.raw.payload, 1);
    const mine = parsed(agenda.raw.payload);
    const stored = (await platform.client().get<Event>(`/api/v1/events/${eventId}`)).body;
    expect(calendarText(agenda.raw.payload, "NAME")).toBe(asRead(`${stored.title}: my meetings`));
    const meeting = new ICAL.Event(mine.events[0]!);
    expect(meeting.summary).toContain(asRead(personName));
    expect(meeting.location).toContain(asRead(table));
    expect(meeting.description.startsWith(asRead(stored.title))).toBe(true);

    // The personal feed: the event and the meeting.
    const feed = await bob.client.post<{ url: string }>("/api/v1/me/calendar-feed");
    expect(feed.status).toBe(201);
    const text = await platform.client().get<string>(new URL(feed.body.url).pathname);
    expect(text.status).toBe(200);
    expectNoInjectedLines(text.raw.payload, 2);
    const summaries = parsed(text.raw.payload).events.map(
      (vevent) => new ICAL.Event(vevent).summary,
    );
    expect(summaries).toContain(asRead(stored.title));
  });

  it("followed funding deadlines (deadlines.ics): the source's title and programme stay values", async () => {
    const funder = await organisationWithAdmin(platform, "funder", { country: "LU" });
    const source = await postSource(
      funder.admin.client,
      missionGrant(funder.organisation.id, {
        title: injected("Grant").slice(0, 200),
        programme: injected("Programme").slice(0, 200),
        closesOn: "2026-07-20",
      }),
    );
    expect(source.status, JSON.stringify(source.body)).toBe(201);
    const follower = await platform.signedIn();
    expect(
      (await follower.client.put(`/api/v1/funding-sources/${source.body.id}/follow`, undefined))
        .status,
    ).toBe(200);
    const ics = await follower.client.get<string>("/api/v1/funding/deadlines.ics");
    expect(ics.status).toBe(200);
    expectNoInjectedLines(ics.raw.payload, 1);
    const [vevent] = parsed(ics.raw.payload).events;
    const event = new ICAL.Event(vevent!);
    expect(event.summary).toBe(asRead(`Deadline: ${source.body.title}`));
    expect(event.description.startsWith(asRead(source.body.programme))).toBe(true);
  });

  it("would see an injected line (the check is not blind)", () => {
    const forged =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nNAME:Flood\r\nATTENDEE:mailto:x@evil.example\r\nEND:VCALENDAR\r\n";
    expect(() => expectNoInjectedLines(forged, 0)).toThrow();
    expect(() => contentLines("NAME:Flood\nX-INJECTED:1\r\n")).toThrow();
  });
});
