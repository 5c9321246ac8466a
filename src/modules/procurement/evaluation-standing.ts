import { createHash } from "node:crypto";
import type { Db } from "../../core/db/client.ts";
import type { ChallengeProcurementFacts } from "../challenges/index.ts";
import { conflictedBids, partiesOfBidders, standingOf } from "./conflicts.ts";
import type { EvaluationStage, EvaluatorStanding } from "./contract-evaluation.ts";
import { evaluationStage, OFF_PANEL, type PanelStanding, phaseOf, type Reader } from "./policy.ts";
import { type ProposalRow, proposalsOfChallenge } from "./repository.ts";
import {
  type AwardRow,
  awardsOf,
  declarationsOf,
  type SetupRow,
  seatsOf,
  setupsOf,
} from "./repository-evaluation.ts";

/**
 * Where a reader stands in the evaluation of challenges: the stage, their seat on the panel,
 * and for each live proposal whether they must declare, are cleared to open it or are recused.
 * The seal (policy.ts) decides from this; sealed-proposals.ts loads it with every read.
 */

export interface ChallengeEvaluation {
  setup: SetupRow | null;
  award: AwardRow | null;
  stage: EvaluationStage;
  standing: PanelStanding;
  /** The live proposals' pseudonyms ("A", "B", …) after the deadline. */
  pseudonyms: Map<string, string>;
  /** The reader's standing towards each live proposal (panel members after the deadline). */
  proposals: Map<string, { standing: EvaluatorStanding; recusal: "declared" | "detected" | null }>;
}

/** "A" … "Z", "AA", "AB", … */
export function pseudonymLetters(index: number): string {
  let letters = "";
  let rest = index + 1;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/**
 * Stable pseudonyms for a challenge's live proposals: ordered by SHA-256 of challenge and
 * proposal ids, so the letter says nothing about who submitted or when.
 */
export function pseudonymsOf(challengeId: string, proposalIds: string[]): Map<string, string> {
  const ordered = proposalIds
    .map((id) => ({ id, key: createHash("sha256").update(`${challengeId}:${id}`).digest("hex") }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return new Map(ordered.map((entry, index) => [entry.id, pseudonymLetters(index)]));
}

export async function evaluationsOf(
  db: Db,
  reader: Reader,
  challenges: ChallengeProcurementFacts[],
  now: Date,
): Promise<Map<string, ChallengeEvaluation>> {
  const ids = challenges.map((challenge) => challenge.id);
  const setups = await setupsOf(db, ids);
  const awards = await awardsOf(db, ids);
  const seats =
    reader.actor.kind === "user" ? await seatsOf(db, reader.actor.userId, ids) : new Map();
  const result = new Map<string, ChallengeEvaluation>();
  for (const challenge of challenges) {
    const setup = setups.get(challenge.id) ?? null;
    const award = awards.get(challenge.id) ?? null;
    const stage = evaluationStage(
      challenge,
      setup && {
        blind: setup.blind,
        technicalLockedAt: setup.technicalLockedAt,
        standstillEndsAt: award?.standstillEndsAt ?? null,
      },
      now,
    );
    const evaluation: ChallengeEvaluation = {
      setup,
      award,
      stage,
      standing: OFF_PANEL,
      pseudonyms: new Map(),
      proposals: new Map(),
    };
    result.set(challenge.id, evaluation);
    const seat = seats.get(challenge.id);
    if (!seat || reader.actor.kind !== "user") continue;
    evaluation.standing = { seat: seat.role, cleared: new Set() };
    if (phaseOf(challenge, now) === "before_deadline") continue;
    const live = (await proposalsOfChallenge(db, challenge.id)).filter(
      (row) => row.status === "submitted",
    );
    evaluation.pseudonyms = pseudonymsOf(
      challenge.id,
      live.map((row) => row.id),
    );
    evaluation.proposals = await standingsFor(db, reader.actor.userId, challenge.id, live, now);
    evaluation.standing = {
      seat: seat.role,
      cleared: new Set(
        [...evaluation.proposals]
          .filter(([, entry]) => entry.standing === "cleared")
          .map(([id]) => id),
      ),
    };
  }
  return result;
}

/** One evaluator's standing towards each of the proposals: declarations plus detection now. */
export async function standingsFor(
  db: Db,
  userId: string,
  challengeId: string,
  live: ProposalRow[],
  now: Date,
): Promise<Map<string, { standing: EvaluatorStanding; recusal: "declared" | "detected" | null }>> {
  const declarations = new Map(
    (await declarationsOf(db, [challengeId], userId)).map((row) => [row.proposalId, row]),
  );
  const bidderOf = (row: ProposalRow) => ({ kind: row.bidderKind, id: row.bidderId });
  const parties = await partiesOfBidders(db, live.map(bidderOf));
  const conflicted = await conflictedBids(db, userId, parties, now);
  return new Map(
    live.map((row) => [
      row.id,
      standingOf(declarations.get(row.id), conflicted.has(`${row.bidderKind}:${row.bidderId}`)),
    ]),
  );
}
