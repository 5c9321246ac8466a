import type { Db } from "../../core/db/client.ts";
import type { ChallengeProcurementFacts } from "../challenges/index.ts";
import { bidderFacts, bidderKey } from "./bidders.ts";
import { admissionWindow } from "./commands/admit-bidders.ts";
import {
  PHASE_TEMPLATES,
  type ProcurementModel,
  type ProcurementPlan,
} from "./contract-advisor.ts";
import { scheduleProblems } from "./plan-schedule.ts";
import { isCityMember, type Reader } from "./policy.ts";
import type { BidderKey } from "./repository.ts";
import type { StoredPlan } from "./repository-plans.ts";

/**
 * The plan as the reader may see it. Everyone who may read the challenge sees the model, the
 * phases with their dates and the bidders admitted to each phase once decided; the owning
 * city's members and platform admins also see the advisor's answers, advice and any deviation;
 * the city's members see whom they may admit next.
 */
export async function presentPlan(
  db: Db,
  reader: Reader,
  challenge: ChallengeProcurementFacts,
  stored: StoredPlan,
  now: Date,
): Promise<ProcurementPlan> {
  const city = isCityMember(reader, challenge);
  const model = stored.plan.chosenModel as ProcurementModel;
  const templates = PHASE_TEMPLATES[model];

  // The next undecided phase the city may decide now, with its pool.
  let candidates: { phase: number; pool: BidderKey[] } | null = null;
  if (city) {
    for (const phase of stored.phases) {
      if (stored.decisions.has(phase.number)) continue;
      const window = await admissionWindow(db, reader, challenge, stored, phase.number, now);
      if (window.open) candidates = { phase: phase.number, pool: window.pool };
      break;
    }
  }
  const refs = [
    ...[...stored.decisions.values()].flatMap((decision) => decision.bidders),
    ...(candidates?.pool ?? []),
  ];
  const names = await bidderFacts(db, refs);
  const named = (refs: BidderKey[]) =>
    refs.flatMap((ref) => {
      const facts = names.get(bidderKey(ref));
      return facts ? [{ kind: facts.kind, id: facts.id, name: facts.name }] : [];
    });

  const timeline =
    challenge.questionDeadline && challenge.proposalDeadline && challenge.awardDate
      ? {
          questionDeadline: challenge.questionDeadline,
          proposalDeadline: challenge.proposalDeadline,
          awardDate: challenge.awardDate,
        }
      : null;
  const inSync =
    challenge.procurementModel === model &&
    timeline !== null &&
    scheduleProblems(model, timeline, stored.phases).length === 0;

  return {
    challengeId: challenge.id,
    model,
    timeline: {
      questionDeadline: challenge.questionDeadline?.toISOString() ?? null,
      proposalDeadline: challenge.proposalDeadline?.toISOString() ?? null,
      awardDate: challenge.awardDate?.toISOString() ?? null,
    },
    phases: stored.phases.map((phase, index) => {
      const decision = stored.decisions.get(phase.number);
      return {
        number: phase.number,
        key: phase.key,
        window: templates[index]?.window ?? "contract",
        startsAt: phase.startsAt.toISOString(),
        endsAt: phase.endsAt.toISOString(),
        maxBidders: phase.maxBidders,
        admission: decision
          ? {
              bidders: named(decision.bidders).sort((a, b) => a.name.localeCompare(b.name)),
              reason: decision.reason,
              decidedAt: decision.decidedAt.toISOString(),
            }
          : null,
      };
    }),
    advisor:
      city || reader.platformAdmin
        ? {
            answers: stored.plan.answers,
            advice: stored.plan.advice,
            deviationReason: stored.plan.deviationReason,
          }
        : null,
    admissionCandidates: candidates
      ? { phase: candidates.phase, bidders: named(candidates.pool) }
      : null,
    inSync,
    abilities: { edit: city && challenge.status === "draft", admit: candidates !== null },
    updatedAt: stored.plan.updatedAt.toISOString(),
  };
}
