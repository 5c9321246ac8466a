import type { IndexedProblem } from "./indexed-problem.ts";
import type { SlotAssignment } from "./slot-assignment.ts";

/**
 * The exact optimum by branch and bound, for small problems: starting from a schedule already
 * found (the heuristic's), it looks for one with more total priority or, at equal priority,
 * more requests kept in their previous slot. Pinned requests stay where they are.
 *
 * Returns the slot of each request in a best schedule, or null when the search would need
 * more than `nodeLimit` nodes (then the caller keeps the schedule it had, unproven).
 */
export function findExactPlacement(
  problem: IndexedProblem,
  pinned: Uint8Array,
  start: SlotAssignment,
  nodeLimit: number,
): Int32Array | null {
  const { requestCount, slotCount, first, second, priority, commonSlots, previousSlot, capacity } =
    problem;
  // One objective number: priority first, kept meetings only break ties (kept ≤ requestCount).
  const scale = requestCount + 1;
  const value = (slotOf: Int32Array) => {
    let total = 0;
    for (let request = 0; request < requestCount; request++) {
      const slot = slotOf[request]!;
      if (slot >= 0) total += priority[request]! * scale + Number(slot === previousSlot[request]);
    }
    return total;
  };

  const free = Array.from({ length: requestCount }, (_, request) => request)
    .filter((request) => !pinned[request] && commonSlots[request]!.length > 0)
    .sort(
      (x, y) =>
        priority[y]! - priority[x]! ||
        Number(previousSlot[y]! >= 0) - Number(previousSlot[x]! >= 0) ||
        x - y,
    );
  // What the requests from position i on could add at most: all of them, and no more than the
  // most valuable ones that the free tables can take (sorted, so those come first).
  const worth = free.map(
    (request) => priority[request]! * scale + Number(previousSlot[request]! >= 0),
  );
  const prefix = [0];
  for (const w of worth) prefix.push(prefix[prefix.length - 1]! + w);
  let freeTables = capacity.reduce((sum, tables) => sum + Math.max(tables, 0), 0);
  const reachable = (i: number) => prefix[Math.min(free.length, i + freeTables)]! - prefix[i]!;

  const slotOf = new Int32Array(requestCount).fill(-1);
  const busy = new Uint8Array(problem.participantCount * slotCount);
  const load = new Int32Array(slotCount);
  let current = 0;
  for (let request = 0; request < requestCount; request++) {
    if (!pinned[request]) continue;
    const slot = previousSlot[request]!;
    slotOf[request] = slot;
    busy[first[request]! * slotCount + slot] = 1;
    busy[second[request]! * slotCount + slot] = 1;
    load[slot]! += 1;
    freeTables -= 1;
    current += priority[request]! * scale + 1;
  }

  let best = value(start.slotOf);
  let bestSlots = Int32Array.from(start.slotOf);
  let nodes = 0;

  const branch = (i: number): boolean => {
    if (++nodes > nodeLimit) return false;
    if (current + reachable(i) <= best) return true;
    if (i === free.length) {
      best = current;
      bestSlots = Int32Array.from(slotOf);
      return true;
    }
    const request = free[i]!;
    const a = first[request]! * slotCount;
    const b = second[request]! * slotCount;
    const gain = priority[request]! * scale;
    // Its previous slot first: an equally good schedule that keeps more is found first.
    const previous = previousSlot[request]!;
    const slots = Array.from(commonSlots[request]!).sort(
      (x, y) => Number(y === previous) - Number(x === previous) || x - y,
    );
    for (const slot of slots) {
      if (busy[a + slot] || busy[b + slot] || load[slot]! >= capacity[slot]!) continue;
      const added = gain + Number(slot === previous);
      busy[a + slot] = 1;
      busy[b + slot] = 1;
      load[slot]! += 1;
      freeTables -= 1;
      slotOf[request] = slot;
      current += added;
      const finished = branch(i + 1);
      current -= added;
      slotOf[request] = -1;
      freeTables += 1;
      load[slot]! -= 1;
      busy[a + slot] = 0;
      busy[b + slot] = 0;
      if (!finished) return false;
    }
    return branch(i + 1);
  };

  return branch(0) ? bestSlots : null;
}
