import { sql } from "drizzle-orm";
import {
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { userForeignKey } from "../accounts/index.ts";
import { events } from "./schema.ts";

/**
 * 1:1 brokerage meetings at an event: the hosts' setup (time slots and tables), participants'
 * profiles and availability, meeting requests between participants, and the schedule the
 * scheduler (scheduling/) produced from the accepted ones.
 */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const meetingRequestStatuses = ["pending", "accepted", "declined", "cancelled"] as const;

/** The event's meeting area: its tables, by name (names are the tables' stable ids). */
export const eventBrokerage = pgTable("event_brokerage", {
  eventId: uuid("event_id")
    .primaryKey()
    .references(() => events.id, { onDelete: "cascade" }),
  tableNames: text("table_names").array().notNull(),
  updatedAt: at("updated_at").notNull(),
  /** When the hosts last ran the scheduler; null before the first run. */
  scheduledAt: at("scheduled_at"),
});

/** A time slot for meetings; its id stays when the hosts edit the setup, so meetings keep it. */
export const eventMeetingSlots = pgTable(
  "event_meeting_slots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    startsAt: at("starts_at").notNull(),
    endsAt: at("ends_at").notNull(),
  },
  (table) => [index("event_meeting_slots_event_idx").on(table.eventId, table.startsAt)],
);

/**
 * A table the hosts closed in one slot (a reserved corner, a sponsor's session): the scheduler
 * places no meeting there. Goes with its slot; a table dropped from the setup takes its rows.
 */
export const eventUnavailableTables = pgTable(
  "event_unavailable_tables",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    slotId: uuid("slot_id")
      .notNull()
      .references(() => eventMeetingSlots.id, { onDelete: "cascade" }),
    tableName: text("table_name").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.slotId, table.tableName] }),
    index("event_unavailable_tables_event_idx").on(table.eventId),
  ],
);

/** What a participant offers and looks for; `available_slot_ids` null means every slot. */
export const eventBrokerageProfiles = pgTable(
  "event_brokerage_profiles",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(userForeignKey, { onDelete: "cascade" }),
    offer: text("offer").notNull(),
    lookingFor: text("looking_for").notNull(),
    availableSlotIds: uuid("available_slot_ids").array(),
    updatedAt: at("updated_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.eventId, table.userId] })],
);

/**
 * A request for a 1:1 meeting. One open (pending or accepted) request per pair of people and
 * event, whoever asked: the unordered pair's unique index is the last guard.
 */
export const eventMeetingRequests = pgTable(
  "event_meeting_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    requesterId: uuid("requester_id").notNull().references(userForeignKey, { onDelete: "cascade" }),
    recipientId: uuid("recipient_id").notNull().references(userForeignKey, { onDelete: "cascade" }),
    message: text("message").notNull(),
    /** 1–3: a meeting of priority 3 weighs three times one of priority 1 in the scheduler. */
    priority: integer("priority").notNull(),
    status: text("status", { enum: meetingRequestStatuses }).notNull(),
    createdAt: at("created_at").notNull(),
    answeredAt: at("answered_at"),
  },
  (table) => [
    uniqueIndex("event_meeting_requests_open_pair_idx")
      .on(
        table.eventId,
        sql`least(${table.requesterId}, ${table.recipientId})`,
        sql`greatest(${table.requesterId}, ${table.recipientId})`,
      )
      .where(sql`${table.status} in ('pending', 'accepted')`),
    index("event_meeting_requests_requester_idx").on(table.eventId, table.requesterId),
    index("event_meeting_requests_recipient_idx").on(table.eventId, table.recipientId),
  ],
);

/** The schedule: a confirmed meeting per placed request, at a slot and a table. */
export const eventMeetings = pgTable(
  "event_meetings",
  {
    requestId: uuid("request_id")
      .primaryKey()
      .references(() => eventMeetingRequests.id, { onDelete: "cascade" }),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    slotId: uuid("slot_id")
      .notNull()
      .references(() => eventMeetingSlots.id, { onDelete: "cascade" }),
    tableName: text("table_name").notNull(),
    scheduledAt: at("scheduled_at").notNull(),
  },
  (table) => [
    uniqueIndex("event_meetings_table_idx").on(table.slotId, table.tableName),
    index("event_meetings_event_idx").on(table.eventId),
  ],
);
