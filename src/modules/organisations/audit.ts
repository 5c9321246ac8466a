import { defineAuditLog } from "../../core/audit/log.ts";

export interface OrganisationAuditEvents extends Record<string, Record<string, unknown>> {
  "organisation.created": { name: string; kind: string; cityId: string | null };
  "organisation.updated": { fields: string[] };
  "organisation.logo_changed": { sha256: string | null };
  "organisation.verified": Record<string, never>;
  "organisation.unverified": Record<string, never>;
  "organisation.member_added": {
    userId: string;
    role: string;
    via: "creation" | "invitation" | "seed" | "hackathon_team";
  };
  "organisation.member_role_changed": { userId: string; from: string; to: string };
  "organisation.member_removed": { userId: string; by: "self" | "admin" };
  "organisation.invitation_sent": { invitationId: string; email: string; role: string };
  "organisation.invitation_revoked": { invitationId: string };
  "organisation.invitation_declined": { invitationId: string };
  "organisation.affiliation_proposed": {
    affiliationId: string;
    parentId: string;
    memberId: string;
  };
  "organisation.affiliation_accepted": {
    affiliationId: string;
    parentId: string;
    memberId: string;
  };
  "organisation.affiliation_ended": { affiliationId: string; parentId: string; memberId: string };
}

export const recordOrganisationEvent = defineAuditLog<OrganisationAuditEvents>("organisation");
