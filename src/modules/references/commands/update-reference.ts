import type { ServiceContext } from "../../../core/context.ts";
import { recordReferenceEvent } from "../audit.ts";
import type { ReferenceChanges } from "../contract.ts";
import { referencesErrors } from "../errors.ts";
import { replaceMetrics, updateReferenceRow } from "../repository.ts";
import {
  activeSolution,
  afterVerificationChange,
  askCityToVerify,
  lockedReference,
  metricRows,
  resetDecision,
  resolveCity,
  sectorFor,
} from "./reference-rules.ts";

/**
 * The provider changes its reference. Any change after a decision takes it back to pending: the
 * city vouched for what it read, not for the new text. The caller has been authorised.
 */
export async function updateReference(
  ctx: ServiceContext,
  actorId: string | null,
  id: string,
  body: ReferenceChanges,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await lockedReference(tx, id);
    const fields = Object.entries(body)
      .filter(([, value]) => value !== undefined)
      .map(([field]) => field);
    if (fields.length === 0) return;
    const solution = await activeSolution(tx, row.solutionId);
    const now = ctx.clock.now();
    const updated = await updateReferenceRow(tx, row.id, {
      ...(body.sector !== undefined ? { sector: sectorFor(solution, body.sector) } : {}),
      ...(body.city !== undefined ? await resolveCity(tx, body.city) : {}),
      ...(body.startedOn !== undefined ? { startedOn: body.startedOn } : {}),
      ...(body.endedOn !== undefined ? { endedOn: body.endedOn } : {}),
      ...(body.scale !== undefined ? { scale: body.scale } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...resetDecision(row, now),
    });
    const endedOn = body.endedOn === undefined ? row.endedOn : body.endedOn;
    const startedOn = body.startedOn ?? row.startedOn;
    if (endedOn && endedOn < startedOn) {
      throw referencesErrors.periodOutOfOrder(undefined, {
        errors: [{ field: "body.endedOn", message: "must not be before the start" }],
      });
    }
    if (body.metrics !== undefined) await replaceMetrics(tx, row.id, metricRows(body.metrics));
    await recordReferenceEvent(tx, ctx.clock, {
      action: "reference.updated",
      actorId,
      subjectId: row.id,
      payload: { fields, previousStatus: row.status, revision: row.revision + 1 },
    });
    if (row.status === "verified") await afterVerificationChange(tx, ctx.clock, row.solutionId);
    // Back with the city (or with another city): it is asked again; a pending one was asked.
    if (row.status !== "pending" || updated.cityOrganisationId !== row.cityOrganisationId) {
      await askCityToVerify(ctx, tx, updated, actorId);
    }
  });
}
