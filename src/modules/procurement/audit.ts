import { defineAuditLog } from "../../core/audit/log.ts";

/**
 * Proposal events carry what the receipts prove (challenge, revision, hash) and never who bids:
 * their actor is left empty and the bidder and the submitting person are kept in the module's
 * own tables (proposals, proposal_revisions), which only the seal reads. So no view of the
 * audit trail, public or not, can tell who submitted before the deadline.
 */
export interface ProposalAuditEvents extends Record<string, Record<string, unknown>> {
  "proposal.submitted": { challengeId: string; revision: number; sha256: string };
  "proposal.revised": { challengeId: string; revision: number; sha256: string };
  "proposal.withdrawn": { challengeId: string; revision: number };
}

export const recordProposalEvent = defineAuditLog<ProposalAuditEvents>("proposal");

/** The form is the city's, public: its changes carry their author. */
export interface ProposalFormAuditEvents extends Record<string, Record<string, unknown>> {
  "proposal_form.defined": { keys: string[]; required: string[] };
}

export const recordProposalFormEvent = defineAuditLog<ProposalFormAuditEvents>("proposal_form");
