import type { BadgeTone } from "../../../ui/components/Badge.tsx";
import type { ChallengeStatus, ProcurementModel, Sector } from "../contract.ts";

/**
 * The contract's enums as plain lists, in the order pages show them, so pages do not ship the
 * zod runtime; the checks below fail to compile if the contract gains a value.
 */
export const sectors = [
  "energy",
  "buildings",
  "mobility",
  "waste",
  "water",
  "adaptation",
  "air",
  "food",
  "finance",
  "data",
] as const satisfies readonly Sector[];

export const procurementModels = [
  "market_consultation",
  "innovation_prize",
  "pre_commercial",
  "innovation_partnership",
  "competitive_dialogue",
  "pilot_agreement",
] as const satisfies readonly ProcurementModel[];

export const challengeStatuses = [
  "draft",
  "published",
  "evaluation",
  "awarded",
  "piloting",
  "implemented",
  "cancelled",
] as const satisfies readonly ChallengeStatus[];

type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;
export const everyValueListed: [
  Missing<Sector, (typeof sectors)[number]>,
  Missing<ProcurementModel, (typeof procurementModels)[number]>,
  Missing<ChallengeStatus, (typeof challengeStatuses)[number]>,
] = [true, true, true];

export const isSector = (value: unknown): value is Sector =>
  (sectors as readonly unknown[]).includes(value);
export const isProcurementModel = (value: unknown): value is ProcurementModel =>
  (procurementModels as readonly unknown[]).includes(value);
export const isPublicStatus = (value: unknown): value is Exclude<ChallengeStatus, "draft"> =>
  value !== "draft" && (challengeStatuses as readonly unknown[]).includes(value);

export const statusTone: Record<ChallengeStatus, BadgeTone> = {
  draft: "neutral",
  published: "success",
  evaluation: "info",
  awarded: "info",
  piloting: "info",
  implemented: "success",
  cancelled: "danger",
};
