import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY } from "../../core/clock.ts";
import { type ChallengeStatus, ProcurementModel } from "./contract.ts";
import {
  availableTransitions,
  coCreationOpen,
  type LifecycleFacts,
  nextStatuses,
  questionsOpen,
  refuseTransition,
  statusesOf,
  terminalStatuses,
} from "./lifecycle.ts";

const now = new Date("2026-03-01T12:00:00Z");

function facts(overrides: Partial<LifecycleFacts> = {}): LifecycleFacts {
  return {
    procurementModel: "pre_commercial",
    status: "draft",
    title: "Cloudburst management",
    summary: "Keep the streets dry when the sky opens.",
    description: "A long enough description of what the city needs.",
    sectors: ["adaptation"],
    contacts: [{ name: "Ana", email: "ana@example.org" }],
    questionDeadline: new Date(now.getTime() + 10 * DAY),
    proposalDeadline: new Date(now.getTime() + 30 * DAY),
    awardDate: new Date(now.getTime() + 60 * DAY),
    ...overrides,
  };
}

describe("the lifecycle per procurement model", () => {
  it("ends a market consultation after evaluation, with no award", () => {
    expect(statusesOf("market_consultation").sort()).toEqual(
      ["cancelled", "draft", "evaluation", "published"].sort(),
    );
    expect(nextStatuses("market_consultation", "evaluation")).toEqual(["cancelled"]);
  });

  it("lets a prize and a competitive dialogue go from awarded to implemented", () => {
    expect(nextStatuses("innovation_prize", "awarded")).toContain("implemented");
    expect(statusesOf("innovation_prize")).not.toContain("piloting");
    expect(nextStatuses("competitive_dialogue", "awarded")).toContain("implemented");
  });

  it("makes pre-commercial procurement, partnerships and pilot agreements pilot first", () => {
    for (const model of ["pre_commercial", "innovation_partnership", "pilot_agreement"] as const) {
      expect(nextStatuses(model, "awarded")).toEqual(["piloting", "cancelled"]);
      expect(nextStatuses(model, "piloting")).toEqual(["implemented", "cancelled"]);
    }
  });

  it("never cancels a draft (it is simply not published)", () => {
    for (const model of ProcurementModel.options) {
      expect(nextStatuses(model, "draft")).toEqual(["published"]);
    }
  });

  it("no path reaches a status the model does not have; terminal statuses stay terminal", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ProcurementModel.options),
        fc.array(fc.nat(), { maxLength: 12 }),
        (model, choices) => {
          const has = statusesOf(model);
          let status: ChallengeStatus = "draft";
          const seen: ChallengeStatus[] = [status];
          for (const choice of choices) {
            const next = nextStatuses(model, status);
            if (terminalStatuses.includes(status)) expect(next).toEqual([]);
            if (next.length === 0) break;
            status = next[choice % next.length]!;
            seen.push(status);
          }
          for (const visited of seen) expect(has).toContain(visited);
          // Once left, draft is never seen again: a published challenge stays public.
          expect(seen.lastIndexOf("draft")).toBe(0);
        },
      ),
    );
  });

  it("every model can reach a terminal status from every one of its statuses", () => {
    for (const model of ProcurementModel.options) {
      for (const status of statusesOf(model)) {
        const queue: ChallengeStatus[] = [status];
        const reached = new Set<ChallengeStatus>();
        while (queue.length > 0) {
          const current = queue.shift()!;
          if (reached.has(current)) continue;
          reached.add(current);
          queue.push(...nextStatuses(model, current));
        }
        const ends = [...reached].filter(
          (candidate) =>
            terminalStatuses.includes(candidate) ||
            (model === "market_consultation" && candidate === "evaluation"),
        );
        expect(ends.length, `${model} from ${status}`).toBeGreaterThan(0);
      }
    }
  });
});

describe("the guards", () => {
  it("publishes a complete challenge with future, ordered deadlines", () => {
    expect(refuseTransition(facts(), "published", now)).toBeNull();
  });

  it("refuses to publish with a past or missing deadline, or out of order", () => {
    expect(
      refuseTransition(facts({ questionDeadline: new Date(now.getTime() - DAY) }), "published", now)
        ?.code,
    ).toBe("deadlines_invalid");
    expect(refuseTransition(facts({ awardDate: null }), "published", now)?.errors).toEqual([
      { field: "body.timeline.awardDate", message: "is required" },
    ]);
    const swapped = facts({
      questionDeadline: new Date(now.getTime() + 40 * DAY),
      proposalDeadline: new Date(now.getTime() + 30 * DAY),
    });
    expect(refuseTransition(swapped, "published", now)?.errors[0]?.field).toBe(
      "body.timeline.proposalDeadline",
    );
  });

  it("refuses to publish an incomplete challenge", () => {
    const refusal = refuseTransition(facts({ contacts: [], description: "" }), "published", now);
    expect(refusal?.code).toBe("challenge_incomplete");
    expect(refusal?.errors.map((error) => error.field)).toEqual([
      "body.description",
      "body.contacts",
    ]);
  });

  it("starts evaluation only after the proposal deadline", () => {
    const published = facts({ status: "published" });
    expect(refuseTransition(published, "evaluation", now)?.code).toBe(
      "proposal_deadline_not_passed",
    );
    const later = new Date(published.proposalDeadline!.getTime() + 1);
    expect(refuseTransition(published, "evaluation", later)).toBeNull();
    expect(availableTransitions(published, now)).toEqual(["cancelled"]);
    expect(availableTransitions(published, later)).toEqual(["evaluation", "cancelled"]);
  });

  it("cancels only with a reason", () => {
    const published = facts({ status: "published" });
    expect(refuseTransition(published, "cancelled", now)?.code).toBe("reason_required");
    expect(refuseTransition(published, "cancelled", now, "Budget withdrawn")).toBeNull();
  });

  it("opens questions and the board during consultation only", () => {
    const published = facts({ status: "published" });
    expect(questionsOpen(published, now)).toBe(true);
    const afterQuestions = new Date(published.questionDeadline!.getTime());
    expect(questionsOpen(published, afterQuestions)).toBe(false);
    expect(coCreationOpen(published, afterQuestions)).toBe(false);
    const consultation = facts({ status: "published", procurementModel: "market_consultation" });
    expect(coCreationOpen(consultation, afterQuestions)).toBe(true);
    expect(coCreationOpen(consultation, consultation.proposalDeadline!)).toBe(false);
    expect(coCreationOpen(facts(), now)).toBe(false);
  });
});
