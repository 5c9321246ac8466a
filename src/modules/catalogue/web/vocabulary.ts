import { sectors } from "../../challenges/web/vocabulary.ts";
import type { ProviderKind, Sector, SolutionSort } from "../contract.ts";

/**
 * The contract's enums as plain lists, in the order pages show them, so pages do not ship the
 * zod runtime; the checks below fail to compile if the contract gains a value. Sectors are the
 * challenges' list: a solution answers a challenge's sector.
 */
export { sectors };

export const providerKinds = [
  "company",
  "research",
  "cluster",
] as const satisfies readonly ProviderKind[];

export const solutionSorts = [
  "relevance",
  "newest",
  "trl",
] as const satisfies readonly SolutionSort[];

/** Technology readiness levels, 1 (basic principles) to 9 (proven in operation). */
export const trlLevels = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;
export const everyValueListed: [
  Missing<Sector, (typeof sectors)[number]>,
  Missing<ProviderKind, (typeof providerKinds)[number]>,
  Missing<SolutionSort, (typeof solutionSorts)[number]>,
] = [true, true, true];

export const isSector = (value: unknown): value is Sector =>
  (sectors as readonly unknown[]).includes(value);
export const isProviderKind = (value: unknown): value is ProviderKind =>
  (providerKinds as readonly unknown[]).includes(value);
export const isSolutionSort = (value: unknown): value is SolutionSort =>
  (solutionSorts as readonly unknown[]).includes(value);
