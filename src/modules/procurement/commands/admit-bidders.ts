import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import type { Db } from "../../../core/db/client.ts";
import { commonErrors, type FieldProblem } from "../../../core/http/problem.ts";
import {
  type ChallengeProcurementFacts,
  readableProcurementFacts,
} from "../../challenges/index.ts";
import { recordPlanEvent } from "../audit-plans.ts";
import { bidderKey } from "../bidders.ts";
import type { AdmissionBody } from "../contract-advisor.ts";
import { planErrors } from "../errors-plans.ts";
import { evaluationsOf } from "../evaluation-standing.ts";
import { isCityMember, phaseOf, type Reader } from "../policy.ts";
import type { BidderKey } from "../repository.ts";
import { findPlan, insertDecision, type StoredPlan } from "../repository-plans.ts";
import { liveBiddersForCity } from "../sealed-proposals.ts";

/** Statuses in which a pre-commercial procurement runs its phases (after the proposal deadline). */
const RUNNING: ReadonlySet<string> = new Set(["evaluation", "awarded", "piloting"]);

export type AdmissionWindow =
  | { open: true; pool: BidderKey[] }
  | { open: false; why: "not_narrowed" | "not_open" | "decided"; detail: string };

/**
 * Whether the city may now admit bidders to phase `number`, and from whom: phase 1 from the
 * bidders with a live proposal, once the proposal deadline has passed; a later phase from those
 * admitted to the previous one, once that phase has ended. One decision per phase.
 */
export async function admissionWindow(
  db: Db,
  reader: Reader,
  challenge: ChallengeProcurementFacts,
  stored: StoredPlan,
  number: number,
  now: Date,
): Promise<AdmissionWindow> {
  const phase = stored.phases[number - 1];
  if (!phase || stored.plan.chosenModel !== "pre_commercial" || phase.maxBidders === null) {
    return {
      open: false,
      why: "not_narrowed",
      detail: "Only pre-commercial phases admit bidders.",
    };
  }
  if (stored.decisions.has(number)) {
    return { open: false, why: "decided", detail: `Phase ${number}'s bidders are decided.` };
  }
  if (!RUNNING.has(challenge.status) || phaseOf(challenge, now) !== "after_deadline") {
    return {
      open: false,
      why: "not_open",
      detail: `Bidders are admitted after the proposal deadline, while the challenge is in evaluation, awarded or piloting; it is ${challenge.status}.`,
    };
  }
  // A blind evaluation hides who bid from the city until the technical scores are locked;
  // admitting bidders would undo it.
  const evaluation = (await evaluationsOf(db, reader, [challenge], now)).get(challenge.id);
  if (evaluation?.stage === "blind") {
    return {
      open: false,
      why: "not_open",
      detail: "The evaluation is blind until the technical scores are locked.",
    };
  }
  if (number === 1) {
    const live = (await liveBiddersForCity(db, reader, challenge, now)) ?? [];
    return { open: true, pool: live.map(({ kind, id }) => ({ kind, id })) };
  }
  const previous = stored.phases[number - 2]!;
  if (now < previous.endsAt) {
    return {
      open: false,
      why: "not_open",
      detail: `Phase ${number - 1} ends at ${previous.endsAt.toISOString()}.`,
    };
  }
  const decided = stored.decisions.get(number - 1);
  if (!decided) {
    return {
      open: false,
      why: "not_open",
      detail: `Phase ${number - 1}'s bidders are not decided yet.`,
    };
  }
  return { open: true, pool: decided.bidders };
}

/**
 * The owning city's members admit bidders to a pre-commercial phase: at most the phase's
 * maximum, only from the pool (admissionWindow), with a reason; the decision and its audit
 * event in one transaction, the challenge row locked so two decisions cannot cross.
 */
export async function admitBidders(
  ctx: ServiceContext,
  actor: UserActor,
  reader: Reader,
  challengeId: string,
  number: number,
  body: AdmissionBody,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const challenge = await readableProcurementFacts(tx, actor, challengeId, { lock: true });
    if (!isCityMember(reader, challenge)) {
      throw commonErrors.forbidden("Only the owning city's members admit bidders.");
    }
    const stored = await findPlan(tx, challenge.id);
    if (!stored) throw planErrors.planNotFound();
    const phase = stored.phases[number - 1];
    if (!phase) throw planErrors.phaseNotFound(`The plan has ${stored.phases.length} phases.`);
    const now = ctx.clock.now();
    const window = await admissionWindow(tx, reader, challenge, stored, number, now);
    if (!window.open) {
      const error = {
        not_narrowed: planErrors.admissionsNotNarrowed,
        not_open: planErrors.admissionsNotOpen,
        decided: planErrors.admissionsDecided,
      }[window.why];
      throw error(window.detail);
    }
    const pool = new Set(window.pool.map(bidderKey));
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    body.bidders.forEach((bidder, index) => {
      const key = bidderKey(bidder);
      const field = `body.bidders.${index}`;
      if (seen.has(key)) problems.push({ field, message: "is listed twice" });
      else if (!pool.has(key))
        problems.push({
          field,
          message:
            number === 1
              ? "has no live proposal for this challenge"
              : `was not admitted to phase ${number - 1}`,
        });
      seen.add(key);
    });
    if (phase.maxBidders !== null && body.bidders.length > phase.maxBidders) {
      problems.push({
        field: "body.bidders",
        message: `at most ${phase.maxBidders} bidders may be admitted to this phase`,
      });
    }
    if (problems.length > 0) throw planErrors.admissionInvalid(undefined, { errors: problems });
    await insertDecision(
      tx,
      {
        challengeId: challenge.id,
        number,
        reason: body.reason,
        decidedBy: actor.userId,
        decidedAt: now,
      },
      body.bidders,
    );
    await recordPlanEvent(tx, ctx.clock, {
      action: "procurement_plan.bidders_admitted",
      actorId: actor.userId,
      subjectId: challenge.id,
      payload: {
        phase: number,
        phaseKey: phase.key,
        bidders: body.bidders.map(({ kind, id }) => ({ kind, id })),
        reason: body.reason,
      },
    });
  });
}
