import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireUser } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import { IdParams, problemResponses } from "../../core/http/contract.ts";
import { isPublicChallenge } from "../challenges/index.ts";
import { recordOutcomes } from "./commands/record-outcomes.ts";
import {
  ChallengeOutcomes,
  ChallengeOutcomesQuery,
  OutcomesBody,
  OutcomesView,
} from "./contract-outcomes.ts";
import { standingOf, visibleEvent } from "./event-views.ts";
import { presentOutcomes } from "./outcome-views.ts";
import { outcomesRefusal } from "./policy.ts";
import { findOutcomes, outcomesNamingChallenge } from "./repository-outcomes.ts";

const tags = ["events"];

/** Outcomes of workshops and meetings: recorded by the hosts, read on the event and challenge pages. */
export const outcomesRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  const view = async (actor: Parameters<typeof standingOf>[1], id: string) => {
    const standing = await standingOf(ctx.db, actor);
    const { event, hostIds } = await visibleEvent(ctx.db, standing, id);
    const row = await findOutcomes(ctx.db, event.id);
    const [outcomes] = row ? await presentOutcomes(ctx.db, [row]) : [];
    return {
      outcomes: outcomes ?? null,
      canRecord: outcomesRefusal(standing, event, hostIds, ctx.clock.now()) === null,
    };
  };

  app.get(
    "/api/v1/events/outcomes",
    {
      schema: {
        tags,
        summary: "Outcomes of published workshops and meetings that name a challenge",
        description:
          "For the challenge page's “Outcomes from events”; the latest event first, at most 20.",
        querystring: ChallengeOutcomesQuery,
        response: { 200: ChallengeOutcomes, ...problemResponses },
      },
    },
    async (request) => {
      // A challenge back to draft is private again: nothing is said about it.
      if (!(await isPublicChallenge(ctx.db, request.query.challengeId))) return { outcomes: [] };
      const rows = await outcomesNamingChallenge(ctx.db, request.query.challengeId, 20);
      const presented = await presentOutcomes(
        ctx.db,
        rows.map((row) => row.outcomes),
      );
      return {
        outcomes: rows.map(({ event }, index) => ({
          ...presented[index]!,
          event: {
            id: event.id,
            kind: event.kind,
            title: event.title,
            startsAt: event.startsAt.toISOString(),
            endsAt: event.endsAt.toISOString(),
            timeZone: event.timeZone,
          },
        })),
      };
    },
  );

  app.get(
    "/api/v1/events/:id/outcomes",
    {
      schema: {
        tags,
        summary: "What came out of a workshop or meeting (whoever may see the event)",
        params: IdParams,
        response: { 200: OutcomesView, ...problemResponses },
      },
    },
    async (request) => view(request.actor, request.params.id),
  );

  app.put(
    "/api/v1/events/:id/outcomes",
    {
      schema: {
        tags,
        summary: "Record or revise a workshop's or meeting's outcomes (its hosts, once it ended)",
        description:
          "Notes (Markdown), ideas, and links to published challenges and active catalogue solutions " +
          "(400 naming each unknown id). 409 `event_not_over` before the end, `outcomes_not_for_kind` " +
          "for webinars and hackathons.",
        params: IdParams,
        body: OutcomesBody,
        response: { 200: OutcomesView, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const standing = await standingOf(ctx.db, actor);
      await recordOutcomes(ctx, actor, standing, request.params.id, request.body);
      return view(actor, request.params.id);
    },
  );
};
