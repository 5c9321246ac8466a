import { z } from "zod";
import { IsoDateTime, Uuid } from "../../core/http/contract.ts";
import { ProcurementModel } from "../challenges/contract.ts";
import { Bidder, BidderRef, ProposalCurrency } from "./contract.ts";

/**
 * The route advisor and the procurement plan: the answers that decide how a city buys, the
 * advice (a recommended model, the ranked alternatives, reasons and warnings as i18n keys with
 * parameters), and the plan a city applies to a draft challenge (chosen model, phases with
 * dates, PCP narrowing). Shared by the server and the web pages. See docs/procurement.md.
 */

export { ProcurementModel };

export const MODELS = ProcurementModel.options;

const Minor = z
  .number({ error: "must be a whole number of minor units (cents)" })
  .int("must be a whole number of minor units (cents)")
  .min(0, "must not be negative")
  .max(1e15, "is too large");

/**
 * The thresholds a city compares the estimated value with, in one currency. Defaults: the EU
 * thresholds of Directive 2014/24/EU for sub-central contracting authorities in force
 * 2026–2027 (Commission Delegated Regulations of 2025; €216,000 for supplies and services,
 * €5,404,000 for works), which also carry the WTO GPA commitments, and a low-value threshold of
 * €50,000 below which many cities' own rules allow a simplified award. The city sets its own.
 */
export const Thresholds = z
  .strictObject({
    currency: ProposalCurrency,
    lowValueMinor: Minor,
    suppliesServicesMinor: Minor,
    worksMinor: Minor,
  })
  .superRefine((value, context) => {
    if (value.lowValueMinor > value.suppliesServicesMinor) {
      context.addIssue({
        code: "custom",
        path: ["lowValueMinor"],
        message: "must not exceed the supplies and services threshold",
      });
    }
  });
export type Thresholds = z.infer<typeof Thresholds>;

export const DEFAULT_THRESHOLDS: Thresholds = {
  currency: "EUR",
  lowValueMinor: 5_000_000,
  suppliesServicesMinor: 21_600_000,
  worksMinor: 540_400_000,
};

export const MarketSolution = z.enum(["yes", "partly", "no"]);
export type MarketSolution = z.infer<typeof MarketSolution>;

export const ContractKind = z.enum(["supplies_services", "works"]);
export type ContractKind = z.infer<typeof ContractKind>;

/** The answers that decide the route. `trl` null: unknown; `estimatedValue` null: not known yet. */
export const AdvisorAnswers = z.strictObject({
  marketSolution: MarketSolution,
  trl: z.number().int().min(1, "must be 1–9").max(9, "must be 1–9").nullable(),
  estimatedValue: z.strictObject({ amountMinor: Minor, currency: ProposalCurrency }).nullable(),
  contractKind: ContractKind.default("supplies_services"),
  thresholds: Thresholds.default(DEFAULT_THRESHOLDS),
  rdNeeded: z.boolean(),
  buyAfterPilot: z.boolean(),
  needWellDefined: z.boolean(),
});
export type AdvisorAnswers = z.output<typeof AdvisorAnswers>;
export type AdvisorAnswersInput = z.input<typeof AdvisorAnswers>;

/** A text for the reader's language: an i18n key under `advisor.` and its parameters. */
export const AdvisorText = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type AdvisorText = z.infer<typeof AdvisorText>;

export const ModelAssessment = z.object({
  model: ProcurementModel,
  /** Whether the model's legal conditions can be met with these answers. */
  eligible: z.boolean(),
  /** 0–100: how well the model fits; the ranking's order among eligible models. */
  score: z.number().int(),
  /** For (`for`) or against (`against`) the model, in plain words. */
  reasons: z.array(AdvisorText.extend({ weight: z.enum(["for", "against", "excludes"]) })),
});
export type ModelAssessment = z.infer<typeof ModelAssessment>;

export const ValueBand = z.enum(["low", "below_eu", "above_eu", "unknown"]);
export type ValueBand = z.infer<typeof ValueBand>;

export const Advice = z
  .object({
    recommended: ProcurementModel,
    /** Every model, the recommended first: eligible ones by score, then the excluded ones. */
    ranking: z.array(ModelAssessment),
    valueBand: ValueBand,
    warnings: z.array(AdvisorText),
    /** The rule set's version, stored with a plan so later rule changes do not rewrite history. */
    rulesVersion: z.string(),
  })
  .meta({ id: "ProcurementAdvice" });
export type Advice = z.infer<typeof Advice>;

// The plan

/**
 * Where a phase sits in the challenge's timeline: tendering phases end by the proposal
 * deadline (`tender`) or by the award date (`assessment`); contract phases start at or after the
 * award date (`contract`).
 */
export const PhaseWindow = z.enum(["tender", "assessment", "contract"]);
export type PhaseWindow = z.infer<typeof PhaseWindow>;

export interface PhaseTemplate {
  key: string;
  window: PhaseWindow;
  /** Default length in days. */
  days: number;
  /** PCP only: how many bidders the phase admits by default. */
  maxBidders: number | null;
}

/** Each model's phases, in order (docs/procurement.md "Route advisor and plan"). */
export const PHASE_TEMPLATES: Record<ProcurementModel, PhaseTemplate[]> = {
  market_consultation: [
    { key: "consultation", window: "tender", days: 30, maxBidders: null },
    { key: "report", window: "assessment", days: 20, maxBidders: null },
  ],
  innovation_prize: [
    { key: "entries", window: "tender", days: 60, maxBidders: null },
    { key: "judging", window: "assessment", days: 30, maxBidders: null },
    { key: "award", window: "contract", days: 30, maxBidders: null },
  ],
  competitive_dialogue: [
    { key: "selection", window: "tender", days: 30, maxBidders: null },
    { key: "dialogue", window: "tender", days: 60, maxBidders: null },
    { key: "final_tenders", window: "tender", days: 30, maxBidders: null },
  ],
  pre_commercial: [
    { key: "solution_design", window: "contract", days: 90, maxBidders: 5 },
    { key: "prototype", window: "contract", days: 180, maxBidders: 3 },
    { key: "field_test", window: "contract", days: 270, maxBidders: 2 },
  ],
  innovation_partnership: [
    { key: "research_development", window: "contract", days: 270, maxBidders: null },
    { key: "validation", window: "contract", days: 90, maxBidders: null },
    { key: "purchase", window: "contract", days: 720, maxBidders: null },
  ],
  pilot_agreement: [
    { key: "pilot", window: "contract", days: 180, maxBidders: null },
    { key: "assessment", window: "contract", days: 30, maxBidders: null },
  ],
};

export const PLAN_MAX_BIDDERS = 50;

export const PhaseInput = z.strictObject({
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  /** Pre-commercial procurement only: at most this many bidders are admitted to the phase. */
  maxBidders: z.number().int().min(1).max(PLAN_MAX_BIDDERS).nullable().default(null),
});
export type PhaseInput = z.input<typeof PhaseInput>;

export const PlanTimeline = z.strictObject({
  questionDeadline: IsoDateTime,
  proposalDeadline: IsoDateTime,
  awardDate: IsoDateTime,
});
export type PlanTimeline = z.infer<typeof PlanTimeline>;

export const ProcurementPlanBody = z.strictObject({
  answers: AdvisorAnswers,
  chosenModel: ProcurementModel,
  /** Required when the chosen model is not the recommended one. */
  deviationReason: z.string().trim().max(2000).nullable().default(null),
  /** Left out: the challenge's deadlines as they are, or defaults from today. */
  timeline: PlanTimeline.optional(),
  /** Left out: the model's phases with default dates from the timeline. */
  phases: z.array(PhaseInput).max(10).optional(),
});
export type ProcurementPlanBody = z.input<typeof ProcurementPlanBody>;

export const PlanPhase = z.object({
  number: z.number().int(),
  key: z.string(),
  window: PhaseWindow,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  maxBidders: z.number().int().nullable(),
  /** Bidders admitted (PCP), once the city decided; null while undecided or for other models. */
  admission: z
    .object({
      bidders: z.array(Bidder),
      reason: z.string(),
      decidedAt: IsoDateTime,
    })
    .nullable(),
});
export type PlanPhase = z.infer<typeof PlanPhase>;

export const ProcurementPlan = z
  .object({
    challengeId: Uuid,
    model: ProcurementModel,
    /** The challenge's deadlines now (a draft may have cleared one since the plan was set). */
    timeline: z.object({
      questionDeadline: IsoDateTime.nullable(),
      proposalDeadline: IsoDateTime.nullable(),
      awardDate: IsoDateTime.nullable(),
    }),
    phases: z.array(PlanPhase),
    /** The answers, the advice and any deviation: the owning city's members and platform admins. */
    advisor: z
      .object({
        answers: AdvisorAnswers,
        advice: Advice,
        deviationReason: z.string().nullable(),
      })
      .nullable(),
    /** For the city while it may admit bidders to a phase: who may be admitted to it. */
    admissionCandidates: z.object({ phase: z.number().int(), bidders: z.array(Bidder) }).nullable(),
    /**
     * False when the challenge was changed after the plan was applied (another model, or
     * deadlines its phases no longer fit): apply the plan again.
     */
    inSync: z.boolean(),
    abilities: z.object({ edit: z.boolean(), admit: z.boolean() }),
    updatedAt: IsoDateTime,
  })
  .meta({ id: "ProcurementPlan" });
export type ProcurementPlan = z.infer<typeof ProcurementPlan>;

export const PhaseParams = z.strictObject({
  id: Uuid,
  n: z.coerce.number().int().min(1).max(10),
});

export const AdmissionBody = z.strictObject({
  bidders: z.array(BidderRef).min(1, "admit at least one bidder").max(PLAN_MAX_BIDDERS),
  reason: z.string().trim().min(10, "say why, in at least 10 characters").max(4000),
});
export type AdmissionBody = z.infer<typeof AdmissionBody>;
