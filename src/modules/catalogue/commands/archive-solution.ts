import type { ServiceContext } from "../../../core/context.ts";
import { recordSolutionEvent } from "../audit.ts";
import { catalogueErrors } from "../errors.ts";
import { lockSolution, updateSolutionRow } from "../repository.ts";
import { afterSolutionChange } from "./solution-changes.ts";

/**
 * Takes a solution out of the catalogue. The row and its versions stay (portfolios and
 * references may point at it); its provider and admins still see it.
 */
export async function archiveSolution(
  ctx: ServiceContext,
  actorId: string,
  solutionId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const solution = await lockSolution(tx, solutionId);
    if (!solution) throw catalogueErrors.solutionNotFound();
    if (solution.status === "archived") throw catalogueErrors.solutionArchived();
    const now = ctx.clock.now();
    await updateSolutionRow(tx, solution.id, {
      status: "archived",
      archivedAt: now,
      updatedAt: now,
    });
    await recordSolutionEvent(tx, ctx.clock, {
      action: "solution.archived",
      actorId,
      subjectId: solution.id,
      payload: { providerId: solution.providerId, version: solution.version },
    });
    await afterSolutionChange(tx, ctx.clock, [solution.id]);
  });
}
