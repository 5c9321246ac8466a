import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireUser, requireVerifiedUser } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import { sendPublicRead } from "../../core/http/cached-reply.ts";
import { IdParams, ProblemSchema, problemResponses } from "../../core/http/contract.ts";
import { cityDirectory, currentOrganisationsOf } from "../organisations/index.ts";
import {
  challengePage,
  challengeView,
  sendAnonymousChallengePage,
  summariesOf,
} from "./challenge-views.ts";
import { visibleChallenge } from "./commands/access.ts";
import { createChallenge } from "./commands/create-challenge.ts";
import { extendTimeline } from "./commands/extend-timeline.ts";
import { transitionChallenge } from "./commands/transition-challenge.ts";
import { updateDraft } from "./commands/update-challenge.ts";
import {
  CatalogueQuery,
  Challenge,
  ChallengeCatalogue,
  CreateChallengeBody,
  ExtendTimelineBody,
  TransitionBody,
  UpdateChallengeBody,
} from "./contract.ts";
import { challengeErrors } from "./errors.ts";
import { type CatalogueScope, catalogueFacets, searchCatalogue } from "./repository-catalogue.ts";
import { boardRoutes, clarificationRoutes, followRoutes } from "./routes-conversation.ts";
import { attachmentRoutes, savedSearchRoutes } from "./routes-files.ts";

const tags = ["challenges"];

/** The keyset of the last row, opaque to clients: base64url of JSON. */
function encodeCursor(sort: string, key: { key: string; id: string }): string {
  return Buffer.from(JSON.stringify({ s: sort, k: key.key, i: key.id })).toString("base64url");
}

const CursorShape = z.object({ s: z.string(), k: z.string().max(100), i: z.uuid() });

/** What each order's key looks like as Postgres prints it; anything else never reaches SQL. */
const keyShapes: Record<string, RegExp> = {
  relevance: /^-?\d+(\.\d+)?(e-?\d+)?$/i,
  newest: /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?[+-]\d\d(:\d\d)?$/,
  deadline: /^(infinity|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?[+-]\d\d(:\d\d)?)$/,
  budget: /^-?\d{1,18}$/,
};

function decodeCursor(cursor: string, sort: string): { key: string; id: string } {
  try {
    const parsed = CursorShape.parse(JSON.parse(Buffer.from(cursor, "base64url").toString()));
    if (parsed.s !== sort) throw new Error("another order's cursor");
    if (!keyShapes[sort]?.test(parsed.k)) throw new Error("not a key of this order");
    return { key: parsed.k, id: parsed.i };
  } catch {
    throw challengeErrors.invalidCursor(undefined, {
      errors: [{ field: "query.cursor", message: "is not a cursor of this listing" }],
    });
  }
}

export const challengesRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  const present = async (actor: Parameters<typeof visibleChallenge>[1], id: string) => {
    const { challenge, viewer } = await visibleChallenge(ctx.db, actor, id);
    return challengeView(ctx, challenge, viewer);
  };

  app.get(
    "/api/v1/challenges",
    {
      schema: {
        tags,
        summary: "The challenge catalogue: filters, full-text search, facets, keyset pages",
        querystring: CatalogueQuery,
        response: { 200: ChallengeCatalogue, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { limit, cursor, scope: scopeName, sort: requested, ...filters } = request.query;
      // Relevance needs words to rank by; without them the newest come first.
      const hasText = Boolean(filters.q?.trim());
      const sort =
        requested === "relevance" && !hasText
          ? "newest"
          : (requested ?? (hasText ? "relevance" : "newest"));
      const after = cursor ? decodeCursor(cursor, sort) : null;
      const answer = async (scope: CatalogueScope) => {
        const [page, facets, cities] = await Promise.all([
          searchCatalogue(ctx.db, { scope, filters, sort, limit, after }),
          catalogueFacets(ctx.db, scope, filters),
          cityDirectory(ctx.db),
        ]);
        const summaries = await summariesOf(ctx.db, page.rows, cities);
        const labelled = (rows: Array<{ value: string; count: number }>) =>
          rows.map((row) => ({ ...row, label: row.value }));
        return {
          challenges: summaries.map((summary, index) => ({
            ...summary,
            rank: page.rows[index]!.rank,
          })),
          total: page.total,
          nextCursor: page.next ? encodeCursor(sort, page.next) : null,
          facets: {
            sector: labelled(facets.sector),
            status: labelled(facets.status),
            model: labelled(facets.model),
            region: labelled(facets.region),
            city: facets.city.map((row) => ({
              ...row,
              label: cities.get(row.value)?.name ?? row.value,
            })),
            trl: facets.trl.map((row) => ({ ...row, label: `TRL ${row.value}` })),
          },
        };
      };
      if (scopeName === "mine") {
        const user = requireUser(request.actor);
        const memberships = await currentOrganisationsOf(ctx.db, user.userId);
        return answer({ kind: "mine", organisationIds: memberships.map((m) => m.organisationId) });
      }
      // The public catalogue is the same for every caller: kept until content changes.
      await sendPublicRead(request, reply, ctx.readCache, () => answer({ kind: "public" }));
      return reply;
    },
  );

  app.post(
    "/api/v1/challenges",
    {
      schema: {
        tags,
        summary: "Draft a challenge for a city organisation you belong to",
        body: CreateChallengeBody,
        response: { 201: Challenge, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireVerifiedUser(request.actor);
      const created = await createChallenge(ctx, actor, request.body);
      return reply.status(201).send(await present(actor, created.id));
    },
  );

  app.get(
    "/api/v1/challenges/:id",
    {
      schema: {
        tags,
        summary: "A challenge, with what you may do with it (drafts: owning city and admins)",
        params: IdParams,
        response: { 200: Challenge, ...problemResponses },
      },
    },
    async (request, reply) => {
      if (request.actor.kind === "anonymous") {
        if (await sendAnonymousChallengePage(ctx, request, reply, request.params.id)) return reply;
      }
      return challengePage(ctx, request.actor, request.params.id);
    },
  );

  app.patch(
    "/api/v1/challenges/:id",
    {
      schema: {
        tags,
        summary: "Edit a draft (members of the owning city)",
        params: IdParams,
        body: UpdateChallengeBody,
        response: { 200: Challenge, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      await updateDraft(ctx, actor, request.params.id, request.body);
      return present(actor, request.params.id);
    },
  );

  app.post(
    "/api/v1/challenges/:id/transitions",
    {
      schema: {
        tags,
        summary: "Move the challenge one step: publish, evaluate, award, pilot, implement, cancel",
        params: IdParams,
        body: TransitionBody,
        response: { 200: Challenge, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      await transitionChallenge(
        ctx,
        actor,
        request.params.id,
        request.body.to,
        request.body.reason,
      );
      return present(actor, request.params.id);
    },
  );

  const timelineOptions = {
    schema: {
      tags,
      summary: "Move deadlines of a published challenge later (announced to followers)",
      params: IdParams,
      body: ExtendTimelineBody,
      response: { 200: Challenge, 422: ProblemSchema, ...problemResponses },
    },
  };
  const timelineHandler = async (request: {
    actor: Parameters<typeof requireUser>[0];
    params: { id: string };
    body: z.infer<typeof ExtendTimelineBody>;
  }) => {
    const actor = requireUser(request.actor);
    await extendTimeline(ctx, actor, request.params.id, request.body);
    return present(actor, request.params.id);
  };
  app.post("/api/v1/challenges/:id/timeline", timelineOptions, timelineHandler);
  app.patch("/api/v1/challenges/:id/timeline", timelineOptions, timelineHandler);

  await app.register(clarificationRoutes, { ctx });
  await app.register(followRoutes, { ctx });
  await app.register(boardRoutes, { ctx });
  await app.register(attachmentRoutes, { ctx });
  await app.register(savedSearchRoutes, { ctx });
};
