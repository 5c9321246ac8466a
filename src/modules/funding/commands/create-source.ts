import type { ServiceContext } from "../../../core/context.ts";
import { recordFundingEvent } from "../audit.ts";
import { type CreateSourceBody, CreateSourceBody as CreateSourceSchema } from "../contract.ts";
import { insertSource } from "../repository.ts";
import { requireFunder } from "./source-rules.ts";

/** A funder (or an admin for it) publishes a source. The caller has been authorised. */
export async function createSource(
  ctx: ServiceContext,
  actorId: string | null,
  input: CreateSourceBody,
  via: "api" | "import" | "seed" = "api",
): Promise<{ id: string }> {
  const body = CreateSourceSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    await requireFunder(tx, body.funderId);
    const now = ctx.clock.now();
    const row = await insertSource(tx, {
      ...body,
      createdBy: actorId,
      createdAt: now,
      updatedAt: now,
    });
    await recordFundingEvent(tx, ctx.clock, {
      action: "funding_source.created",
      actorId,
      subjectId: row.id,
      payload: { funderId: body.funderId, title: body.title, via },
    });
    return { id: row.id };
  });
}
