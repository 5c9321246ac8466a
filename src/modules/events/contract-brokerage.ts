import { z } from "zod";
import { IsoDateTime, Uuid } from "../../core/http/contract.ts";

/**
 * 1:1 brokerage meetings at an event: the hosts' setup (slots and tables), participants'
 * profiles, meeting requests, the schedule and each participant's agenda. Shared by the server
 * and the pages.
 */

const Text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

export const MeetingSlotBody = z.strictObject({
  /** An existing slot's id keeps it (and the meetings in it); omit it for a new slot. */
  id: Uuid.optional(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
});

export const BrokerageSetupBody = z
  .strictObject({
    slots: z.array(MeetingSlotBody).min(1, "give at least one slot").max(48, "at most 48 slots"),
    tables: z
      .array(Text(40).min(1, "is required"))
      .min(1, "give at least one table")
      .max(1000, "at most 1000 tables"),
  })
  .superRefine((body, context) => {
    body.slots.forEach((slot, index) => {
      if (Date.parse(slot.endsAt) <= Date.parse(slot.startsAt)) {
        context.addIssue({
          code: "custom",
          path: ["slots", index, "endsAt"],
          message: "must be after the slot's start",
        });
      }
      const before = body.slots[index - 1];
      if (before && Date.parse(slot.startsAt) < Date.parse(before.endsAt)) {
        context.addIssue({
          code: "custom",
          path: ["slots", index, "startsAt"],
          message: "must not start before the previous slot ends",
        });
      }
    });
    const names = new Set<string>();
    body.tables.forEach((name, index) => {
      if (names.has(name)) {
        context.addIssue({
          code: "custom",
          path: ["tables", index],
          message: "names a table twice",
        });
      }
      names.add(name);
    });
  });
export type BrokerageSetupBody = z.input<typeof BrokerageSetupBody>;

/** A table closed in one slot: the scheduler places no meeting there. */
export const UnavailableTable = z.strictObject({
  slotId: Uuid,
  table: Text(40).min(1, "is required"),
});
export type UnavailableTable = z.infer<typeof UnavailableTable>;

export const UnavailableTablesBody = z
  .strictObject({
    /** Replaces the whole set; an empty list opens every table in every slot. */
    unavailable: z.array(UnavailableTable).max(48_000, "too many"),
  })
  .superRefine((body, context) => {
    const seen = new Set<string>();
    body.unavailable.forEach((entry, index) => {
      const key = `${entry.slotId} ${entry.table}`;
      if (seen.has(key)) {
        context.addIssue({
          code: "custom",
          path: ["unavailable", index],
          message: "is named twice",
        });
      }
      seen.add(key);
    });
  });
export type UnavailableTablesBody = z.input<typeof UnavailableTablesBody>;

export const MeetingSlot = z.object({ id: Uuid, startsAt: IsoDateTime, endsAt: IsoDateTime });
export type MeetingSlot = z.infer<typeof MeetingSlot>;

export const BrokerageProfileBody = z.strictObject({
  offer: Text(1000).min(1, "is required"),
  lookingFor: Text(1000).min(1, "is required"),
  /** Null: every slot. */
  availableSlotIds: z.array(Uuid).max(48, "at most 48 slots").nullable().default(null),
});
export type BrokerageProfileBody = z.input<typeof BrokerageProfileBody>;

export const BrokerageProfile = z.object({
  userId: Uuid,
  name: z.string(),
  organisations: z.array(z.string()),
  offer: z.string(),
  lookingFor: z.string(),
  availableSlotIds: z.array(Uuid),
});
export type BrokerageProfile = z.infer<typeof BrokerageProfile>;

export const Brokerage = z
  .object({
    slots: z.array(MeetingSlot),
    tables: z.array(z.string()),
    /** Tables the hosts closed in some slots (the next scheduler run leaves them free). */
    unavailableTables: z.array(UnavailableTable),
    scheduledAt: IsoDateTime.nullable(),
    me: z.object({
      /** Registered (not waitlisted): may publish a profile and request meetings. */
      participant: z.boolean(),
      /** A member of a host organisation (or a platform admin): sets up and schedules. */
      manage: z.boolean(),
      profile: BrokerageProfile.nullable(),
    }),
  })
  .meta({ id: "Brokerage" });
export type Brokerage = z.infer<typeof Brokerage>;

export const ProfileDirectory = z.object({ profiles: z.array(BrokerageProfile) });
export type ProfileDirectory = z.infer<typeof ProfileDirectory>;

export const MeetingRequestStatus = z.enum(["pending", "accepted", "declined", "cancelled"]);
export type MeetingRequestStatus = z.infer<typeof MeetingRequestStatus>;

export const MeetingRequestBody = z.strictObject({
  recipientId: Uuid,
  message: Text(1000).default(""),
  priority: z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be 1, 2 or 3")
    .max(3, "must be 1, 2 or 3")
    .default(1),
});
export type MeetingRequestBody = z.input<typeof MeetingRequestBody>;

export const MeetingRequest = z
  .object({
    id: Uuid,
    requester: z.object({ userId: Uuid, name: z.string() }),
    recipient: z.object({ userId: Uuid, name: z.string() }),
    message: z.string(),
    priority: z.number().int(),
    status: MeetingRequestStatus,
    createdAt: IsoDateTime,
    answeredAt: IsoDateTime.nullable(),
  })
  .meta({ id: "MeetingRequest" });
export type MeetingRequest = z.infer<typeof MeetingRequest>;

export const MeetingRequestList = z.object({
  incoming: z.array(MeetingRequest),
  outgoing: z.array(MeetingRequest),
});
export type MeetingRequestList = z.infer<typeof MeetingRequestList>;

export const MeetingRequestParams = z.strictObject({ id: Uuid, requestId: Uuid });

export const MeetingAnswerBody = z.strictObject({ answer: z.enum(["accepted", "declined"]) });

export const ScheduleResult = z.object({
  placed: z.number().int(),
  /** No schedule can place more meetings (the scheduler's bound, priorities aside). */
  upperBound: z.number().int(),
  /** The objective: placed meetings weighted by priority, and its bound. */
  totalPriority: z.number().int(),
  priorityBound: z.number().int(),
  unplaced: z.number().int(),
  provenOptimal: z.boolean(),
  stability: z.object({
    confirmed: z.number().int(),
    kept: z.number().int(),
    retabled: z.number().int(),
    moved: z.number().int(),
    unplaced: z.number().int(),
    cancelled: z.number().int(),
  }),
});
export type ScheduleResult = z.infer<typeof ScheduleResult>;

export const AgendaMeeting = z.object({
  requestId: Uuid,
  slotId: Uuid,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  table: z.string(),
  with: z.object({ userId: Uuid, name: z.string(), organisations: z.array(z.string()) }),
  message: z.string(),
});
export const Agenda = z
  .object({
    eventId: Uuid,
    title: z.string(),
    timeZone: z.string(),
    venue: z.string().nullable(),
    meetings: z.array(AgendaMeeting),
  })
  .meta({ id: "MeetingAgenda" });
export type Agenda = z.infer<typeof Agenda>;
