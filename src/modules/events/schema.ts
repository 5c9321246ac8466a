import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { userForeignKey } from "../accounts/index.ts";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const eventKinds = ["meeting", "workshop", "webinar", "hackathon"] as const;
export const eventStatuses = ["draft", "published", "cancelled"] as const;
export const registrationStatuses = ["registered", "waitlisted", "cancelled"] as const;

export interface StoredSpeaker {
  name: string;
  affiliation: string;
}

/**
 * A meeting, workshop, webinar or hackathon. Times are instants (UTC); `time_zone` is the IANA
 * zone the event happens in, so pages and calendars show its local time too. Hosts and linked
 * challenges belong to other modules: no foreign key across modules.
 */
export const events = pgTable(
  "events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: eventKinds }).notNull(),
    status: text("status", { enum: eventStatuses }).notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    /** Markdown, rendered to safe HTML when presented. */
    description: text("description").notNull(),
    startsAt: at("starts_at").notNull(),
    endsAt: at("ends_at").notNull(),
    timeZone: text("time_zone").notNull(),
    venue: text("venue"),
    /** Shown to registered participants and hosts only. */
    onlineUrl: text("online_url"),
    /** Null: no limit. */
    capacity: integer("capacity"),
    registrationDeadline: at("registration_deadline"),
    challengeIds: uuid("challenge_ids").array().notNull(),
    createdBy: uuid("created_by").references(userForeignKey),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
    publishedAt: at("published_at"),
  },
  (table) => [
    index("events_starts_idx").on(table.status, table.startsAt, table.id),
    index("events_challenges_idx").using("gin", table.challengeIds),
  ],
);

/** The organisations hosting an event; their members manage it. */
export const eventHosts = pgTable(
  "event_hosts",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull(),
    position: integer("position").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.eventId, table.organisationId] }),
    index("event_hosts_organisation_idx").on(table.organisationId),
  ],
);

/** The programme, in order. */
export const eventAgendaItems = pgTable(
  "event_agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    startsAt: at("starts_at").notNull(),
    endsAt: at("ends_at").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    speakers: jsonb("speakers").$type<StoredSpeaker[]>().notNull(),
  },
  (table) => [uniqueIndex("event_agenda_items_position_idx").on(table.eventId, table.position)],
);

/**
 * A person's registration. Waitlisted registrations are promoted in the order they came
 * (`arrival`). Cancelled ones are kept (history), so one person has at most one
 * live registration per event — the partial unique index is the last guard against a double
 * registration; the event row lock taken by every registration change is the first.
 */
export const eventRegistrations = pgTable(
  "event_registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(userForeignKey, { onDelete: "cascade" }),
    status: text("status", { enum: registrationStatuses }).notNull(),
    /** Arrival order: the waitlist's queue (timestamps can tie; this never does). */
    arrival: bigserial("arrival", { mode: "number" }).notNull(),
    createdAt: at("created_at").notNull(),
    promotedAt: at("promoted_at"),
    cancelledAt: at("cancelled_at"),
  },
  (table) => [
    uniqueIndex("event_registrations_live_idx")
      .on(table.eventId, table.userId)
      .where(sql`${table.status} <> 'cancelled'`),
    index("event_registrations_queue_idx").on(table.eventId, table.status, table.arrival),
    index("event_registrations_user_idx").on(table.userId),
  ],
);

/** A person's secret calendar feed: only the token's hash is kept; rotating replaces it. */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    userId: uuid("user_id").primaryKey().references(userForeignKey, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: at("created_at").notNull(),
  },
  (table) => [uniqueIndex("calendar_feeds_token_idx").on(table.tokenHash)],
);
