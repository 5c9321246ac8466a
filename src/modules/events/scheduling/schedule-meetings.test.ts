import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  boundMeetings,
  findScheduleViolations,
  type Schedule,
  SchedulingInputError,
  type SchedulingOptions,
  type SchedulingProblem,
  scheduleMeetings,
} from "./index.ts";
import { exhaustiveOptimum, smallEvent } from "./test/small-events.ts";

/** Every schedule a test sees goes through the referee first. */
function schedule(problem: SchedulingProblem, options?: SchedulingOptions): Schedule {
  const result = scheduleMeetings(problem, options);
  expect(findScheduleViolations(problem, result.meetings)).toEqual([]);
  const priority = new Map(problem.requests.map((r) => [r.id, r.priority ?? 1]));
  expect(result.totalPriority).toBe(
    result.meetings.reduce((sum, m) => sum + priority.get(m.requestId)!, 0),
  );
  expect(result.meetingCount + result.unplacedRequestIds.length).toBe(problem.requests.length);
  return result;
}

const everyone = (ids: string[], slots: string[]) =>
  ids.map((id) => ({ id, availableSlots: slots }));
const request = (id: string, a: string, b: string, priority?: number) => ({
  id,
  participants: [a, b] as [string, string],
  ...(priority ? { priority } : {}),
});

/** A medium event for the heuristic path (above the exact search's size). */
function mediumEvent(seed: number): SchedulingProblem {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 4_294_967_296;
  };
  const slots = Array.from({ length: 6 }, (_, i) => `s${i}`);
  const participants = Array.from({ length: 60 }, (_, i) => ({
    id: `p${i}`,
    availableSlots: slots.filter(() => next() > 0.2),
  }));
  const pairs = new Set<string>();
  const requests = [];
  while (requests.length < 240) {
    const a = Math.floor(next() * 60);
    const b = Math.floor(next() ** 2 * 60); // skewed: low numbers are popular
    const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
    if (a === b || pairs.has(key)) continue;
    pairs.add(key);
    requests.push(request(`r${requests.length}`, `p${a}`, `p${b}`, next() < 0.2 ? 2 : 1));
  }
  const tables = Array.from({ length: 12 }, (_, i) => ({
    id: `t${i}`,
    unavailableSlots: i === 0 ? ["s1"] : [],
  }));
  return { slots, tables, participants, requests };
}

describe("the meeting scheduler on examples", () => {
  it("places meetings only when both are available, at tables open in that slot", () => {
    const problem: SchedulingProblem = {
      slots: ["9:00", "9:30"],
      tables: [{ id: "A" }, { id: "B", unavailableSlots: ["9:30"] }],
      participants: [
        { id: "lyon", availableSlots: ["9:30"] },
        { id: "solar", availableSlots: ["9:00", "9:30"] },
        { id: "wind", availableSlots: ["9:00", "9:30"] },
        { id: "lima", availableSlots: ["9:00"] },
      ],
      requests: [
        request("1", "lyon", "solar"),
        request("2", "lima", "solar"),
        request("3", "lima", "wind", 2),
      ],
    };
    const result = schedule(problem);
    expect(result.meetings).toEqual([
      { requestId: "3", slotId: "9:00", tableId: "A" },
      { requestId: "1", slotId: "9:30", tableId: "A" },
    ]);
    expect(result.unplacedRequestIds).toEqual(["2"]);
    expect(result.provenOptimal).toBe(true);
  });

  it("prefers one meeting of priority 3 to two of priority 1", () => {
    const problem: SchedulingProblem = {
      slots: ["s"],
      tables: [{ id: "t1" }, { id: "t2" }],
      participants: everyone(["a", "b", "c", "d"], ["s"]),
      requests: [
        request("low-1", "a", "b"),
        request("low-2", "c", "d"),
        request("high", "a", "c", 3),
      ],
    };
    const result = schedule(problem);
    expect(result.meetings.map((m) => m.requestId)).toEqual(["high"]);
    expect(result.totalPriority).toBe(3);
  });

  it("keeps a confirmed meeting in its slot at another table when its table is closed", () => {
    const base: SchedulingProblem = {
      slots: ["s1", "s2"],
      tables: [{ id: "t1" }, { id: "t2" }],
      participants: everyone(["a", "b", "c", "d"], ["s1", "s2"]),
      requests: [request("ab", "a", "b"), request("cd", "c", "d")],
    };
    const first = schedule(base);
    const closed = first.meetings[0]!;
    const rerun = schedule({
      ...base,
      tables: base.tables.map((t) =>
        t.id === closed.tableId ? { ...t, unavailableSlots: [closed.slotId] } : t,
      ),
      previous: first.meetings,
    });
    const moved = rerun.meetings.find((m) => m.requestId === closed.requestId)!;
    expect(moved.slotId).toBe(closed.slotId);
    expect(moved.tableId).not.toBe(closed.tableId);
    expect(rerun.stability).toMatchObject({ confirmed: 2, retabled: 1, moved: 0, unplaced: 0 });
  });

  it("moves a confirmed meeting when a participant is no longer available, and only that one", () => {
    const base: SchedulingProblem = {
      slots: ["s1", "s2", "s3"],
      tables: [{ id: "t1" }],
      participants: everyone(["a", "b", "c"], ["s1", "s2", "s3"]),
      requests: [request("ab", "a", "b"), request("bc", "b", "c"), request("ac", "a", "c")],
    };
    const first = schedule(base);
    expect(first.meetingCount).toBe(3);
    const ab = first.meetings.find((m) => m.requestId === "ab")!;
    const rerun = schedule({
      ...base,
      participants: base.participants.map((p) =>
        p.id === "a"
          ? { ...p, availableSlots: p.availableSlots.filter((s) => s !== ab.slotId) }
          : p,
      ),
      previous: first.meetings,
    });
    expect(rerun.stability).toMatchObject({ confirmed: 3, kept: 2 });
    for (const meeting of first.meetings) {
      if (meeting.requestId !== "ab") expect(rerun.meetings).toContainEqual(meeting);
    }
  });

  it("refuses an input it cannot make sense of, saying what is wrong", () => {
    const base: SchedulingProblem = {
      slots: ["s"],
      tables: [{ id: "t" }],
      participants: everyone(["a", "b"], ["s"]),
      requests: [],
    };
    const invalid: [SchedulingProblem, RegExp][] = [
      [{ ...base, requests: [request("r", "a", "z")] }, /unknown participant "z"/],
      [{ ...base, requests: [request("r", "a", "a")] }, /a participant twice/],
      [{ ...base, requests: [request("r", "a", "b", 1.5)] }, /priority/],
      [{ ...base, requests: [request("r", "a", "b"), request("r", "b", "a")] }, /appears twice/],
      [{ ...base, participants: everyone(["a"], ["x"]) }, /unknown slot "x"/],
    ];
    for (const [problem, message] of invalid) {
      expect(() => scheduleMeetings(problem)).toThrow(SchedulingInputError);
      expect(() => scheduleMeetings(problem)).toThrow(message);
    }
  });
});

describe("the meeting scheduler against the exact optimum (small random events)", () => {
  it("reaches the optimum found by exhaustive search, and says it is proven", () => {
    fc.assert(
      fc.property(smallEvent, (problem) => {
        const result = schedule(problem);
        expect(result.totalPriority).toBe(exhaustiveOptimum(problem).totalPriority);
        expect(result.provenOptimal).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("without the exact step (the heuristic alone) stays valid and close to the optimum", () => {
    let optimal = 0;
    let achieved = 0;
    let best = 0;
    const runs = 300;
    fc.assert(
      fc.property(smallEvent, (problem) => {
        const result = schedule(problem, { exactUpTo: 0 });
        const optimum = exhaustiveOptimum(problem).totalPriority;
        expect(result.totalPriority).toBeLessThanOrEqual(optimum);
        if (result.totalPriority === optimum) optimal += 1;
        achieved += result.totalPriority;
        best += optimum;
      }),
      { numRuns: runs, seed: 7 },
    );
    console.info(
      `heuristic alone: optimal on ${optimal}/${runs} small events, ${((100 * achieved) / best).toFixed(2)}% of the optimal total`,
    );
    expect(optimal / runs).toBeGreaterThanOrEqual(0.95);
  });

  it("has an upper bound at least the optimum, each of its parts too", () => {
    fc.assert(
      fc.property(smallEvent, (problem) => {
        const optimum = exhaustiveOptimum(problem).totalPriority;
        const bound = boundMeetings(problem);
        expect(bound.bound).toBeGreaterThanOrEqual(optimum);
        for (const part of [bound.requests, bound.tables, bound.participants, bound.relaxation]) {
          expect(part).toBeGreaterThanOrEqual(optimum);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("re-running the scheduler after changes", () => {
  /** The meetings of `before` still feasible in `problem`: what "keep" pins. */
  const stillFeasible = (problem: SchedulingProblem, before: Schedule) =>
    before.meetings.filter((m) => findScheduleViolations(problem, [m]).length === 0);

  it("gives the same schedule for the same input", () => {
    fc.assert(
      fc.property(smallEvent, (problem) => {
        const first = schedule(problem);
        const again = schedule({ ...problem, previous: first.meetings });
        expect(again.meetings).toEqual(first.meetings);
        expect(again.stability.kept).toBe(first.meetingCount);
        expect(
          schedule({ ...problem, previous: first.meetings }, { confirmed: "move-if-better" })
            .meetings,
        ).toEqual(first.meetings);
      }),
      { numRuns: 200 },
    );
    for (const seed of [1, 2, 3]) {
      const problem = mediumEvent(seed);
      const first = schedule(problem);
      expect(schedule(problem).meetings).toEqual(first.meetings);
      expect(schedule({ ...problem, previous: first.meetings }).meetings).toEqual(first.meetings);
    }
  });

  it("moves no other meeting when a request is cancelled, and stays optimal around them", () => {
    fc.assert(
      fc.property(smallEvent, fc.nat(), (problem, pick) => {
        fc.pre(problem.requests.length > 0);
        const first = schedule(problem);
        const cancelled = problem.requests[pick % problem.requests.length]!.id;
        const changed = {
          ...problem,
          requests: problem.requests.filter((r) => r.id !== cancelled),
          previous: first.meetings,
        };
        const rerun = schedule(changed);
        for (const meeting of first.meetings) {
          if (meeting.requestId !== cancelled) expect(rerun.meetings).toContainEqual(meeting);
        }
        expect(rerun.stability.moved + rerun.stability.unplaced + rerun.stability.retabled).toBe(0);
        const pinned = first.meetings.filter((m) => m.requestId !== cancelled);
        expect(rerun.totalPriority).toBe(exhaustiveOptimum(changed, { pinned }).totalPriority);
      }),
      { numRuns: 200 },
    );
  });

  it("moves only the meetings a shrunk availability makes impossible", () => {
    fc.assert(
      fc.property(smallEvent, fc.nat(), fc.nat(), (problem, who, when) => {
        const first = schedule(problem);
        const participant = problem.participants[who % problem.participants.length]!;
        const lost = problem.slots[when % problem.slots.length]!;
        const changed = {
          ...problem,
          participants: problem.participants.map((p) =>
            p === participant
              ? { ...p, availableSlots: p.availableSlots.filter((s) => s !== lost) }
              : p,
          ),
          previous: first.meetings,
        };
        const rerun = schedule(changed);
        const pinned = stillFeasible(changed, first);
        for (const meeting of pinned) expect(rerun.meetings).toContainEqual(meeting);
        expect(rerun.stability.moved + rerun.stability.unplaced).toBe(
          first.meetingCount - pinned.length,
        );
        expect(rerun.totalPriority).toBe(exhaustiveOptimum(changed, { pinned }).totalPriority);
      }),
      { numRuns: 200 },
    );
  });

  it("places new requests around the confirmed meetings", () => {
    fc.assert(
      fc.property(smallEvent, fc.integer({ min: 1, max: 4 }), (problem, added) => {
        const kept = problem.requests.slice(0, Math.max(0, problem.requests.length - added));
        const first = schedule({ ...problem, requests: kept });
        const rerun = schedule({ ...problem, previous: first.meetings });
        for (const meeting of first.meetings) expect(rerun.meetings).toContainEqual(meeting);
        expect(rerun.totalPriority).toBe(
          exhaustiveOptimum(problem, { pinned: first.meetings }).totalPriority,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('with confirmed: "move-if-better", reaches the free optimum, keeping the most it can', () => {
    fc.assert(
      fc.property(smallEvent, fc.integer({ min: 1, max: 4 }), (problem, added) => {
        const kept = problem.requests.slice(0, Math.max(0, problem.requests.length - added));
        const first = schedule({ ...problem, requests: kept });
        const changed = { ...problem, previous: first.meetings };
        const rerun = schedule(changed, { confirmed: "move-if-better" });
        const optimum = exhaustiveOptimum(problem, { previous: first.meetings });
        expect(rerun.totalPriority).toBe(optimum.totalPriority);
        expect(rerun.stability.kept + rerun.stability.retabled).toBe(optimum.kept);
      }),
      { numRuns: 200 },
    );
  });

  it("on a medium event (heuristic path), a cancelled request moves no other meeting", () => {
    for (const seed of [4, 5]) {
      const problem = mediumEvent(seed);
      const first = schedule(problem);
      const cancelled = first.meetings[7]!.requestId;
      const rerun = schedule({
        ...problem,
        requests: problem.requests.filter((r) => r.id !== cancelled),
        previous: first.meetings,
      });
      expect(rerun.stability).toMatchObject({ moved: 0, unplaced: 0, retabled: 0, cancelled: 1 });
      expect(rerun.totalPriority).toBeGreaterThanOrEqual(first.totalPriority - 2);
      const bound = boundMeetings(problem, { achieved: first.totalPriority });
      expect(first.totalPriority / bound.bound).toBeGreaterThan(0.95);
    }
  });
});
