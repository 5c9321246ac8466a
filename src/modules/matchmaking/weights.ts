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
 * - evidence 0.10: deployments elsewhere (countries deployed) until verified references exist;
 *   a city buys what has worked somewhere.
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

/** A provider in the city's own country counts as a deployment there for geography. */
export const PROVIDER_IN_COUNTRY = 1;
/** A provider elsewhere in the region. */
export const PROVIDER_IN_REGION = 0.5;
