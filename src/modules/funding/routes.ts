import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ICalCalendar } from "ical-generator";
import { z } from "zod";
import { requireUser } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import { IdParams, problemResponses } from "../../core/http/contract.ts";
import { commonErrors } from "../../core/http/problem.ts";
import { readableProcurementFacts } from "../challenges/index.ts";
import { organisationSummaries } from "../organisations/index.ts";
import { removeCoFunding, setCoFunding } from "./commands/co-funding.ts";
import { createSource } from "./commands/create-source.ts";
import { deleteSource } from "./commands/delete-source.ts";
import { followSource, unfollowSource } from "./commands/follow-source.ts";
import { updateSourceContent } from "./commands/update-source.ts";
import {
  CoFundingBody,
  CoFundingList,
  CoFundingParams,
  CreateSourceBody,
  DeadlineCalendar,
  DeadlineQuery,
  FinderQuery,
  FinderResult,
  FundingSource,
  SourceFilters,
  SourceList,
  UpdateSourceBody,
} from "./contract.ts";
import { findFunding } from "./finder.ts";
import { canManageCoFunding, canWriteSourcesOf } from "./policy.ts";
import {
  coFundingOf,
  followedSourceIds,
  listSources,
  sourcesByIds,
  sourcesClosingFrom,
} from "./repository.ts";
import { isOpen } from "./rules.ts";
import {
  presentSource,
  presentSources,
  requireSource,
  standingOf,
  todayOf,
} from "./source-views.ts";

const tags = ["funding"];
const writers = "Only the people of the funder organisation and platform admins write its sources.";

export const fundingRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/v1/funding-sources",
    {
      schema: {
        tags,
        summary: "Funding sources (public), with filters",
        querystring: SourceFilters,
        response: { 200: SourceList, ...problemResponses },
      },
    },
    async (request) => {
      const standing = await standingOf(ctx.db, request.actor);
      const today = todayOf(ctx.clock);
      const { sector, openNow, ...filters } = request.query;
      const rows = (await listSources(ctx.db, filters)).filter(
        (row) =>
          (!sector || row.sectors.includes(sector)) && (openNow !== "true" || isOpen(row, today)),
      );
      const ownFunders = [
        ...(await organisationSummaries(ctx.db, [...standing.memberOf])).values(),
      ];
      const canAddFor = ownFunders.filter((summary) => summary.kind === "funder");
      return { sources: await presentSources(ctx.db, ctx.clock, standing, rows), canAddFor };
    },
  );

  app.post(
    "/api/v1/funding-sources",
    {
      schema: {
        tags,
        summary: "Publish a funding source (the funder's people, platform admins)",
        body: CreateSourceBody,
        response: { 201: FundingSource, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const standing = await standingOf(ctx.db, actor);
      if (!canWriteSourcesOf(standing, request.body.funderId))
        throw commonErrors.forbidden(writers);
      const { id } = await createSource(ctx, actor.userId, request.body);
      return reply.status(201).send(await presentSource(ctx.db, ctx.clock, standing, id));
    },
  );

  app.get(
    "/api/v1/funding-sources/:id",
    {
      schema: {
        tags,
        summary: "A funding source (public)",
        params: IdParams,
        response: { 200: FundingSource, ...problemResponses },
      },
    },
    async (request) =>
      presentSource(ctx.db, ctx.clock, await standingOf(ctx.db, request.actor), request.params.id),
  );

  app.patch(
    "/api/v1/funding-sources/:id",
    {
      schema: {
        tags,
        summary: "Change a funding source (the funder's people, platform admins)",
        params: IdParams,
        body: UpdateSourceBody,
        response: { 200: FundingSource, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const standing = await standingOf(ctx.db, actor);
      const source = await requireSource(ctx.db, request.params.id);
      if (!canWriteSourcesOf(standing, source.funderId)) throw commonErrors.forbidden(writers);
      await updateSourceContent(ctx, actor.userId, source.id, request.body);
      return presentSource(ctx.db, ctx.clock, standing, source.id);
    },
  );

  app.delete(
    "/api/v1/funding-sources/:id",
    {
      schema: {
        tags,
        summary: "Remove a funding source (the funder's people, platform admins)",
        params: IdParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const standing = await standingOf(ctx.db, actor);
      const source = await requireSource(ctx.db, request.params.id);
      if (!canWriteSourcesOf(standing, source.funderId)) throw commonErrors.forbidden(writers);
      await deleteSource(ctx, actor.userId, source.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    "/api/v1/funding-sources/:id/follow",
    {
      schema: {
        tags,
        summary: "Follow a source: a reminder comes 7 days before it closes",
        params: IdParams,
        response: { 200: FundingSource, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      await followSource(ctx, actor.userId, request.params.id);
      return presentSource(ctx.db, ctx.clock, await standingOf(ctx.db, actor), request.params.id);
    },
  );

  app.delete(
    "/api/v1/funding-sources/:id/follow",
    {
      schema: {
        tags,
        summary: "Stop following a source",
        params: IdParams,
        response: { 200: FundingSource, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      await unfollowSource(ctx, actor.userId, request.params.id);
      return presentSource(ctx.db, ctx.clock, await standingOf(ctx.db, actor), request.params.id);
    },
  );

  app.get(
    "/api/v1/funding/finder",
    {
      schema: {
        tags,
        summary: "The funding finder: sources with every eligibility rule checked",
        description:
          "For exactly one of a challenge (its city applies), a consortium (its current members; only for those who may " +
          "see it) or an organisation. Each rule is passed, failed or unknown, with why. Sorted by fit or by deadline.",
        querystring: FinderQuery,
        response: { 200: FinderResult, ...problemResponses },
      },
    },
    async (request) =>
      findFunding(ctx, request.actor, await standingOf(ctx.db, request.actor), request.query),
  );

  app.get(
    "/api/v1/funding/deadlines",
    {
      schema: {
        tags,
        summary:
          "Closing dates from today on, by month (all sources, or the caller's followed ones)",
        querystring: DeadlineQuery,
        response: { 200: DeadlineCalendar, ...problemResponses },
      },
    },
    async (request) => {
      const standing = await standingOf(ctx.db, request.actor);
      const followedOnly = request.query.followed === "true";
      if (followedOnly) requireUser(request.actor);
      const followed = standing.userId
        ? await followedSourceIds(ctx.db, standing.userId)
        : new Set<string>();
      const rows = (
        await sourcesClosingFrom(ctx.db, request.query.from ?? todayOf(ctx.clock))
      ).filter((row) => !followedOnly || followed.has(row.id));
      const funders = await organisationSummaries(
        ctx.db,
        rows.map((row) => row.funderId),
      );
      const months = new Map<string, DeadlineCalendar["months"][number]["deadlines"]>();
      for (const row of rows) {
        const month = (row.closesOn ?? "").slice(0, 7);
        months.set(month, [
          ...(months.get(month) ?? []),
          {
            source: {
              id: row.id,
              title: row.title,
              funder: funders.get(row.funderId)?.name ?? "",
              instrument: row.instrument,
            },
            closesOn: row.closesOn ?? "",
            followed: followed.has(row.id),
          },
        ]);
      }
      return { months: [...months].map(([month, deadlines]) => ({ month, deadlines })) };
    },
  );

  app.get(
    "/api/v1/funding/deadlines.ics",
    {
      schema: {
        tags,
        summary: "The caller's followed closing dates as iCalendar (all-day events)",
        response: { 200: z.string(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const ids = await followedSourceIds(ctx.db, actor.userId);
      const rows = await sourcesByIds(ctx.db, [...ids]);
      const calendar = new ICalCalendar({
        name: "Funding deadlines",
        prodId: { company: "City Solutions Platform", product: "Funding", language: "EN" },
      });
      for (const row of rows) {
        if (!row.closesOn) continue;
        const url = `${ctx.publicUrl}/funding/sources/${row.id}`;
        calendar.createEvent({
          id: `funding-${row.id}-${row.closesOn}@city-solutions-platform`,
          start: new Date(`${row.closesOn}T00:00:00Z`),
          allDay: true,
          stamp: row.updatedAt,
          summary: `Deadline: ${row.title}`,
          description: `${row.programme}\n\n${url}`,
          url,
        });
      }
      return reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("content-disposition", 'attachment; filename="funding-deadlines.ics"')
        .send(calendar.toString());
    },
  );

  /** The challenge as the actor may read it, and whether they manage its co-funding. */
  const challengeFor = async (
    actor: Parameters<typeof readableProcurementFacts>[1],
    id: string,
  ) => {
    const facts = await readableProcurementFacts(ctx.db, actor, id);
    const standing = await standingOf(ctx.db, actor);
    return { facts, standing, canManage: canManageCoFunding(standing, facts.organisationId) };
  };

  const coFundingList = async (challengeId: string, canManage: boolean) => {
    const rows = await coFundingOf(ctx.db, challengeId);
    const sources = new Map(
      (
        await sourcesByIds(
          ctx.db,
          rows.map((row) => row.sourceId),
        )
      ).map((row) => [row.id, row]),
    );
    const funders = await organisationSummaries(
      ctx.db,
      [...sources.values()].map((row) => row.funderId),
    );
    return {
      canManage,
      coFunding: rows.flatMap((row) => {
        const source = sources.get(row.sourceId);
        const funder = source && funders.get(source.funderId);
        if (!source || !funder) return [];
        return [
          {
            source: { id: source.id, title: source.title, programme: source.programme },
            funder,
            amountMinor: row.amountMinor,
            currency: row.currency,
          },
        ];
      }),
    };
  };

  app.get(
    "/api/v1/challenges/:id/co-funding",
    {
      schema: {
        tags,
        summary: "The funding sources co-funding a challenge (as the challenge is readable)",
        params: IdParams,
        response: { 200: CoFundingList, ...problemResponses },
      },
    },
    async (request) => {
      const { facts, canManage } = await challengeFor(request.actor, request.params.id);
      return coFundingList(facts.id, canManage);
    },
  );

  app.put(
    "/api/v1/challenges/:id/co-funding",
    {
      schema: {
        tags,
        summary:
          "Record that a source co-funds the challenge, with the amount (the city's people, admins)",
        params: IdParams,
        body: CoFundingBody,
        response: { 200: CoFundingList, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const { facts, canManage } = await challengeFor(actor, request.params.id);
      if (!canManage)
        throw commonErrors.forbidden("Only the city's people record its challenge's co-funding.");
      await setCoFunding(ctx, actor.userId, facts.id, request.body);
      return coFundingList(facts.id, canManage);
    },
  );

  app.delete(
    "/api/v1/challenges/:id/co-funding/:sourceId",
    {
      schema: {
        tags,
        summary: "Remove a co-funding record (the city's people, admins)",
        params: CoFundingParams,
        response: { 200: CoFundingList, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const { facts, canManage } = await challengeFor(actor, request.params.id);
      if (!canManage)
        throw commonErrors.forbidden("Only the city's people record its challenge's co-funding.");
      await removeCoFunding(ctx, actor.userId, facts.id, request.params.sourceId);
      return coFundingList(facts.id, canManage);
    },
  );
};
