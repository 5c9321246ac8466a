import { describe, expect, it } from "vitest";
import { rankProposals } from "./ranking.ts";

/** The ranking formula against figures computed by hand (docs/procurement.md, "Ranking"). */
describe("ranking", () => {
  const criteria = [
    { id: "quality", weight: 50 },
    { id: "delivery", weight: 30 },
    { id: "price", weight: 20 },
  ];
  const score = (proposalId: string, criterionId: string, value: number) => ({
    proposalId,
    criterionId,
    score: value,
  });

  it("weighs each criterion's mean over the evaluators and totals on 0–100", () => {
    const rows = rankProposals({
      criteria,
      proposals: [
        { id: "p1", pseudonym: "A" },
        { id: "p2", pseudonym: "B" },
      ],
      scores: [
        // A: quality (8 + 6) / 2 = 7, delivery 9, price (5 + 6) / 2 = 5.5
        // total = 50 × 7 / 10 + 30 × 9 / 10 + 20 × 5.5 / 10 = 35 + 27 + 11 = 73
        score("p1", "quality", 8),
        score("p1", "quality", 6),
        score("p1", "delivery", 9),
        score("p1", "price", 5),
        score("p1", "price", 6),
        // B: quality 9, delivery (4 + 5 + 6) / 3 = 5, price 10
        // total = 45 + 15 + 20 = 80
        score("p2", "quality", 9),
        score("p2", "delivery", 4),
        score("p2", "delivery", 5),
        score("p2", "delivery", 6),
        score("p2", "price", 10),
      ],
    });
    expect(rows.map((row) => [row.pseudonym, row.total, row.rank])).toEqual([
      ["B", 80, 1],
      ["A", 73, 2],
    ]);
    expect(rows[1]!.criteria).toEqual([
      { criterionId: "quality", mean: 7, evaluators: 2 },
      { criterionId: "delivery", mean: 9, evaluators: 1 },
      { criterionId: "price", mean: 5.5, evaluators: 2 },
    ]);
  });

  it("gives equal totals the same rank (1, 1, 3), and leaves incomplete proposals unranked, last", () => {
    const all = (id: string, values: [number, number, number]) =>
      criteria.map((criterion, index) => score(id, criterion.id, values[index]!));
    const rows = rankProposals({
      criteria,
      proposals: [
        { id: "p1", pseudonym: "A" },
        { id: "p2", pseudonym: "B" },
        { id: "p3", pseudonym: "C" },
        { id: "p4", pseudonym: "D" },
      ],
      scores: [
        // C: 50 × 6 / 10 + 30 × 6 / 10 + 20 × 6 / 10 = 60; A: 40 + 12 + 8 = 60 (a tie)
        ...all("p3", [6, 6, 6]),
        ...all("p1", [8, 4, 4]),
        // B: 25 + 15 + 10 = 50
        ...all("p2", [5, 5, 5]),
        // D: no price score
        score("p4", "quality", 10),
        score("p4", "delivery", 10),
      ],
    });
    expect(rows.map((row) => [row.pseudonym, row.total, row.rank])).toEqual([
      ["A", 60, 1],
      ["C", 60, 1],
      ["B", 50, 3],
      ["D", null, null],
    ]);
    expect(rows[3]!.criteria[2]).toEqual({ criterionId: "price", mean: null, evaluators: 0 });
  });

  it("computes with means that are not whole numbers", () => {
    const rows = rankProposals({
      criteria: [
        { id: "a", weight: 33 },
        { id: "b", weight: 67 },
      ],
      proposals: [
        { id: "p1", pseudonym: "A" },
        { id: "p2", pseudonym: "B" },
      ],
      // A: 33 × 1/3 / 10 … built so the two sums differ only by rounding.
      scores: [
        score("p1", "a", 1),
        score("p1", "a", 0),
        score("p1", "a", 0),
        score("p1", "b", 1),
        score("p2", "a", 0),
        score("p2", "b", 1),
        score("p2", "b", 1),
        score("p2", "b", 1),
      ],
    });
    // A = 33 × (1/3) / 10 + 67 × 1 / 10 = 1.1 + 6.7 = 7.8; B = 0 + 6.7 = 6.7
    expect(rows.map((row) => [row.pseudonym, row.rank])).toEqual([
      ["A", 1],
      ["B", 2],
    ]);
    expect(rows[0]!.total).toBeCloseTo(7.8, 10);
  });
});
