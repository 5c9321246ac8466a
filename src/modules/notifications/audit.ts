import { defineAuditLog } from "../../core/audit/log.ts";

/**
 * What the audit chain records of notifications: a person's delivery choices (who chose to stop
 * e-mails, and when). Notifications themselves and their reading are not audited: they are
 * consequences of audited changes in other modules.
 */
export interface NotificationAuditEvents extends Record<string, Record<string, unknown>> {
  "notification.delivery_changed": {
    changes: Array<{ kind: string; from: string; to: string }>;
  };
}

export const recordNotificationEvent = defineAuditLog<NotificationAuditEvents>("user");
