import fc from "fast-check";
import type { Meeting, SchedulingProblem } from "../problem.ts";

/**
 * Small random events for property tests: up to 8 participants, 12 requests, 4 slots and
 * 3 tables, with random availability, priorities 1–3 and tables missing in some slots.
 */
export const smallEvent: fc.Arbitrary<SchedulingProblem> = fc
  .record({
    slotCount: fc.integer({ min: 1, max: 4 }),
    tableCount: fc.integer({ min: 1, max: 3 }),
    participantCount: fc.integer({ min: 2, max: 8 }),
    seed: fc.array(fc.nat(), { minLength: 120, maxLength: 120 }),
    requestCount: fc.integer({ min: 0, max: 12 }),
  })
  .map(({ slotCount, tableCount, participantCount, seed, requestCount }) => {
    let cursor = 0;
    const next = () => seed[cursor++ % seed.length]!;
    const slots = Array.from({ length: slotCount }, (_, i) => `s${i}`);
    const tables = Array.from({ length: tableCount }, (_, i) => ({
      id: `t${i}`,
      unavailableSlots: slots.filter(() => next() % 6 === 0),
    }));
    const participants = Array.from({ length: participantCount }, (_, i) => ({
      id: `p${i}`,
      availableSlots: slots.filter(() => next() % 4 !== 0),
    }));
    const pairs = new Set<string>();
    const requests = [];
    for (let attempt = 0; attempt < requestCount * 3 && requests.length < requestCount; attempt++) {
      const a = next() % participantCount;
      const b = next() % participantCount;
      const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
      if (a === b || pairs.has(key)) continue;
      pairs.add(key);
      requests.push({
        id: `r${requests.length}`,
        participants: [`p${a}`, `p${b}`] as [string, string],
        priority: 1 + (next() % 3 === 0 ? next() % 3 : 0),
      });
    }
    return { slots, tables, participants, requests };
  });

export interface Optimum {
  totalPriority: number;
  /** Confirmed meetings kept in their slot, most of them among the schedules of that priority. */
  kept: number;
}

/**
 * The exact optimum by exhaustive search, written plainly from the rules so that tests can trust
 * it apart from the scheduler: every request in every slot that fits, or not at all. `pinned`
 * meetings are fixed (the "keep" policy); `previous` counts the confirmed meetings kept.
 */
export function exhaustiveOptimum(
  problem: SchedulingProblem,
  options: { pinned?: readonly Meeting[]; previous?: readonly Meeting[] } = {},
): Optimum {
  const available = new Map(problem.participants.map((p) => [p.id, new Set(p.availableSlots)]));
  const tablesIn = new Map(
    problem.slots.map((slot) => [
      slot,
      problem.tables.filter((table) => !table.unavailableSlots?.includes(slot)).length,
    ]),
  );
  const previousSlot = new Map((options.previous ?? []).map((m) => [m.requestId, m.slotId]));
  const pinned = new Map((options.pinned ?? []).map((m) => [m.requestId, m.slotId]));
  const busy = new Set<string>();
  const used = new Map<string, number>();
  const take = (slot: string, a: string, b: string) => {
    busy.add(`${slot}|${a}`).add(`${slot}|${b}`);
    used.set(slot, (used.get(slot) ?? 0) + 1);
  };
  const release = (slot: string, a: string, b: string) => {
    busy.delete(`${slot}|${a}`);
    busy.delete(`${slot}|${b}`);
    used.set(slot, used.get(slot)! - 1);
  };
  let fixed = 0;
  let fixedKept = 0;
  for (const request of problem.requests) {
    const slot = pinned.get(request.id);
    if (slot === undefined) continue;
    take(slot, ...request.participants);
    fixed += request.priority ?? 1;
    if (previousSlot.get(request.id) === slot) fixedKept += 1;
  }
  const open = problem.requests.filter((request) => !pinned.has(request.id));
  const remaining = open.map((_, i) =>
    open.slice(i).reduce((sum, request) => sum + (request.priority ?? 1), 0),
  );
  let best: Optimum = { totalPriority: fixed, kept: fixedKept };
  const better = (x: Optimum, y: Optimum) =>
    x.totalPriority > y.totalPriority || (x.totalPriority === y.totalPriority && x.kept > y.kept);
  const visit = (i: number, totalPriority: number, kept: number) => {
    if (i === open.length) {
      if (better({ totalPriority, kept }, best)) best = { totalPriority, kept };
      return;
    }
    // Even with every remaining request placed and kept, no better: prune.
    if (!better({ totalPriority: totalPriority + remaining[i]!, kept: kept + open.length }, best)) {
      return;
    }
    const request = open[i]!;
    const [a, b] = request.participants;
    for (const slot of problem.slots) {
      if (
        available.get(a)!.has(slot) &&
        available.get(b)!.has(slot) &&
        !busy.has(`${slot}|${a}`) &&
        !busy.has(`${slot}|${b}`) &&
        (used.get(slot) ?? 0) < tablesIn.get(slot)!
      ) {
        take(slot, a, b);
        visit(
          i + 1,
          totalPriority + (request.priority ?? 1),
          kept + Number(previousSlot.get(request.id) === slot),
        );
        release(slot, a, b);
      }
    }
    visit(i + 1, totalPriority, kept);
  };
  visit(0, fixed, fixedKept);
  return best;
}
