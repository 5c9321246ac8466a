import { describe, expect, it } from "vitest";
import { summaryOf } from "./commands/start-pilot.ts";
import { rankTeams } from "./ranking.ts";

describe("ranking arithmetic", () => {
  const criteria = [
    { id: "impact", weight: 50 },
    { id: "feasibility", weight: 30 },
    { id: "pitch", weight: 20 },
  ];
  const teams = [
    { id: "a", name: "Alpha" },
    { id: "b", name: "Beta" },
    { id: "c", name: "Gamma" },
    { id: "d", name: "Delta" },
  ];
  const row = (teamId: string, judgeId: string, scores: [number, number, number]) =>
    criteria.map((criterion, index) => ({
      teamId,
      judgeId,
      criterionId: criterion.id,
      score: scores[index]!,
    }));

  it("averages each counted judge's weighted score, shares ranks on ties, puts the unscored last", () => {
    const scores = [
      // Alpha: j1 0.5×8 + 0.3×6 + 0.2×10 = 7.8; j2 0.5×6 + 0.3×6 + 0.2×6 = 6 → 6.9.
      ...row("a", "j1", [8, 6, 10]),
      ...row("a", "j2", [6, 6, 6]),
      // Beta: j1 0.5×7 + 0.3×7 + 0.2×6 = 6.8, j2 7.0 → 6.9: a tie with Alpha.
      ...row("b", "j1", [7, 7, 6]),
      ...row("b", "j2", [7, 7, 7]),
      // Gamma: j3 is recused (not counted): only j1's 0.5×5 + 0.3×5 + 0.2×5 = 5.
      ...row("c", "j1", [5, 5, 5]),
      ...row("c", "j3", [10, 10, 10]),
      // Delta: a judge who scored one criterion only is not counted.
      { teamId: "d", judgeId: "j1", criterionId: "impact", score: 9 },
    ];
    const ranked = rankTeams({
      criteria,
      teams,
      scores,
      countedJudges: new Map([
        ["a", new Set(["j1", "j2"])],
        ["b", new Set(["j1", "j2"])],
        ["c", new Set(["j1"])],
        ["d", new Set(["j1"])],
      ]),
    });
    expect(
      ranked.map((entry) => [
        entry.teamId,
        entry.rank,
        entry.score === null ? null : Number(entry.score.toFixed(6)),
        entry.judgesCounted,
      ]),
    ).toEqual([
      ["a", 1, 6.9, 2],
      ["b", 1, 6.9, 2],
      ["c", 3, 5, 1],
      ["d", 4, null, 0],
    ]);
  });
});

describe("a solution's summary from a submission", () => {
  it("takes the first paragraph of at least ten characters as plain text", () => {
    expect(
      summaryOf(
        "# Boda\n\n**Battery swaps** at [depots](https://example.org), solar-charged.",
        "x",
      ),
    ).toBe("Battery swaps at depots, solar-charged.");
    expect(summaryOf("- battery swaps\n- solar depots", "x")).toBe("battery swaps solar depots");
    expect(summaryOf("Hi", "Built at the hackathon.")).toBe("Built at the hackathon.");
    expect(summaryOf("a".repeat(600), "x")).toHaveLength(498);
  });
});
