/** The 1:1 meeting scheduler of brokerage events: what the events module calls. */
export { findScheduleViolations } from "./check-schedule.ts";
export { boundMeetings, type MeetingBound } from "./meeting-bound.ts";
export {
  type Meeting,
  type MeetingRequest,
  type MeetingTable,
  type Schedule,
  type ScheduleStability,
  SchedulingInputError,
  type SchedulingOptions,
  type SchedulingParticipant,
  type SchedulingProblem,
} from "./problem.ts";
export { scheduleMeetings } from "./schedule-meetings.ts";
