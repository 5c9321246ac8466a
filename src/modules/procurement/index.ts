/**
 * Procurement: the proposal form a challenge defines, sealed proposals from organisations and
 * consortia with their receipts (SHA-256 of the content, re-verifiable), and — in later parts —
 * evaluation, award and transparency. The seal lives in policy.ts and sealed-proposals.ts, the
 * only way to read proposals. See docs/procurement.md.
 */
import { DAY } from "../../core/clock.ts";
import type { ServiceContext } from "../../core/context.ts";
import type { ModuleManifest } from "../../core/module.ts";
import { guardTransitions } from "../challenges/index.ts";
import { awardStandstillGuard } from "./commands/standstill-guard.ts";
import { deleteUnattachedFiles } from "./repository.ts";
import { procurementRoutes } from "./routes.ts";
import { evaluationRoutes } from "./routes-evaluation.ts";
import { planRoutes } from "./routes-plans.ts";
import { transparencyRoutes } from "./routes-transparency.ts";

export function procurementModule(ctx: ServiceContext): ModuleManifest {
  // Challenges cannot ask procurement (it depends on challenges), so procurement tells it: an
  // awarded challenge is not moved on while the award's standstill runs.
  guardTransitions(awardStandstillGuard);
  return {
    name: "procurement",
    routes: async (app) => {
      await app.register(procurementRoutes, { ctx });
      await app.register(evaluationRoutes, { ctx });
      await app.register(planRoutes, { ctx });
      await app.register(transparencyRoutes, { ctx });
    },
    // Files uploaded for a proposal that no submission attached within a day.
    housekeeping: async () => {
      await deleteUnattachedFiles(ctx.db, new Date(ctx.clock.now().getTime() - DAY));
    },
  };
}

export { type DetectedConflict, detectConflicts, lookbackStart } from "./conflicts.ts";
/** Uploads recognised by content (hackathon submissions take the same kinds of file). */
export { type QuietPeriodRefusal, quietPeriodRefusal } from "./quiet-period.ts";

/** Impact figures: a count of live proposals (never who or what), of closed calls only. */
export { countLiveProposals } from "./repository-counts.ts";
