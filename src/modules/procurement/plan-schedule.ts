import { DAY } from "../../core/clock.ts";
import type { FieldProblem } from "../../core/http/problem.ts";
import {
  PHASE_TEMPLATES,
  type PhaseTemplate,
  type PhaseWindow,
  type ProcurementModel,
} from "./contract-advisor.ts";

/**
 * A plan's phases in time: the default schedule a model gets when the city applies it, and the
 * rules its dates follow. Pure. Each phase sits in a window of the challenge's timeline:
 * `tender` phases end by the proposal deadline, `assessment` phases run between the proposal
 * deadline and the award date, `contract` phases start at or after the award date; phases do
 * not overlap and follow the model's order.
 */

export interface Timeline {
  questionDeadline: Date;
  proposalDeadline: Date;
  awardDate: Date;
}

export interface ScheduledPhase {
  key: string;
  window: PhaseWindow;
  startsAt: Date;
  endsAt: Date;
  maxBidders: number | null;
}

const startOfDay = (date: Date) => new Date(Math.floor(date.getTime() / DAY) * DAY);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY);
const wholeDays = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / DAY);

const sumDays = (templates: PhaseTemplate[]) => templates.reduce((sum, t) => sum + t.days, 0);

/** Splits [from, to] in whole days among the templates, in proportion to their usual length. */
function spread(templates: PhaseTemplate[], from: Date, to: Date): ScheduledPhase[] {
  const total = sumDays(templates);
  const available = wholeDays(from, to);
  let cursor = from;
  let used = 0;
  return templates.map((template, index) => {
    const last = index === templates.length - 1;
    used += template.days;
    const share = Math.round((available * used) / total);
    const end = last ? to : addDays(from, Math.max(wholeDays(from, cursor) + 1, share));
    const phase = {
      key: template.key,
      window: template.window,
      startsAt: cursor,
      endsAt: end,
      maxBidders: template.maxBidders,
    };
    cursor = end;
    return phase;
  });
}

/**
 * The model's phases with default dates. The challenge's own timeline is kept when it is
 * complete, in the future and leaves each phase at least a day; otherwise the timeline follows
 * from the phases' usual lengths, starting tomorrow.
 */
export function defaultSchedule(
  model: ProcurementModel,
  current: { questionDeadline: Date | null; proposalDeadline: Date | null; awardDate: Date | null },
  now: Date,
): { timeline: Timeline; phases: ScheduledPhase[] } {
  const templates = PHASE_TEMPLATES[model];
  const tender = templates.filter((t) => t.window === "tender");
  const assessment = templates.filter((t) => t.window === "assessment");
  const start = addDays(startOfDay(now), 1);
  const { questionDeadline: q, proposalDeadline: p, awardDate: a } = current;
  const usable =
    q !== null &&
    p !== null &&
    a !== null &&
    q > now &&
    q < p &&
    p < a &&
    wholeDays(start, startOfDay(p)) >= Math.max(1, tender.length) &&
    wholeDays(addDays(startOfDay(p), 1), startOfDay(a)) >= assessment.length;
  const timeline: Timeline = usable
    ? { questionDeadline: q, proposalDeadline: p, awardDate: a }
    : (() => {
        const proposal = addDays(start, Math.max(30, sumDays(tender)));
        return {
          questionDeadline: addDays(start, Math.floor(wholeDays(start, proposal) / 2)),
          proposalDeadline: proposal,
          awardDate: addDays(proposal, Math.max(30, sumDays(assessment) + 1)),
        };
      })();
  return { timeline, phases: scheduleWithin(model, timeline, now) };
}

/**
 * The model's phases with default dates within a given timeline: tender phases share the days
 * from tomorrow to the proposal deadline, assessment phases those up to the award date,
 * contract phases follow the award date with their usual lengths.
 */
export function scheduleWithin(
  model: ProcurementModel,
  timeline: Timeline,
  now: Date,
): ScheduledPhase[] {
  const templates = PHASE_TEMPLATES[model];
  const tender = templates.filter((t) => t.window === "tender");
  const assessment = templates.filter((t) => t.window === "assessment");
  const contract = templates.filter((t) => t.window === "contract");
  const start = addDays(startOfDay(now), 1);
  const tenderEnd = startOfDay(timeline.proposalDeadline);
  const assessmentStart = addDays(startOfDay(timeline.proposalDeadline), 1);
  const assessmentEnd = startOfDay(timeline.awardDate);
  let contractStart = addDays(startOfDay(timeline.awardDate), 1);
  const contractPhases = contract.map((template) => {
    const phase = {
      key: template.key,
      window: template.window,
      startsAt: contractStart,
      endsAt: addDays(contractStart, template.days),
      maxBidders: template.maxBidders,
    };
    contractStart = phase.endsAt;
    return phase;
  });
  return [
    ...(tender.length ? spread(tender, start, tenderEnd) : []),
    ...(assessment.length ? spread(assessment, assessmentStart, assessmentEnd) : []),
    ...contractPhases,
  ];
}

export interface PhaseDates {
  startsAt: Date;
  endsAt: Date;
  maxBidders: number | null;
}

/** Why the timeline and phases do not fit the model; empty when they do. Fields name the body. */
export function scheduleProblems(
  model: ProcurementModel,
  timeline: Timeline,
  phases: PhaseDates[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { questionDeadline: q, proposalDeadline: p, awardDate: a } = timeline;
  if (p <= q)
    problems.push({
      field: "body.timeline.proposalDeadline",
      message: "must be after the question deadline",
    });
  if (a <= p)
    problems.push({
      field: "body.timeline.awardDate",
      message: "must be after the proposal deadline",
    });
  const templates = PHASE_TEMPLATES[model];
  if (phases.length !== templates.length) {
    problems.push({
      field: "body.phases",
      message: `must be the model's ${templates.length} phases (${templates.map((t) => t.key).join(", ")}), in order`,
    });
    return problems;
  }
  phases.forEach((phase, index) => {
    const template = templates[index]!;
    const field = (name: string) => `body.phases.${index}.${name}`;
    if (phase.endsAt <= phase.startsAt)
      problems.push({ field: field("endsAt"), message: "must be after the phase's start" });
    const previous = phases[index - 1];
    if (previous && phase.startsAt < previous.endsAt)
      problems.push({
        field: field("startsAt"),
        message: "must not be before the previous phase ends",
      });
    if (template.window === "tender" && phase.endsAt > p)
      problems.push({ field: field("endsAt"), message: "must not be after the proposal deadline" });
    if (template.window === "assessment") {
      if (phase.startsAt < p)
        problems.push({
          field: field("startsAt"),
          message: "must not be before the proposal deadline",
        });
      if (phase.endsAt > a)
        problems.push({ field: field("endsAt"), message: "must not be after the award date" });
    }
    if (template.window === "contract" && phase.startsAt < a)
      problems.push({ field: field("startsAt"), message: "must not be before the award date" });
    if (template.maxBidders === null && phase.maxBidders !== null)
      problems.push({
        field: field("maxBidders"),
        message: "applies to pre-commercial procurement phases only",
      });
    if (template.maxBidders !== null) {
      if (phase.maxBidders === null)
        problems.push({
          field: field("maxBidders"),
          message: "is required: a pre-commercial phase admits at most this many bidders",
        });
      else if (previous?.maxBidders != null && phase.maxBidders > previous.maxBidders)
        problems.push({
          field: field("maxBidders"),
          message: "must not exceed the previous phase's: the phases narrow the bidders",
        });
    }
  });
  return problems;
}
