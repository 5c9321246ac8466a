import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adviseRoute, valueBandOf } from "./advisor.ts";
import {
  type AdvisorAnswers,
  DEFAULT_THRESHOLDS,
  type MarketSolution,
  MODELS,
  type ProcurementModel,
} from "./contract-advisor.ts";

const EUR = (euros: number) => ({ amountMinor: euros * 100, currency: "EUR" });

function answers(overrides: Partial<AdvisorAnswers> = {}): AdvisorAnswers {
  return {
    marketSolution: "no",
    trl: 4,
    estimatedValue: EUR(1_500_000),
    contractKind: "supplies_services",
    thresholds: DEFAULT_THRESHOLDS,
    rdNeeded: true,
    buyAfterPilot: false,
    needWellDefined: true,
    ...overrides,
  };
}

const keys = (texts: Array<{ key: string }>) => texts.map((text) => text.key);

/** Every point of the decision space, the value taken in each band and unknown. */
function decisionSpace(): AdvisorAnswers[] {
  const all: AdvisorAnswers[] = [];
  const markets: MarketSolution[] = ["yes", "partly", "no"];
  const trls = [null, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const values = [
    null,
    EUR(10_000),
    EUR(100_000),
    EUR(1_000_000),
    { amountMinor: 1, currency: "USD" },
  ];
  for (const marketSolution of markets)
    for (const trl of trls)
      for (const estimatedValue of values)
        for (const rdNeeded of [true, false])
          for (const buyAfterPilot of [true, false])
            for (const needWellDefined of [true, false])
              all.push(
                answers({
                  marketSolution,
                  trl,
                  estimatedValue,
                  rdNeeded,
                  buyAfterPilot,
                  needWellDefined,
                }),
              );
  return all;
}

const arbitraryAnswers: fc.Arbitrary<AdvisorAnswers> = fc.record({
  marketSolution: fc.constantFrom<MarketSolution>("yes", "partly", "no"),
  trl: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
  estimatedValue: fc.option(
    fc.record({
      amountMinor: fc.integer({ min: 0, max: 2_000_000_000 }),
      currency: fc.constantFrom("EUR", "DKK"),
    }),
    { nil: null },
  ),
  contractKind: fc.constantFrom("supplies_services" as const, "works" as const),
  thresholds: fc.constant(DEFAULT_THRESHOLDS),
  rdNeeded: fc.boolean(),
  buyAfterPilot: fc.boolean(),
  needWellDefined: fc.boolean(),
});

describe("route advisor: the decision table", () => {
  const cases: Array<[string, Partial<AdvisorAnswers>, ProcurementModel]> = [
    [
      "R&D, nothing on the market, no purchase after: pre-commercial procurement (art. 14)",
      { marketSolution: "no", trl: 3, rdNeeded: true, buyAfterPilot: false },
      "pre_commercial",
    ],
    [
      "R&D and the purchase of its result, nothing on the market: innovation partnership (art. 31)",
      { marketSolution: "no", trl: 3, rdNeeded: true, buyAfterPilot: true },
      "innovation_partnership",
    ],
    [
      "solutions to adapt, a need that cannot be specified, a purchase: competitive dialogue (art. 30)",
      {
        marketSolution: "partly",
        trl: 7,
        rdNeeded: false,
        buyAfterPilot: true,
        needWellDefined: false,
      },
      "competitive_dialogue",
    ],
    [
      "a mature solution to try in the city first: pilot agreement",
      {
        marketSolution: "yes",
        trl: 9,
        rdNeeded: false,
        buyAfterPilot: true,
        needWellDefined: true,
      },
      "pilot_agreement",
    ],
    [
      "nothing known, nothing defined: hear the market first (art. 40)",
      {
        marketSolution: "partly",
        trl: null,
        rdNeeded: false,
        buyAfterPilot: false,
        needWellDefined: false,
      },
      "market_consultation",
    ],
    [
      "R&D, no purchase, an outcome rather than a specification: a prize beats PCP only when PCP is out",
      {
        marketSolution: "partly",
        trl: 5,
        rdNeeded: false,
        buyAfterPilot: false,
        needWellDefined: true,
      },
      "innovation_prize",
    ],
  ];
  it.each(cases)("%s", (_name, overrides, expected) => {
    const advice = adviseRoute(answers(overrides));
    expect(advice.recommended).toBe(expected);
    expect(advice.ranking[0]!.model).toBe(expected);
    expect(advice.ranking[0]!.reasons.some((reason) => reason.weight === "for")).toBe(true);
  });

  it("explains an excluded model with the legal condition it cannot meet", () => {
    const advice = adviseRoute(answers({ rdNeeded: false, marketSolution: "yes", trl: 9 }));
    const pcp = advice.ranking.find((entry) => entry.model === "pre_commercial")!;
    expect(pcp.eligible).toBe(false);
    expect(pcp.score).toBe(0);
    expect(keys(pcp.reasons.filter((r) => r.weight === "excludes"))).toEqual([
      "pcp_needs_rd",
      "pcp_market_exists",
    ]);
    const partnership = advice.ranking.find((entry) => entry.model === "innovation_partnership")!;
    expect(keys(partnership.reasons)).toContain("partnership_needs_rd");
  });

  it("warns that a PCP excludes the deployment purchase when the city wants to buy", () => {
    const answered = answers({ marketSolution: "no", trl: 3, buyAfterPilot: true });
    const advice = adviseRoute({
      ...answered,
      needWellDefined: false,
      estimatedValue: EUR(60_000),
    });
    const pcp = advice.ranking.find((entry) => entry.model === "pre_commercial")!;
    expect(keys(pcp.reasons)).toContain("pcp_excludes_deployment");
    const pcpAdvice = adviseRoute(answers({ buyAfterPilot: false }));
    expect(pcpAdvice.recommended).toBe("pre_commercial");
    expect(keys(pcpAdvice.warnings)).toContain("pcp_risk_benefit_sharing");
  });

  it("says what the value means against the thresholds, with the figures", () => {
    const above = adviseRoute(
      answers({
        marketSolution: "partly",
        trl: 7,
        rdNeeded: false,
        buyAfterPilot: true,
        needWellDefined: false,
        estimatedValue: EUR(500_000),
      }),
    );
    expect(above.valueBand).toBe("above_eu");
    expect(above.warnings).toContainEqual({
      key: "advertise_eu",
      params: { euThresholdMinor: 21_600_000, currency: "EUR" },
    });
    const pcpAbove = adviseRoute(answers({ estimatedValue: EUR(500_000) }));
    expect(keys(pcpAbove.warnings)).toContain("pcp_exempt_but_open");
    expect(keys(pcpAbove.warnings)).not.toContain("advertise_eu");
    expect(keys(adviseRoute(answers({ estimatedValue: EUR(100_000) })).warnings)).toContain(
      "value_below_eu",
    );
    expect(keys(adviseRoute(answers({ estimatedValue: EUR(10_000) })).warnings)).toContain(
      "value_low",
    );
    expect(keys(adviseRoute(answers({ estimatedValue: null })).warnings)).toContain(
      "value_unknown",
    );
    const dkk = adviseRoute(answers({ estimatedValue: { amountMinor: 100, currency: "DKK" } }));
    expect(dkk.valueBand).toBe("unknown");
    expect(dkk.warnings).toContainEqual({
      key: "value_currency_differs",
      params: { currency: "EUR", valueCurrency: "DKK" },
    });
  });

  it("compares works with the works threshold, and the city's own thresholds when set", () => {
    const works = answers({ contractKind: "works", estimatedValue: EUR(1_000_000) });
    expect(valueBandOf(works)).toBe("below_eu");
    expect(valueBandOf({ ...works, contractKind: "supplies_services" })).toBe("above_eu");
    const own = {
      ...works,
      thresholds: {
        currency: "DKK",
        lowValueMinor: 50_000_000,
        suppliesServicesMinor: 161_000_000,
        worksMinor: 4_000_000_000,
      },
      estimatedValue: { amountMinor: 60_000_000, currency: "DKK" },
    };
    expect(valueBandOf(own)).toBe("below_eu");
    expect(valueBandOf({ ...own, estimatedValue: { amountMinor: 100, currency: "DKK" } })).toBe(
      "low",
    );
  });

  it("flags answers that contradict each other", () => {
    const advice = adviseRoute(answers({ marketSolution: "yes", trl: 4, rdNeeded: true }));
    expect(keys(advice.warnings)).toEqual(
      expect.arrayContaining(["answers_market_and_rd", "answers_market_and_low_trl"]),
    );
    const standard = adviseRoute(
      answers({ marketSolution: "yes", trl: 9, rdNeeded: false, needWellDefined: true }),
    );
    expect(keys(standard.warnings)).toContain("standard_procedure_fits");
  });
});

describe("route advisor: over the whole decision space", () => {
  const space = decisionSpace();

  it(`covers ${space.length} answers: a recommendation, eligible, first of a full ranking`, () => {
    expect(space.length).toBe(3 * 10 * 5 * 2 * 2 * 2);
    for (const answered of space) {
      const advice = adviseRoute(answered);
      expect(advice.ranking.map((entry) => entry.model).sort()).toEqual([...MODELS].sort());
      expect(advice.ranking[0]!.model).toBe(advice.recommended);
      expect(advice.ranking[0]!.eligible).toBe(true);
      // Eligible first, each group by score.
      const eligible = advice.ranking.filter((entry) => entry.eligible);
      expect(advice.ranking.slice(0, eligible.length)).toEqual(eligible);
      for (let i = 1; i < eligible.length; i++)
        expect(eligible[i - 1]!.score).toBeGreaterThanOrEqual(eligible[i]!.score);
      for (const entry of advice.ranking) {
        expect(entry.score).toBeGreaterThanOrEqual(0);
        expect(entry.score).toBeLessThanOrEqual(100);
        expect(entry.reasons.length).toBeGreaterThan(0);
        expect(entry.eligible).toBe(!entry.reasons.some((reason) => reason.weight === "excludes"));
      }
    }
  });

  it("recommends every model somewhere in the space", () => {
    const seen = new Set(space.map((answered) => adviseRoute(answered).recommended));
    expect([...seen].sort()).toEqual([...MODELS].sort());
  });
});

describe("route advisor: properties", () => {
  it("R&D needed and no market solution never recommends a market purchase model", () => {
    fc.assert(
      fc.property(arbitraryAnswers, (answered) => {
        fc.pre(answered.rdNeeded && answered.marketSolution === "no");
        const { recommended } = adviseRoute(answered);
        expect(["pilot_agreement", "competitive_dialogue"]).not.toContain(recommended);
      }),
    );
  });

  it("without R&D, never an R&D procedure (PCP's art. 14 exemption, art. 31's development)", () => {
    fc.assert(
      fc.property(arbitraryAnswers, (answered) => {
        fc.pre(!answered.rdNeeded);
        expect(["pre_commercial", "innovation_partnership"]).not.toContain(
          adviseRoute(answered).recommended,
        );
      }),
    );
  });

  it("an innovation partnership only when R&D and a purchase are both wanted", () => {
    fc.assert(
      fc.property(arbitraryAnswers, (answered) => {
        if (adviseRoute(answered).recommended === "innovation_partnership") {
          expect(answered.rdNeeded && answered.buyAfterPilot).toBe(true);
          expect(answered.marketSolution).not.toBe("yes");
        }
      }),
    );
  });

  it("above the EU threshold, every buying model carries an advertising warning", () => {
    fc.assert(
      fc.property(arbitraryAnswers, (answered) => {
        const advice = adviseRoute(answered);
        if (advice.valueBand === "above_eu" && advice.recommended !== "market_consultation") {
          expect(keys(advice.warnings)).toEqual(
            expect.arrayContaining([
              advice.recommended === "pre_commercial" ? "pcp_exempt_but_open" : "advertise_eu",
            ]),
          );
        }
        if (advice.valueBand !== "above_eu") {
          expect(keys(advice.warnings)).not.toContain("advertise_eu");
        }
      }),
    );
  });

  it("a PCP recommended to a city that wants to buy says to pair it with a later procurement", () => {
    fc.assert(
      fc.property(arbitraryAnswers, (answered) => {
        const advice = adviseRoute(answered);
        if (advice.recommended === "pre_commercial" && answered.buyAfterPilot) {
          expect(keys(advice.warnings)).toContain("pcp_no_deployment_purchase");
        }
      }),
    );
  });

  it("is deterministic and does not depend on the value's currency when it is unknown", () => {
    fc.assert(
      fc.property(arbitraryAnswers, (answered) => {
        expect(adviseRoute(answered)).toEqual(adviseRoute(structuredClone(answered)));
      }),
    );
  });
});
