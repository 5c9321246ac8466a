/**
 * The ranking's arithmetic, apart from the database: each counted judge's weighted score of a
 * team is Σ weight × score / 100 (criteria weights sum to 100, scores are 0–10, so 0–10); a
 * team's score is the mean over the judges counted for it (scored it, not recused). Teams with
 * the same score share a rank ("1, 1, 3"); unscored teams come last, unranked by score.
 */

export interface RankingInput {
  criteria: Array<{ id: string; weight: number }>;
  teams: Array<{ id: string; name: string }>;
  /** Every score row; rows of judges not counted for a team are ignored. */
  scores: Array<{ teamId: string; judgeId: string; criterionId: string; score: number }>;
  /** Per team, the judges whose scores count (not recused). */
  countedJudges: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface RankedEntry {
  teamId: string;
  rank: number;
  /** Unrounded; null when no counted judge scored the team. */
  score: number | null;
  judgesCounted: number;
}

export function rankTeams(input: RankingInput): RankedEntry[] {
  const weights = new Map(input.criteria.map((criterion) => [criterion.id, criterion.weight]));
  const entries = input.teams.map((team) => {
    const counted = input.countedJudges.get(team.id) ?? new Set<string>();
    const perJudge = new Map<string, { sum: number; criteria: number }>();
    for (const row of input.scores) {
      if (row.teamId !== team.id || !counted.has(row.judgeId)) continue;
      const weight = weights.get(row.criterionId);
      if (weight === undefined) continue;
      const entry = perJudge.get(row.judgeId) ?? { sum: 0, criteria: 0 };
      entry.sum += (weight * row.score) / 100;
      entry.criteria += 1;
      perJudge.set(row.judgeId, entry);
    }
    // A judge's scores count once they cover every criterion (they are saved all at once).
    const complete = [...perJudge.values()].filter(
      (entry) => entry.criteria === input.criteria.length,
    );
    const score = complete.length
      ? complete.reduce((sum, entry) => sum + entry.sum, 0) / complete.length
      : null;
    return { teamId: team.id, name: team.name, score, judgesCounted: complete.length };
  });
  entries.sort((a, b) => {
    if (a.score === null || b.score === null) {
      return a.score === b.score ? a.name.localeCompare(b.name) : a.score === null ? 1 : -1;
    }
    return b.score - a.score || a.name.localeCompare(b.name);
  });
  const scored = entries.filter((entry) => entry.score !== null);
  return entries.map((entry) => ({
    teamId: entry.teamId,
    rank:
      entry.score === null
        ? scored.length + 1
        : // Equal within rounding noise: the same rank.
          scored.findIndex((other) => Math.abs((other.score ?? 0) - (entry.score ?? 0)) < 1e-9) + 1,
    score: entry.score,
    judgesCounted: entry.judgesCounted,
  }));
}
