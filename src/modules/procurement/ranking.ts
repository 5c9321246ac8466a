import { SCORE_MAX } from "./contract-evaluation.ts";

/**
 * The ranking, pure. For each proposal and criterion, the mean of the scores the evaluators
 * cleared for it gave (0–10); the proposal's total is Σ weight × mean / 10 over the criteria
 * (weights sum to 100, so totals run 0–100). A proposal missing a score on any criterion has no
 * total and no rank. Equal totals (to 1e-9) share a rank, the next one skipping ("1, 1, 3");
 * the chair decides between them and says why in the award's justification.
 * docs/procurement.md, "Ranking".
 */

export interface RankInput {
  criteria: Array<{ id: string; weight: number }>;
  proposals: Array<{ id: string; pseudonym: string }>;
  scores: Array<{ proposalId: string; criterionId: string; score: number }>;
}

export interface RankedRow {
  proposalId: string;
  pseudonym: string;
  criteria: Array<{ criterionId: string; mean: number | null; evaluators: number }>;
  total: number | null;
  rank: number | null;
}

const EPSILON = 1e-9;

const byPseudonym = (a: { pseudonym: string }, b: { pseudonym: string }) =>
  a.pseudonym.length - b.pseudonym.length || a.pseudonym.localeCompare(b.pseudonym);

export function rankProposals(input: RankInput): RankedRow[] {
  const rows: RankedRow[] = input.proposals.map((proposal) => {
    const criteria = input.criteria.map((criterion) => {
      const given = input.scores.filter(
        (score) => score.proposalId === proposal.id && score.criterionId === criterion.id,
      );
      const mean =
        given.length === 0
          ? null
          : given.reduce((sum, score) => sum + score.score, 0) / given.length;
      return { criterionId: criterion.id, mean, evaluators: given.length };
    });
    const complete = criteria.every((entry) => entry.mean !== null);
    const total = complete
      ? input.criteria.reduce(
          (sum, criterion, index) => sum + (criterion.weight * criteria[index]!.mean!) / SCORE_MAX,
          0,
        )
      : null;
    return { proposalId: proposal.id, pseudonym: proposal.pseudonym, criteria, total, rank: null };
  });
  const ranked = rows
    .filter((row) => row.total !== null)
    .sort((a, b) => b.total! - a.total! || byPseudonym(a, b));
  ranked.forEach((row, index) => {
    const previous = ranked[index - 1];
    row.rank =
      previous && Math.abs(previous.total! - row.total!) < EPSILON ? previous.rank : index + 1;
  });
  return [...ranked, ...rows.filter((row) => row.total === null).sort(byPseudonym)];
}
