import { createHash, randomBytes } from "node:crypto";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import { ICalCalendar, ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";
import type { EventRow } from "./repository.ts";

/** A scheduled 1:1 meeting as a calendar entry, in its event's zone. */
export interface CalendarMeeting {
  requestId: string;
  eventId: string;
  eventTitle: string;
  timeZone: string;
  venue: string | null;
  startsAt: Date;
  endsAt: Date;
  table: string;
  withName: string;
  scheduledAt: Date;
}

/**
 * iCalendar (RFC 5545) for events: each event in its own IANA zone (DTSTART;TZID=… with the
 * zone's VTIMEZONE), so a calendar shows the local time where it happens and converts it for
 * the reader. The online link goes in only for those who may see it.
 */
export function eventsCalendar(
  rows: EventRow[],
  options: {
    name: string;
    publicUrl: string;
    /** Events whose online link the reader may see. */
    showsOnlineLink: (row: EventRow) => boolean;
    /** The reader's scheduled 1:1 meetings. */
    meetings?: CalendarMeeting[];
  },
): string {
  const calendar = new ICalCalendar({
    // ical-generator writes the calendar's NAME and X-WR-CALNAME as given, unescaped (it escapes
    // an event's text): an event's title with a line break would add lines of its own.
    name: icsText(options.name),
    prodId: { company: "City Solutions Platform", product: "Events", language: "EN" },
  });
  // One generator serves every zone the events use.
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  for (const row of rows) {
    const url = `${options.publicUrl}/events/${row.id}`;
    const online = row.onlineUrl && options.showsOnlineLink(row) ? row.onlineUrl : null;
    calendar.createEvent({
      id: `${row.id}@city-solutions-platform`,
      start: DateTime.fromJSDate(row.startsAt).setZone(row.timeZone),
      end: DateTime.fromJSDate(row.endsAt).setZone(row.timeZone),
      timezone: row.timeZone,
      stamp: row.updatedAt,
      lastModified: row.updatedAt,
      summary: row.title,
      description: [row.summary, online ? `Online: ${online}` : null, url]
        .filter(Boolean)
        .join("\n\n"),
      location: row.venue ?? online ?? null,
      url,
      status: row.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  for (const meeting of options.meetings ?? []) {
    calendar.createEvent({
      id: `meeting-${meeting.requestId}@city-solutions-platform`,
      start: DateTime.fromJSDate(meeting.startsAt).setZone(meeting.timeZone),
      end: DateTime.fromJSDate(meeting.endsAt).setZone(meeting.timeZone),
      timezone: meeting.timeZone,
      stamp: meeting.scheduledAt,
      lastModified: meeting.scheduledAt,
      summary: `1:1 meeting with ${meeting.withName} (${meeting.table})`,
      description: `${meeting.eventTitle}\n\n${options.publicUrl}/events/${meeting.eventId}/agenda`,
      location: [meeting.table, meeting.venue].filter(Boolean).join(", "),
      url: `${options.publicUrl}/events/${meeting.eventId}/agenda`,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/**
 * A TEXT value as RFC 5545 (3.3.11) escapes it: backslash, semicolon and comma escaped, every
 * line break (CRLF, CR or LF) written `\\n`, so the value stays on its own content line.
 */
function icsText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");
}

/** A new secret for a personal feed, and the hash that is all the platform keeps of it. */
export function newFeedToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: feedTokenHash(token) };
}

export function feedTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
