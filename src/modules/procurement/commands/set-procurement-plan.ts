import type { z } from "zod";
import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { commonErrors, type FieldProblem } from "../../../core/http/problem.ts";
import { readableProcurementFacts, updateDraft } from "../../challenges/index.ts";
import { adviseRoute } from "../advisor.ts";
import { recordPlanEvent } from "../audit-plans.ts";
import { PHASE_TEMPLATES, type ProcurementPlanBody } from "../contract-advisor.ts";
import { planErrors } from "../errors-plans.ts";
import {
  defaultSchedule,
  type PhaseDates,
  scheduleProblems,
  scheduleWithin,
} from "../plan-schedule.ts";
import { isCityMember, type Reader } from "../policy.ts";
import { savePlan } from "../repository-plans.ts";

export type PlanBody = z.output<typeof ProcurementPlanBody>;

/** A deviation from the advice is the city's right, with its reason on record. */
export const DEVIATION_REASON_MIN = 10;

/**
 * The owning city's members apply a plan to a draft challenge: the advice is recomputed from
 * the answers (never taken from the client), the phases checked against the model and the
 * timeline, and the challenge's model and deadlines set through the challenges module's own
 * draft command (its rules, its audit event) — all in one transaction with the plan's event.
 */
export async function setProcurementPlan(
  ctx: ServiceContext,
  actor: UserActor,
  reader: Reader,
  challengeId: string,
  body: PlanBody,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const challenge = await readableProcurementFacts(tx, actor, challengeId, { lock: true });
    if (!isCityMember(reader, challenge)) {
      throw commonErrors.forbidden("Only the owning city's members set the procurement plan.");
    }
    if (challenge.status !== "draft") throw planErrors.planLocked();
    const now = ctx.clock.now();
    const advice = adviseRoute(body.answers);
    const model = body.chosenModel;
    const problems: FieldProblem[] = [];
    const deviationReason = model === advice.recommended ? null : body.deviationReason;
    if (model !== advice.recommended && (deviationReason ?? "").length < DEVIATION_REASON_MIN) {
      problems.push({
        field: "body.deviationReason",
        message: `is required (at least ${DEVIATION_REASON_MIN} characters) when the chosen model is not the recommended ${advice.recommended}`,
      });
    }
    const fallback = defaultSchedule(model, challenge, now);
    const timeline = body.timeline
      ? {
          questionDeadline: new Date(body.timeline.questionDeadline),
          proposalDeadline: new Date(body.timeline.proposalDeadline),
          awardDate: new Date(body.timeline.awardDate),
        }
      : fallback.timeline;
    const phases: PhaseDates[] = body.phases
      ? body.phases.map((phase) => ({
          startsAt: new Date(phase.startsAt),
          endsAt: new Date(phase.endsAt),
          maxBidders: phase.maxBidders,
        }))
      : body.timeline
        ? scheduleWithin(model, timeline, now)
        : fallback.phases;
    problems.push(...scheduleProblems(model, timeline, phases));
    if (problems.length > 0) throw planErrors.planInvalid(undefined, { errors: problems });

    await updateDraft({ ...ctx, db: tx }, actor, challenge.id, {
      procurementModel: model,
      timeline: {
        questionDeadline: timeline.questionDeadline.toISOString(),
        proposalDeadline: timeline.proposalDeadline.toISOString(),
        awardDate: timeline.awardDate.toISOString(),
      },
    });
    const templates = PHASE_TEMPLATES[model];
    const rows = phases.map((phase, index) => ({
      number: index + 1,
      key: templates[index]!.key,
      startsAt: phase.startsAt,
      endsAt: phase.endsAt,
      maxBidders: phase.maxBidders,
    }));
    await savePlan(
      tx,
      {
        challengeId: challenge.id,
        answers: body.answers,
        advice,
        chosenModel: model,
        deviationReason,
        createdBy: actor.userId,
        createdAt: now,
        updatedBy: actor.userId,
        updatedAt: now,
      },
      rows,
    );
    await recordPlanEvent(tx, ctx.clock, {
      action: "procurement_plan.set",
      actorId: actor.userId,
      subjectId: challenge.id,
      payload: {
        model,
        recommended: advice.recommended,
        rulesVersion: advice.rulesVersion,
        deviationReason,
        phases: rows.map((row) => ({
          key: row.key,
          startsAt: row.startsAt.toISOString(),
          endsAt: row.endsAt.toISOString(),
          maxBidders: row.maxBidders,
        })),
      },
    });
  });
}
