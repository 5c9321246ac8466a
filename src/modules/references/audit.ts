import { defineAuditLog } from "../../core/audit/log.ts";

type Status = "pending" | "verified" | "rejected";

export interface ReferenceAuditEvents extends Record<string, Record<string, unknown>> {
  "reference.created": {
    solutionId: string;
    providerId: string;
    cityOrganisationId: string | null;
    cityName: string;
    country: string;
    via: "api" | "import" | "seed";
  };
  /** Any change of content; a decided reference goes back to pending. */
  "reference.updated": { fields: string[]; previousStatus: Status; revision: number };
  "reference.verified": { revision: number; cityOrganisationId: string };
  "reference.rejected": { revision: number; cityOrganisationId: string; reason: string };
  "reference.evidence_added": {
    fileId: string;
    sha256: string;
    contentType: string;
    previousStatus: Status;
  };
  "reference.evidence_removed": { fileId: string; previousStatus: Status };
  "reference.deleted": { solutionId: string; previousStatus: Status };
}

export const recordReferenceEvent = defineAuditLog<ReferenceAuditEvents>("reference");
