import type { ServiceContext } from "../../../core/context.ts";
import { recordFundingEvent } from "../audit.ts";
import { type CoFundingBody, CoFundingBody as CoFundingSchema } from "../contract.ts";
import { fundingErrors } from "../errors.ts";
import { deleteCoFunding, findSource, upsertCoFunding } from "../repository.ts";

/** The city records that a source co-funds its challenge, with the amount (set again: changed). */
export async function setCoFunding(
  ctx: ServiceContext,
  actorId: string | null,
  challengeId: string,
  input: CoFundingBody,
): Promise<void> {
  const body = CoFundingSchema.parse(input);
  await ctx.db.transaction(async (tx) => {
    // Held until the record is written: a delete of the source at the same moment waits, rather
    // than landing in between and failing the insert on the foreign key.
    if (!(await findSource(tx, body.sourceId, { lock: "key share" }))) {
      throw fundingErrors.sourceNotFound(undefined, {
        errors: [{ field: "body.sourceId", message: "must be a funding source" }],
      });
    }
    await upsertCoFunding(tx, {
      challengeId,
      sourceId: body.sourceId,
      amountMinor: body.amountMinor,
      currency: body.currency,
      createdBy: actorId,
      createdAt: ctx.clock.now(),
    });
    await recordFundingEvent(tx, ctx.clock, {
      action: "funding_source.co_funding_set",
      actorId,
      subjectId: body.sourceId,
      payload: { challengeId, amountMinor: body.amountMinor, currency: body.currency },
    });
  });
}

export async function removeCoFunding(
  ctx: ServiceContext,
  actorId: string,
  challengeId: string,
  sourceId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteCoFunding(tx, challengeId, sourceId)))
      throw fundingErrors.coFundingNotFound();
    await recordFundingEvent(tx, ctx.clock, {
      action: "funding_source.co_funding_removed",
      actorId,
      subjectId: sourceId,
      payload: { challengeId },
    });
  });
}
