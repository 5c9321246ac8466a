import type { IndexedProblem } from "./indexed-problem.ts";
import { SlotAssignment } from "./slot-assignment.ts";

export interface PlacementSettings {
  seed: number;
  /** How long a chain of moves may get to place one request. */
  searchDepth: number;
  /** Search nodes per attempt to place one request: keeps the run time bounded. */
  attemptBudget: number;
  /** Full passes over the unplaced requests at most (each pass strictly gains, or it stops). */
  passes: number;
  /** Whether confirmed meetings may move, in a second search after one that keeps them. */
  confirmedMayMove: boolean;
}

/** A small integer hash, for tie-breaking that looks random but depends only on its inputs. */
function tieBreak(seed: number, request: number, slot: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(request + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13) ^ Math.imul(slot + 1, 0x27d4eb2f), 0x165667b1);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Places the requests into slots: the confirmed meetings that are still feasible first, then
 * greedily the others, most valuable and most constrained first, then an alternating-path
 * search for each request left over. Deterministic: the order of everything depends only on
 * the input and the seed.
 *
 * `pinned` marks the requests whose confirmed slot must not change (the caller decides which).
 */
export function placeMeetings(
  problem: IndexedProblem,
  pinned: Uint8Array,
  settings: PlacementSettings,
): SlotAssignment {
  const { requestCount, slotCount, first, second, priority, commonSlots, previousSlot } = problem;
  const assignment = new SlotAssignment(problem);

  // Confirmed meetings go back where they were, before anything else can take their place.
  for (let request = 0; request < requestCount; request++) {
    if (pinned[request]) {
      assignment.place(request, previousSlot[request]!);
    }
  }
  assignment.commit();

  // Most valuable first; among equals, a request that had a meeting before (it lost its slot),
  // then the one with the fewest slots in common: it has the least room to be placed later.
  const order = Array.from({ length: requestCount }, (_, request) => request).sort(
    (x, y) =>
      priority[y]! - priority[x]! ||
      Number(previousSlot[y]! >= 0) - Number(previousSlot[x]! >= 0) ||
      commonSlots[x]!.length - commonSlots[y]!.length ||
      x - y,
  );

  // Each request tries its previous slot first, then the others in a seeded order: fixed per
  // request, so a search's path depends only on the current schedule.
  const slotOrders = commonSlots.map((slots, request) => {
    const previous = previousSlot[request]!;
    return Int32Array.from(slots).sort(
      (x, y) =>
        Number(y === previous) - Number(x === previous) ||
        tieBreak(settings.seed, request, x) - tieBreak(settings.seed, request, y),
    );
  });
  const slotOrder = (request: number): Int32Array => slotOrders[request]!;

  // Greedy: its previous slot if it can have it, otherwise the emptiest slot that fits.
  for (const request of order) {
    if (assignment.slotOf[request]! >= 0) continue;
    let best = -1;
    for (const slot of slotOrder(request)) {
      if (!assignment.fits(request, slot)) continue;
      if (slot === previousSlot[request]) {
        best = slot;
        break;
      }
      if (best < 0 || assignment.load[slot]! < assignment.load[best]!) best = slot;
    }
    if (best >= 0) assignment.place(request, best);
  }
  assignment.commit();

  // Locked: pinned meetings and the requests on the chain being built.
  const locked = new Uint8Array(requestCount);
  let budget = 0;

  /**
   * A participant busy in every slot they can meet in, with meetings none of which may be left
   * out for this allowance, cannot take one more: every chain would end by dropping one of them.
   * Checking it first saves exploring those chains (popular participants are often full).
   */
  const hopeless = (participant: number, allowance: number): boolean => {
    const { available } = problem;
    for (let slot = 0; slot < slotCount; slot++) {
      if (!available[participant + slot] || problem.capacity[slot]! <= 0) continue;
      const other = assignment.occupant[participant + slot]!;
      if (other < 0 || (!locked[other] && priority[other]! <= allowance)) return false;
    }
    return true;
  };

  /**
   * Places `request`, moving meetings that stand in its way to other slots (recursively, up to
   * `depth` moves deep) or leaving some unplaced if their total priority fits in `allowance`.
   * Returns the allowance left, or -1 (with every change undone by the caller's rollback).
   */
  const insert = (request: number, depth: number, allowance: number): number => {
    if (--budget < 0) return -1;
    const slots = slotOrder(request);
    for (const slot of slots) {
      if (assignment.fits(request, slot)) {
        assignment.place(request, slot);
        return allowance;
      }
    }
    if (depth === 0 && allowance === 0) return -1;
    const a = first[request]! * slotCount;
    const b = second[request]! * slotCount;
    if (hopeless(a, allowance) || hopeless(b, allowance)) return -1;
    locked[request] = 1;
    let result = -1;
    trySlots: for (const slot of slots) {
      const x = assignment.occupant[a + slot]!;
      const y = assignment.occupant[b + slot]!;
      if ((x >= 0 && locked[x]) || (y >= 0 && locked[y])) continue;
      const blockers = x >= 0 ? (y >= 0 && y !== x ? [x, y] : [x]) : y >= 0 ? [y] : [];
      if (blockers.length === 0) {
        // Both free but no table left: one meeting of that slot has to go elsewhere.
        const members = assignment.members[slot]!;
        const count = assignment.load[slot]!;
        const start = tieBreak(settings.seed, request, slot) % Math.max(count, 1);
        for (let k = 0; k < Math.min(count, 4); k++) {
          const other = members[(start + k) % count]!;
          if (locked[other]) continue;
          const mark = assignment.mark();
          assignment.remove(other);
          assignment.place(request, slot);
          const left = relocate(other, depth - 1, allowance);
          if (left >= 0) {
            result = left;
            break trySlots;
          }
          assignment.rollback(mark);
          if (budget < 0) break trySlots;
        }
        continue;
      }
      const mark = assignment.mark();
      for (const blocker of blockers) assignment.remove(blocker);
      assignment.place(request, slot);
      let left = allowance;
      for (const blocker of blockers) {
        left = relocate(blocker, depth - 1, left);
        if (left < 0) break;
      }
      if (left >= 0) {
        result = left;
        break;
      }
      assignment.rollback(mark);
      if (budget < 0) break;
    }
    locked[request] = 0;
    return result;
  };

  /** A displaced meeting finds another slot, or is left unplaced if the allowance covers it. */
  const relocate = (request: number, depth: number, allowance: number): number => {
    if (depth >= 0) {
      const mark = assignment.mark();
      const left = insert(request, depth, allowance);
      if (left >= 0) return left;
      assignment.rollback(mark);
    }
    return priority[request]! <= allowance ? allowance - priority[request]! : -1;
  };

  const search = () => {
    for (let pass = 0; pass < settings.passes; pass++) {
      let gained = false;
      for (const request of order) {
        if (assignment.slotOf[request]! >= 0 || commonSlots[request]!.length === 0) continue;
        // With every table taken, only leaving a less valuable meeting out can gain.
        if (assignment.freeTables === 0 && priority[request]! <= 1) continue;
        budget = settings.attemptBudget;
        const mark = assignment.mark();
        if (insert(request, settings.searchDepth, priority[request]! - 1) >= 0) {
          assignment.commit();
          gained = true;
        } else {
          assignment.rollback(mark);
        }
      }
      if (!gained) break;
    }
  };

  for (let request = 0; request < requestCount; request++) locked[request] = pinned[request]!;
  search();
  if (settings.confirmedMayMove) {
    locked.fill(0);
    search();
  }
  // A chain may have freed room for a request tried before it; a last greedy sweep takes it, so
  // that nothing left unplaced fits as is (what keeps a re-run of the same input unchanged).
  for (const request of order) {
    if (assignment.slotOf[request]! >= 0) continue;
    for (const slot of slotOrder(request)) {
      if (assignment.fits(request, slot)) {
        assignment.place(request, slot);
        break;
      }
    }
  }
  assignment.commit();
  return assignment;
}
