import { SchedulingInputError, type SchedulingProblem } from "./problem.ts";

/**
 * The problem compiled to dense integer indexes, which the scheduler, the exact search and the
 * bound all work on: slots 0..slotCount-1 in event order, participants and requests in input
 * order. Each capacity is the number of tables available in that slot (tables within a slot are
 * interchangeable, so the slot step only needs how many there are).
 */
export interface IndexedProblem {
  slotCount: number;
  participantCount: number;
  requestCount: number;
  /** Tables available per slot. */
  capacity: Int32Array;
  /** available[participant * slotCount + slot] is 1 when the participant can meet then. */
  available: Uint8Array;
  first: Int32Array;
  second: Int32Array;
  priority: Int32Array;
  /** Per request, the slots in which both participants are available and a table exists. */
  commonSlots: Int32Array[];
  /** Per request, the slot of its confirmed meeting in the previous run, or -1. */
  previousSlot: Int32Array;
}

function indexOf(ids: readonly string[], what: string): Map<string, number> {
  const index = new Map<string, number>();
  ids.forEach((id, position) => {
    if (index.has(id)) throw new SchedulingInputError(`${what} "${id}" appears twice`);
    index.set(id, position);
  });
  return index;
}

/** Validates the problem and compiles it; throws SchedulingInputError on the first problem. */
export function indexProblem(problem: SchedulingProblem): IndexedProblem {
  const slotCount = problem.slots.length;
  const slotIndex = indexOf(problem.slots, "slot");
  indexOf(
    problem.tables.map((table) => table.id),
    "table",
  );
  const participantIndex = indexOf(
    problem.participants.map((participant) => participant.id),
    "participant",
  );
  const requestIndex = indexOf(
    problem.requests.map((request) => request.id),
    "request",
  );
  const slotOf = (slotId: string, where: string): number => {
    const slot = slotIndex.get(slotId);
    if (slot === undefined) throw new SchedulingInputError(`${where}: unknown slot "${slotId}"`);
    return slot;
  };

  const capacity = new Int32Array(slotCount).fill(problem.tables.length);
  for (const table of problem.tables) {
    for (const slotId of new Set(table.unavailableSlots ?? [])) {
      capacity[slotOf(slotId, `table "${table.id}"`)]! -= 1;
    }
  }

  const participantCount = problem.participants.length;
  const available = new Uint8Array(participantCount * slotCount);
  problem.participants.forEach((participant, index) => {
    for (const slotId of participant.availableSlots) {
      available[index * slotCount + slotOf(slotId, `participant "${participant.id}"`)] = 1;
    }
  });

  const requestCount = problem.requests.length;
  const first = new Int32Array(requestCount);
  const second = new Int32Array(requestCount);
  const priority = new Int32Array(requestCount);
  const commonSlots: Int32Array[] = [];
  problem.requests.forEach((request, index) => {
    const [a, b] = request.participants.map((id) => {
      const participant = participantIndex.get(id);
      if (participant === undefined) {
        throw new SchedulingInputError(`request "${request.id}": unknown participant "${id}"`);
      }
      return participant;
    }) as [number, number];
    if (a === b) throw new SchedulingInputError(`request "${request.id}": a participant twice`);
    const weight = request.priority ?? 1;
    if (!Number.isInteger(weight) || weight < 1 || weight > 1_000_000) {
      throw new SchedulingInputError(`request "${request.id}": priority must be an integer ≥ 1`);
    }
    first[index] = a;
    second[index] = b;
    priority[index] = weight;
    const slots: number[] = [];
    for (let slot = 0; slot < slotCount; slot++) {
      if (
        capacity[slot]! > 0 &&
        available[a * slotCount + slot] === 1 &&
        available[b * slotCount + slot] === 1
      ) {
        slots.push(slot);
      }
    }
    commonSlots.push(Int32Array.from(slots));
  });

  const previousSlot = new Int32Array(requestCount).fill(-1);
  const seen = new Set<number>();
  for (const meeting of problem.previous ?? []) {
    const request = requestIndex.get(meeting.requestId);
    const slot = slotIndex.get(meeting.slotId);
    // A cancelled request or a removed slot: nothing to keep, the stability report counts it.
    // Of a request listed twice the first meeting counts, as in the stability report.
    if (request === undefined || seen.has(request)) continue;
    seen.add(request);
    if (slot !== undefined) previousSlot[request] = slot;
  }

  return {
    slotCount,
    participantCount,
    requestCount,
    capacity,
    available,
    first,
    second,
    priority,
    commonSlots,
    previousSlot,
  };
}
