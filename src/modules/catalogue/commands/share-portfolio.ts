import type { ServiceContext } from "../../../core/context.ts";
import { organisationSummaries } from "../../organisations/index.ts";
import { recordPortfolioEvent } from "../audit.ts";
import { catalogueErrors } from "../errors.ts";
import {
  deletePortfolioShare,
  insertPortfolioShare,
  lockPortfolio,
  type PortfolioRow,
} from "../repository.ts";

/** Shares the portfolio with a city organisation, whose members may then read it. */
export async function sharePortfolio(
  ctx: ServiceContext,
  actorId: string,
  portfolio: PortfolioRow,
  organisationId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    // Locked: a deletion of the portfolio at the same time waits, or is seen (404, not 500).
    if (!(await lockPortfolio(tx, portfolio.id))) throw catalogueErrors.portfolioNotFound();
    const city = (await organisationSummaries(tx, [organisationId])).get(organisationId);
    if (city?.kind !== "city") {
      throw catalogueErrors.shareTargetNotCity(undefined, {
        errors: [{ field: "body.organisationId", message: "is not a city organisation" }],
      });
    }
    const shared = await insertPortfolioShare(tx, {
      portfolioId: portfolio.id,
      organisationId: city.id,
      sharedBy: actorId,
      sharedAt: ctx.clock.now(),
    });
    if (!shared) return;
    await recordPortfolioEvent(tx, ctx.clock, {
      action: "portfolio.shared",
      actorId,
      subjectId: portfolio.id,
      payload: { organisationId: city.id },
    });
  });
}

export async function unsharePortfolio(
  ctx: ServiceContext,
  actorId: string,
  portfolio: PortfolioRow,
  organisationId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await deletePortfolioShare(tx, portfolio.id, organisationId))) {
      throw catalogueErrors.shareNotFound();
    }
    await recordPortfolioEvent(tx, ctx.clock, {
      action: "portfolio.unshared",
      actorId,
      subjectId: portfolio.id,
      payload: { organisationId },
    });
  });
}
