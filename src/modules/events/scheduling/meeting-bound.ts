import { type IndexedProblem, indexProblem } from "./indexed-problem.ts";
import { placeMeetings } from "./place-meetings.ts";
import type { SchedulingProblem } from "./problem.ts";

/**
 * Upper bounds on the total priority any schedule of the problem can place (with every
 * priority at 1: on the number of meetings). Each is sound on its own, so the least of them is:
 * - requests: every request with a slot in common, placed;
 * - tables: the most valuable requests that the slots' capacities can take;
 * - participants: each participant meets at most once in each slot they can use, and each
 *   meeting has two participants;
 * - relaxation: a Lagrangian (LP dual) bound, which combines the three and is usually the least.
 * `bound` is the least, rounded down (the optimum is an integer).
 */
export interface MeetingBound {
  bound: number;
  requests: number;
  tables: number;
  participants: number;
  relaxation: number;
}

/** Sum of the `count` largest of `values` (which it sorts). */
function sumOfLargest(values: number[], count: number): number {
  values.sort((x, y) => y - x);
  let sum = 0;
  for (let i = 0; i < Math.min(count, values.length); i++) sum += values[i]!;
  return sum;
}

/**
 * How many meetings slot s can hold at most: its tables; half the participants who could meet
 * then (a meeting takes two); and the size of a vertex cover of the slot's request graph (the
 * meetings of one slot form a matching in that graph, and every matching edge needs its own
 * cover vertex). The cover is greedy, so it is not the least, but any cover is a valid bound.
 */
function slotLimits(problem: IndexedProblem): Int32Array {
  const { slotCount, participantCount, requestCount, first, second, commonSlots, capacity } =
    problem;
  const limits = new Int32Array(slotCount);
  const requestsBySlot: number[][] = Array.from({ length: slotCount }, () => []);
  for (let request = 0; request < requestCount; request++) {
    for (const slot of commonSlots[request]!) requestsBySlot[slot]!.push(request);
  }
  const degree = new Int32Array(participantCount);
  const inCover = new Uint8Array(participantCount);
  for (let slot = 0; slot < slotCount; slot++) {
    const requests = requestsBySlot[slot]!;
    degree.fill(0);
    inCover.fill(0);
    for (const request of requests) {
      degree[first[request]!]! += 1;
      degree[second[request]!]! += 1;
    }
    let present = 0;
    for (let participant = 0; participant < participantCount; participant++) {
      if (degree[participant]! > 0) present += 1;
    }
    // Cover each request by its endpoint of higher degree (a static greedy).
    let cover = 0;
    for (const request of requests) {
      const a = first[request]!;
      const b = second[request]!;
      if (inCover[a] || inCover[b]) continue;
      const pick = degree[a]! >= degree[b]! ? a : b;
      inCover[pick] = 1;
      cover += 1;
    }
    limits[slot] = Math.max(0, Math.min(capacity[slot]!, Math.floor(present / 2), cover));
  }
  return limits;
}

/** Multiples of 1/1024 add up exactly in floating point at these magnitudes, so the rounded-down relaxation value is exact. */
const GRID = 1024;
const onGrid = (x: number) => Math.max(0, Math.round(x * GRID) / GRID);

/**
 * The bound of the problem. `achieved` (the total priority of a schedule already found) only
 * steers the search for the relaxation's multipliers; the bound is sound whatever it is.
 */
export function boundMeetings(
  problem: SchedulingProblem,
  options: { achieved?: number; iterations?: number } = {},
): MeetingBound {
  const indexed = indexProblem(problem);
  const { slotCount, participantCount, requestCount, first, second, priority, commonSlots } =
    indexed;
  const limits = slotLimits(indexed);
  const placeable = Array.from({ length: requestCount }, (_, r) => r).filter(
    (request) => commonSlots[request]!.length > 0,
  );

  const requests = placeable.reduce((sum, request) => sum + priority[request]!, 0);

  const totalLimit = limits.reduce((sum, limit) => sum + limit, 0);
  const perSlot = Array.from({ length: slotCount }, () => [] as number[]);
  for (const request of placeable) {
    for (const slot of commonSlots[request]!) perSlot[slot]!.push(priority[request]!);
  }
  const tables = Math.min(
    sumOfLargest(
      placeable.map((request) => priority[request]!),
      totalLimit,
    ),
    perSlot.reduce((sum, values, slot) => sum + sumOfLargest(values, limits[slot]!), 0),
  );

  // A participant meets at most once per slot they share with one of their requests.
  const usable = new Uint8Array(participantCount * slotCount);
  const theirs = Array.from({ length: participantCount }, () => [] as number[]);
  for (const request of placeable) {
    for (const slot of commonSlots[request]!) {
      usable[first[request]! * slotCount + slot] = 1;
      usable[second[request]! * slotCount + slot] = 1;
    }
    theirs[first[request]!]!.push(priority[request]!);
    theirs[second[request]!]!.push(priority[request]!);
  }
  let twice = 0;
  for (let participant = 0; participant < participantCount; participant++) {
    let slots = 0;
    for (let slot = 0; slot < slotCount; slot++) slots += usable[participant * slotCount + slot]!;
    twice += sumOfLargest(theirs[participant]!, slots);
  }
  const participants = Math.floor(twice / 2);

  const relaxation = lagrangianBound(indexed, limits, placeable, options);
  return {
    bound: Math.min(requests, tables, participants, Math.floor(relaxation)),
    requests,
    tables,
    participants,
    relaxation,
  };
}

/**
 * For any multipliers u_s ≥ 0 (per slot) and z_ps ≥ 0 (per participant and slot), and any
 * schedule x (x_rs = 1 when request r meets in slot s):
 *
 *   Σ w_r x_rs = Σ x_rs (w_r − u_s − z_as − z_bs) + Σ_s u_s Σ_r x_rs + Σ_ps z_ps Σ_{r∋p} x_rs
 *             ≤ Σ_r max(0, max_s (w_r − u_s − z_as − z_bs)) + Σ_s u_s limit_s + Σ_ps z_ps
 *
 * because each request meets at most once, a slot holds at most limit_s meetings and a
 * participant meets at most once per slot. So L(u, z), the right-hand side, bounds every
 * schedule whatever the multipliers; projected subgradient steps look for small ones (its
 * minimum is the LP relaxation's optimum). Returns the least L found.
 */
function lagrangianBound(
  problem: IndexedProblem,
  limits: Int32Array,
  placeable: number[],
  options: { achieved?: number; iterations?: number },
): number {
  const { slotCount, participantCount, first, second, priority, commonSlots } = problem;
  const u = new Float64Array(slotCount);
  const z = new Float64Array(participantCount * slotCount);
  const slotUse = new Int32Array(slotCount);
  const participantUse = new Int32Array(participantCount * slotCount);
  const achieved =
    options.achieved ??
    placeMeetings(problem, new Uint8Array(problem.requestCount), {
      seed: 1,
      searchDepth: 0,
      attemptBudget: 0,
      passes: 0,
      confirmedMayMove: false,
    }).totalPriority;

  const evaluate = (): number => {
    slotUse.fill(0);
    participantUse.fill(0);
    let value = 0;
    for (let slot = 0; slot < slotCount; slot++) value += u[slot]! * limits[slot]!;
    for (let i = 0; i < z.length; i++) value += z[i]!;
    for (const request of placeable) {
      const a = first[request]! * slotCount;
      const b = second[request]! * slotCount;
      let best = 0;
      let bestSlot = -1;
      for (const slot of commonSlots[request]!) {
        const reduced = priority[request]! - u[slot]! - z[a + slot]! - z[b + slot]!;
        if (reduced > best) {
          best = reduced;
          bestSlot = slot;
        }
      }
      if (bestSlot >= 0) {
        value += best;
        slotUse[bestSlot]! += 1;
        participantUse[a + bestSlot]! += 1;
        participantUse[b + bestSlot]! += 1;
      }
    }
    return value;
  };

  startFromDegreeBound(problem, limits, placeable, u, z);
  let least = evaluate();
  let theta = 1;
  let sinceImproved = 0;
  let current = least;
  for (let iteration = 0; iteration < (options.iterations ?? 100); iteration++) {
    // The subgradient: limit minus use, per slot and per participant-slot.
    let norm = 0;
    for (let slot = 0; slot < slotCount; slot++) {
      const g = limits[slot]! - slotUse[slot]!;
      if (!(g > 0 && u[slot] === 0)) norm += g * g;
    }
    for (let i = 0; i < z.length; i++) {
      const g = 1 - participantUse[i]!;
      if (!(g > 0 && z[i] === 0)) norm += g * g;
    }
    if (norm === 0) break;
    const gap = Math.max(current - achieved, 1e-3);
    const step = (theta * gap) / norm;
    for (let slot = 0; slot < slotCount; slot++) {
      u[slot] = onGrid(u[slot]! - step * (limits[slot]! - slotUse[slot]!));
    }
    for (let i = 0; i < z.length; i++) z[i] = onGrid(z[i]! - step * (1 - participantUse[i]!));
    current = evaluate();
    if (current < least - 1e-9) {
      least = current;
      sinceImproved = 0;
    } else if (++sinceImproved >= 10) {
      theta /= 2;
      sinceImproved = 0;
    }
  }
  return least;
}

/**
 * A good start for the multipliers, from a coarser problem: one price u for a table in any slot
 * and one price ζ_p per participant, the same in each of the k_p slots they can use (the dual of
 * "each participant meets at most k_p times, at most Σ limit_s meetings in all"). For a fixed u
 * the best ζ_p given the others is the (k_p + 1)-th largest of w_r − u − ζ_other over their
 * requests (fewer than k_p + 1 requests worth paying for: 0), so a few rounds of that coordinate
 * descent, for each u of a small grid, find a low point cheaply; the subgradient steps refine it.
 * Values stay multiples of 1/4, on the grid where sums are exact.
 */
function startFromDegreeBound(
  problem: IndexedProblem,
  limits: Int32Array,
  placeable: number[],
  u: Float64Array,
  z: Float64Array,
): void {
  const { slotCount, participantCount, first, second, priority, commonSlots } = problem;
  const usable = new Uint8Array(participantCount * slotCount);
  const requestsOf = Array.from({ length: participantCount }, () => [] as number[]);
  for (const request of placeable) {
    for (const slot of commonSlots[request]!) {
      usable[first[request]! * slotCount + slot] = 1;
      usable[second[request]! * slotCount + slot] = 1;
    }
    requestsOf[first[request]!]!.push(request);
    requestsOf[second[request]!]!.push(request);
  }
  const slotsOf = new Int32Array(participantCount);
  for (let p = 0; p < participantCount; p++) {
    for (let slot = 0; slot < slotCount; slot++) slotsOf[p]! += usable[p * slotCount + slot]!;
  }
  const totalLimit = limits.reduce((sum, limit) => sum + limit, 0);
  const maxPriority = placeable.reduce((max, request) => Math.max(max, priority[request]!), 0);

  const zeta = new Float64Array(participantCount);
  const value = (price: number) => {
    let total = price * totalLimit;
    for (let p = 0; p < participantCount; p++) total += zeta[p]! * slotsOf[p]!;
    for (const request of placeable) {
      total += Math.max(
        0,
        priority[request]! - price - zeta[first[request]!]! - zeta[second[request]!]!,
      );
    }
    return total;
  };
  const descend = (price: number) => {
    zeta.fill(0);
    const residuals: number[] = [];
    for (let round = 0; round < 8; round++) {
      for (let p = 0; p < participantCount; p++) {
        residuals.length = 0;
        for (const request of requestsOf[p]!) {
          const other = first[request] === p ? second[request]! : first[request]!;
          const residual = priority[request]! - price - zeta[other]!;
          if (residual > 0) residuals.push(residual);
        }
        const k = slotsOf[p]!;
        if (residuals.length <= k) zeta[p] = 0;
        else {
          residuals.sort((x, y) => y - x);
          zeta[p] = residuals[k]!;
        }
      }
    }
    return value(price);
  };

  let bestPrice = 0;
  let best = Number.POSITIVE_INFINITY;
  let bestZeta = new Float64Array(participantCount);
  for (let price = 0; price <= maxPriority; price += 0.25) {
    const total = descend(price);
    if (total < best) {
      best = total;
      bestPrice = price;
      bestZeta = Float64Array.from(zeta);
    }
  }
  u.fill(bestPrice);
  for (let p = 0; p < participantCount; p++) {
    for (let slot = 0; slot < slotCount; slot++) {
      z[p * slotCount + slot] = usable[p * slotCount + slot] ? bestZeta[p]! : 0;
    }
  }
}
