import type { NeedWeights } from "../catalogue/index.ts";

/**
 * How much each factor counts in a recommendation's score (the weights sum to 1). The reasons,
 * in order of weight:
 *
 * - capabilities 0.35: what a city needs done is the surest sign of a fit; it is stated in the
 *   taxonomy's codes, so it cannot be fooled by a shared word ("heat" island vs. heat network).
 *   When a city names no capability, the ones its text names are used instead.
 * - text 0.30: the words of the challenge, and the synonyms of the capabilities it names, in the
 *   solution's title, summary, capabilities and description: catches what codes miss (a
 *   solution without codes, a need stated only in prose).
 * - sectors 0.10: a coarse check on the same field of work; most candidates share one already.
 * - trl 0.10: readiness against the challenge's minimum; below it a solution is left out unless
 *   asked for, so among those shown this mostly rewards maturity when no minimum is set.
 * - evidence 0.10: deployments elsewhere (countries listed, and cities that verified a reference,
 *   each worth two: a city vouching is stronger than a claim); a city buys what has worked somewhere.
 * - geography 0.05: a deployment or provider in the city's country or region helps (support,
 *   regulation, climate), but must never outweigh what the solution does.
 */
export const RECOMMENDATION_WEIGHTS: NeedWeights = {
  capabilities: 0.35,
  text: 0.3,
  sectors: 0.1,
  trl: 0.1,
  evidence: 0.1,
  geography: 0.05,
};

/**
 * When the city named no capability, the required ones are the matcher's reading of its text:
 * a guess should not outweigh the text it was read from, so capabilities count for less and
 * the text for more.
 */
export const INFERRED_RECOMMENDATION_WEIGHTS: NeedWeights = {
  ...RECOMMENDATION_WEIGHTS,
  capabilities: 0.2,
  text: 0.45,
};

/** The weights for a need: the city's own capabilities, or ones read from its text. */
export function weightsFor(requirements: Array<{ inferred: boolean }>): NeedWeights {
  return requirements.some((requirement) => requirement.inferred)
    ? INFERRED_RECOMMENDATION_WEIGHTS
    : RECOMMENDATION_WEIGHTS;
}

/** A provider in the city's own country counts as a deployment there for geography. */
export const PROVIDER_IN_COUNTRY = 1;
/** A provider elsewhere in the region. */
export const PROVIDER_IN_REGION = 0.5;

/**
 * Challenges for a solution: the same factors seen from the provider's side, less evidence
 * (the solution's own deployments are the same for every challenge, so they cannot rank them).
 * Capabilities weigh more (0.40) because a challenge's required codes are the city's own words
 * for what it will buy; text 0.35; sectors, readiness 0.10 each; place 0.05.
 */
export const OFFER_WEIGHTS = {
  capabilities: 0.4,
  text: 0.35,
  sectors: 0.1,
  trl: 0.1,
  geography: 0.05,
};

/**
 * Similar challenges of other cities: the same need is the same required capabilities first
 * (0.55; a code and the codes below it count as one need), then the same words (0.30), then the
 * same sectors (0.15). Shown from 0.35 up: below that they share a sector and a word or two.
 */
export const LIKENESS_WEIGHTS = { capabilities: 0.55, text: 0.3, sectors: 0.15 };
export const LIKENESS_THRESHOLD = 0.35;
