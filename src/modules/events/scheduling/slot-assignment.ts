import type { IndexedProblem } from "./indexed-problem.ts";

/**
 * Which request meets in which slot, with what that implies kept up to date: who is busy when,
 * how many tables each slot still has, and the total priority placed. Changes can be journaled
 * and rolled back, so that a search may try a chain of moves and undo it when it leads nowhere.
 */
export class SlotAssignment {
  readonly slotOf: Int32Array;
  /** occupant[participant * slotCount + slot]: the request the participant meets then, or -1. */
  readonly occupant: Int32Array;
  readonly load: Int32Array;
  /** The requests meeting in each slot (first load[slot] entries), for picking one to move. */
  readonly members: Int32Array[];
  private readonly memberPosition: Int32Array;
  totalPriority = 0;
  meetingCount = 0;
  freeTables: number;
  /** Undo log: a placed request as r, a removed one as -(r * slotCount + slot + 1). */
  private journal: number[] = [];

  constructor(readonly problem: IndexedProblem) {
    this.slotOf = new Int32Array(problem.requestCount).fill(-1);
    this.occupant = new Int32Array(problem.participantCount * problem.slotCount).fill(-1);
    this.load = new Int32Array(problem.slotCount);
    this.members = Array.from(
      problem.capacity,
      (capacity) => new Int32Array(Math.max(capacity, 0)),
    );
    this.memberPosition = new Int32Array(problem.requestCount).fill(-1);
    this.freeTables = problem.capacity.reduce((sum, capacity) => sum + Math.max(capacity, 0), 0);
  }

  /** Both participants free in the slot and a table left there. */
  fits(request: number, slot: number): boolean {
    const { slotCount, first, second } = this.problem;
    return (
      this.load[slot]! < this.problem.capacity[slot]! &&
      this.occupant[first[request]! * slotCount + slot] === -1 &&
      this.occupant[second[request]! * slotCount + slot] === -1
    );
  }

  place(request: number, slot: number): void {
    const { slotCount, first, second, priority } = this.problem;
    this.slotOf[request] = slot;
    this.occupant[first[request]! * slotCount + slot] = request;
    this.occupant[second[request]! * slotCount + slot] = request;
    const position = this.load[slot]!;
    this.members[slot]![position] = request;
    this.memberPosition[request] = position;
    this.load[slot] = position + 1;
    this.totalPriority += priority[request]!;
    this.meetingCount += 1;
    this.freeTables -= 1;
    this.journal.push(request);
  }

  remove(request: number): void {
    const { slotCount, first, second, priority } = this.problem;
    const slot = this.slotOf[request]!;
    this.slotOf[request] = -1;
    this.occupant[first[request]! * slotCount + slot] = -1;
    this.occupant[second[request]! * slotCount + slot] = -1;
    const members = this.members[slot]!;
    const last = this.load[slot]! - 1;
    const position = this.memberPosition[request]!;
    const moved = members[last]!;
    members[position] = moved;
    this.memberPosition[moved] = position;
    this.memberPosition[request] = -1;
    this.load[slot] = last;
    this.totalPriority -= priority[request]!;
    this.meetingCount -= 1;
    this.freeTables += 1;
    this.journal.push(-(request * slotCount + slot + 1));
  }

  /** A point to roll back to. */
  mark(): number {
    return this.journal.length;
  }

  rollback(mark: number): void {
    while (this.journal.length > mark) {
      const entry = this.journal.pop()!;
      if (entry >= 0) {
        this.remove(entry);
      } else {
        const code = -entry - 1;
        const slotCount = this.problem.slotCount;
        this.place(Math.floor(code / slotCount), code % slotCount);
      }
      // Undoing journals too; that entry is not part of the history.
      this.journal.pop();
    }
  }

  /** Forgets the undo log once a chain of moves is accepted. */
  commit(): void {
    this.journal.length = 0;
  }
}
