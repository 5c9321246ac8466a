import type { ServiceContext } from "../../../core/context.ts";
import { recordPortfolioEvent } from "../audit.ts";
import type { UpdatePortfolioBody } from "../contract.ts";
import { catalogueErrors } from "../errors.ts";
import { lockPortfolio, type PortfolioRow, updatePortfolioRow } from "../repository.ts";
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
  const fields = Object.keys(changes);
  if (fields.length === 0) return;
  await ctx.db.transaction(async (tx) => {
    // Locked, and the rule checked on the row as it is now: two edits at once, one clearing the
    // theme and one the challenge, each fine against the row read before, must not both pass.
    const current = await lockPortfolio(tx, portfolio.id);
    if (!current) throw catalogueErrors.portfolioNotFound();
    const theme = "theme" in changes ? changes.theme : current.theme;
    const challengeId = "challengeId" in changes ? changes.challengeId : current.challengeId;
    if (!theme && !challengeId) {
      throw catalogueErrors.portfolioNeedsTheme(undefined, {
        errors: [{ field: "body.theme", message: "name a theme or a challenge" }],
      });
    }
    if ("challengeId" in changes) await requirePublicChallenge(tx, changes.challengeId);
    await updatePortfolioRow(tx, portfolio.id, { ...changes, updatedAt: ctx.clock.now() });
    await recordPortfolioEvent(tx, ctx.clock, {
      action: "portfolio.updated",
      actorId,
      subjectId: portfolio.id,
      payload: { fields },
    });
  });
}
