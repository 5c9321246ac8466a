import { z } from "zod";
import { IsoDateTime, Uuid } from "../../core/http/contract.ts";
import { Sector } from "../challenges/contract.ts";
import { CountryCode, OrganisationKind, OrganisationSummary } from "../organisations/contract.ts";

/** Request and response schemas of the funding routes (shared by server and web). */

const plainString = () =>
  z.string().refine((value) => !value.includes("\u0000"), "must not contain NUL characters");

export const Instrument = z.enum(["grant", "loan", "guarantee", "equity", "prize", "ppp"]);
export type Instrument = z.infer<typeof Instrument>;

const IsoDay = z.iso.date({ error: "must be a date (YYYY-MM-DD)" });
const Currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "must be a three-letter ISO 4217 currency code");
const Minor = z
  .number({ error: "must be a whole number of minor units" })
  .int("must be a whole number of minor units")
  .min(0, "must not be negative")
  .max(Number.MAX_SAFE_INTEGER, "is too large");
const Percent = z
  .number({ error: "must be a percentage" })
  .min(0, "must not be negative")
  .max(100, "must be at most 100");
const Trl = z
  .number({ error: "must be a TRL from 1 to 9" })
  .int("must be a TRL from 1 to 9")
  .min(1, "must be a TRL from 1 to 9")
  .max(9, "must be a TRL from 1 to 9");
const Count = (most: number) =>
  z
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(most, `must be at most ${most}`);

/** A source's own fields (the bundle names its funder by ref instead of `funderId`). */
export const FundingSourceFields = {
  title: plainString().trim().min(3, "must name the source").max(200, "is too long"),
  programme: plainString().trim().min(2, "must name the programme").max(200, "is too long"),
  instrument: Instrument,
  summary: plainString().trim().max(5_000, "is too long").default(""),
  minAmountMinor: Minor.nullable().default(null),
  maxAmountMinor: Minor.nullable().default(null),
  currency: Currency,
  coFinancingRate: Percent.nullable().default(null),
  eligibleKinds: z.array(OrganisationKind).max(6).default([]),
  eligibleCountries: z.array(CountryCode).max(250).default([]),
  eligibleRegions: z
    .array(plainString().trim().min(2, "must name a region").max(80, "is too long"))
    .max(20)
    .default([]),
  sectors: z.array(Sector).max(20).default([]),
  minTrl: Trl.nullable().default(null),
  maxTrl: Trl.nullable().default(null),
  opensOn: IsoDay.nullable().default(null),
  /** Null: rolling. */
  closesOn: IsoDay.nullable().default(null),
  link: z
    .url({ protocol: /^https?$/, error: "must be an http(s) address" })
    .max(500, "is too long")
    .nullable()
    .default(null),
  minPartners: Count(100).nullable().default(null),
  minCountries: Count(50).nullable().default(null),
  minSmallCompanyShare: Percent.nullable().default(null),
};

type Bounds = {
  minAmountMinor?: number | null;
  maxAmountMinor?: number | null;
  minTrl?: number | null;
  maxTrl?: number | null;
  opensOn?: string | null;
  closesOn?: string | null;
};
const ordered = (low: number | string | null | undefined, high: typeof low) =>
  low === null || low === undefined || high === null || high === undefined || low <= high;

export function boundsInOrder(body: Bounds, issues: z.core.$RefinementCtx) {
  if (!ordered(body.minAmountMinor, body.maxAmountMinor)) {
    issues.addIssue({
      code: "custom",
      path: ["maxAmountMinor"],
      message: "must not be below the minimum",
    });
  }
  if (!ordered(body.minTrl, body.maxTrl)) {
    issues.addIssue({
      code: "custom",
      path: ["maxTrl"],
      message: "must not be below the minimum TRL",
    });
  }
  if (!ordered(body.opensOn, body.closesOn)) {
    issues.addIssue({
      code: "custom",
      path: ["closesOn"],
      message: "must not be before the opening",
    });
  }
}

export const CreateSourceBody = z
  .strictObject({ funderId: Uuid, ...FundingSourceFields })
  .superRefine(boundsInOrder);
export type CreateSourceBody = z.input<typeof CreateSourceBody>;
export type SourceContent = z.output<typeof CreateSourceBody>;

const optionalFields = Object.fromEntries(
  Object.entries(FundingSourceFields).map(([name, schema]) => [
    name,
    (schema instanceof z.ZodDefault ? schema.unwrap() : schema).optional(),
  ]),
) as unknown as {
  [K in keyof typeof FundingSourceFields]: z.ZodOptional<
    z.ZodType<z.output<(typeof FundingSourceFields)[K]>>
  >;
};

/** Every field optional; the funder never changes. */
export const UpdateSourceBody = z.strictObject(optionalFields).superRefine(boundsInOrder);
export type UpdateSourceBody = z.input<typeof UpdateSourceBody>;

export const FundingSource = z
  .object({
    id: Uuid,
    funder: OrganisationSummary,
    title: z.string(),
    programme: z.string(),
    instrument: Instrument,
    summary: z.string(),
    minAmountMinor: z.number().int().nullable(),
    maxAmountMinor: z.number().int().nullable(),
    currency: z.string(),
    coFinancingRate: z.number().nullable(),
    eligibleKinds: z.array(OrganisationKind),
    eligibleCountries: z.array(z.string()),
    eligibleRegions: z.array(z.string()),
    sectors: z.array(Sector),
    minTrl: z.number().int().nullable(),
    maxTrl: z.number().int().nullable(),
    opensOn: z.string().nullable(),
    closesOn: z.string().nullable(),
    link: z.string().nullable(),
    minPartners: z.number().int().nullable(),
    minCountries: z.number().int().nullable(),
    minSmallCompanyShare: z.number().nullable(),
    /** Open for applications on the platform's today. */
    open: z.boolean(),
    updatedAt: IsoDateTime,
    /** Whether the caller follows it (false for anonymous callers). */
    followed: z.boolean(),
    abilities: z.object({ edit: z.boolean(), follow: z.boolean() }),
  })
  .meta({ id: "FundingSource" });
export type FundingSource = z.infer<typeof FundingSource>;

export const SourceFilters = z.strictObject({
  instrument: Instrument.optional(),
  sector: Sector.optional(),
  openNow: z.enum(["true", "false"]).optional(),
  funderId: Uuid.optional(),
});

export const SourceList = z.object({
  sources: z.array(FundingSource),
  /** The funder organisations the caller may add sources for (all funders for admins). */
  canAddFor: z.array(OrganisationSummary),
});
export type SourceList = z.infer<typeof SourceList>;

export const RuleOutcome = z.enum(["passed", "failed", "unknown"]);
export type RuleOutcome = z.infer<typeof RuleOutcome>;

export const RuleName = z.enum([
  "open",
  "sectors",
  "trl",
  "organisation_kinds",
  "location",
  "min_partners",
  "min_countries",
  "small_company_share",
]);
export type RuleName = z.infer<typeof RuleName>;

export const RuleCheck = z
  .object({
    rule: RuleName,
    outcome: RuleOutcome,
    /** Why, in English; `reason` and `params` give the web app's translated sentence. */
    explanation: z.string(),
    reason: z.string(),
    params: z.record(z.string(), z.string()),
  })
  .meta({ id: "FundingRuleCheck" });
export type RuleCheck = z.infer<typeof RuleCheck>;

export const FinderQuery = z
  .strictObject({
    challengeId: Uuid.optional(),
    consortiumId: Uuid.optional(),
    organisationId: Uuid.optional(),
    instrument: Instrument.optional(),
    sector: Sector.optional(),
    openNow: z.enum(["true", "false"]).optional(),
    sort: z.enum(["fit", "deadline"]).default("fit"),
  })
  .refine(
    (query) =>
      [query.challengeId, query.consortiumId, query.organisationId].filter(Boolean).length === 1,
    {
      message: "name exactly one of challengeId, consortiumId, organisationId",
      path: ["challengeId"],
    },
  );

export const FinderMatch = z
  .object({
    source: FundingSource,
    checks: z.array(RuleCheck),
    passed: z.number().int(),
    failed: z.number().int(),
    unknown: z.number().int(),
    /** Share of the rules passed, 0..1. */
    fit: z.number(),
  })
  .meta({ id: "FundingMatch" });
export type FinderMatch = z.infer<typeof FinderMatch>;

export const FinderResult = z.object({
  applicant: z.object({
    kind: z.enum(["challenge", "consortium", "organisation"]),
    id: Uuid,
    name: z.string(),
    organisations: z.array(OrganisationSummary),
  }),
  matches: z.array(FinderMatch),
});
export type FinderResult = z.infer<typeof FinderResult>;

export const DeadlineQuery = z.strictObject({
  followed: z.enum(["true", "false"]).optional(),
  from: IsoDay.optional(),
});

export const Deadline = z.object({
  source: z.object({ id: Uuid, title: z.string(), funder: z.string(), instrument: Instrument }),
  closesOn: z.string(),
  followed: z.boolean(),
});
export const DeadlineCalendar = z.object({
  months: z.array(z.object({ month: z.string(), deadlines: z.array(Deadline) })),
});
export type DeadlineCalendar = z.infer<typeof DeadlineCalendar>;

export const CoFundingBody = z.strictObject({
  sourceId: Uuid,
  amountMinor: Minor.min(1, "must be more than nothing"),
  currency: Currency,
});
export type CoFundingBody = z.input<typeof CoFundingBody>;

export const CoFunding = z
  .object({
    source: z.object({ id: Uuid, title: z.string(), programme: z.string() }),
    funder: OrganisationSummary,
    amountMinor: z.number().int(),
    currency: z.string(),
  })
  .meta({ id: "ChallengeCoFunding" });
export const CoFundingList = z.object({ coFunding: z.array(CoFunding), canManage: z.boolean() });
export type CoFundingList = z.infer<typeof CoFundingList>;

export const CoFundingParams = z.strictObject({ id: Uuid, sourceId: Uuid });
