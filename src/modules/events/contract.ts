import { z } from "zod";
import { IsoDateTime, Uuid } from "../../core/http/contract.ts";

/**
 * Events: meetings, workshops, webinars and hackathons hosted by organisations, with an agenda,
 * registration with capacity and a waitlist, and calendars. Shared by the server and the pages.
 */

export const EventKind = z.enum(["meeting", "workshop", "webinar", "hackathon"]);
export type EventKind = z.infer<typeof EventKind>;
export const EventStatus = z.enum(["draft", "published", "cancelled"]);
export type EventStatus = z.infer<typeof EventStatus>;
export const RegistrationStatus = z.enum(["registered", "waitlisted"]);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

/** Whether the runtime knows the zone (Node's ICU has the whole IANA database). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return /\//.test(zone) || zone === "UTC";
  } catch {
    return false;
  }
}

const TimeZone = z
  .string()
  .trim()
  .refine(isTimeZone, "must be an IANA time zone such as Europe/Copenhagen");
const Text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const Required = (max: number) => Text(max).min(1, "is required");
const HttpsUrl = z
  .string()
  .trim()
  .max(500, "must be at most 500 characters")
  .refine((value) => {
    try {
      return new URL(value).protocol === "https:";
    } catch {
      return false;
    }
  }, "must be an https:// address");

export const Speaker = z.strictObject({ name: Required(120), affiliation: Text(160).default("") });

export const AgendaItemBody = z.strictObject({
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  title: Required(200),
  description: Text(2000).default(""),
  speakers: z.array(Speaker).max(10, "at most 10 speakers").default([]),
});

export const EventBody = z
  .strictObject({
    hostOrganisationIds: z
      .array(Uuid)
      .min(1, "name at least one host organisation")
      .max(5, "at most 5 hosts"),
    kind: EventKind,
    title: Required(200),
    summary: Required(500),
    description: Text(20_000).default(""),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    timeZone: TimeZone,
    venue: Text(300).nullable().default(null),
    onlineUrl: HttpsUrl.nullable().default(null),
    capacity: z
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(100_000, "must be at most 100000")
      .nullable()
      .default(null),
    registrationDeadline: IsoDateTime.nullable().default(null),
    challengeIds: z.array(Uuid).max(10, "at most 10 challenges").default([]),
    agenda: z.array(AgendaItemBody).max(50, "at most 50 agenda items").default([]),
  })
  .superRefine((body, context) => {
    const starts = Date.parse(body.startsAt);
    const ends = Date.parse(body.endsAt);
    if (ends <= starts) {
      context.addIssue({ code: "custom", path: ["endsAt"], message: "must be after the start" });
    }
    if (body.registrationDeadline && Date.parse(body.registrationDeadline) > ends) {
      context.addIssue({
        code: "custom",
        path: ["registrationDeadline"],
        message: "must be before the event ends",
      });
    }
    if (!body.venue && !body.onlineUrl) {
      context.addIssue({
        code: "custom",
        path: ["venue"],
        message: "give a venue, an online link, or both",
      });
    }
    if (new Set(body.hostOrganisationIds).size !== body.hostOrganisationIds.length) {
      context.addIssue({
        code: "custom",
        path: ["hostOrganisationIds"],
        message: "names a host twice",
      });
    }
    body.agenda.forEach((item, index) => {
      const itemStarts = Date.parse(item.startsAt);
      const itemEnds = Date.parse(item.endsAt);
      if (itemEnds <= itemStarts) {
        context.addIssue({
          code: "custom",
          path: ["agenda", index, "endsAt"],
          message: "must be after the item's start",
        });
      }
      if (itemStarts < starts || itemEnds > ends) {
        context.addIssue({
          code: "custom",
          path: ["agenda", index, "startsAt"],
          message: "must be within the event",
        });
      }
    });
  });
export type EventBody = z.input<typeof EventBody>;
/** The body as validated, defaults filled in. */
export type EventDetails = z.output<typeof EventBody>;

export const EventOrganisation = z.object({ id: Uuid, slug: z.string(), name: z.string() });
export const EventChallenge = z.object({ id: Uuid, title: z.string() });

export const AgendaItem = z.object({
  id: Uuid,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  title: z.string(),
  description: z.string(),
  speakers: z.array(z.object({ name: z.string(), affiliation: z.string() })),
});

export const MyRegistration = z.object({
  status: RegistrationStatus,
  /** 1 for the first on the waitlist; null when registered. */
  waitlistPosition: z.number().int().nullable(),
  registeredAt: IsoDateTime,
});

export const EventSummary = z
  .object({
    id: Uuid,
    kind: EventKind,
    status: EventStatus,
    title: z.string(),
    summary: z.string(),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    timeZone: z.string(),
    venue: z.string().nullable(),
    online: z.boolean(),
    capacity: z.number().int().nullable(),
    registeredCount: z.number().int(),
    waitlistCount: z.number().int(),
    hosts: z.array(EventOrganisation),
  })
  .meta({ id: "EventSummary" });
export type EventSummary = z.infer<typeof EventSummary>;

export const Event = EventSummary.extend({
  description: z.string(),
  descriptionHtml: z.string(),
  /** Null unless you are registered (not waitlisted) or a host. */
  onlineUrl: z.string().nullable(),
  registrationDeadline: IsoDateTime.nullable(),
  /** Registration is open now (published, before the deadline and the start). */
  registrationOpen: z.boolean(),
  challenges: z.array(EventChallenge),
  agenda: z.array(AgendaItem),
  me: z.object({
    registration: MyRegistration.nullable(),
    /** You are a member of a host organisation (or a platform admin). */
    manage: z.boolean(),
  }),
}).meta({ id: "Event" });
export type Event = z.infer<typeof Event>;

export const EventListQuery = z.strictObject({
  when: z.enum(["upcoming", "past"]).default("upcoming"),
  kind: EventKind.optional(),
  challengeId: Uuid.optional(),
  hostOrganisationId: Uuid.optional(),
  /** Events you registered for (signed in). */
  mine: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const EventList = z.object({ events: z.array(EventSummary) });
export type EventList = z.infer<typeof EventList>;

export const StatusBody = z.strictObject({ to: z.enum(["published", "cancelled"]) });

export const RegistrationResult = z.object({ registration: MyRegistration });
export type RegistrationResult = z.infer<typeof RegistrationResult>;

export const Participant = z.object({
  userId: Uuid,
  name: z.string(),
  status: RegistrationStatus,
  waitlistPosition: z.number().int().nullable(),
  registeredAt: IsoDateTime,
  promotedAt: IsoDateTime.nullable(),
});
export const ParticipantList = z.object({ participants: z.array(Participant) });
export type ParticipantList = z.infer<typeof ParticipantList>;

export const CalendarFeed = z.object({
  /** Shown once, when made: only its hash is kept. */
  url: z.string().nullable(),
  exists: z.boolean(),
  createdAt: IsoDateTime.nullable(),
});
export type CalendarFeed = z.infer<typeof CalendarFeed>;

export const FeedParams = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{32,64}\.ics$/, "is not a calendar feed address"),
});
