import { defineAuditLog } from "../../core/audit/log.ts";

/**
 * The evaluation's audited steps, subject the challenge. Declarations carry the verdict and
 * whether a conflict was detected, not the reason (it may name the bidder during the blind
 * phase; it stays in conflict_declarations).
 */
export interface EvaluationAuditEvents extends Record<string, Record<string, unknown>> {
  "evaluation.defined": {
    criteria: Array<{ name: string; weight: number; kind: string }>;
    panel: Array<{ userId: string; role: string }>;
    blind: boolean;
    standstillDays: number;
  };
  "evaluation.declared": { proposalId: string; verdict: string; detected: boolean };
  "evaluation.scored": {
    proposalId: string;
    scores: Array<{ criterionId: string; score: number }>;
  };
  "evaluation.technical_locked": Record<string, never>;
  "evaluation.awarded": { proposalId: string; standstillEndsAt: string };
  /** The chair withdrew the award during the standstill; the reason is public (the notice). */
  "evaluation.award_cancelled": { awardId: string; proposalId: string; reason: string };
  "evaluation.contact_recorded": {
    contactId: string;
    organisationId: string;
    cityUserId: string;
    channel: string;
    oneToOne: boolean;
  };
}

export const recordEvaluationEvent = defineAuditLog<EvaluationAuditEvents>("evaluation");
