import { defineAuditLog } from "../../core/audit/log.ts";

/** Every event's subject is the event, so its history reads in one place. */
export interface EventAuditEvents extends Record<string, Record<string, unknown>> {
  "event.created": { title: string; kind: string; hostOrganisationIds: string[] };
  "event.updated": { fields: string[] };
  "event.published": Record<string, never>;
  "event.cancelled": { notified: number };
  "event.registered": { userId: string; status: string };
  "event.registration_cancelled": { userId: string; status: string };
  "event.promoted": { userId: string };
  "event.brokerage_set_up": { slots: number; tables: number };
  "event.tables_closed": { unavailable: number };
  "event.brokerage_profile_published": { userId: string; availableSlots: number | null };
  "event.meeting_requested": { requestId: string; recipientId: string; priority: number };
  "event.meeting_answered": { requestId: string; answer: "accepted" | "declined" };
  "event.meeting_request_cancelled": { requestId: string };
  "event.outcomes_recorded": {
    fields: string[];
    ideas: number;
    challengeIds: string[];
    solutionIds: string[];
  };
  "event.meetings_scheduled": {
    placed: number;
    upperBound: number;
    unplaced: number;
    kept: number;
    moved: number;
    /** People told their agenda changed (one notification each). */
    notified: number;
  };
}

export const recordEventEvent = defineAuditLog<EventAuditEvents>("event");
