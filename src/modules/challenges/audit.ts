import { defineAuditLog } from "../../core/audit/log.ts";

type Change = { field: string; from: string; to: string };

export interface ChallengeAuditEvents extends Record<string, Record<string, unknown>> {
  "challenge.created": { title: string; organisationId: string; procurementModel: string };
  "challenge.updated": { fields: string[] };
  "challenge.status_changed": {
    from: string;
    to: string;
    reason: string | null;
    /** On publication: how many saved searches matched (their owners were notified). */
    savedSearchMatches?: number;
  };
  "challenge.timeline_extended": { changes: Change[]; reason: string };
  "challenge.question_asked": { clarificationId: string };
  "challenge.question_answered": { clarificationId: string };
  "challenge.idea_posted": { ideaId: string };
  "challenge.idea_edited": { ideaId: string };
  "challenge.comment_posted": { ideaId: string; commentId: string };
  "challenge.comment_edited": { ideaId: string; commentId: string };
  "challenge.content_reported": { reportId: string; ideaId: string; commentId: string | null };
  "challenge.content_hidden": { ideaId: string; commentId: string | null; reason: string };
  "challenge.content_unhidden": { ideaId: string; commentId: string | null };
  "challenge.attachment_added": {
    attachmentId: string;
    filename: string;
    contentType: string;
    sizeBytes: number;
    sha256: string;
  };
  "challenge.attachment_removed": { attachmentId: string; filename: string };
}

/** Every event's subject is the challenge, so its whole history reads in one place. */
export const recordChallengeEvent = defineAuditLog<ChallengeAuditEvents>("challenge");
