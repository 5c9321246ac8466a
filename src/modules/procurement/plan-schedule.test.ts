import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY } from "../../core/clock.ts";
import { MODELS, PHASE_TEMPLATES } from "./contract-advisor.ts";
import { defaultSchedule, scheduleProblems } from "./plan-schedule.ts";

const now = new Date("2026-03-01T10:30:00Z");
const at = (days: number) => new Date(now.getTime() + days * DAY);

describe("plan schedule", () => {
  it("gives every model a default schedule its own rules accept, whatever the draft's deadlines", () => {
    const maybeDate = fc.option(
      fc.integer({ min: -30, max: 400 }).map((days) => at(days)),
      { nil: null },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...MODELS),
        fc.record({
          questionDeadline: maybeDate,
          proposalDeadline: maybeDate,
          awardDate: maybeDate,
        }),
        (model, current) => {
          const { timeline, phases } = defaultSchedule(model, current, now);
          expect(phases.map((phase) => phase.key)).toEqual(
            PHASE_TEMPLATES[model].map((template) => template.key),
          );
          expect(scheduleProblems(model, timeline, phases)).toEqual([]);
          expect(timeline.questionDeadline > now).toBe(true);
        },
      ),
    );
  });

  it("keeps a draft's own deadlines when they fit", () => {
    const current = { questionDeadline: at(10), proposalDeadline: at(40), awardDate: at(70) };
    const { timeline, phases } = defaultSchedule("competitive_dialogue", current, now);
    expect(timeline).toEqual(current);
    expect(phases.at(-1)!.endsAt <= current.proposalDeadline).toBe(true);
    const pcp = defaultSchedule("pre_commercial", current, now);
    expect(pcp.phases[0]!.startsAt >= current.awardDate).toBe(true);
    expect(pcp.phases.map((phase) => phase.maxBidders)).toEqual([5, 3, 2]);
  });

  it("refuses a tender phase after the proposal deadline and an assessment phase before it", () => {
    const timeline = { questionDeadline: at(10), proposalDeadline: at(40), awardDate: at(70) };
    const problems = scheduleProblems("innovation_prize", timeline, [
      { startsAt: at(1), endsAt: at(45), maxBidders: null },
      { startsAt: at(45), endsAt: at(75), maxBidders: 3 },
      { startsAt: at(75), endsAt: at(100), maxBidders: null },
    ]);
    expect(problems).toEqual([
      { field: "body.phases.0.endsAt", message: "must not be after the proposal deadline" },
      { field: "body.phases.1.endsAt", message: "must not be after the award date" },
      {
        field: "body.phases.1.maxBidders",
        message: "applies to pre-commercial procurement phases only",
      },
    ]);
  });
});
