import type { ServiceContext } from "../../../core/context.ts";
import { commonErrors } from "../../../core/http/problem.ts";
import { recordReferenceEvent } from "../audit.ts";
import { referencesErrors } from "../errors.ts";
import type { Standing } from "../policy.ts";
import { updateReferenceRow } from "../repository.ts";
import { afterVerificationChange, lockedReference, tellProvider } from "./reference-rules.ts";

/**
 * A person of the referenced city's organisation confirms the reference, or rejects it with a
 * reason. Only a pending one is decided; an edit by the provider makes it pending again.
 */
export async function decideReference(
  ctx: ServiceContext,
  actorId: string,
  standing: Standing,
  id: string,
  decision: { decision: "verify" | "reject"; reason?: string | undefined },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await lockedReference(tx, id);
    const cityOrganisationId = row.cityOrganisationId;
    if (!cityOrganisationId || !standing.memberOf.has(cityOrganisationId)) {
      throw commonErrors.forbidden("Only the people of the referenced city's organisation decide.");
    }
    if (row.status !== "pending") throw referencesErrors.notPending();
    const now = ctx.clock.now();
    if (decision.decision === "verify") {
      await updateReferenceRow(tx, row.id, {
        status: "verified",
        rejectionReason: null,
        decidedBy: actorId,
        decidedAt: now,
      });
      await recordReferenceEvent(tx, ctx.clock, {
        action: "reference.verified",
        actorId,
        subjectId: row.id,
        payload: { revision: row.revision, cityOrganisationId },
      });
      await afterVerificationChange(tx, ctx.clock, row.solutionId);
      await tellProvider(ctx, tx, row, actorId, { verified: true });
      return;
    }
    const reason = decision.reason ?? "";
    await updateReferenceRow(tx, row.id, {
      status: "rejected",
      rejectionReason: reason,
      decidedBy: actorId,
      decidedAt: now,
    });
    await recordReferenceEvent(tx, ctx.clock, {
      action: "reference.rejected",
      actorId,
      subjectId: row.id,
      payload: { revision: row.revision, cityOrganisationId, reason },
    });
    await tellProvider(ctx, tx, row, actorId, { verified: false, reason });
  });
}
