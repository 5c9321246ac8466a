import type { Db } from "../../core/db/client.ts";
import { type PublicChallengeRecord, publicChallengeRecords } from "../challenges/index.ts";
import { coFundersOfChallenges } from "../funding/index.ts";
import {
  cityDirectory,
  organisationSummaries,
  organisationsOfPeopleSince,
} from "../organisations/index.ts";
import { bidderFacts, bidderKey } from "./bidders.ts";
import type { OcdsAward, OcdsParty, OcdsPhase, OcdsProcess } from "./ocds.ts";
import { BIDDING_KINDS } from "./policy.ts";
import {
  type AwardRow as AwardRowOf,
  awardHistoriesOf,
  criteriaOfChallenges,
  currentAwardOf,
} from "./repository-evaluation.ts";
import { plansOf } from "./repository-plans.ts";
import { evaluatedProposalsOf } from "./sealed-proposals.ts";

/**
 * Gathers what a challenge's OCDS release may say today. The Q&A and the terms are public from
 * publication; who asked, and how many tendered, not until the procurement is decided (the Q&A is
 * anonymous and proposals are sealed while it runs). Of the bidders only the winner is ever named.
 */

/** Statuses after the decision: the award was made (or, for a consultation, the market heard). */
const DECIDED = new Set(["awarded", "piloting", "implemented"]);

export function isDecided(challenge: Pick<PublicChallengeRecord, "status" | "procurementModel">) {
  return (
    DECIDED.has(challenge.status) ||
    (challenge.procurementModel === "market_consultation" && challenge.status === "evaluation")
  );
}

/** Phase names as OCDS readers see them (the plan stores keys, translated in the pages). */
const PHASE_TITLES: Record<string, string> = {
  consultation: "Market consultation",
  report: "Consultation report",
  entries: "Entries",
  judging: "Judging",
  award: "Award",
  selection: "Selection of participants",
  dialogue: "Dialogue",
  final_tenders: "Final tenders",
  solution_design: "Solution design",
  prototype: "Prototype development",
  field_test: "Field testing",
  research_development: "Research and development",
  validation: "Validation",
  purchase: "Purchase",
  pilot: "Pilot",
  assessment: "Assessment",
};

/** The facts of some public challenges (by id, or a page of all of them, oldest first). */
export async function ocdsProcesses(
  db: Db,
  now: Date,
  which: Parameters<typeof publicChallengeRecords>[1],
): Promise<OcdsProcess[]> {
  const records = await publicChallengeRecords(db, which);
  if (!records.length) return [];
  const cities = await cityDirectory(db);
  const buyers = await organisationSummaries(
    db,
    records.map((record) => record.organisationId),
  );
  // Read for the whole page at once (up to 100 challenges), not once per challenge.
  const challengeIds = records.map((record) => record.id);
  const histories = await awardHistoriesOf(db, challengeIds);
  const criteriaByChallenge = await criteriaOfChallenges(db, challengeIds);
  // Co-funding is public: the city states it on its challenge page.
  const coFundersByChallenge = await coFundersOfChallenges(db, challengeIds);
  const plans = await plansOf(db, challengeIds);
  // Who bid is sealed until the decision; the evaluation's single read path names them then.
  const decidedRecords = records.filter(
    (record) => currentAwardOf(histories.get(record.id) ?? []) !== undefined || isDecided(record),
  );
  const decidedIds = new Set(decidedRecords.map((record) => record.id));
  const biddersByChallenge = await evaluatedProposalsOf(db, [...decidedIds]);
  const enquirersByChallenge = await enquirersOf(db, decidedRecords);
  // The admitted bidders of every plan's decisions, named in one read.
  const admittedNames = await bidderFacts(
    db,
    [...plans.values()].flatMap((plan) =>
      [...plan.decisions.values()].flatMap((decision) => decision.bidders),
    ),
  );
  const processes: OcdsProcess[] = [];
  for (const record of records) {
    const buyerSummary = buyers.get(record.organisationId);
    const city = cities.get(record.cityId);
    const buyer: OcdsParty = {
      id: record.organisationId,
      name: buyerSummary?.name ?? city?.name ?? "",
      locality: city?.name ?? null,
      countryName: city?.country ?? null,
    };
    // Every award decision, cancelled ones included: the current one is the release's award, the
    // others (cancelled before it) are listed before it.
    const history = histories.get(record.id) ?? [];
    const award = currentAwardOf(history);
    const decided = decidedIds.has(record.id);
    const bidders = decided ? (biddersByChallenge.get(record.id) ?? []) : [];
    const partyOf = (bidder: { id: string; name: string }): OcdsParty => ({
      id: bidder.id,
      name: bidder.name,
    });
    // Award ids stay the same from release to release: the first decision is "-award", the
    // next "-award-2", and so on.
    const ocdsAwardOf = (row: AwardRowOf, index: number): OcdsAward | null => {
      const winner = bidders.find((entry) => entry.proposalId === row.proposalId)?.bidder;
      if (!winner) return null;
      return {
        id: index === 0 ? `${record.id}-award` : `${record.id}-award-${index + 1}`,
        status: row.cancelledAt
          ? "cancelled"
          : now.getTime() >= row.standstillEndsAt.getTime()
            ? "active"
            : "pending",
        date: row.decidedAt,
        cancelledAt: row.cancelledAt,
        justification: row.cancelledAt
          ? `${row.justification}\n\nCancelled: ${row.cancellationReason ?? ""}`
          : row.justification,
        value: { amountMinor: row.valueAmountMinor, currency: row.valueCurrency },
        supplier: partyOf(winner),
      };
    };
    const ocdsAward: OcdsAward | null = award ? ocdsAwardOf(award, history.indexOf(award)) : null;
    const earlierAwards = history
      .map((row, index) => (row === award ? null : ocdsAwardOf(row, index)))
      .filter((entry): entry is OcdsAward => entry !== null);
    const criteria = criteriaByChallenge.get(record.id) ?? [];
    const coFunders = coFundersByChallenge.get(record.id) ?? [];
    const plan = plans.get(record.id);
    const phases: OcdsPhase[] = (plan?.phases ?? []).map((phase) => {
      const decision = plan?.decisions.get(phase.number);
      return {
        number: phase.number,
        title: PHASE_TITLES[phase.key] ?? phase.key,
        startDate: phase.startsAt,
        endDate: phase.endsAt,
        maxBidders: phase.maxBidders,
        admitted: decision
          ? decision.bidders.flatMap((ref) => {
              const facts = admittedNames.get(bidderKey(ref));
              return facts ? [partyOf(facts)] : [];
            })
          : null,
      };
    });
    processes.push({
      challenge: {
        id: record.id,
        title: record.title,
        summary: record.summary,
        description: record.description,
        status: record.status,
        procurementModel: record.procurementModel,
        capabilities: record.capabilities,
        budget: record.budget,
        questionDeadline: record.questionDeadline,
        proposalDeadline: record.proposalDeadline,
        awardDate: record.awardDate,
        publishedAt: record.publishedAt,
        changedAt: new Date(Math.max(record.updatedAt.getTime(), record.statusChangedAt.getTime())),
      },
      buyer,
      enquiries: record.clarifications.map((clarification) => ({
        id: clarification.id,
        question: clarification.question,
        answer: clarification.answer,
        askedAt: clarification.askedAt,
        answeredAt: clarification.answeredAt,
      })),
      enquirers: decided ? (enquirersByChallenge.get(record.id) ?? []) : null,
      tendererCount: decided ? bidders.length : null,
      funders: [...new Map(coFunders.map((entry) => [entry.funder.id, entry.funder])).values()].map(
        (funder) => ({
          id: funder.id,
          name: funder.name,
          locality: funder.locality,
          countryName: funder.country,
        }),
      ),
      coFunding: coFunders.map((entry) => ({
        funderId: entry.funder.id,
        programme: entry.programme,
        amount: { amountMinor: entry.amountMinor, currency: entry.currency },
      })),
      criteria: criteria.length
        ? criteria.map((criterion) => ({ name: criterion.name, weight: criterion.weight }))
        : null,
      rationale: plan ? rationaleOf(plan.plan) : null,
      award: ocdsAward,
      earlierAwards,
      phases,
    });
  }
  return processes;
}

/**
 * The bidding organisations (companies, institutes, clusters) the askers of each challenge's
 * questions belonged to since they asked, by challenge, for all the records in two reads.
 */
async function enquirersOf(
  db: Db,
  records: PublicChallengeRecord[],
): Promise<Map<string, OcdsParty[]>> {
  const asks = records.flatMap((record) =>
    record.clarifications.map((clarification) => ({
      challengeId: record.id,
      userId: clarification.askedBy,
      since: clarification.askedAt,
    })),
  );
  const organisationsByAsk = await organisationsOfPeopleSince(db, asks);
  const idsByChallenge = new Map<string, Set<string>>(
    records.map((record) => [record.id, new Set<string>()]),
  );
  asks.forEach((ask, index) => {
    for (const id of organisationsByAsk[index] ?? []) idsByChallenge.get(ask.challengeId)!.add(id);
  });
  const summaries = await organisationSummaries(
    db,
    [...idsByChallenge.values()].flatMap((ids) => [...ids]),
  );
  return new Map(
    [...idsByChallenge].map(([challengeId, ids]) => [
      challengeId,
      [...ids]
        .flatMap((id) => {
          const summary = summaries.get(id);
          return summary && BIDDING_KINDS.has(summary.kind) ? [summary] : [];
        })
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
        .map((summary) => ({
          id: summary.id,
          name: summary.name,
          locality: summary.cityName ?? summary.locality,
          countryName: summary.country,
        })),
    ]),
  );
}

/** Why this procedure: the model chosen, what the route advisor recommended, any deviation. */
function rationaleOf(plan: {
  chosenModel: string;
  advice: { recommended: string } | null;
  deviationReason: string | null;
}): string {
  const parts = [`Procedure chosen: ${plan.chosenModel.replaceAll("_", " ")}.`];
  if (plan.advice) {
    parts.push(`The route advisor recommended: ${plan.advice.recommended.replaceAll("_", " ")}.`);
  }
  if (plan.deviationReason) parts.push(`Reason for deviating: ${plan.deviationReason}`);
  return parts.join(" ");
}
