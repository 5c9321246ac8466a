import type { ServiceContext } from "../../../core/context.ts";
import { commonErrors } from "../../../core/http/problem.ts";
import { recordFundingEvent } from "../audit.ts";
import {
  type SourceContent,
  type UpdateSourceBody,
  UpdateSourceBody as UpdateSourceSchema,
} from "../contract.ts";
import { fundingErrors } from "../errors.ts";
import { findSource, followerIdsOf, type SourceRow, updateSource } from "../repository.ts";
import { scheduleReminder } from "./reminders.ts";

type Changes = Partial<Omit<SourceContent, "funderId">>;

/**
 * Changes the fields that differ; the bounds are checked on the result (a new minimum against
 * the kept maximum). A moved closing date queues reminders for it. Authorised by the caller.
 */
export async function updateSourceContent(
  ctx: ServiceContext,
  actorId: string | null,
  id: string,
  input: UpdateSourceBody,
  via: "api" | "import" = "api",
): Promise<{ changed: string[] }> {
  const changes = UpdateSourceSchema.parse(input) as Changes;
  return ctx.db.transaction(async (tx) => {
    // Locked before reading: the bounds are checked on the merged row, so a concurrent edit of
    // the other bound must be seen (else a new minimum and a new maximum, each fine alone,
    // could both pass and leave the minimum above the maximum).
    const current = await findSource(tx, id, { lock: "update" });
    if (!current) throw fundingErrors.sourceNotFound();
    const fields = (Object.keys(changes) as Array<keyof Changes>).filter(
      (field) =>
        changes[field] !== undefined &&
        JSON.stringify(changes[field]) !== JSON.stringify(current[field as keyof SourceRow]),
    );
    if (fields.length === 0) return { changed: [] };
    const merged = { ...current, ...changes };
    for (const [low, high, message] of [
      ["minAmountMinor", "maxAmountMinor", "must not be below the minimum"],
      ["minTrl", "maxTrl", "must not be below the minimum TRL"],
      ["opensOn", "closesOn", "must not be before the opening"],
    ] as const) {
      const [from, to] = [merged[low], merged[high]];
      if (from !== null && to !== null && from > to) {
        throw commonErrors.validationFailed(undefined, {
          errors: [{ field: `body.${high}`, message }],
        });
      }
    }
    const set = Object.fromEntries(fields.map((field) => [field, changes[field]]));
    await updateSource(tx, id, { ...set, updatedAt: ctx.clock.now() });
    await recordFundingEvent(tx, ctx.clock, {
      action: "funding_source.updated",
      actorId,
      subjectId: id,
      payload: { fields, via },
    });
    if (fields.includes("closesOn")) {
      for (const userId of await followerIdsOf(tx, id)) {
        await scheduleReminder(ctx, tx, { id, closesOn: changes.closesOn ?? null }, userId);
      }
    }
    return { changed: fields };
  });
}
