import type { FactorExplanation } from "../contract.ts";

/** One factor's explanation, typed by its name. */
export const factor = <Name extends FactorExplanation["factor"]>(
  factors: FactorExplanation[],
  name: Name,
) => factors.find((item) => item.factor === name) as Extract<FactorExplanation, { factor: Name }>;
