/**
 * What the consortium builder costs (src/modules/consortia/team-builder.ts). For 10,000
 * providers and 8 required capabilities it times the top 3 teams over many random instances
 * (a different seed each) and prints p50 and p95, for three kinds of market:
 *
 * - typical: each provider covers each capability with probability 0.2 (1.6 on average);
 * - sparse: probability 0.08, so the best teams need four or five members;
 * - gap: as typical, but nobody covers the eighth capability (the gap analysis runs).
 *
 * One untimed run per market comes first (a server has its JIT warm).
 *
 * Baselines: brute force (every group of up to five tried) on a small instance, for the speed-up
 * and to check both agree; and a naive greedy (take the best-fitting provider for the first
 * capability still open, until all are covered) on the large ones, for the quality it loses.
 *
 *   node bin/run-script.mjs bench/consortium-builder.ts [runs] [providers] [requirements] [k]
 */
import { performance } from "node:perf_hooks";
import {
  buildTeams,
  buildTeamsByBruteForce,
  type CoverLevel,
  type Locality,
  type TeamCandidate,
} from "../src/modules/consortia/team-builder.ts";

const runs = Number(process.argv[2] ?? 30);
const providers = Number(process.argv[3] ?? 10_000);
const requirements = Number(process.argv[4] ?? 8);
const k = Number(process.argv[5] ?? 3);

/** mulberry32: a small seeded generator, so every run of the bench sees the same instances. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function market(
  seed: number,
  count: number,
  options: { coverProbability: number; missing?: number },
): TeamCandidate[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, index) => {
    const cover = Array.from({ length: requirements }, (_, r): CoverLevel => {
      if (r === options.missing || next() >= options.coverProbability) return "none";
      const kind = next();
      return kind < 0.6 ? "declared" : kind < 0.85 ? "named" : "broader";
    });
    const place = next();
    const local: Locality = place < 0.1 ? "country" : place < 0.3 ? "region" : "none";
    return {
      id: `provider-${seed}-${index}`,
      fit: 0.15 + 0.8 * next(),
      cover,
      local,
      verified: next() < 0.4,
    };
  });
}

/** Best-fitting provider for the first open capability, until none is open; redundant ones out. */
function greedy(candidates: TeamCandidate[]): TeamCandidate[] | null {
  const team: TeamCandidate[] = [];
  for (let r = 0; r < requirements; r += 1) {
    if (team.some((member) => member.cover[r] !== "none")) continue;
    let best: TeamCandidate | undefined;
    for (const candidate of candidates) {
      if (candidate.cover[r] === "none" || team.includes(candidate)) continue;
      if (!best || candidate.fit > best.fit) best = candidate;
    }
    if (!best) return null;
    team.push(best);
  }
  const covers = (member: TeamCandidate, r: number) => member.cover[r] !== "none";
  for (let index = team.length - 1; index >= 0 && team.length > 2; index -= 1) {
    const member = team[index]!;
    const others = team.filter((other) => other !== member);
    const redundant = member.cover.every(
      (_, r) => !covers(member, r) || others.some((other) => covers(other, r)),
    );
    if (redundant) team.splice(index, 1);
  }
  return team.length >= 2 && team.length <= 5 ? team : null;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

console.log(
  `consortium builder: ${providers.toLocaleString("en")} providers × ${requirements} requirements, top ${k}, ${runs} seeds per market`,
);
const scenarios = [
  { name: "typical", coverProbability: 0.2 },
  { name: "sparse", coverProbability: 0.08 },
  { name: "gap", coverProbability: 0.2, missing: requirements - 1 },
];
for (const scenario of scenarios) {
  // One untimed run first: the server answers many requests, so the JIT has warmed up.
  buildTeams(requirements, market(999, providers, scenario), { k });
  const times: number[] = [];
  const sizes: number[] = [];
  const considered: number[] = [];
  const nodes: number[] = [];
  const greedyRatios: number[] = [];
  let greedyMisses = 0;
  for (let run = 0; run < runs; run += 1) {
    const candidates = market(1_000 + run, providers, scenario);
    const started = performance.now();
    const result = buildTeams(requirements, candidates, { k });
    times.push(performance.now() - started);
    considered.push(result.stats.considered);
    nodes.push(result.stats.nodes);
    const best = result.teams[0];
    if (best) {
      sizes.push(best.members.length);
      const team = greedy(candidates);
      if (team) {
        const byId = new Set(team.map((member) => member.id));
        const greedyScore = buildTeams(
          requirements,
          candidates.filter((candidate) => byId.has(candidate.id)),
          { k: 1 },
        ).teams[0]?.score;
        if (greedyScore === undefined) greedyMisses += 1;
        else greedyRatios.push(greedyScore / best.score);
      } else {
        greedyMisses += 1;
      }
    }
  }
  const mean = (values: number[]) =>
    values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : Number.NaN;
  console.log(
    `  ${scenario.name.padEnd(8)} p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(Math.max(...times))}` +
      ` | kept ${Math.round(mean(considered))} of ${providers} after dominance pruning, ${Math.round(mean(nodes))} search nodes` +
      (sizes.length
        ? ` | best team of ${Math.min(...sizes)}–${Math.max(...sizes)} members`
        : " | no team (gap analysis)") +
      (greedyRatios.length
        ? ` | greedy reaches ${(mean(greedyRatios) * 100).toFixed(1)} % of the best score (worst ${(Math.min(...greedyRatios) * 100).toFixed(1)} %), no valid team in ${greedyMisses} of ${runs}`
        : greedyMisses
          ? ` | greedy finds no valid team (2–5 members) in ${greedyMisses} of ${runs}`
          : ""),
  );
}

// Brute force on a small instance: how many times faster, and the same answer.
const small = market(7, 40, { coverProbability: 0.2 });
let started = performance.now();
const exact = buildTeamsByBruteForce(requirements, small, { k });
const bruteMs = performance.now() - started;
const repeats = 200;
started = performance.now();
let fast = buildTeams(requirements, small, { k });
for (let repeat = 1; repeat < repeats; repeat += 1) fast = buildTeams(requirements, small, { k });
const fastMs = (performance.now() - started) / repeats;
const same =
  JSON.stringify(exact.teams) === JSON.stringify(fast.teams) &&
  JSON.stringify(exact.gap) === JSON.stringify(fast.gap);
console.log(
  `  baseline: brute force on 40 providers ${ms(bruteMs)}, builder ${fastMs.toFixed(3)} ms (${Math.round(bruteMs / fastMs).toLocaleString("en")}× faster), same teams: ${same ? "yes" : "NO"}`,
);
