import type { ServiceContext } from "../../../core/context.ts";
import { recordFundingEvent } from "../audit.ts";
import { fundingErrors } from "../errors.ts";
import { deleteSourceRow, findSource } from "../repository.ts";

/** Removes a source with its followers and co-funding records. Authorised by the caller. */
export async function deleteSource(
  ctx: ServiceContext,
  actorId: string,
  id: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const current = await findSource(tx, id);
    if (!current) throw fundingErrors.sourceNotFound();
    await deleteSourceRow(tx, id);
    await recordFundingEvent(tx, ctx.clock, {
      action: "funding_source.deleted",
      actorId,
      subjectId: id,
      payload: { funderId: current.funderId, title: current.title },
    });
  });
}
