import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Actor, requireUser, requireVerifiedUser } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import { sendPublicRead } from "../../core/http/cached-reply.ts";
import { IdParams, problemResponses } from "../../core/http/contract.ts";
import { commonErrors } from "../../core/http/problem.ts";
import { findPeople } from "../accounts/index.ts";
import { membersOfCluster, organisationExists } from "../organisations/index.ts";
import { archiveSolution } from "./commands/archive-solution.ts";
import { createSolution } from "./commands/create-solution.ts";
import { updateSolution } from "./commands/update-solution.ts";
import {
  CreateSolutionBody,
  ProviderSolutionList,
  Solution,
  SolutionCatalogue,
  SolutionQuery,
  SolutionVersionList,
  UpdateSolutionBody,
} from "./contract.ts";
import { catalogueErrors } from "./errors.ts";
import { requireAbility, standingOf } from "./policy.ts";
import {
  decodeCursor,
  encodeCursor,
  presentSolutionSummary,
  presentSolutionVersion,
} from "./presenters.ts";
import { listProviderSolutions, listSolutionVersions } from "./repository.ts";
import {
  type SearchOrder,
  type SolutionFilter,
  searchSolutions,
  solutionFacets,
} from "./repository-search.ts";
import { descendantCodes } from "./repository-taxonomy.ts";
import {
  loadSolutionLookups,
  organisationsOfActor,
  presentSolutionSummaries,
  presentVisibleSolution,
  visibleSolution,
} from "./solution-views.ts";
import { searchTextFor } from "./taxonomy.ts";

const tags = ["catalogue"];

export const solutionRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  const loadSolution = (id: string, actor: Actor) => visibleSolution(ctx.db, id, actor);

  const present = (id: string, actor: Actor) => presentVisibleSolution(ctx.db, id, actor);

  app.get(
    "/api/v1/solutions",
    {
      schema: {
        tags,
        summary:
          "Search the catalogue: full text with domain synonyms, filters, facet counts, keyset pages",
        querystring: SolutionQuery,
        response: { 200: SolutionCatalogue, ...problemResponses },
      },
    },
    async (request, reply) => {
      const query = request.query;
      const q = query.q?.trim() || undefined;
      let order: SearchOrder = query.sort ?? (q ? "relevance" : "newest");
      if (order === "relevance" && !q) order = "newest";
      const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, order);
      if (after === null) {
        throw catalogueErrors.badCursor(undefined, {
          errors: [
            { field: "query.cursor", message: "is not a cursor from this search and order" },
          ],
        });
      }
      // The search is the same for every caller: kept until content changes.
      await sendPublicRead(request, reply, ctx.readCache, async () => {
        const filter: SolutionFilter = {
          text: q ? await searchTextFor(ctx.db, q) : undefined,
          sectors: query.sector,
          capabilityCodes: query.capability?.length
            ? await descendantCodes(ctx.db, query.capability)
            : undefined,
          trlMin: query.trlMin,
          trlMax: query.trlMax,
          country: query.country,
          providerKind: query.providerKind,
          providerIds: query.clusterId
            ? [query.clusterId, ...(await membersOfCluster(ctx.db, query.clusterId))]
            : undefined,
        };
        const [{ rows, total }, facets] = await Promise.all([
          searchSolutions(ctx.db, filter, { order, limit: query.limit, after }),
          solutionFacets(ctx.db, filter),
        ]);
        const lookups = await loadSolutionLookups(
          ctx.db,
          rows.map((row) => row.solution),
        );
        const last = rows.at(-1);
        return {
          solutions: rows.flatMap((row) => {
            const summary = presentSolutionSummary(row.solution, lookups);
            const rank = order === "relevance" && row.key !== null ? row.key / 1_000_000 : null;
            return summary ? [{ ...summary, rank }] : [];
          }),
          total,
          nextCursor: last && rows.length === query.limit ? encodeCursor(order, last) : null,
          facets,
        };
      });
      return reply;
    },
  );

  app.post(
    "/api/v1/solutions",
    {
      schema: {
        tags,
        summary: "Add a solution for a provider organisation you belong to (version 1)",
        body: CreateSolutionBody,
        response: { 201: Solution, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireVerifiedUser(request.actor);
      const standing = standingOf(
        actor,
        await organisationsOfActor(ctx.db, actor),
        request.body.providerId,
      );
      if (!standing.member && !standing.platformAdmin) {
        throw commonErrors.forbidden(
          "Only members of the provider organisation can add its solutions.",
        );
      }
      const solution = await createSolution(ctx, actor.userId, request.body);
      return reply.status(201).send(await present(solution.id, actor));
    },
  );

  app.get(
    "/api/v1/solutions/:id",
    {
      schema: {
        tags,
        summary: "A solution, with what you may do with it",
        params: IdParams,
        response: { 200: Solution, ...problemResponses },
      },
    },
    async (request) => {
      return present(request.params.id, request.actor);
    },
  );

  app.patch(
    "/api/v1/solutions/:id",
    {
      schema: {
        tags,
        summary: "Edit a solution (its provider's members): the result is a new version",
        params: IdParams,
        body: UpdateSolutionBody,
        response: { 200: Solution, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const { solution, abilities } = await loadSolution(request.params.id, actor);
      requireAbility(abilities, "edit");
      await updateSolution(ctx, actor.userId, solution.id, request.body);
      return present(solution.id, actor);
    },
  );

  app.post(
    "/api/v1/solutions/:id/archive",
    {
      schema: {
        tags,
        summary: "Take a solution out of the catalogue (its provider's members)",
        params: IdParams,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const { solution, abilities } = await loadSolution(request.params.id, actor);
      requireAbility(abilities, "archive");
      await archiveSolution(ctx, actor.userId, solution.id);
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/v1/solutions/:id/versions",
    {
      schema: {
        tags,
        summary: "Every version of a solution, newest first (its provider's members)",
        params: IdParams,
        response: { 200: SolutionVersionList, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const { solution, abilities } = await loadSolution(request.params.id, actor);
      requireAbility(abilities, "viewVersions");
      const rows = await listSolutionVersions(ctx.db, solution.id);
      const editors = await findPeople(
        ctx.db,
        rows.flatMap((row) => (row.editedBy ? [row.editedBy] : [])),
      );
      return {
        versions: rows.map((row) =>
          presentSolutionVersion(
            row,
            row.editedBy ? (editors.get(row.editedBy)?.name ?? null) : null,
          ),
        ),
      };
    },
  );

  app.get(
    "/api/v1/organisations/:id/solutions",
    {
      schema: {
        tags,
        summary: "A provider's solutions (archived ones too, for its members)",
        params: IdParams,
        response: { 200: ProviderSolutionList, ...problemResponses },
      },
    },
    async (request) => {
      const organisation = await organisationExists(ctx.db, request.params.id);
      if (!organisation) throw commonErrors.notFound("Organisation not found.");
      const standing = standingOf(
        request.actor,
        await organisationsOfActor(ctx.db, request.actor),
        organisation.id,
      );
      const rows = await listProviderSolutions(ctx.db, organisation.id, {
        includeArchived: standing.member || standing.platformAdmin,
      });
      return { solutions: await presentSolutionSummaries(ctx.db, rows) };
    },
  );
};
