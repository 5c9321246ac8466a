import type { ServiceContext } from "../../../core/context.ts";
import { recordReferenceEvent } from "../audit.ts";
import { deleteReferenceRow } from "../repository.ts";
import { afterVerificationChange, lockedReference } from "./reference-rules.ts";

/** The provider withdraws its reference (metrics and evidence go with it). Authorised by the caller. */
export async function deleteReference(
  ctx: ServiceContext,
  actorId: string,
  id: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await lockedReference(tx, id);
    await deleteReferenceRow(tx, row.id);
    await recordReferenceEvent(tx, ctx.clock, {
      action: "reference.deleted",
      actorId,
      subjectId: row.id,
      payload: { solutionId: row.solutionId, previousStatus: row.status },
    });
    if (row.status === "verified") await afterVerificationChange(tx, ctx.clock, row.solutionId);
  });
}
