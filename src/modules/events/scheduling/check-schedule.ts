import type { Meeting, SchedulingProblem } from "./problem.ts";

/**
 * Every way the meetings break the problem's rules, in words (empty when the schedule is valid).
 * Written straight from the rules, apart from the scheduler's own indexing, so that tests can
 * trust it as a referee: known request, slot and table; the table available in that slot; both
 * participants available; nobody in two meetings of one slot; one meeting per table and slot;
 * each request placed at most once.
 */
export function findScheduleViolations(
  problem: SchedulingProblem,
  meetings: readonly Meeting[],
): string[] {
  const violations: string[] = [];
  const slots = new Set(problem.slots);
  const tables = new Map(problem.tables.map((table) => [table.id, table]));
  const availability = new Map(
    problem.participants.map((participant) => [
      participant.id,
      new Set(participant.availableSlots),
    ]),
  );
  const requests = new Map(problem.requests.map((request) => [request.id, request]));
  const placedRequests = new Set<string>();
  const busy = new Set<string>();
  const usedTables = new Set<string>();

  for (const meeting of meetings) {
    const where = `meeting of request "${meeting.requestId}" in slot "${meeting.slotId}" at table "${meeting.tableId}"`;
    const request = requests.get(meeting.requestId);
    if (!request) violations.push(`${where}: unknown request`);
    if (placedRequests.has(meeting.requestId)) violations.push(`${where}: request placed twice`);
    placedRequests.add(meeting.requestId);
    if (!slots.has(meeting.slotId)) violations.push(`${where}: unknown slot`);
    const table = tables.get(meeting.tableId);
    if (!table) violations.push(`${where}: unknown table`);
    else if (table.unavailableSlots?.includes(meeting.slotId)) {
      violations.push(`${where}: the table is unavailable in that slot`);
    }
    const tableKey = `${meeting.slotId}\u0000${meeting.tableId}`;
    if (usedTables.has(tableKey)) violations.push(`${where}: the table already hosts a meeting`);
    usedTables.add(tableKey);
    for (const participant of request?.participants ?? []) {
      if (!availability.get(participant)?.has(meeting.slotId)) {
        violations.push(`${where}: participant "${participant}" is not available`);
      }
      const key = `${meeting.slotId}\u0000${participant}`;
      if (busy.has(key)) violations.push(`${where}: participant "${participant}" is double-booked`);
      busy.add(key);
    }
  }
  return violations;
}
