import type { ServiceContext } from "../../../core/context.ts";
import { recordPortfolioEvent } from "../audit.ts";
import { deletePortfolioRow, type PortfolioRow } from "../repository.ts";

/** Deletes the portfolio with its items and shares; the audit trail keeps that it existed. */
export async function deletePortfolio(
  ctx: ServiceContext,
  actorId: string,
  portfolio: PortfolioRow,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await deletePortfolioRow(tx, portfolio.id);
    await recordPortfolioEvent(tx, ctx.clock, {
      action: "portfolio.deleted",
      actorId,
      subjectId: portfolio.id,
      payload: { clusterId: portfolio.clusterId, title: portfolio.title },
    });
  });
}
