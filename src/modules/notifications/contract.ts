import { z } from "zod";
import { IsoDateTime, Uuid } from "../../core/http/contract.ts";

/**
 * In-app notifications and e-mail delivery preferences. Other modules raise notifications
 * through this module's index.ts (notify); the texts live here so that the in-app list and the
 * e-mails say the same thing in each language.
 */

export const NotificationKind = z.enum([
  /** To the owning city: a provider asked a question. */
  "challenge_question",
  /** To followers: the city answered a question (published anonymised). */
  "challenge_answer",
  /** To followers: a deadline moved later. */
  "challenge_timeline",
  /** To followers: the challenge changed status (published, evaluation, awarded, cancelled…). */
  "challenge_status",
  /** To the owning city and followers: a new idea on the co-creation board. */
  "challenge_idea",
  /** To the author: a moderator hid their idea or comment. */
  "content_hidden",
  /** To the owner of a saved search: a newly published challenge matches it. */
  "saved_search_match",
  /** To a provider's people: a newly published challenge fits one of their solutions. */
  "challenge_match",
  /** To the people of every bidder with a live proposal: the award was made, the standstill runs. */
  "award_made",
  /** To the people of every bidder with a live proposal: the chair cancelled the award, and why. */
  "award_cancelled",
  /** To an organisation's admins: a consortium invites it. */
  "consortium_invitation",
  /** To the consortium lead's admins: an invited organisation accepted. */
  "consortium_accepted",
  /** To the consortium lead's admins: an invited organisation declined. */
  "consortium_declined",
  /** To the consortium lead's admins: a member organisation left. */
  "consortium_member_left",
  /** To the new lead's admins: the lead of a consortium was handed to their organisation. */
  "consortium_lead_handed_over",
  /** To the members' and invitees' admins: the lead dissolved the consortium. */
  "consortium_dissolved",
  /** To a person on an event's waitlist: a seat opened and they are registered. */
  "event_seat",
  /** To an event's registered and waitlisted people: the hosts cancelled it. */
  "event_cancelled",
  /** To a participant of a brokerage event: another participant asks for a 1:1 meeting. */
  "meeting_request",
  /** To the requester: the other participant accepted or declined the meeting. */
  "meeting_answered",
  /** To a participant of a brokerage event: the hosts placed new 1:1 meetings of theirs. */
  "meetings_scheduled",
  /** To a participant: a re-run of the schedule moved or dropped one of their meetings. */
  "meetings_changed",
  /** To a hackathon participant: a team invites them to join. */
  "hackathon_invitation",
  /** To a hackathon's team members: the hosts announced the winners; the gallery is open. */
  "hackathon_results",
  /** To a city organisation's people: a provider states a deployment in their city, to verify. */
  "reference_to_verify",
  /** To the provider's people: the city verified their reference. */
  "reference_verified",
  /** To the provider's people: the city rejected their reference, with its reason. */
  "reference_rejected",
  /** To a follower of a funding source: it closes in a few days. */
  "funding_deadline",
]);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const Delivery = z.enum(["immediately", "daily", "weekly", "off"]);
export type Delivery = z.infer<typeof Delivery>;

/** Text parameters for the kind's template, e.g. { challenge: "…", city: "…" }. */
export const NotificationParams = z.record(z.string(), z.string());

/**
 * A param that is a moment (an instant as ISO 8601 in UTC, "2026-03-12T08:00:00.000Z") is shown
 * in the reader's language: the web app in the reader's time zone, e-mail in UTC, saying so.
 */
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/** The params with every moment written by `writeMoment` (the rest as they are). */
export function paramsWithMoments(
  params: Record<string, string>,
  writeMoment: (moment: Date) => string,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      MOMENT.test(value) ? writeMoment(new Date(value)) : value,
    ]),
  );
}

export const Notification = z
  .object({
    id: Uuid,
    kind: NotificationKind,
    params: NotificationParams,
    /** Path inside the web app, e.g. /challenges/<id>#qa. */
    link: z.string(),
    createdAt: IsoDateTime,
    readAt: IsoDateTime.nullable(),
  })
  .meta({ id: "Notification" });
export type Notification = z.infer<typeof Notification>;

export const NotificationQuery = z.strictObject({
  unread: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  /** Opaque cursor from the previous page. */
  cursor: z.string().max(200).optional(),
});

export const NotificationList = z.object({
  notifications: z.array(Notification),
  unreadCount: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type NotificationList = z.infer<typeof NotificationList>;

export const UnreadCount = z.object({ unreadCount: z.number().int() });

/** Mark some (ids) or all notifications read. */
export const MarkReadBody = z.strictObject({
  ids: z.array(Uuid).min(1).max(200).optional(),
  all: z.literal(true).optional(),
});

export const DeliveryPreferences = z
  .object({
    preferences: z.array(
      z.object({
        kind: NotificationKind,
        delivery: Delivery,
        /** What the kind gets when the person has not chosen (shown beside the choice). */
        defaultDelivery: Delivery,
      }),
    ),
  })
  .meta({ id: "DeliveryPreferences" });
export type DeliveryPreferences = z.infer<typeof DeliveryPreferences>;

export const DeliveryPreferencesBody = z.strictObject({
  preferences: z
    .array(z.strictObject({ kind: NotificationKind, delivery: Delivery }))
    .min(1)
    .max(NotificationKind.options.length),
});

/**
 * The delivery a person has until they choose: what needs an answer from them comes at once,
 * the rest in the daily digest.
 */
export const defaultDelivery: Record<NotificationKind, Delivery> = {
  challenge_question: "immediately",
  challenge_answer: "daily",
  challenge_timeline: "daily",
  challenge_status: "daily",
  challenge_idea: "daily",
  content_hidden: "immediately",
  saved_search_match: "daily",
  challenge_match: "daily",
  // Bidders may contest an award only while its standstill runs: they hear of it at once.
  award_made: "immediately",
  award_cancelled: "immediately",
  consortium_invitation: "immediately",
  consortium_accepted: "immediately",
  consortium_declined: "immediately",
  consortium_member_left: "immediately",
  consortium_lead_handed_over: "immediately",
  consortium_dissolved: "daily",
  event_seat: "immediately",
  event_cancelled: "immediately",
  meeting_request: "immediately",
  meeting_answered: "immediately",
  meetings_scheduled: "immediately",
  meetings_changed: "immediately",
  hackathon_invitation: "immediately",
  hackathon_results: "immediately",
  reference_to_verify: "immediately",
  reference_verified: "immediately",
  reference_rejected: "immediately",
  funding_deadline: "immediately",
};

/** Demo mode only: a sample notification to yourself, to try the bell, list and e-mails. */
export const SampleNotificationBody = z.strictObject({
  kind: NotificationKind.default("challenge_status"),
});
