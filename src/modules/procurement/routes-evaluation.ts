import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireUser } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import { IdParams, problemResponses } from "../../core/http/contract.ts";
import { findPeople } from "../accounts/index.ts";
import {
  type ChallengeProcurementFacts,
  procurementFacts,
  readableProcurementFacts,
} from "../challenges/index.ts";
import { organisationSummaries } from "../organisations/index.ts";
import { readerOf } from "./bidders.ts";
import { awardChallenge } from "./commands/award-challenge.ts";
import { cancelChallengeAward } from "./commands/cancel-award.ts";
import { declareConflict } from "./commands/declare-conflict.ts";
import { defineEvaluation } from "./commands/define-evaluation.ts";
import { lockTechnicalScores } from "./commands/lock-technical-scores.ts";
import { recordContact } from "./commands/record-contact.ts";
import { scoreProposal } from "./commands/score-proposal.ts";
import { presumesTheAward } from "./commands/standstill-guard.ts";
import {
  AwardBody,
  AwardCancellationBody,
  AwardNotice,
  type Contact,
  ContactBody,
  ContactList,
  DeclarationBody,
  EvaluationSetup,
  EvaluationSetupBody,
  Ranking,
  ScoresBody,
  WorkItem,
  WorkList,
} from "./contract-evaluation.ts";
import { evaluationErrors } from "./errors-evaluation.ts";
import { resultsOf } from "./evaluation-results.ts";
import { evaluationsOf } from "./evaluation-standing.ts";
import { isChair, isCityMember, mayDefineEvaluation, mayEvaluate, type Reader } from "./policy.ts";
import {
  type AwardRow,
  awardHistoryOf,
  type ContactRow,
  type CriterionRow,
  contactsOf,
  criteriaOf,
  currentAwardOf,
  panelOf,
  scoresOf,
} from "./repository-evaluation.ts";
import { evaluatedProposals, panelProposal, panelProposals } from "./sealed-proposals.ts";

const tags = ["procurement evaluation"];

const presentCriterion = (row: CriterionRow) => ({
  id: row.id,
  name: row.name,
  description: row.description,
  weight: row.weight,
  kind: row.kind,
});

async function presentContacts(
  ctx: ServiceContext,
  rows: ContactRow[],
  options: { hideOrganisations?: boolean } = {},
): Promise<Contact[]> {
  const people = await findPeople(
    ctx.db,
    rows.map((row) => row.cityUserId),
  );
  const organisations = await organisationSummaries(
    ctx.db,
    rows.map((row) => row.organisationId),
  );
  return rows.map((row) => ({
    id: row.id,
    cityPerson: { id: row.cityUserId, name: people.get(row.cityUserId)?.name ?? "" },
    organisation: options.hideOrganisations
      ? null
      : { id: row.organisationId, name: organisations.get(row.organisationId)?.name ?? "" },
    contactAt: row.contactAt.toISOString(),
    channel: row.channel,
    oneToOne: row.oneToOne,
    subject: row.subject,
  }));
}

/**
 * The evaluation's routes: setup, work list, declarations, scores, technical lock, ranking,
 * award, the public award notice and the contact log. Each authorises on the server (policy.ts);
 * proposals are read only through sealed-proposals.ts. docs/procurement.md, "Evaluation".
 */
export const evaluationRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  const setupOf = async (reader: Reader, challenge: ChallengeProcurementFacts) => {
    const now = ctx.clock.now();
    const evaluation = (await evaluationsOf(ctx.db, reader, [challenge], now)).get(challenge.id)!;
    const city = isCityMember(reader, challenge);
    const seats = city ? await panelOf(ctx.db, challenge.id) : [];
    const people = await findPeople(
      ctx.db,
      seats.map((seat) => seat.userId),
    );
    const { setup, standing, stage } = evaluation;
    return {
      challengeId: challenge.id,
      organisationId: challenge.organisationId,
      defined: setup !== null,
      stage,
      criteria: (await criteriaOf(ctx.db, challenge.id)).map(presentCriterion),
      blind: setup?.blind ?? false,
      standstillDays: setup?.standstillDays ?? 10,
      technicalLockedAt: setup?.technicalLockedAt?.toISOString() ?? null,
      panel: city
        ? seats
            .map((seat) => ({
              userId: seat.userId,
              name: people.get(seat.userId)?.name ?? "",
              role: seat.role,
            }))
            .sort((a, b) =>
              a.role === b.role ? a.name.localeCompare(b.name) : a.role === "chair" ? -1 : 1,
            )
        : null,
      seat: standing.seat,
      abilities: {
        define: mayDefineEvaluation(reader, challenge, now),
        evaluate: setup !== null && mayEvaluate(reader, challenge, standing, stage),
        lockTechnical:
          setup !== null &&
          isChair(reader, challenge, standing) &&
          (stage === "blind" || stage === "evaluation") &&
          setup.technicalLockedAt === null,
        award:
          setup !== null &&
          isChair(reader, challenge, standing) &&
          stage === "evaluation" &&
          !presumesTheAward(challenge.status),
        cancelAward:
          setup !== null && isChair(reader, challenge, standing) && stage === "standstill",
        recordContacts: city,
      },
    };
  };

  /** The caller's work item for one proposal (after scoring). */
  const workItemOf = async (reader: Reader, proposalId: string, now: Date): Promise<WorkItem> => {
    const { challenge, evaluation, entry } = await panelProposal(ctx.db, reader, proposalId, now);
    const userId = reader.actor.kind === "user" ? reader.actor.userId : "";
    const mine = await scoresOf(ctx.db, challenge.id, { userId, proposalId });
    return {
      proposalId,
      pseudonym: entry.pseudonym,
      bidder:
        evaluation.stage === "blind" ? null : { kind: entry.bidder.kind, name: entry.bidder.name },
      standing: entry.standing.standing,
      recusal: entry.standing.recusal,
      scores: mine.map(({ criterionId, score, justification }) => ({
        criterionId,
        score,
        justification,
      })),
    };
  };

  /**
   * The public award notice (no other proposal's scores): the live award, or when the last one
   * was cancelled, that one marked cancelled; earlier cancelled awards are listed with it.
   */
  const noticeOf = async (challengeId: string): Promise<AwardNotice> => {
    const history = await awardHistoryOf(ctx.db, challengeId);
    const award = currentAwardOf(history);
    if (!award) throw evaluationErrors.awardNotFound();
    const now = ctx.clock.now();
    const challenge = (await procurementFacts(ctx.db, [challengeId])).get(challengeId);
    const { criteria, rows } = await resultsOf(ctx.db, challengeId, now);
    const winner = rows.find((row) => row.proposalId === award.proposalId);
    const proposals = await evaluatedProposals(ctx.db, challengeId);
    const bidderOf = (proposalId: string) =>
      rows.find((row) => row.proposalId === proposalId)?.bidder ??
      proposals.find((entry) => entry.proposalId === proposalId)?.bidder;
    const presentBidder = (proposalId: string) => {
      const bidder = bidderOf(proposalId);
      return { kind: bidder?.kind ?? ("organisation" as const), name: bidder?.name ?? "" };
    };
    const cancellationOf = (row: AwardRow) =>
      row.cancelledAt
        ? { cancelledAt: row.cancelledAt.toISOString(), reason: row.cancellationReason ?? "" }
        : null;
    return {
      challenge: { id: challengeId, title: challenge?.title ?? "" },
      winner: presentBidder(award.proposalId),
      value: { amountMinor: award.valueAmountMinor, currency: award.valueCurrency },
      decidedAt: award.decidedAt.toISOString(),
      standstillEndsAt: award.standstillEndsAt.toISOString(),
      final: award.cancelledAt === null && now.getTime() >= award.standstillEndsAt.getTime(),
      justification: award.justification,
      ranking: {
        evaluated: rows.length,
        winnerTotal: winner?.total ?? null,
        winnerRank: winner?.rank ?? null,
        criteria: criteria.map((criterion) => ({ name: criterion.name, weight: criterion.weight })),
      },
      contacts: (await presentContacts(ctx, await contactsOf(ctx.db, challengeId))).map(
        ({ id: _id, ...contact }) => contact,
      ),
      cancellation: cancellationOf(award),
      cancelledAwards: history
        .filter((row) => row !== award && row.cancelledAt !== null)
        .map((row) => ({
          winner: presentBidder(row.proposalId),
          decidedAt: row.decidedAt.toISOString(),
          cancellation: cancellationOf(row)!,
        })),
    };
  };

  app.get(
    "/api/v1/challenges/:id/evaluation",
    {
      schema: {
        tags,
        summary:
          "The challenge's evaluation: criteria (public), options, stage, and the panel (the city only)",
        params: IdParams,
        response: { 200: EvaluationSetup, ...problemResponses },
      },
    },
    async (request) => {
      const challenge = await readableProcurementFacts(ctx.db, request.actor, request.params.id);
      return setupOf(await readerOf(ctx.db, request.actor), challenge);
    },
  );

  app.put(
    "/api/v1/challenges/:id/evaluation",
    {
      schema: {
        tags,
        summary:
          "Define criteria, panel and options (the owning city's members, before the deadline)",
        description:
          "Weights are whole numbers summing to 100; the panel are members of the city organisation with exactly " +
          "one chair. Frozen after the proposal deadline (409 `evaluation_frozen`).",
        params: IdParams,
        body: EvaluationSetupBody,
        response: { 200: EvaluationSetup, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const reader = await readerOf(ctx.db, actor);
      await defineEvaluation(ctx, actor, reader, request.params.id, request.body);
      return setupOf(reader, await readableProcurementFacts(ctx.db, actor, request.params.id));
    },
  );

  app.get(
    "/api/v1/challenges/:id/evaluation/proposals",
    {
      schema: {
        tags,
        summary: "The evaluator's work list: every live proposal, your standing and your scores",
        description:
          "Panel members after the deadline (403 `not_on_panel` for anyone else, 409 `evaluation_not_open` before). " +
          "During the blind phase bidders are null: proposals go by their pseudonym.",
        params: IdParams,
        response: { 200: WorkList, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const challenge = await readableProcurementFacts(ctx.db, actor, request.params.id);
      const reader = await readerOf(ctx.db, actor);
      const now = ctx.clock.now();
      const panel = await panelProposals(ctx.db, reader, challenge, now);
      if (!panel) {
        const evaluation = (await evaluationsOf(ctx.db, reader, [challenge], now)).get(
          challenge.id,
        )!;
        if (evaluation.standing.seat === null || !isCityMember(reader, challenge)) {
          throw evaluationErrors.notOnPanel();
        }
        throw evaluationErrors.evaluationNotOpen();
      }
      if (!isCityMember(reader, challenge)) throw evaluationErrors.notOnPanel();
      const mine = await scoresOf(ctx.db, challenge.id, { userId: actor.userId });
      const blind = panel.evaluation.stage === "blind";
      const proposals: WorkItem[] = panel.entries.map((entry) => ({
        proposalId: entry.proposalId,
        pseudonym: entry.pseudonym,
        bidder: blind ? null : { kind: entry.bidder.kind, name: entry.bidder.name },
        standing: entry.standing.standing,
        recusal: entry.standing.recusal,
        scores:
          entry.standing.standing === "cleared"
            ? mine
                .filter((score) => score.proposalId === entry.proposalId)
                .map(({ criterionId, score, justification }) => ({
                  criterionId,
                  score,
                  justification,
                }))
            : [],
      }));
      return { challengeId: challenge.id, stage: panel.evaluation.stage, proposals };
    },
  );

  app.post(
    "/api/v1/proposals/:id/declaration",
    {
      schema: {
        tags,
        summary: "Declare a conflict of interest, or none, for a proposal (panel members)",
        description:
          "Before opening a proposal. A declared conflict, or one the platform detects, recuses you. Final, except " +
          "that `no_conflict` may become `conflict`. Off the panel the proposal does not exist (404).",
        params: IdParams,
        body: DeclarationBody,
        response: { 200: WorkItem.pick({ standing: true, recusal: true }), ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const reader = await readerOf(ctx.db, actor);
      return declareConflict(ctx, actor, reader, request.params.id, request.body);
    },
  );

  app.put(
    "/api/v1/proposals/:id/scores",
    {
      schema: {
        tags,
        summary:
          "Score a proposal on criteria, each with a justification (evaluators cleared for it)",
        description:
          "Scores 0–10; yours replace your earlier ones on the same criteria. Technical criteria are frozen once the " +
          "chair locks them (409 `technical_locked`). Recused: 403 `recused`; not declared yet: 409 " +
          "`declaration_required`; off the panel: 404.",
        params: IdParams,
        body: ScoresBody,
        response: { 200: WorkItem, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const reader = await readerOf(ctx.db, actor);
      await scoreProposal(ctx, actor, reader, request.params.id, request.body);
      const now = ctx.clock.now();
      return workItemOf(reader, request.params.id, now);
    },
  );

  app.post(
    "/api/v1/challenges/:id/evaluation/lock-technical",
    {
      schema: {
        tags,
        summary: "Lock the technical scores (the chair): the blind phase ends",
        params: IdParams,
        response: { 200: EvaluationSetup, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const reader = await readerOf(ctx.db, actor);
      await lockTechnicalScores(ctx, actor, reader, request.params.id);
      return setupOf(reader, await readableProcurementFacts(ctx.db, actor, request.params.id));
    },
  );

  app.get(
    "/api/v1/challenges/:id/evaluation/ranking",
    {
      schema: {
        tags,
        summary: "The ranking from weighted scores (the chair, after the deadline)",
        description:
          "Per criterion the mean of the scores of evaluators cleared for the proposal; total = Σ weight × mean / 10. " +
          "Equal totals share a rank. Bidders are null during the blind phase.",
        params: IdParams,
        response: { 200: Ranking, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const challenge = await readableProcurementFacts(ctx.db, actor, request.params.id);
      const reader = await readerOf(ctx.db, actor);
      const now = ctx.clock.now();
      const evaluation = (await evaluationsOf(ctx.db, reader, [challenge], now)).get(challenge.id)!;
      if (!isChair(reader, challenge, evaluation.standing)) throw evaluationErrors.notChair();
      if (evaluation.stage === "before_deadline") throw evaluationErrors.evaluationNotOpen();
      const { criteria, rows } = await resultsOf(ctx.db, challenge.id, now);
      const blind = evaluation.stage === "blind";
      return {
        challengeId: challenge.id,
        stage: evaluation.stage,
        criteria: criteria.map(presentCriterion),
        proposals: rows.map((row) => ({
          proposalId: row.proposalId,
          pseudonym: row.pseudonym,
          bidder: blind ? null : { kind: row.bidder.kind, name: row.bidder.name },
          criteria: row.criteria,
          total: row.total,
          rank: row.rank,
        })),
      };
    },
  );

  app.post(
    "/api/v1/challenges/:id/award",
    {
      schema: {
        tags,
        summary: "Award the challenge to a ranked proposal, with a justification (the chair)",
        description:
          "After the blind phase; the standstill starts (the setup's days, server clock) and the challenge becomes " +
          "`awarded` through its lifecycle. The award is final when the standstill ends. 409 `challenge_moved_on` " +
          "when the city moved the challenge on to piloting or implemented by hand with no award here.",
        params: IdParams,
        body: AwardBody,
        response: { 200: AwardNotice, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const reader = await readerOf(ctx.db, actor);
      await awardChallenge(ctx, actor, reader, request.params.id, request.body);
      return noticeOf(request.params.id);
    },
  );

  app.post(
    "/api/v1/challenges/:id/award/cancellation",
    {
      schema: {
        tags,
        summary: "Cancel the award during the standstill, with a reason (the chair)",
        description:
          "Only while the standstill runs (409 `award_final` after it, 409 `no_live_award` without an award). The " +
          "award stays on record as cancelled, with the reason and date, in the notice, OCDS and the integrity record; " +
          "the evaluation is open again and the chair may award anew. The challenge goes back from `awarded` to " +
          "`evaluation` (announced to its followers with the reason); every bidder with a live proposal is told.",
        params: IdParams,
        body: AwardCancellationBody,
        response: { 200: AwardNotice, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const reader = await readerOf(ctx.db, actor);
      await cancelChallengeAward(ctx, actor, reader, request.params.id, request.body);
      return noticeOf(request.params.id);
    },
  );

  app.get(
    "/api/v1/challenges/:id/award-notice",
    {
      schema: {
        tags,
        summary:
          "The public award notice: winner, value, date, justification, ranking summary, contact log",
        description:
          "Anyone, once the challenge is awarded (404 `award_not_found` before). Other proposals' scores are not " +
          "published: only how many were evaluated and the winner's total and rank.",
        params: IdParams,
        response: { 200: AwardNotice, ...problemResponses },
      },
    },
    async (request) => {
      const challenge = await readableProcurementFacts(ctx.db, request.actor, request.params.id);
      return noticeOf(challenge.id);
    },
  );

  app.get(
    "/api/v1/challenges/:id/contacts",
    {
      schema: {
        tags,
        summary:
          "The contact log: contacts between the city's staff and bidders (the city's members)",
        description: "Published with the award notice.",
        params: IdParams,
        response: { 200: ContactList, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const challenge = await readableProcurementFacts(ctx.db, actor, request.params.id);
      const reader = await readerOf(ctx.db, actor);
      if (!isCityMember(reader, challenge)) throw evaluationErrors.notCityMember();
      // While blind, the panel must not learn from the log whom the city was in touch with.
      const evaluation = (await evaluationsOf(ctx.db, reader, [challenge], ctx.clock.now())).get(
        challenge.id,
      )!;
      const hideOrganisations = evaluation.standing.seat !== null && evaluation.stage === "blind";
      return {
        challengeId: challenge.id,
        contacts: await presentContacts(ctx, await contactsOf(ctx.db, challenge.id), {
          hideOrganisations,
        }),
      };
    },
  );

  app.post(
    "/api/v1/challenges/:id/contacts",
    {
      schema: {
        tags,
        summary: "Record a contact with a (potential) bidder (the city's members)",
        description:
          "Who (the city's person, the organisation), when, channel, what about. A one-to-one meeting between a " +
          "panel member and a company, research institute or cluster from publication to award is refused: 409 " +
          "`quiet_period`, with the reason.",
        params: IdParams,
        body: ContactBody,
        response: { 201: ContactList.shape.contacts.element, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const reader = await readerOf(ctx.db, actor);
      const row = await recordContact(ctx, actor, reader, request.params.id, request.body);
      return reply.status(201).send((await presentContacts(ctx, [row]))[0]!);
    },
  );
};
