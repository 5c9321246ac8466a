import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Actor, hasPlatformRole, requireUser } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import { IdParams, problemResponses } from "../../core/http/contract.ts";
import { commonErrors } from "../../core/http/problem.ts";
import { organisationSummaries } from "../organisations/index.ts";
import { createPortfolio } from "./commands/create-portfolio.ts";
import { addPortfolioItem, removePortfolioItem } from "./commands/curate-portfolio.ts";
import { deletePortfolio } from "./commands/delete-portfolio.ts";
import { sharePortfolio, unsharePortfolio } from "./commands/share-portfolio.ts";
import { updatePortfolio } from "./commands/update-portfolio.ts";
import {
  AddPortfolioItemBody,
  CreatePortfolioBody,
  Portfolio,
  PortfolioItemParams,
  PortfolioList,
  PortfolioQuery,
  PortfolioShareParams,
  SharePortfolioBody,
  UpdatePortfolioBody,
} from "./contract.ts";
import { catalogueErrors } from "./errors.ts";
import { canSeePortfolio, portfolioAbilities, requireAbility, standingOf } from "./policy.ts";
import { presentSolutionSummary } from "./presenters.ts";
import {
  countItemsOf,
  findPortfolio,
  findSolutionsByIds,
  listPortfolioItems,
  listPortfolioShares,
  listPortfolios,
  type PortfolioRow,
} from "./repository.ts";
import { loadSolutionLookups, organisationsOfActor } from "./solution-views.ts";

const tags = ["portfolios"];

export const portfolioRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  /**
   * The portfolio if the caller may see it: its cluster's members, members of a city it is
   * shared with, platform admins. Anyone else gets 404, as if it did not exist.
   */
  const loadPortfolio = async (id: string, actor: Actor) => {
    const portfolio = await findPortfolio(ctx.db, id);
    if (!portfolio) throw catalogueErrors.portfolioNotFound();
    const memberOf = await organisationsOfActor(ctx.db, actor);
    const shares = await listPortfolioShares(ctx.db, portfolio.id);
    const clusterStanding = standingOf(actor, memberOf, portfolio.clusterId);
    const sharedWith = shares.map((share) => share.organisationId);
    if (!canSeePortfolio(clusterStanding, sharedWith, memberOf)) {
      throw catalogueErrors.portfolioNotFound();
    }
    return { portfolio, sharedWith, abilities: portfolioAbilities(clusterStanding) };
  };

  const present = async (id: string, actor: Actor) => {
    const { portfolio, sharedWith, abilities } = await loadPortfolio(id, actor);
    const items = await listPortfolioItems(ctx.db, portfolio.id);
    const solutions = new Map(
      (
        await findSolutionsByIds(
          ctx.db,
          items.map((item) => item.solutionId),
        )
      ).map((row) => [row.id, row]),
    );
    const lookups = await loadSolutionLookups(
      ctx.db,
      [...solutions.values()],
      [portfolio.clusterId, ...sharedWith],
    );
    const cluster = lookups.providers.get(portfolio.clusterId);
    if (!cluster) throw catalogueErrors.portfolioNotFound();
    return {
      ...summaryOf(portfolio, cluster, items.length),
      description: portfolio.description,
      items: items.flatMap((item) => {
        const row = solutions.get(item.solutionId);
        const solution = row ? presentSolutionSummary(row, lookups) : null;
        return solution ? [{ solution, note: item.note, addedAt: item.addedAt.toISOString() }] : [];
      }),
      sharedWith: sharedWith.flatMap((organisationId) => {
        const organisation = lookups.providers.get(organisationId);
        return organisation ? [organisation] : [];
      }),
      createdAt: portfolio.createdAt.toISOString(),
      abilities,
    };
  };

  const summaryOf = (
    portfolio: PortfolioRow,
    cluster: z.infer<typeof Portfolio>["cluster"],
    itemCount: number,
  ) => ({
    id: portfolio.id,
    title: portfolio.title,
    theme: portfolio.theme,
    challengeId: portfolio.challengeId,
    cluster,
    itemCount,
    updatedAt: portfolio.updatedAt.toISOString(),
  });

  app.get(
    "/api/v1/portfolios",
    {
      schema: {
        tags,
        summary: "Portfolios you may see: your clusters', and those shared with your city",
        querystring: PortfolioQuery,
        response: { 200: PortfolioList, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const memberOf = [...(await organisationsOfActor(ctx.db, actor))];
      const rows = await listPortfolios(ctx.db, {
        all: hasPlatformRole(actor, "admin"),
        clusterIds: memberOf,
        sharedWith: memberOf,
        ...(request.query.clusterId ? { clusterId: request.query.clusterId } : {}),
      });
      const [clusters, counts] = await Promise.all([
        organisationSummaries(
          ctx.db,
          rows.map((row) => row.clusterId),
        ),
        countItemsOf(
          ctx.db,
          rows.map((row) => row.id),
        ),
      ]);
      return {
        portfolios: rows.flatMap((row) => {
          const cluster = clusters.get(row.clusterId);
          return cluster ? [summaryOf(row, cluster, counts.get(row.id) ?? 0)] : [];
        }),
      };
    },
  );

  app.post(
    "/api/v1/portfolios",
    {
      schema: {
        tags,
        summary: "Start a portfolio for your cluster (its members), on a theme or a challenge",
        body: CreatePortfolioBody,
        response: { 201: Portfolio, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const standing = standingOf(
        actor,
        await organisationsOfActor(ctx.db, actor),
        request.body.clusterId,
      );
      if (!standing.member && !standing.platformAdmin) {
        throw commonErrors.forbidden("Only the cluster's members can curate its portfolios.");
      }
      const portfolio = await createPortfolio(ctx, actor.userId, request.body);
      return reply.status(201).send(await present(portfolio.id, actor));
    },
  );

  app.get(
    "/api/v1/portfolios/:id",
    {
      schema: {
        tags,
        summary: "A portfolio with its solutions (its cluster, cities it is shared with, admins)",
        params: IdParams,
        response: { 200: Portfolio, ...problemResponses },
      },
    },
    async (request) => present(request.params.id, requireUser(request.actor)),
  );

  app.patch(
    "/api/v1/portfolios/:id",
    {
      schema: {
        tags,
        summary: "Edit a portfolio's title, description, theme or challenge (its cluster)",
        params: IdParams,
        body: UpdatePortfolioBody,
        response: { 200: Portfolio, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const { portfolio, abilities } = await loadPortfolio(request.params.id, actor);
      requireAbility(abilities, "edit");
      await updatePortfolio(ctx, actor.userId, portfolio, request.body);
      return present(portfolio.id, actor);
    },
  );

  app.delete(
    "/api/v1/portfolios/:id",
    {
      schema: {
        tags,
        summary: "Delete a portfolio (its cluster)",
        params: IdParams,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const { portfolio, abilities } = await loadPortfolio(request.params.id, actor);
      requireAbility(abilities, "edit");
      await deletePortfolio(ctx, actor.userId, portfolio);
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/v1/portfolios/:id/items",
    {
      schema: {
        tags,
        summary: "Add a solution of the cluster or one of its member organisations",
        params: IdParams,
        body: AddPortfolioItemBody,
        response: { 200: Portfolio, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const { portfolio, abilities } = await loadPortfolio(request.params.id, actor);
      requireAbility(abilities, "curate");
      await addPortfolioItem(ctx, actor.userId, portfolio, request.body);
      return present(portfolio.id, actor);
    },
  );

  app.delete(
    "/api/v1/portfolios/:id/items/:solutionId",
    {
      schema: {
        tags,
        summary: "Take a solution out of the portfolio",
        params: PortfolioItemParams,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const { portfolio, abilities } = await loadPortfolio(request.params.id, actor);
      requireAbility(abilities, "curate");
      await removePortfolioItem(ctx, actor.userId, portfolio, request.params.solutionId);
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/v1/portfolios/:id/shares",
    {
      schema: {
        tags,
        summary: "Share the portfolio with a city organisation (its members may then read it)",
        params: IdParams,
        body: SharePortfolioBody,
        response: { 200: Portfolio, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const { portfolio, abilities } = await loadPortfolio(request.params.id, actor);
      requireAbility(abilities, "share");
      await sharePortfolio(ctx, actor.userId, portfolio, request.body.organisationId);
      return present(portfolio.id, actor);
    },
  );

  app.delete(
    "/api/v1/portfolios/:id/shares/:organisationId",
    {
      schema: {
        tags,
        summary: "Stop sharing the portfolio with a city organisation",
        params: PortfolioShareParams,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const { portfolio, abilities } = await loadPortfolio(request.params.id, actor);
      requireAbility(abilities, "share");
      await unsharePortfolio(ctx, actor.userId, portfolio, request.params.organisationId);
      return reply.status(204).send();
    },
  );
};
