import type { TransitionGuard } from "../../challenges/index.ts";
import { findAward } from "../repository-evaluation.ts";

/**
 * Steps away from `awarded` that presume the award stands. If the chair cancelled the award
 * after one of them, the challenge would be piloting (or implemented) with no award, so they
 * wait for the standstill's end. Cancelling the challenge presumes nothing and stays open.
 */
const PRESUMING_THE_AWARD: ReadonlySet<string> = new Set(["piloting", "implemented"]);

/**
 * Whether the challenge's status presumes an award that stands. The award refuses to be made on
 * such a challenge (a city moved it there by hand, with no award on the platform): cancelled
 * during its standstill, it would leave the challenge there with none.
 */
export const presumesTheAward = (status: string): boolean => PRESUMING_THE_AWARD.has(status);

/** A moment as bidders and cities read it in any language: "2026-03-12 08:00 UTC". */
export function utcMinute(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/**
 * Procurement's rule on a challenge's lifecycle (registered with challenges by the module):
 * while the live award's standstill runs, the challenge stays awarded. Asked under the
 * challenge's row lock, which the award and its cancellation take too, so neither can change
 * the award between this read and the step's write.
 */
export const awardStandstillGuard: TransitionGuard = async (tx, step) => {
  if (step.from !== "awarded" || !presumesTheAward(step.to)) return null;
  const award = await findAward(tx, step.challengeId);
  // The same boundary as the evaluation's stage: the award is final from standstillEndsAt on.
  if (!award || step.now.getTime() >= award.standstillEndsAt.getTime()) return null;
  const until = utcMinute(award.standstillEndsAt);
  return {
    code: "standstill_running",
    detail: `The award's standstill runs until ${until} (${award.standstillEndsAt.toISOString()}); until then the chair may still cancel the award, so the challenge stays awarded.`,
    // Nothing in the request is wrong (the page would list it as a field to fix): it is early.
    errors: [],
    params: { until, standstillEndsAt: award.standstillEndsAt.toISOString() },
  };
};
