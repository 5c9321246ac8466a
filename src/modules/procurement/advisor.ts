import type {
  Advice,
  AdvisorAnswers,
  AdvisorText,
  ModelAssessment,
  ProcurementModel,
  ValueBand,
} from "./contract-advisor.ts";
import { MODELS } from "./contract-advisor.ts";

/**
 * The route advisor: which procurement model fits a city's need, from the answers that decide it
 * under EU public procurement law (Directive 2014/24/EU). Pure and deterministic; every rule is
 * written out in docs/procurement.md "Route advisor and plan" with its legal ground.
 *
 * Each model is first checked against its legal conditions (excluded when they cannot be met),
 * then scored by how well it fits; the recommendation is the eligible model with the highest
 * score (ties: the order of `TIE_ORDER`, lighter procedures first). A market consultation is
 * never excluded: hearing the market (art. 40) is always lawful.
 */

export const RULES_VERSION = "2026-11-1";

/** Ties go to the lighter procedure: less burden for the city and for bidders. */
const TIE_ORDER: ProcurementModel[] = [
  "market_consultation",
  "pilot_agreement",
  "innovation_prize",
  "competitive_dialogue",
  "pre_commercial",
  "innovation_partnership",
];

type Reason = ModelAssessment["reasons"][number];

const text = (key: string, params: AdvisorText["params"] = {}): AdvisorText => ({ key, params });

/** Where the estimated value stands against the city's thresholds. */
export function valueBandOf(answers: AdvisorAnswers): ValueBand {
  const value = answers.estimatedValue;
  if (!value || value.currency !== answers.thresholds.currency) return "unknown";
  const eu =
    answers.contractKind === "works"
      ? answers.thresholds.worksMinor
      : answers.thresholds.suppliesServicesMinor;
  if (value.amountMinor >= eu) return "above_eu";
  if (value.amountMinor >= answers.thresholds.lowValueMinor) return "below_eu";
  return "low";
}

export function euThresholdOf(answers: AdvisorAnswers): number {
  return answers.contractKind === "works"
    ? answers.thresholds.worksMinor
    : answers.thresholds.suppliesServicesMinor;
}

/** Facts the rules read, derived once. */
interface Facts {
  answers: AdvisorAnswers;
  band: ValueBand;
  /** Known TRL of the best solutions, or null. */
  trl: number | null;
  /** Something close to deployable exists: TRL 7+ (system prototype in an operational setting). */
  nearMarket: boolean;
}

const forIt = (key: string, points: number, params: AdvisorText["params"] = {}) => ({
  ...text(key, params),
  weight: "for" as const,
  points,
});
const against = (key: string, points: number, params: AdvisorText["params"] = {}) => ({
  ...text(key, params),
  weight: "against" as const,
  points: -points,
});
const excludes = (key: string, params: AdvisorText["params"] = {}) => ({
  ...text(key, params),
  weight: "excludes" as const,
  points: 0,
});

type Scored = Reason & { points: number };

/** The rules per model. Points add up to the score; `excludes` makes the model ineligible. */
const RULES: Record<ProcurementModel, (facts: Facts) => { base: number; reasons: Scored[] }> = {
  // Art. 40: preliminary market consultation, always lawful; it buys nothing.
  market_consultation: ({ answers, trl }) => {
    const reasons: Scored[] = [];
    if (!answers.needWellDefined) reasons.push(forIt("consultation_shapes_need", 30));
    if (trl === null) reasons.push(forIt("consultation_learns_state_of_art", 20));
    if (answers.marketSolution === "partly") reasons.push(forIt("consultation_partial_market", 10));
    if (answers.needWellDefined && trl !== null) reasons.push(against("consultation_known", 20));
    if (answers.buyAfterPilot || answers.rdNeeded)
      reasons.push(against("consultation_buys_nothing", 10));
    return { base: 20, reasons };
  },
  // Prizes (inducement prizes; design contests, art. 78–82): reward a result, no purchase.
  innovation_prize: ({ answers, trl }) => {
    const reasons: Scored[] = [];
    if (answers.marketSolution !== "yes" && (answers.rdNeeded || trl === null || trl <= 6))
      reasons.push(forIt("prize_stimulates_new_solutions", 30));
    if (!answers.buyAfterPilot) reasons.push(forIt("prize_no_purchase_needed", 20));
    else reasons.push(against("prize_gives_no_contract", 40));
    if (!answers.needWellDefined) reasons.push(forIt("prize_outcome_not_solution", 10));
    if (answers.marketSolution === "yes") reasons.push(against("prize_market_exists", 20));
    return { base: 10, reasons };
  },
  // PCP: R&D services outside the directive (art. 14; COM(2007) 799), phased and competitive.
  pre_commercial: ({ answers, trl }) => {
    const reasons: Scored[] = [];
    if (!answers.rdNeeded) reasons.push(excludes("pcp_needs_rd"));
    if (answers.marketSolution === "yes") reasons.push(excludes("pcp_market_exists"));
    if (answers.marketSolution === "no") reasons.push(forIt("pcp_no_market_solution", 20));
    if (trl !== null && trl <= 6) reasons.push(forIt("pcp_room_for_rd", 15, { trl }));
    if (trl !== null && trl >= 8) reasons.push(against("pcp_too_mature", 20, { trl }));
    if (answers.buyAfterPilot) reasons.push(against("pcp_excludes_deployment", 15));
    else reasons.push(forIt("pcp_rd_only", 10));
    return { base: 40, reasons };
  },
  // Art. 31: R&D and the purchase of its result in one procedure, when the market has nothing.
  innovation_partnership: ({ answers, band }) => {
    const reasons: Scored[] = [];
    if (!answers.rdNeeded) reasons.push(excludes("partnership_needs_rd"));
    if (!answers.buyAfterPilot) reasons.push(excludes("partnership_needs_purchase"));
    if (answers.marketSolution === "yes") reasons.push(excludes("partnership_market_exists"));
    if (answers.needWellDefined) reasons.push(forIt("partnership_minimum_requirements", 15));
    else reasons.push(against("partnership_needs_minimum_requirements", 10));
    if (band === "above_eu") reasons.push(forIt("partnership_one_procedure", 10));
    if (band === "low") reasons.push(against("partnership_heavy_for_value", 20));
    if (answers.rdNeeded && answers.buyAfterPilot)
      reasons.push(forIt("partnership_develops_and_buys", 10));
    return { base: 50, reasons };
  },
  // Art. 30 on the grounds of art. 26(4): adapt available solutions, specify through dialogue.
  competitive_dialogue: ({ answers, band }) => {
    const reasons: Scored[] = [];
    if (answers.marketSolution === "no" && answers.rdNeeded)
      reasons.push(excludes("dialogue_cannot_develop"));
    if (!answers.needWellDefined) reasons.push(forIt("dialogue_specify_together", 30));
    if (answers.marketSolution === "partly") reasons.push(forIt("dialogue_adapts_solutions", 20));
    if (answers.rdNeeded) reasons.push(against("dialogue_not_for_rd", 20));
    else if (answers.marketSolution === "no")
      reasons.push(against("dialogue_nothing_to_adapt", 10));
    if (band === "above_eu") reasons.push(forIt("dialogue_complex_contract", 10));
    if (band === "low") reasons.push(against("dialogue_heavy_for_value", 20));
    if (answers.needWellDefined && answers.marketSolution === "yes")
      reasons.push(against("dialogue_open_procedure_fits", 30));
    if (!answers.buyAfterPilot) reasons.push(against("dialogue_awards_purchase", 10));
    return { base: 30, reasons };
  },
  // A pilot or testbed agreement tests something near market in the city, before buying.
  pilot_agreement: ({ answers, trl, nearMarket }) => {
    const reasons: Scored[] = [];
    if (answers.marketSolution === "no") reasons.push(excludes("pilot_needs_solution"));
    if (trl !== null && trl < 6) reasons.push(excludes("pilot_too_early", { trl }));
    if (answers.marketSolution !== "no" && nearMarket)
      reasons.push(forIt("pilot_near_market", 20, { trl: trl ?? 0 }));
    if (!answers.rdNeeded) reasons.push(forIt("pilot_no_rd", 10));
    else reasons.push(against("pilot_not_for_rd", 30));
    if (answers.buyAfterPilot) reasons.push(against("pilot_then_separate_purchase", 5));
    return { base: 30, reasons };
  },
};

/** The rules' facts: the band of the value and what the TRL says. */
function factsOf(answers: AdvisorAnswers): Facts {
  const trl = answers.trl;
  return {
    answers,
    band: valueBandOf(answers),
    trl,
    nearMarket: trl === null ? answers.marketSolution === "yes" : trl >= 7,
  };
}

function assess(model: ProcurementModel, facts: Facts): ModelAssessment {
  const { base, reasons } = RULES[model](facts);
  const eligible = !reasons.some((reason) => reason.weight === "excludes");
  const points = reasons.reduce((sum, reason) => sum + reason.points, base);
  return {
    model,
    eligible,
    score: eligible ? Math.max(0, Math.min(100, points)) : 0,
    // Exclusions first: they say why a model is out before anything else.
    reasons: [
      ...reasons.filter((reason) => reason.weight === "excludes"),
      ...reasons.filter((reason) => reason.weight === "for"),
      ...reasons.filter((reason) => reason.weight === "against"),
    ].map(({ key, params, weight }) => ({ key, params, weight })),
  };
}

/** Warnings about the answers and the value, whatever the model chosen. */
function generalWarnings(facts: Facts): AdvisorText[] {
  const { answers, band } = facts;
  const warnings: AdvisorText[] = [];
  const currency = answers.thresholds.currency;
  if (answers.estimatedValue === null) warnings.push(text("value_unknown"));
  else if (answers.estimatedValue.currency !== currency)
    warnings.push(
      text("value_currency_differs", { currency, valueCurrency: answers.estimatedValue.currency }),
    );
  if (band === "below_eu")
    warnings.push(
      text("value_below_eu", {
        lowValueMinor: answers.thresholds.lowValueMinor,
        euThresholdMinor: euThresholdOf(answers),
        currency,
      }),
    );
  if (band === "low")
    warnings.push(text("value_low", { lowValueMinor: answers.thresholds.lowValueMinor, currency }));
  if (answers.marketSolution === "yes" && answers.rdNeeded)
    warnings.push(text("answers_market_and_rd"));
  if (answers.marketSolution === "yes" && answers.trl !== null && answers.trl < 7)
    warnings.push(text("answers_market_and_low_trl", { trl: answers.trl }));
  if (answers.marketSolution === "yes" && answers.needWellDefined && !answers.rdNeeded)
    warnings.push(text("standard_procedure_fits"));
  return warnings;
}

/** Warnings that follow from applying a given model with these answers. */
export function modelWarnings(model: ProcurementModel, answers: AdvisorAnswers): AdvisorText[] {
  const band = valueBandOf(answers);
  const warnings: AdvisorText[] = [];
  const currency = answers.thresholds.currency;
  if (band === "above_eu") {
    const params = { euThresholdMinor: euThresholdOf(answers), currency };
    if (model === "pre_commercial") warnings.push(text("pcp_exempt_but_open", params));
    else if (model !== "market_consultation") warnings.push(text("advertise_eu", params));
  }
  if (model === "pre_commercial") {
    warnings.push(text("pcp_risk_benefit_sharing"));
    if (answers.buyAfterPilot) warnings.push(text("pcp_no_deployment_purchase"));
  }
  if (model === "market_consultation") warnings.push(text("consultation_then_procedure"));
  if (model === "innovation_prize" && answers.buyAfterPilot)
    warnings.push(text("prize_no_purchase"));
  if (model === "pilot_agreement" && answers.buyAfterPilot)
    warnings.push(text("pilot_purchase_separately"));
  if (model === "innovation_partnership") warnings.push(text("partnership_set_targets"));
  return warnings;
}

/** The advice: recommended model, every model ranked with its reasons, and the warnings. */
export function adviseRoute(answers: AdvisorAnswers): Advice {
  const facts = factsOf(answers);
  const assessments = MODELS.map((model) => assess(model, facts));
  const order = (model: ProcurementModel) => TIE_ORDER.indexOf(model);
  const ranking = [...assessments].sort(
    (a, b) =>
      Number(b.eligible) - Number(a.eligible) ||
      b.score - a.score ||
      order(a.model) - order(b.model),
  );
  const recommended = ranking[0]!.model;
  return {
    recommended,
    ranking,
    valueBand: facts.band,
    warnings: [...generalWarnings(facts), ...modelWarnings(recommended, answers)],
    rulesVersion: RULES_VERSION,
  };
}
