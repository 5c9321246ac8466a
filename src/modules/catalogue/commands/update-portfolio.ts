import type { ServiceContext } from "../../../core/context.ts";
import { recordPortfolioEvent } from "../audit.ts";
import type { UpdatePortfolioBody } from "../contract.ts";
import { catalogueErrors } from "../errors.ts";
import { type PortfolioRow, updatePortfolioRow } from "../repository.ts";
import { requirePublicChallenge } from "./create-portfolio.ts";

export async function updatePortfolio(
  ctx: ServiceContext,
  actorId: string,
  portfolio: PortfolioRow,
  patch: UpdatePortfolioBody,
): Promise<void> {
  const changes = Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as Partial<PortfolioRow>;
  const theme = "theme" in changes ? changes.theme : portfolio.theme;
  const challengeId = "challengeId" in changes ? changes.challengeId : portfolio.challengeId;
  if (!theme && !challengeId) {
    throw catalogueErrors.portfolioNeedsTheme(undefined, {
      errors: [{ field: "body.theme", message: "name a theme or a challenge" }],
    });
  }
  const fields = Object.keys(changes);
  if (fields.length === 0) return;
  if ("challengeId" in changes) await requirePublicChallenge(ctx.db, changes.challengeId);
  await ctx.db.transaction(async (tx) => {
    await updatePortfolioRow(tx, portfolio.id, { ...changes, updatedAt: ctx.clock.now() });
    await recordPortfolioEvent(tx, ctx.clock, {
      action: "portfolio.updated",
      actorId,
      subjectId: portfolio.id,
      payload: { fields },
    });
  });
}
