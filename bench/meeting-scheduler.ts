/**
 * What the 1:1 meeting scheduler (src/modules/events/scheduling) achieves and costs on a
 * brokerage event of 1,000 participants: 300 cities and 700 providers, 10,000 accepted requests
 * (cities asking providers, popularity skewed: the first providers are asked by many cities;
 * one request in ten between two providers), priorities 1 (70%), 2 (20%), 3 (10%), 16 slots,
 * 200 tables (ten of them unavailable in two slots each), each participant unavailable in a
 * random 0–6 slots. Seeded: every run sees the same event.
 *
 * Prints the meetings placed and their total priority, the upper bound and the ratio, the
 * median time of several runs, a re-run after 1% changes (cancelled and new requests, shrunk
 * availability: time and confirmed meetings moved), and a baseline (plain greedy in input
 * order) with the scheduler's gain over it. A second event with 600 tables shows the case where
 * tables are not what limits the schedule, the participants' slots are.
 *
 *   node bin/run-script.mjs bench/meeting-scheduler.ts [runs] [tables]
 */
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import {
  boundMeetings,
  findScheduleViolations,
  type MeetingRequest,
  type Schedule,
  type SchedulingProblem,
  scheduleMeetings,
} from "../src/modules/events/scheduling/index.ts";

const runs = Number(process.argv[2] ?? 5);
const tableCount = Number(process.argv[3] ?? 200);

/** mulberry32: a small seeded generator, so every run of the bench sees the same event. */
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

const SLOTS = Array.from({ length: 16 }, (_, i) => `slot-${i + 1}`);
const CITIES = 300;
const PROVIDERS = 700;

function unavailable(next: () => number, count: number): Set<string> {
  const out = new Set<string>();
  while (out.size < count) out.add(SLOTS[Math.floor(next() * SLOTS.length)]!);
  return out;
}

function brokerageEvent(seed: number, tables: number, requestCount: number): SchedulingProblem {
  const next = random(seed);
  const participants = [
    ...Array.from({ length: CITIES }, (_, i) => `city-${i}`),
    ...Array.from({ length: PROVIDERS }, (_, i) => `provider-${i}`),
  ].map((id) => {
    const away = unavailable(next, Math.floor(next() * 7));
    return { id, availableSlots: SLOTS.filter((slot) => !away.has(slot)) };
  });
  // Zipf-like popularity: provider k is asked about 1/(k+1)^0.9 as often as the first.
  const popularity = Array.from({ length: PROVIDERS }, (_, k) => 1 / (k + 1) ** 0.9);
  const cumulative: number[] = [];
  popularity.reduce((sum, p) => {
    cumulative.push(sum + p);
    return sum + p;
  }, 0);
  const total = cumulative[cumulative.length - 1]!;
  const provider = () => {
    const x = next() * total;
    let lo = 0;
    let hi = PROVIDERS - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return `provider-${lo}`;
  };
  const seen = new Set<string>();
  const requests: MeetingRequest[] = [];
  while (requests.length < requestCount) {
    const from =
      next() < 0.9
        ? `city-${Math.floor(next() * CITIES)}`
        : `provider-${Math.floor(next() * PROVIDERS)}`;
    const to = provider();
    const key = from < to ? `${from}|${to}` : `${to}|${from}`;
    if (from === to || seen.has(key)) continue;
    seen.add(key);
    const level = next();
    requests.push({
      id: `request-${seed}-${requests.length}`,
      participants: [from, to],
      priority: level < 0.7 ? 1 : level < 0.9 ? 2 : 3,
    });
  }
  return {
    slots: SLOTS,
    tables: Array.from({ length: tables }, (_, i) => ({
      id: `table-${i + 1}`,
      unavailableSlots: i < 10 ? [...unavailable(next, 2)] : [],
    })),
    participants,
    requests,
  };
}

/** 1% changes: cancelled requests, new requests, participants who lose a slot or two. */
function changed(problem: SchedulingProblem, seed: number, previous: Schedule): SchedulingProblem {
  const next = random(seed);
  const share = Math.round(problem.requests.length / 100);
  const cancelled = new Set<number>();
  while (cancelled.size < share) cancelled.add(Math.floor(next() * problem.requests.length));
  const added = brokerageEvent(seed + 1, 0, share * 3)
    .requests.filter(
      (request) =>
        !problem.requests.some(
          (r) =>
            r.participants.includes(request.participants[0]) &&
            r.participants.includes(request.participants[1]),
        ),
    )
    .slice(0, share)
    .map((request, i) => ({ ...request, id: `new-request-${i}` }));
  const shrinking = new Set<number>();
  while (shrinking.size < problem.participants.length / 100) {
    shrinking.add(Math.floor(next() * problem.participants.length));
  }
  return {
    ...problem,
    requests: [...problem.requests.filter((_, i) => !cancelled.has(i)), ...added],
    participants: problem.participants.map((participant, i) => {
      if (!shrinking.has(i)) return participant;
      const lost = new Set(
        participant.availableSlots.filter(() => next() < 2 / participant.availableSlots.length),
      );
      return {
        ...participant,
        availableSlots: participant.availableSlots.filter((s) => !lost.has(s)),
      };
    }),
    previous: previous.meetings,
  };
}

/** The baseline: each request in input order takes the first slot and table that fit. */
function greedyInInputOrder(problem: SchedulingProblem): { meetings: number; priority: number } {
  const available = new Map(problem.participants.map((p) => [p.id, new Set(p.availableSlots)]));
  const busy = new Set<string>();
  const freeTables = new Map(
    problem.slots.map((slot) => [
      slot,
      problem.tables.filter((table) => !table.unavailableSlots?.includes(slot)).length,
    ]),
  );
  let meetings = 0;
  let priority = 0;
  for (const request of problem.requests) {
    const [a, b] = request.participants;
    const slot = problem.slots.find(
      (s) =>
        freeTables.get(s)! > 0 &&
        available.get(a)!.has(s) &&
        available.get(b)!.has(s) &&
        !busy.has(`${s}|${a}`) &&
        !busy.has(`${s}|${b}`),
    );
    if (slot === undefined) continue;
    busy.add(`${slot}|${a}`).add(`${slot}|${b}`);
    freeTables.set(slot, freeTables.get(slot)! - 1);
    meetings += 1;
    priority += request.priority ?? 1;
  }
  return { meetings, priority };
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");

function bench(tables: number) {
  const problem = brokerageEvent(2026, tables, 10_000);
  console.log(
    `\n== ${problem.participants.length} participants, ${problem.requests.length} requests, ${problem.slots.length} slots, ${tables} tables (load ${load()})`,
  );
  const times: number[] = [];
  let schedule: Schedule | undefined;
  for (let run = 0; run < runs; run++) {
    const { value, ms } = timed(() => scheduleMeetings(problem));
    times.push(ms);
    if (schedule && JSON.stringify(schedule.meetings) !== JSON.stringify(value.meetings)) {
      throw new Error("two runs on the same input gave different schedules");
    }
    schedule = value;
  }
  const result = schedule!;
  const violations = findScheduleViolations(problem, result.meetings);
  if (violations.length > 0) throw new Error(`invalid schedule: ${violations[0]}`);
  const { value: bound, ms: boundMs } = timed(() =>
    boundMeetings(problem, { achieved: result.totalPriority }),
  );
  const unweighted = boundMeetings({
    ...problem,
    requests: problem.requests.map((r) => ({ ...r, priority: 1 })),
  });
  const baseline = greedyInInputOrder(problem);
  console.log(
    `scheduler: ${result.meetingCount} meetings, total priority ${result.totalPriority}; median ${median(times).toFixed(0)} ms over ${runs} runs (${times.map((t) => t.toFixed(0)).join(", ")} ms)`,
  );
  console.log(
    `bound on total priority: ${bound.bound} (requests ${bound.requests}, tables ${bound.tables}, participants ${bound.participants}, relaxation ${bound.relaxation.toFixed(2)}; ${boundMs.toFixed(0)} ms) → ratio ${pct(result.totalPriority / bound.bound)}`,
  );
  console.log(
    `bound on meetings (all priorities 1): ${unweighted.bound} → meetings placed ${pct(result.meetingCount / unweighted.bound)} of it`,
  );
  console.log(
    `baseline (greedy in input order): ${baseline.meetings} meetings, total priority ${baseline.priority} (${pct(baseline.priority / bound.bound)} of the bound); the scheduler places ${pct(result.totalPriority / baseline.priority - 1)} more priority`,
  );

  const rerunProblem = changed(problem, 7, result);
  const rerunTimes: number[] = [];
  let rerun: Schedule | undefined;
  for (let run = 0; run < runs; run++) {
    const { value, ms } = timed(() => scheduleMeetings(rerunProblem));
    rerunTimes.push(ms);
    rerun = value;
  }
  const again = rerun!;
  const rerunViolations = findScheduleViolations(rerunProblem, again.meetings);
  if (rerunViolations.length > 0) throw new Error(`invalid re-run: ${rerunViolations[0]}`);
  const rerunBound = boundMeetings(rerunProblem, { achieved: again.totalPriority });
  const s = again.stability;
  console.log(
    `re-run after 1% changes: median ${median(rerunTimes).toFixed(0)} ms; ${again.meetingCount} meetings, total priority ${again.totalPriority}, ${pct(again.totalPriority / rerunBound.bound)} of its bound ${rerunBound.bound}; of ${s.confirmed} confirmed meetings: ${s.kept} kept, ${s.retabled} at another table, ${s.moved} moved, ${s.unplaced} unplaced (${s.cancelled} cancelled)`,
  );
  const flexible = timed(() => scheduleMeetings(rerunProblem, { confirmed: "move-if-better" }));
  const f = flexible.value.stability;
  console.log(
    `re-run, confirmed: "move-if-better": ${flexible.ms.toFixed(0)} ms; total priority ${flexible.value.totalPriority} (${pct(flexible.value.totalPriority / rerunBound.bound)}); ${f.kept} kept, ${f.retabled} at another table, ${f.moved} moved, ${f.unplaced} unplaced`,
  );
}

bench(tableCount);
if (process.argv[3] === undefined) bench(600);
console.log(`\nload average after: ${load()}`);
