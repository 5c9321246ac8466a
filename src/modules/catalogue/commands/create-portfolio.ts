import type { ServiceContext } from "../../../core/context.ts";
import type { Db } from "../../../core/db/client.ts";
import { isPublicChallenge } from "../../challenges/index.ts";
import { organisationSummaries } from "../../organisations/index.ts";
import { recordPortfolioEvent } from "../audit.ts";
import { catalogueErrors } from "../errors.ts";
import { insertPortfolio, type PortfolioRow } from "../repository.ts";

/** A cluster starts a portfolio for a theme or a city's challenge; it is private until shared. */
export async function createPortfolio(
  ctx: ServiceContext,
  actorId: string,
  input: {
    clusterId: string;
    title: string;
    description: string;
    theme?: string | null | undefined;
    challengeId?: string | null | undefined;
  },
): Promise<PortfolioRow> {
  return ctx.db.transaction(async (tx) => {
    const cluster = (await organisationSummaries(tx, [input.clusterId])).get(input.clusterId);
    if (cluster?.kind !== "cluster") {
      throw catalogueErrors.clusterNotFound(undefined, {
        errors: [{ field: "body.clusterId", message: "is not a cluster organisation" }],
      });
    }
    await requirePublicChallenge(tx, input.challengeId);
    const now = ctx.clock.now();
    const portfolio = await insertPortfolio(tx, {
      clusterId: cluster.id,
      title: input.title,
      description: input.description,
      theme: input.theme ?? null,
      challengeId: input.challengeId ?? null,
      createdBy: actorId,
      createdAt: now,
      updatedAt: now,
    });
    await recordPortfolioEvent(tx, ctx.clock, {
      action: "portfolio.created",
      actorId,
      subjectId: portfolio.id,
      payload: { clusterId: cluster.id, title: portfolio.title },
    });
    return portfolio;
  });
}

/** A portfolio answers a published challenge: a draft is its city's own, an unknown id nothing. */
export async function requirePublicChallenge(db: Db, challengeId: string | null | undefined) {
  if (challengeId && !(await isPublicChallenge(db, challengeId))) {
    throw catalogueErrors.challengeNotFound(undefined, {
      errors: [{ field: "body.challengeId", message: "is no published challenge" }],
    });
  }
}
