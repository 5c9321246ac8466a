import { defineAuditLog } from "../../core/audit/log.ts";

export interface ConsortiumAuditEvents extends Record<string, Record<string, unknown>> {
  "consortium.created": {
    challengeId: string;
    leadOrganisationId: string;
    name: string;
    origin: "suggestion" | "manual";
    capabilities: string[];
  };
  "consortium.invited": {
    invitationId: string;
    organisationId: string;
    role: string;
    capabilities: string[];
  };
  "consortium.invitation_withdrawn": { invitationId: string; organisationId: string };
  "consortium.invitation_accepted": {
    invitationId: string;
    organisationId: string;
    role: string;
    capabilities: string[];
  };
  "consortium.invitation_declined": { invitationId: string; organisationId: string };
  "consortium.member_left": { organisationId: string };
  "consortium.lead_handed_over": { from: string; to: string };
  "consortium.dissolved": { withdrawnInvitations: number };
}

export const recordConsortiumEvent = defineAuditLog<ConsortiumAuditEvents>("consortium");
