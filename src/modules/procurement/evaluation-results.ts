import type { Db } from "../../core/db/client.ts";
import { standingsFor } from "./evaluation-standing.ts";
import { type RankedRow, rankProposals } from "./ranking.ts";
import { proposalsOfChallenge } from "./repository.ts";
import { type CriterionRow, criteriaOf, panelOf, scoresOf } from "./repository-evaluation.ts";
import { evaluatedProposals } from "./sealed-proposals.ts";

/**
 * The ranking of a challenge's live proposals from the scores that count: those of panel members
 * cleared for the proposal now (a score given before its evaluator declared a conflict, or
 * before one was detected, no longer counts). ranking.ts has the formula.
 */
export async function resultsOf(
  db: Db,
  challengeId: string,
  now: Date,
): Promise<{
  criteria: CriterionRow[];
  rows: Array<
    RankedRow & { bidder: Awaited<ReturnType<typeof evaluatedProposals>>[number]["bidder"] }
  >;
}> {
  const criteria = await criteriaOf(db, challengeId);
  const proposals = await evaluatedProposals(db, challengeId);
  const live = (await proposalsOfChallenge(db, challengeId)).filter(
    (row) => row.status === "submitted",
  );
  const cleared = new Set<string>();
  for (const seat of await panelOf(db, challengeId)) {
    for (const [proposalId, entry] of await standingsFor(db, seat.userId, challengeId, live, now)) {
      if (entry.standing === "cleared") cleared.add(`${seat.userId}:${proposalId}`);
    }
  }
  const scores = (await scoresOf(db, challengeId)).filter((score) =>
    cleared.has(`${score.userId}:${score.proposalId}`),
  );
  const bidders = new Map(proposals.map((entry) => [entry.proposalId, entry.bidder]));
  const rows = rankProposals({
    criteria,
    proposals: proposals.map((entry) => ({ id: entry.proposalId, pseudonym: entry.pseudonym })),
    scores,
  });
  return { criteria, rows: rows.map((row) => ({ ...row, bidder: bidders.get(row.proposalId)! })) };
}
