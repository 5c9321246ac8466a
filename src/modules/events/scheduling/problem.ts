/**
 * The 1:1 meeting scheduling problem of a brokerage event, in the domain's words, and the
 * schedule the scheduler answers with. Pure data: no database, no clock.
 */

/** A table of the meeting area; it may be unavailable in some slots (a reserved corner). */
export interface MeetingTable {
  id: string;
  unavailableSlots?: readonly string[];
}

/** A participant of the event and the slots in which they can meet. */
export interface SchedulingParticipant {
  id: string;
  availableSlots: readonly string[];
}

/** An accepted request for a 1:1 meeting between two different participants. */
export interface MeetingRequest {
  id: string;
  participants: readonly [string, string];
  /** An integer ≥ 1 (default 1): a placed meeting is worth its priority in the objective. */
  priority?: number;
}

/** A meeting placed at a slot and a table. */
export interface Meeting {
  requestId: string;
  slotId: string;
  tableId: string;
}

export interface SchedulingProblem {
  /** The event's time slots, in time order. */
  slots: readonly string[];
  tables: readonly MeetingTable[];
  participants: readonly SchedulingParticipant[];
  requests: readonly MeetingRequest[];
  /** The confirmed meetings of the previous run (a re-run tries to keep them in place). */
  previous?: readonly Meeting[];
}

export interface SchedulingOptions {
  /**
   * "keep" (default): a confirmed meeting that is still feasible is never moved; the others are
   * placed around it. "move-if-better": a confirmed meeting may move (never be dropped for
   * nothing) when that places more total priority; among schedules of equal priority the one
   * keeping most confirmed meetings in their slot is preferred.
   */
  confirmed?: "keep" | "move-if-better";
  /** Up to this many requests to place the exact optimum is searched for (default 14). */
  exactUpTo?: number;
  /** Tie-breaking among equally good slots; the same seed and input give the same schedule. */
  seed?: number;
  /** Alternating-path moves tried per unplaced request: the depth of a chain (default 3). */
  searchDepth?: number;
}

/** What happened to the previous run's confirmed meetings. */
export interface ScheduleStability {
  /** Confirmed meetings whose request is still accepted. */
  confirmed: number;
  /** … kept in their slot and at their table. */
  kept: number;
  /** … kept in their slot at another table (their table is no longer available). */
  retabled: number;
  /** … moved to another slot. */
  moved: number;
  /** … no longer placed (nowhere left for them). */
  unplaced: number;
  /** Confirmed meetings whose request is no longer among the accepted ones. */
  cancelled: number;
}

export interface Schedule {
  /** In slot order, then table order. */
  meetings: Meeting[];
  /** Requests not placed, in input order. */
  unplacedRequestIds: string[];
  /** The objective: total priority of the placed meetings (primary), and their number. */
  totalPriority: number;
  meetingCount: number;
  stability: ScheduleStability;
  /**
   * True when the exact search proved that no schedule places more total priority (with
   * "keep": no schedule that keeps the confirmed meetings still feasible).
   */
  provenOptimal: boolean;
}

/** Thrown for an input the scheduler cannot make sense of; the message says what and where. */
export class SchedulingInputError extends Error {
  readonly code = "events.scheduling.invalid_input";
  constructor(message: string) {
    super(message);
    this.name = "SchedulingInputError";
  }
}
