import type { ServiceContext } from "../../../core/context.ts";
import { membersOfCluster } from "../../organisations/index.ts";
import { recordPortfolioEvent } from "../audit.ts";
import { catalogueErrors } from "../errors.ts";
import {
  deletePortfolioItem,
  findSolution,
  insertPortfolioItem,
  lockPortfolio,
  type PortfolioRow,
  updatePortfolioRow,
} from "../repository.ts";

/**
 * Adds one of the cluster's (or its active member organisations') active solutions. Adding
 * one already there changes nothing.
 */
export async function addPortfolioItem(
  ctx: ServiceContext,
  actorId: string,
  portfolio: PortfolioRow,
  input: { solutionId: string; note: string },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    // Locked: a deletion of the portfolio at the same time waits, or is seen (404, not 500).
    if (!(await lockPortfolio(tx, portfolio.id))) throw catalogueErrors.portfolioNotFound();
    const solution = await findSolution(tx, input.solutionId);
    if (solution?.status !== "active") {
      throw catalogueErrors.solutionNotFound(undefined, {
        errors: [{ field: "body.solutionId", message: "is not a solution in the catalogue" }],
      });
    }
    const providers = new Set([
      portfolio.clusterId,
      ...(await membersOfCluster(tx, portfolio.clusterId)),
    ]);
    if (!providers.has(solution.providerId)) {
      throw catalogueErrors.solutionNotFromCluster(undefined, {
        errors: [
          { field: "body.solutionId", message: "belongs to an organisation outside the cluster" },
        ],
      });
    }
    const now = ctx.clock.now();
    const added = await insertPortfolioItem(tx, {
      portfolioId: portfolio.id,
      solutionId: solution.id,
      note: input.note,
      addedBy: actorId,
      addedAt: now,
    });
    if (!added) return;
    await updatePortfolioRow(tx, portfolio.id, { updatedAt: now });
    await recordPortfolioEvent(tx, ctx.clock, {
      action: "portfolio.item_added",
      actorId,
      subjectId: portfolio.id,
      payload: { solutionId: solution.id },
    });
  });
}

export async function removePortfolioItem(
  ctx: ServiceContext,
  actorId: string,
  portfolio: PortfolioRow,
  solutionId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await lockPortfolio(tx, portfolio.id))) throw catalogueErrors.portfolioNotFound();
    if (!(await deletePortfolioItem(tx, portfolio.id, solutionId))) {
      throw catalogueErrors.itemNotFound();
    }
    await updatePortfolioRow(tx, portfolio.id, { updatedAt: ctx.clock.now() });
    await recordPortfolioEvent(tx, ctx.clock, {
      action: "portfolio.item_removed",
      actorId,
      subjectId: portfolio.id,
      payload: { solutionId },
    });
  });
}
