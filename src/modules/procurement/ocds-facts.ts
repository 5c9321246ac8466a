import type { Db } from "../../core/db/client.ts";
import { type PublicChallengeRecord, publicChallengeRecords } from "../challenges/index.ts";
import {
  cityDirectory,
  organisationSummaries,
  organisationsOfPersonSince,
} from "../organisations/index.ts";
import type { OcdsParty, OcdsProcess } from "./ocds.ts";
import { BIDDING_KINDS } from "./policy.ts";

/**
 * Gathers what a challenge's OCDS release may say today. The Q&A and the terms are public from
 * publication; who asked and who tendered are not until the procurement is decided (the Q&A is
 * anonymous and proposals are sealed while it runs), so those parties stay null until then.
 */

/** Statuses after the decision: the award was made (or, for a consultation, the market heard). */
const DECIDED = new Set(["awarded", "piloting", "implemented"]);

export function isDecided(challenge: Pick<PublicChallengeRecord, "status" | "procurementModel">) {
  return (
    DECIDED.has(challenge.status) ||
    (challenge.procurementModel === "market_consultation" && challenge.status === "evaluation")
  );
}

/** The facts of each public challenge (all of them when `ids` is absent), oldest first. */
export async function ocdsProcesses(db: Db, ids?: string[]): Promise<OcdsProcess[]> {
  const records = await publicChallengeRecords(db, ids);
  if (!records.length) return [];
  const cities = await cityDirectory(db);
  const buyers = await organisationSummaries(
    db,
    records.map((record) => record.organisationId),
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
      enquirers: isDecided(record) ? await enquirersOf(db, record) : null,
      tenderers: null,
      funders: [],
      criteria: null,
      rationale: null,
      award: null,
      phases: [],
    });
  }
  return processes;
}

/** The bidding organisations (companies, institutes, clusters) the askers belonged to. */
async function enquirersOf(db: Db, record: PublicChallengeRecord): Promise<OcdsParty[]> {
  const organisationIds = new Set<string>();
  for (const clarification of record.clarifications) {
    for (const id of await organisationsOfPersonSince(
      db,
      clarification.askedBy,
      clarification.askedAt,
    )) {
      organisationIds.add(id);
    }
  }
  const summaries = await organisationSummaries(db, [...organisationIds]);
  return [...summaries.values()]
    .filter((summary) => BIDDING_KINDS.has(summary.kind))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((summary) => ({
      id: summary.id,
      name: summary.name,
      locality: summary.cityName ?? summary.locality,
      countryName: summary.country,
    }));
}
