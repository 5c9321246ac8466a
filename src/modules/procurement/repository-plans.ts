import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../core/db/client.ts";
import type { BidderKey } from "./repository.ts";
import { byChallenge } from "./repository-evaluation.ts";
import {
  procurementPhaseAdmissions,
  procurementPhaseDecisions,
  procurementPlanPhases,
  procurementPlans,
} from "./schema-plans.ts";

/** Queries of the procurement plan's tables. */

export type PlanRow = typeof procurementPlans.$inferSelect;
export type PlanPhaseRow = typeof procurementPlanPhases.$inferSelect;
export type DecisionRow = typeof procurementPhaseDecisions.$inferSelect;

export interface StoredPlan {
  plan: PlanRow;
  phases: PlanPhaseRow[];
  decisions: Map<number, DecisionRow & { bidders: BidderKey[] }>;
}

export async function findPlan(db: Db, challengeId: string): Promise<StoredPlan | null> {
  return (await plansOf(db, [challengeId])).get(challengeId) ?? null;
}

/**
 * The stored plans of some challenges (a page of OCDS releases) in four queries whatever their
 * number, each as `findPlan` gives it: phases by number, each decision's admitted bidders by
 * kind and id. A challenge without a plan is left out.
 */
export async function plansOf(db: Db, challengeIds: string[]): Promise<Map<string, StoredPlan>> {
  const result = new Map<string, StoredPlan>();
  const ids = [...new Set(challengeIds)];
  if (ids.length === 0) return result;
  const plans = await db
    .select()
    .from(procurementPlans)
    .where(inArray(procurementPlans.challengeId, ids));
  if (plans.length === 0) return result;
  const planned = plans.map((plan) => plan.challengeId);
  const phases = await db
    .select()
    .from(procurementPlanPhases)
    .where(inArray(procurementPlanPhases.challengeId, planned))
    .orderBy(asc(procurementPlanPhases.challengeId), asc(procurementPlanPhases.number));
  const decisionRows = await db
    .select()
    .from(procurementPhaseDecisions)
    .where(inArray(procurementPhaseDecisions.challengeId, planned))
    .orderBy(asc(procurementPhaseDecisions.challengeId), asc(procurementPhaseDecisions.number));
  const admissions = await db
    .select()
    .from(procurementPhaseAdmissions)
    .where(inArray(procurementPhaseAdmissions.challengeId, planned))
    .orderBy(
      asc(procurementPhaseAdmissions.challengeId),
      asc(procurementPhaseAdmissions.number),
      asc(procurementPhaseAdmissions.bidderKind),
      asc(procurementPhaseAdmissions.bidderId),
    );
  const phasesByChallenge = byChallenge(planned, phases);
  const decisionsByChallenge = byChallenge(planned, decisionRows);
  const admissionsByChallenge = byChallenge(planned, admissions);
  for (const plan of plans) {
    const admitted = admissionsByChallenge.get(plan.challengeId) ?? [];
    const decisions = new Map(
      (decisionsByChallenge.get(plan.challengeId) ?? []).map((row) => [
        row.number,
        {
          ...row,
          bidders: admitted
            .filter((admission) => admission.number === row.number)
            .map((admission) => ({ kind: admission.bidderKind, id: admission.bidderId })),
        },
      ]),
    );
    result.set(plan.challengeId, {
      plan,
      phases: phasesByChallenge.get(plan.challengeId) ?? [],
      decisions,
    });
  }
  return result;
}

/** Writes the plan and replaces its phases (a draft's plan has no decisions yet). */
export async function savePlan(
  db: Db,
  plan: typeof procurementPlans.$inferInsert,
  phases: Array<Omit<typeof procurementPlanPhases.$inferInsert, "challengeId">>,
): Promise<void> {
  await db
    .insert(procurementPlans)
    .values(plan)
    .onConflictDoUpdate({
      target: procurementPlans.challengeId,
      set: {
        answers: plan.answers,
        advice: plan.advice,
        chosenModel: plan.chosenModel,
        deviationReason: plan.deviationReason ?? null,
        updatedBy: plan.updatedBy,
        updatedAt: plan.updatedAt,
      },
    });
  await db
    .delete(procurementPlanPhases)
    .where(eq(procurementPlanPhases.challengeId, plan.challengeId));
  if (phases.length > 0) {
    await db
      .insert(procurementPlanPhases)
      .values(phases.map((phase) => ({ ...phase, challengeId: plan.challengeId })));
  }
}

export async function insertDecision(
  db: Db,
  decision: typeof procurementPhaseDecisions.$inferInsert,
  bidders: BidderKey[],
): Promise<void> {
  await db.insert(procurementPhaseDecisions).values(decision);
  await db.insert(procurementPhaseAdmissions).values(
    bidders.map((bidder) => ({
      challengeId: decision.challengeId,
      number: decision.number,
      bidderKind: bidder.kind,
      bidderId: bidder.id,
    })),
  );
}

/** Whether the phase's decision exists, read under the transaction (the PK refuses a second). */
export async function decisionExists(db: Db, challengeId: string, number: number) {
  const [row] = await db
    .select({ number: procurementPhaseDecisions.number })
    .from(procurementPhaseDecisions)
    .where(
      and(
        eq(procurementPhaseDecisions.challengeId, challengeId),
        eq(procurementPhaseDecisions.number, number),
      ),
    );
  return row !== undefined;
}
