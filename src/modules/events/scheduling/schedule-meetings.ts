import { findExactPlacement } from "./exact-placement.ts";
import { type IndexedProblem, indexProblem } from "./indexed-problem.ts";
import { placeMeetings } from "./place-meetings.ts";
import type {
  Meeting,
  Schedule,
  ScheduleStability,
  SchedulingOptions,
  SchedulingProblem,
} from "./problem.ts";

/** Search nodes the exact step may spend before it gives up and keeps the heuristic schedule. */
const EXACT_NODE_LIMIT = 2_000_000;

/**
 * Places the accepted 1:1 meeting requests of an event into its slots and at its tables.
 *
 * Objective, in this order: (1) the total priority of the placed meetings (a request of priority
 * 3 is worth three of priority 1; with every priority at 1 this is the number of meetings);
 * (2) among equally good schedules, the most confirmed meetings of `problem.previous` kept in
 * their slot. With `confirmed: "keep"` (the default) a confirmed meeting whose two participants
 * are still available in its slot, with a table there, is not moved at all: the objective is
 * then maximised around those meetings. A meeting that keeps its slot keeps its table when that
 * table is still available.
 *
 * Up to `exactUpTo` requests the result is the proven optimum; above, it is the heuristic's
 * (see docs/events-scheduling.md). Deterministic: the same problem and options, the same schedule.
 */
export function scheduleMeetings(
  problem: SchedulingProblem,
  options: SchedulingOptions = {},
): Schedule {
  const indexed = indexProblem(problem);
  const confirmedMayMove = options.confirmed === "move-if-better";
  const pinned = pinConfirmedMeetings(problem, indexed);
  const assignment = placeMeetings(indexed, pinned, {
    seed: options.seed ?? 1,
    searchDepth: options.searchDepth ?? 3,
    attemptBudget: 400,
    passes: 4,
    confirmedMayMove,
  });
  let slotOf = assignment.slotOf;
  let provenOptimal = false;
  if (indexed.requestCount <= (options.exactUpTo ?? 14)) {
    const exact = findExactPlacement(
      indexed,
      confirmedMayMove ? new Uint8Array(indexed.requestCount) : pinned,
      assignment,
      EXACT_NODE_LIMIT,
    );
    if (exact) {
      slotOf = exact;
      provenOptimal = true;
    }
  }
  return presentSchedule(problem, indexed, slotOf, provenOptimal);
}

function tableAvailable(problem: SchedulingProblem): (tableId: string, slotId: string) => boolean {
  const unavailable = new Map(
    problem.tables.map((table) => [table.id, new Set(table.unavailableSlots ?? [])]),
  );
  return (tableId, slotId) => unavailable.get(tableId)?.has(slotId) === false;
}

/**
 * The confirmed meetings that can stay where they are: both participants still available in
 * the slot, nobody met twice, and no more than the slot's tables. Where the previous schedule
 * no longer fits (fewer tables), those whose table is still there come first, then by priority.
 */
function pinConfirmedMeetings(problem: SchedulingProblem, indexed: IndexedProblem): Uint8Array {
  const { requestCount, slotCount, first, second, priority, commonSlots, previousSlot } = indexed;
  const pinned = new Uint8Array(requestCount);
  const previousTable = new Map((problem.previous ?? []).map((m) => [m.requestId, m.tableId]));
  const hasTable = tableAvailable(problem);
  const keepsTable = (request: number) => {
    const tableId = previousTable.get(problem.requests[request]!.id);
    return tableId !== undefined && hasTable(tableId, problem.slots[previousSlot[request]!]!);
  };
  const candidates = Array.from({ length: requestCount }, (_, request) => request)
    .filter((request) => commonSlots[request]!.includes(previousSlot[request]!))
    .sort(
      (x, y) =>
        Number(keepsTable(y)) - Number(keepsTable(x)) || priority[y]! - priority[x]! || x - y,
    );
  const busy = new Uint8Array(indexed.participantCount * slotCount);
  const load = new Int32Array(slotCount);
  for (const request of candidates) {
    const slot = previousSlot[request]!;
    const a = first[request]! * slotCount + slot;
    const b = second[request]! * slotCount + slot;
    if (busy[a] || busy[b] || load[slot]! >= indexed.capacity[slot]!) continue;
    busy[a] = 1;
    busy[b] = 1;
    load[slot]! += 1;
    pinned[request] = 1;
  }
  return pinned;
}

/**
 * Tables per slot, once the slots are decided: a meeting that keeps its slot keeps its table if
 * it can; the others take the free tables in the order the event lists them.
 */
function presentSchedule(
  problem: SchedulingProblem,
  indexed: IndexedProblem,
  slotOf: Int32Array,
  provenOptimal: boolean,
): Schedule {
  const previous = new Map<string, Meeting>();
  for (const meeting of problem.previous ?? []) {
    if (!previous.has(meeting.requestId)) previous.set(meeting.requestId, meeting);
  }
  const hasTable = tableAvailable(problem);
  const tableOrder = new Map(problem.tables.map((table, position) => [table.id, position]));

  const meetings: Meeting[] = [];
  let totalPriority = 0;
  problem.slots.forEach((slotId, slot) => {
    const requests: number[] = [];
    for (let request = 0; request < indexed.requestCount; request++) {
      if (slotOf[request] === slot) requests.push(request);
    }
    const taken = new Set<string>();
    const tableOf = new Map<number, string>();
    for (const request of requests) {
      const before = previous.get(problem.requests[request]!.id);
      if (before?.slotId === slotId && hasTable(before.tableId, slotId)) {
        if (!taken.has(before.tableId)) {
          taken.add(before.tableId);
          tableOf.set(request, before.tableId);
        }
      }
    }
    const freeTables = problem.tables
      .filter((table) => hasTable(table.id, slotId) && !taken.has(table.id))
      .map((table) => table.id);
    let next = 0;
    for (const request of requests) {
      if (!tableOf.has(request)) tableOf.set(request, freeTables[next++]!);
      totalPriority += indexed.priority[request]!;
    }
    const placed = requests.map((request) => ({
      requestId: problem.requests[request]!.id,
      slotId,
      tableId: tableOf.get(request)!,
    }));
    placed.sort((x, y) => tableOrder.get(x.tableId)! - tableOrder.get(y.tableId)!);
    meetings.push(...placed);
  });

  const placedById = new Map(meetings.map((meeting) => [meeting.requestId, meeting]));
  const requestIds = new Set(problem.requests.map((request) => request.id));
  const stability: ScheduleStability = {
    confirmed: 0,
    kept: 0,
    retabled: 0,
    moved: 0,
    unplaced: 0,
    cancelled: 0,
  };
  for (const before of previous.values()) {
    if (!requestIds.has(before.requestId)) {
      stability.cancelled += 1;
      continue;
    }
    stability.confirmed += 1;
    const now = placedById.get(before.requestId);
    if (!now) stability.unplaced += 1;
    else if (now.slotId !== before.slotId) stability.moved += 1;
    else if (now.tableId !== before.tableId) stability.retabled += 1;
    else stability.kept += 1;
  }

  return {
    meetings,
    unplacedRequestIds: problem.requests
      .filter((request) => !placedById.has(request.id))
      .map((request) => request.id),
    totalPriority,
    meetingCount: meetings.length,
    stability,
    provenOptimal,
  };
}
