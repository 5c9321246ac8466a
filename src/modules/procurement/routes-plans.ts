import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireUser } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import { IdParams, problemResponses } from "../../core/http/contract.ts";
import { readableProcurementFacts } from "../challenges/index.ts";
import { adviseRoute } from "./advisor.ts";
import { readerOf } from "./bidders.ts";
import { admitBidders } from "./commands/admit-bidders.ts";
import { setProcurementPlan } from "./commands/set-procurement-plan.ts";
import {
  AdmissionBody,
  Advice,
  AdvisorAnswers,
  PhaseParams,
  ProcurementPlan,
  ProcurementPlanBody,
} from "./contract-advisor.ts";
import { planErrors } from "./errors-plans.ts";
import { presentPlan } from "./plan-view.ts";
import type { Reader } from "./policy.ts";
import { findPlan } from "./repository-plans.ts";

const tags = ["procurement"];

/** The route advisor and the procurement plan (docs/procurement.md "Route advisor and plan"). */
export const planRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const planOf = async (reader: Reader, challengeId: string) => {
    const challenge = await readableProcurementFacts(ctx.db, reader.actor, challengeId);
    const stored = await findPlan(ctx.db, challenge.id);
    if (!stored) throw planErrors.planNotFound();
    return presentPlan(ctx.db, reader, challenge, stored, ctx.clock.now());
  };

  app.post(
    "/api/v1/procurement/advice",
    {
      schema: {
        tags,
        summary: "Recommend a procurement model from the answers that decide it (stateless)",
        description:
          "Anyone signed in. Answers → the recommended model, every model ranked with its reasons (i18n keys with " +
          "parameters), and warnings. Thresholds default to the EU sub-central thresholds 2026–2027 and a €50,000 " +
          "low-value threshold; the city sets its own.",
        body: AdvisorAnswers,
        response: { 200: Advice, ...problemResponses },
      },
    },
    async (request) => {
      requireUser(request.actor);
      return adviseRoute(request.body);
    },
  );

  app.get(
    "/api/v1/challenges/:id/procurement-plan",
    {
      schema: {
        tags,
        summary: "A challenge's procurement plan: model, phases with dates, admitted bidders",
        description:
          "Whoever may read the challenge (a draft: its city's members and platform admins). The advisor's answers, " +
          "advice and deviation reason: the owning city's members and platform admins only. `null` when the city has " +
          "set none.",
        params: IdParams,
        response: { 200: ProcurementPlan.nullable(), ...problemResponses },
      },
    },
    async (request) => {
      const reader = await readerOf(ctx.db, request.actor);
      const challenge = await readableProcurementFacts(ctx.db, reader.actor, request.params.id);
      const stored = await findPlan(ctx.db, challenge.id);
      // No plan yet is an ordinary state of a challenge, not an error.
      return stored ? presentPlan(ctx.db, reader, challenge, stored, ctx.clock.now()) : null;
    },
  );

  app.put(
    "/api/v1/challenges/:id/procurement-plan",
    {
      schema: {
        tags,
        summary: "Apply a procurement plan to a draft challenge (the owning city's members)",
        description:
          "Recomputes the advice from the answers; a chosen model other than the recommended one needs " +
          "`deviationReason`. Sets the challenge's procurement model and deadlines. Without `timeline` the challenge's " +
          "deadlines are kept when they fit (else defaults from today); without `phases`, the model's phases get " +
          "default dates. Only while the challenge is a draft (409 `plan_locked`).",
        params: IdParams,
        body: ProcurementPlanBody,
        response: { 200: ProcurementPlan, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const reader = await readerOf(ctx.db, actor);
      await setProcurementPlan(ctx, actor, reader, request.params.id, request.body);
      return planOf(reader, request.params.id);
    },
  );

  app.post(
    "/api/v1/challenges/:id/procurement-plan/phases/:n/admissions",
    {
      schema: {
        tags,
        summary: "Admit bidders to a pre-commercial phase (the owning city's members)",
        description:
          "Phase 1 from the bidders with a live proposal, after the proposal deadline; phase n from those admitted to " +
          "phase n−1, once it has ended; at most the phase's `maxBidders`; once per phase, with a reason. The admitted " +
          "bidders are public from then on.",
        params: PhaseParams,
        body: AdmissionBody,
        response: { 201: ProcurementPlan, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const reader = await readerOf(ctx.db, actor);
      await admitBidders(ctx, actor, reader, request.params.id, request.params.n, request.body);
      return reply.status(201).send(await planOf(reader, request.params.id));
    },
  );
};
