/**
 * The consortium builder: the best teams of 2–5 organisations that together cover every
 * required capability of a challenge. Pure: no database, no clock; the consortia service feeds
 * it candidates from matchmaking. See docs/consortia.md.
 *
 * A team is
 * - complete: the union of what its members cover is every requirement;
 * - minimal ("never redundant"): every member covers some requirement no other member covers;
 * - ranked by score(T) = 0.70·fit + 0.20·coverage + 0.05·verified + 0.05·local, where
 *   fit      = the mean of the members' fit (matchmaking's score of their best solution),
 *   coverage = the mean over requirements of the team's strongest cover of it
 *              (declared 1, named in its text 0.75, broader code 0.5),
 *   verified = the share of members the platform verified,
 *   local    = 1 when a member is based in the challenge city's country, 0.5 when only in its
 *              region, else 0 (so the preference only matters when a local candidate exists);
 * - ordered by score, then fewer members, then the better members (their positions in the
 *   candidates' order: fit, verified, local, total cover, id), so equal scores order the same
 *   way every time.
 *
 * Scores are computed in integer units (fit in millionths; sums scaled by lcm(1..5) and
 * lcm(1..12)), so equal scores are equal exactly and no rounding decides a rank.
 *
 * The search is branch-and-bound over coverage bitmasks: pick the uncovered requirement with
 * the fewest candidates, try its candidates best first (a sibling tried before is excluded, so
 * each team is met once), stop a member the moment someone becomes redundant, and cut a branch
 * when the best score it could still reach is below the k-th team found. Before the search,
 * dominance pruning drops every candidate for which k others cover exactly the same
 * requirements at least as strongly with at least its fit, verification and locality: any team
 * with it would be beaten by k teams that swap it for one of those (two members with the same
 * coverage are never in one minimal team).
 */

export type CoverLevel = "declared" | "named" | "broader" | "none";
export type Locality = "country" | "region" | "none";

export interface TeamCandidate {
  /** Unique among the candidates (an organisation id). */
  id: string;
  /** Fit for the challenge, in [0, 1] (values outside are clamped). */
  fit: number;
  /** Per requirement, in the requirements' order: how the candidate covers it. */
  cover: CoverLevel[];
  local: Locality;
  verified: boolean;
}

export interface TeamBuilderOptions {
  /** How many teams (and single providers, and closest partial teams) to return, 1–100. */
  k: number;
  /** Team sizes, within 2–5 (the default); a consortium has two members at least. */
  minSize?: number;
  maxSize?: number;
}

export interface ScoreParts {
  fit: number;
  coverage: number;
  verified: number;
  local: number;
}

export interface ProposedTeam {
  /** Candidate ids, best member first (the candidates' order). */
  members: string[];
  score: number;
  parts: ScoreParts;
  /** Per requirement: the team's strongest cover. */
  coverage: CoverLevel[];
}

export interface PartialTeam extends ProposedTeam {
  /** Requirements (indices) the team covers, and those it misses. */
  covered: number[];
  missing: number[];
}

export interface TeamGap {
  /** Requirements (indices) no candidate covers at all. */
  uncovered: number[];
  /**
   * Who comes closest: the non-redundant groups of up to maxSize candidates covering the most
   * requirements, then by score (a single organisation counts).
   */
  closest: PartialTeam[];
}

export interface TeamSuggestion {
  teams: ProposedTeam[];
  /** Organisations that cover everything alone: not consortia, reported beside them. */
  singles: ProposedTeam[];
  /** Only when there is neither a team nor a single organisation covering everything. */
  gap: TeamGap | null;
  stats: { candidates: number; considered: number; nodes: number };
}

/** The weights of score(T), in percent. */
export const TEAM_WEIGHTS = { fit: 70, coverage: 20, verified: 5, local: 5 } as const;
export const MAX_REQUIREMENTS = 12;
export const MAX_TEAM_SIZE = 5;
export const MIN_TEAM_SIZE = 2;
export const MAX_K = 100;

const LEVEL: Record<CoverLevel, number> = { declared: 4, named: 3, broader: 2, none: 0 };
const LEVEL_NAME: CoverLevel[] = ["none", "none", "broader", "named", "declared"];
const LOCALITY: Record<Locality, number> = { country: 2, region: 1, none: 0 };

const FIT_UNIT = 1_000_000;
/** lcm(1..5): a mean over up to five members stays an integer. */
const SIZE_LCM = 60;
/** lcm(1..12): a mean over up to twelve requirements stays an integer. */
const REQUIREMENT_LCM = 27_720;
const BASE = FIT_UNIT * SIZE_LCM * REQUIREMENT_LCM;
const KEY_SCALE = 100 * BASE;

/** The candidates in their canonical order, as integers. */
interface Prepared {
  n: number;
  full: number;
  ids: string[];
  fit: Int32Array;
  verified: Uint8Array;
  /** What a member adds to the per-member part of the score: 70·fit + 5·verified, in fit units. */
  value: Int32Array;
  local: Uint8Array;
  mask: Int32Array;
  /** level[i * n + r] */
  level: Uint8Array;
}

function quantiseFit(fit: number): number {
  if (!Number.isFinite(fit)) throw new RangeError("a candidate's fit must be a finite number");
  return Math.round(Math.min(1, Math.max(0, fit)) * FIT_UNIT);
}

function validate(n: number, candidates: TeamCandidate[], options: TeamBuilderOptions) {
  if (!Number.isInteger(n) || n < 0 || n > MAX_REQUIREMENTS) {
    throw new RangeError(`between 0 and ${MAX_REQUIREMENTS} requirements, not ${n}`);
  }
  if (!Number.isInteger(options.k) || options.k < 1 || options.k > MAX_K) {
    throw new RangeError(`k must be a whole number from 1 to ${MAX_K}`);
  }
  const minSize = options.minSize ?? MIN_TEAM_SIZE;
  const maxSize = options.maxSize ?? MAX_TEAM_SIZE;
  if (
    !Number.isInteger(minSize) ||
    !Number.isInteger(maxSize) ||
    minSize < MIN_TEAM_SIZE ||
    maxSize > MAX_TEAM_SIZE ||
    minSize > maxSize
  ) {
    throw new RangeError(`team sizes must lie within ${MIN_TEAM_SIZE}–${MAX_TEAM_SIZE}`);
  }
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate.id)) throw new RangeError(`candidate ${candidate.id} appears twice`);
    seen.add(candidate.id);
    if (candidate.cover.length !== n) {
      throw new RangeError(`candidate ${candidate.id} must say how it covers each requirement`);
    }
  }
  return { minSize, maxSize };
}

/**
 * Candidates as integers, in the canonical order: what they add per member (fit and
 * verification as the score weighs them), locality, total cover (all descending), then id.
 */
function prepare(n: number, candidates: TeamCandidate[]): Prepared {
  const rows = candidates.map((candidate) => {
    let mask = 0;
    let total = 0;
    const levels = candidate.cover.map((cover, r) => {
      const level = LEVEL[cover];
      if (level === undefined) throw new RangeError(`unknown cover level ${String(cover)}`);
      if (level > 0) mask |= 1 << r;
      total += level;
      return level;
    });
    const fit = quantiseFit(candidate.fit);
    const verified = candidate.verified ? 1 : 0;
    return {
      id: candidate.id,
      fit,
      verified,
      value: TEAM_WEIGHTS.fit * fit + TEAM_WEIGHTS.verified * verified * FIT_UNIT,
      local: LOCALITY[candidate.local] ?? 0,
      mask,
      levels,
      total,
    };
  });
  rows.sort(
    (a, b) =>
      b.value - a.value ||
      b.local - a.local ||
      b.total - a.total ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const count = rows.length;
  const prepared: Prepared = {
    n,
    full: n === 0 ? 0 : (1 << n) - 1,
    ids: rows.map((row) => row.id),
    fit: new Int32Array(count),
    verified: new Uint8Array(count),
    value: new Int32Array(count),
    local: new Uint8Array(count),
    mask: new Int32Array(count),
    level: new Uint8Array(count * n),
  };
  rows.forEach((row, index) => {
    prepared.fit[index] = row.fit;
    prepared.verified[index] = row.verified;
    prepared.value[index] = row.value;
    prepared.local[index] = row.local;
    prepared.mask[index] = row.mask;
    prepared.level.set(row.levels, index * n);
  });
  return prepared;
}

/**
 * The exact score of a team, as an integer: `valueSum` is the sum of its members' values
 * (70·fit + 5·verified), `levelSum` the sum over requirements of its strongest level (0–4),
 * `localMax` its best locality (0–2).
 */
function teamKey(
  n: number,
  size: number,
  valueSum: number,
  localMax: number,
  levelSum: number,
): number {
  return (
    (SIZE_LCM / size) * REQUIREMENT_LCM * valueSum +
    TEAM_WEIGHTS.coverage * levelSum * (BASE / (4 * n)) +
    TEAM_WEIGHTS.local * localMax * (BASE / 2)
  );
}

interface Found {
  key: number;
  /** Member positions in the canonical order, ascending. */
  members: number[];
}

/** Better first: higher score, then fewer members, then the better members. */
function compareFound(a: Found, b: Found): number {
  if (a.key !== b.key) return b.key - a.key;
  if (a.members.length !== b.members.length) return a.members.length - b.members.length;
  for (let index = 0; index < a.members.length; index += 1) {
    const difference = a.members[index]! - b.members[index]!;
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The k best found so far, best first. */
class TopK {
  readonly items: Found[] = [];
  constructor(private readonly k: number) {}
  /** Scores below this cannot enter (a tie may, through the tie-breaks). */
  threshold(): number {
    return this.items.length < this.k ? Number.NEGATIVE_INFINITY : this.items[this.k - 1]!.key;
  }
  offer(found: Found): void {
    const { items } = this;
    if (items.length === this.k && compareFound(found, items[this.k - 1]!) >= 0) return;
    let position = items.length;
    while (position > 0 && compareFound(found, items[position - 1]!) < 0) position -= 1;
    items.splice(position, 0, found);
    if (items.length > this.k) items.pop();
  }
}

/**
 * Positions of the candidates worth searching: each covers something, and fewer than k
 * candidates before it cover exactly the same requirements at least as well in every respect.
 */
function undominated(prepared: Prepared, k: number): number[] {
  const { n, fit, verified, local, mask, level } = prepared;
  const keptByMask = new Map<number, number[]>();
  const kept: number[] = [];
  for (let b = 0; b < prepared.ids.length; b += 1) {
    const coverage = mask[b]!;
    if (coverage === 0) continue;
    let group = keptByMask.get(coverage);
    if (!group) {
      group = [];
      keptByMask.set(coverage, group);
    }
    let dominators = 0;
    for (const a of group) {
      if (fit[a]! < fit[b]! || verified[a]! < verified[b]! || local[a]! < local[b]!) continue;
      let atLeast = true;
      for (let r = 0; r < n; r += 1) {
        if (level[a * n + r]! < level[b * n + r]!) {
          atLeast = false;
          break;
        }
      }
      if (atLeast) {
        dominators += 1;
        if (dominators >= k) break;
      }
    }
    if (dominators >= k) continue;
    group.push(b);
    kept.push(b);
  }
  return kept;
}

/**
 * The fewest masks (from those given) whose union is each subset of the requirements, capped
 * at 6 (more than any team). A lower bound on the members still needed.
 */
function fewestMembers(n: number, masks: Iterable<number>): Uint8Array {
  const size = 1 << n;
  const single = new Uint8Array(size);
  for (const mask of masks) single[mask] = 1;
  // Any subset of a candidate's coverage is covered by that one candidate.
  for (let bit = 0; bit < n; bit += 1) {
    for (let set = 0; set < size; set += 1) {
      if (set & (1 << bit) && single[set]) single[set ^ (1 << bit)] = 1;
    }
  }
  const cap = MAX_TEAM_SIZE + 1;
  const fewest = new Uint8Array(size).fill(cap);
  fewest[0] = 0;
  for (let set = 1; set < size; set += 1) {
    if (single[set]) {
      fewest[set] = 1;
      continue;
    }
    const low = set & -set;
    const rest = set ^ low;
    let best = cap;
    // Every part containing the lowest requirement, taken by one candidate, then the remainder.
    for (let part = rest; ; part = (part - 1) & rest) {
      const taken = part | low;
      if (single[taken]) {
        const value = 1 + fewest[set ^ taken]!;
        if (value < best) best = value;
      }
      if (part === 0) break;
    }
    fewest[set] = best;
  }
  return fewest;
}

function popcount(value: number): number {
  let count = 0;
  for (let rest = value; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}

interface SearchStats {
  nodes: number;
}

/**
 * Branch-and-bound: every minimal group of minSize..maxSize candidates (positions in `allowed`)
 * whose union is exactly `target`, offered to `top`.
 *
 * Bounds rest on one fact: a member added later must cover something still open (else it would
 * be redundant), so it is one of the candidates of an open requirement. Its value is at most the
 * best value among those, its locality likewise, and the level it can bring to any requirement
 * at most the best level that candidates of an open requirement have there.
 */
function searchTeams(
  prepared: Prepared,
  allowed: number[],
  target: number,
  minSize: number,
  maxSize: number,
  fewest: Uint8Array,
  top: TopK,
  stats: SearchStats,
): void {
  const { n, value, local, mask, level } = prepared;
  // Per requirement: its candidates (best first), their best value and locality, and the best
  // level they have on each requirement (via[r * n + s]: on s, among candidates covering r).
  const lists: number[][] = Array.from({ length: n }, () => []);
  const maxValue = new Int32Array(n);
  const maxLocal = new Uint8Array(n);
  const via = new Uint8Array(n * n);
  for (const candidate of allowed) {
    const coverage = mask[candidate]!;
    for (let r = 0; r < n; r += 1) {
      if (!(coverage & (1 << r))) continue;
      lists[r]!.push(candidate);
      if (value[candidate]! > maxValue[r]!) maxValue[r] = value[candidate]!;
      if (local[candidate]! > maxLocal[r]!) maxLocal[r] = local[candidate]!;
      for (let s = 0; s < n; s += 1) {
        const brought = level[candidate * n + s]!;
        if (brought > via[r * n + s]!) via[r * n + s] = brought;
      }
    }
  }

  const members: number[] = [];
  const excluded = new Uint8Array(prepared.ids.length);
  /** The team's strongest level per requirement, one row per depth. */
  const levels: Uint8Array[] = Array.from({ length: maxSize + 1 }, () => new Uint8Array(n));
  const reachable = new Uint8Array(n);

  /** What later members (each covering something in `open`) could bring at best. */
  const later = (open: number, levelRow: Uint8Array, localMax: number) => {
    let bestValue = 0;
    let bestLocal = localMax;
    reachable.set(levelRow);
    for (let r = 0; r < n; r += 1) {
      if (!(open & (1 << r))) continue;
      if (maxValue[r]! > bestValue) bestValue = maxValue[r]!;
      if (maxLocal[r]! > bestLocal) bestLocal = maxLocal[r]!;
      for (let s = 0; s < n; s += 1) {
        if (via[r * n + s]! > reachable[s]!) reachable[s] = via[r * n + s]!;
      }
    }
    let levelSum = 0;
    for (let s = 0; s < n; s += 1) levelSum += reachable[s]!;
    return { bestValue, bestLocal, levelSum };
  };

  const redundantAfterAdding = (candidate: number): boolean => {
    const added = mask[candidate]!;
    // The newcomer covers an open requirement, so only earlier members can become redundant.
    for (let index = 0; index < members.length; index += 1) {
      let others = added;
      for (let other = 0; other < members.length; other += 1) {
        if (other !== index) others |= mask[members[other]!]!;
      }
      if ((mask[members[index]!]! & ~others) === 0) return true;
    }
    return false;
  };

  const visit = (covered: number, valueSum: number, localMax: number) => {
    stats.nodes += 1;
    const depth = members.length;
    const open = target & ~covered;
    // Branch on the open requirement with the fewest candidates.
    let branchOn = -1;
    for (let r = 0; r < n; r += 1) {
      if (!(open & (1 << r))) continue;
      if (branchOn === -1 || lists[r]!.length < lists[branchOn]!.length) branchOn = r;
    }
    if (branchOn === -1) return;
    const list = lists[branchOn]!;
    const size = depth + 1;
    // Whoever joins now covers `branchOn`, those after something of the rest: the best any
    // candidate of this list could reach, given only its value (the list is by value).
    const now = later(open, levels[depth]!, localMax);
    const rest = later(open & ~(1 << branchOn), levels[depth]!, localMax);
    const fewestMore = Math.max(0, minSize - size);
    const turnedAway: number[] = [];
    for (const candidate of list) {
      if (excluded[candidate]) continue;
      let listBound = Number.NEGATIVE_INFINITY;
      for (let more = fewestMore; more <= maxSize - size; more += 1) {
        const bound = teamKey(
          n,
          size + more,
          valueSum + value[candidate]! + more * rest.bestValue,
          now.bestLocal,
          now.levelSum,
        );
        if (bound > listBound) listBound = bound;
      }
      // Candidates come best value first: once this one cannot make the top k, none after can.
      if (listBound < top.threshold()) break;

      if (!redundantAfterAdding(candidate)) {
        const nextCovered = covered | mask[candidate]!;
        const nextValue = valueSum + value[candidate]!;
        const nextLocal = Math.max(localMax, local[candidate]!);
        const row = levels[size]!;
        const previous = levels[depth]!;
        let levelSum = 0;
        for (let r = 0; r < n; r += 1) {
          const brought = Math.max(previous[r]!, level[candidate * n + r]!);
          row[r] = brought;
          levelSum += brought;
        }
        members.push(candidate);
        if (nextCovered === target) {
          if (size >= minSize) {
            top.offer({
              key: teamKey(n, size, nextValue, nextLocal, levelSum),
              members: [...members].sort((a, b) => a - b),
            });
          }
        } else if (size < maxSize) {
          const open2 = target & ~nextCovered;
          const minMore = Math.max(fewest[open2]!, minSize - size, 1);
          const maxMore = maxSize - size;
          if (minMore <= maxMore) {
            const after = later(open2, row, nextLocal);
            let bound = Number.NEGATIVE_INFINITY;
            for (let more = minMore; more <= maxMore; more += 1) {
              const reach = teamKey(
                n,
                size + more,
                nextValue + more * after.bestValue,
                after.bestLocal,
                after.levelSum,
              );
              if (reach > bound) bound = reach;
            }
            if (bound >= top.threshold()) visit(nextCovered, nextValue, nextLocal);
          }
        }
        members.pop();
      }
      // Teams with this candidate are all met in its branch: later siblings leave it out.
      excluded[candidate] = 1;
      turnedAway.push(candidate);
    }
    for (const candidate of turnedAway) excluded[candidate] = 0;
  };

  if (target === 0) return;
  visit(0, 0, 0);
}

function present(prepared: Prepared, found: Found): ProposedTeam {
  const { n, fit, verified, local, level } = prepared;
  const size = found.members.length;
  let fitSum = 0;
  let verifiedSum = 0;
  let localMax = 0;
  let levelSum = 0;
  const coverage: CoverLevel[] = [];
  for (const member of found.members) {
    fitSum += fit[member]!;
    verifiedSum += verified[member]!;
    localMax = Math.max(localMax, local[member]!);
  }
  for (let r = 0; r < n; r += 1) {
    let best = 0;
    for (const member of found.members) best = Math.max(best, level[member * n + r]!);
    levelSum += best;
    coverage.push(LEVEL_NAME[best]!);
  }
  return {
    members: found.members.map((member) => prepared.ids[member]!),
    score: found.key / KEY_SCALE,
    parts: {
      fit: fitSum / size / FIT_UNIT,
      coverage: n === 0 ? 0 : levelSum / (4 * n),
      verified: verifiedSum / size,
      local: localMax / 2,
    },
    coverage,
  };
}

function bits(n: number, value: number): number[] {
  const result: number[] = [];
  for (let r = 0; r < n; r += 1) if (value & (1 << r)) result.push(r);
  return result;
}

/**
 * The k best teams covering all `requirementCount` requirements, the organisations that cover
 * them alone, and — when neither exists — what is missing and who comes closest.
 */
export function buildTeams(
  requirementCount: number,
  candidates: TeamCandidate[],
  options: TeamBuilderOptions,
): TeamSuggestion {
  const { minSize, maxSize } = validate(requirementCount, candidates, options);
  const n = requirementCount;
  const stats = { candidates: candidates.length, considered: 0, nodes: 0 };
  if (n === 0) return { teams: [], singles: [], gap: null, stats };
  const prepared = prepare(n, candidates);
  const { full, mask, value, local, level } = prepared;
  const kept = undominated(prepared, options.k);
  stats.considered = kept.length;

  const singleTop = new TopK(options.k);
  for (const candidate of kept) {
    if (mask[candidate] !== full) continue;
    let levelSum = 0;
    for (let r = 0; r < n; r += 1) levelSum += level[candidate * n + r]!;
    singleTop.offer({
      key: teamKey(n, 1, value[candidate]!, local[candidate]!, levelSum),
      members: [candidate],
    });
  }
  const singles = singleTop.items.map((found) => present(prepared, found));

  const partners = kept.filter((candidate) => mask[candidate] !== full);
  const fewest = fewestMembers(n, new Set(partners.map((candidate) => mask[candidate]!)));
  const teamTop = new TopK(options.k);
  searchTeams(prepared, partners, full, minSize, maxSize, fewest, teamTop, stats);
  const teams = teamTop.items.map((found) => present(prepared, found));
  if (teams.length > 0 || singles.length > 0) return { teams, singles, gap: null, stats };

  // Nobody covers everything: what is missing, and who comes closest.
  let coverable = 0;
  for (const candidate of partners) coverable |= mask[candidate]!;
  const uncovered = bits(n, full & ~coverable);
  let most = 0;
  const targets: number[] = [];
  for (let set = coverable; set > 0; set = (set - 1) & coverable) {
    if (fewest[set]! > maxSize) continue;
    const count = popcount(set);
    if (count > most) {
      most = count;
      targets.length = 0;
    }
    if (count === most) targets.push(set);
  }
  const closestTop = new TopK(options.k);
  for (const target of targets.sort((a, b) => a - b)) {
    const within = partners.filter((candidate) => (mask[candidate]! & ~target) === 0);
    searchTeams(prepared, within, target, 1, maxSize, fewest, closestTop, stats);
  }
  const closest = closestTop.items.map((found) => {
    const covered = found.members.reduce((union, member) => union | mask[member]!, 0);
    return {
      ...present(prepared, found),
      covered: bits(n, covered),
      missing: bits(n, full & ~covered),
    };
  });
  return { teams, singles, gap: { uncovered, closest }, stats };
}

/**
 * The reference the builder is tested against, and the bench's baseline: every group of
 * candidates tried, nothing pruned. Exponential; for small instances only.
 */
export function buildTeamsByBruteForce(
  requirementCount: number,
  candidates: TeamCandidate[],
  options: TeamBuilderOptions,
): Omit<TeamSuggestion, "stats"> {
  const { minSize, maxSize } = validate(requirementCount, candidates, options);
  const n = requirementCount;
  if (n === 0) return { teams: [], singles: [], gap: null };
  const prepared = prepare(n, candidates);
  const { full, mask, value, local, level } = prepared;
  const count = prepared.ids.length;
  const groups: Array<{ members: number[]; union: number; found: Found }> = [];
  const chosen: number[] = [];
  const walk = (start: number) => {
    if (chosen.length > 0) {
      const union = chosen.reduce((all, member) => all | mask[member]!, 0);
      const minimal = chosen.every((member) => {
        const others = chosen.reduce(
          (all, other) => (other === member ? all : all | mask[other]!),
          0,
        );
        return (mask[member]! & ~others) !== 0;
      });
      if (minimal) {
        let levelSum = 0;
        for (let r = 0; r < n; r += 1) {
          let best = 0;
          for (const member of chosen) best = Math.max(best, level[member * n + r]!);
          levelSum += best;
        }
        const key = teamKey(
          n,
          chosen.length,
          chosen.reduce((sum, member) => sum + value[member]!, 0),
          chosen.reduce((most, member) => Math.max(most, local[member]!), 0),
          levelSum,
        );
        groups.push({ members: [...chosen], union, found: { key, members: [...chosen] } });
      }
    }
    if (chosen.length === maxSize) return;
    for (let next = start; next < count; next += 1) {
      chosen.push(next);
      walk(next + 1);
      chosen.pop();
    }
  };
  walk(0);
  const best = (list: typeof groups) =>
    list
      .map((group) => group.found)
      .sort(compareFound)
      .slice(0, options.k);
  const teams = best(
    groups.filter((group) => group.union === full && group.members.length >= minSize),
  ).map((found) => present(prepared, found));
  const singles = best(
    groups.filter((group) => group.union === full && group.members.length === 1),
  ).map((found) => present(prepared, found));
  if (teams.length > 0 || singles.length > 0) return { teams, singles, gap: null };
  let coverable = 0;
  for (let candidate = 0; candidate < count; candidate += 1) coverable |= mask[candidate]!;
  const most = Math.max(0, ...groups.map((group) => popcount(group.union)));
  const closest = best(groups.filter((group) => most > 0 && popcount(group.union) === most)).map(
    (found) => {
      const covered = found.members.reduce((union, member) => union | mask[member]!, 0);
      return {
        ...present(prepared, found),
        covered: bits(n, covered),
        missing: bits(n, full & ~covered),
      };
    },
  );
  return { teams, singles, gap: { uncovered: bits(n, full & ~coverable), closest } };
}
