import { defineAuditLog } from "../../core/audit/log.ts";

/**
 * The procurement plan is the city's public act: its events carry their author. Admissions are
 * decided after the proposal deadline, when who bid is no longer sealed, and are published.
 */
export interface PlanAuditEvents extends Record<string, Record<string, unknown>> {
  "procurement_plan.set": {
    model: string;
    recommended: string;
    rulesVersion: string;
    deviationReason: string | null;
    phases: Array<{ key: string; startsAt: string; endsAt: string; maxBidders: number | null }>;
  };
  "procurement_plan.bidders_admitted": {
    phase: number;
    phaseKey: string;
    bidders: Array<{ kind: string; id: string }>;
    reason: string;
  };
}

/** Subject: the challenge, so the plan's history reads with the challenge's. */
export const recordPlanEvent = defineAuditLog<PlanAuditEvents>("procurement_plan");
