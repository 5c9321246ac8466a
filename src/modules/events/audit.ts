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
}

export const recordEventEvent = defineAuditLog<EventAuditEvents>("event");
