import { z } from "zod";
import { IsoDateTime, Uuid } from "../../core/http/contract.ts";

/**
 * Procurement: the proposal form a challenge defines, sealed proposals from organisations and
 * consortia, their receipts. Shared by the server and the web pages. See docs/procurement.md.
 */

/**
 * Active ISO 4217 currencies a price may be in (funds, precious metals and testing codes such
 * as XAU, XDR or XXX are not prices).
 */
export const currencyCodes: ReadonlySet<string> = new Set(
  (
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP " +
    "BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP " +
    "GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR " +
    "KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK " +
    "MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR " +
    "SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS " +
    "UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG"
  ).split(" "),
);

export const ProposalCurrency = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => currencyCodes.has(code), {
    message: "must be an ISO 4217 currency code, such as EUR or USD",
  });

/** A price in minor units (cents) of a currency: never a float. */
export const Price = z.strictObject({
  amountMinor: z
    .number({ error: "must be a whole number of minor units (cents)" })
    .int("must be a whole number of minor units (cents)")
    .min(0, "must not be negative")
    .max(1e15, "is too large"),
  currency: ProposalCurrency,
});
export type Price = z.infer<typeof Price>;

// The form

export const SECTION_MAX_LENGTH = 50_000;
export const FORM_MAX_SECTIONS = 20;

export const SectionKey = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z0-9_]{0,39}$/,
    "must be 1–40 lower-case letters, digits or underscores, starting with a letter",
  );

/** One section of a challenge's proposal form. `maxLength` counts characters (code points). */
export const ProposalSection = z.strictObject({
  key: SectionKey,
  title: z.string().trim().min(2).max(120),
  guidance: z.string().trim().max(1000).default(""),
  required: z.boolean().default(true),
  maxLength: z.number().int().min(100).max(SECTION_MAX_LENGTH).default(5000),
});
export type ProposalSection = z.output<typeof ProposalSection>;

export const ProposalFormBody = z.strictObject({
  sections: z
    .array(ProposalSection)
    .min(1, "a form has at least one section")
    .max(FORM_MAX_SECTIONS, `a form has at most ${FORM_MAX_SECTIONS} sections`)
    .superRefine((sections, context) => {
      const seen = new Set<string>();
      sections.forEach((section, index) => {
        if (seen.has(section.key)) {
          context.addIssue({
            code: "custom",
            path: [index, "key"],
            message: "is the key of another section",
          });
        }
        seen.add(section.key);
      });
    }),
});
export type ProposalFormBody = z.input<typeof ProposalFormBody>;

export const ProposalForm = z
  .object({
    challengeId: Uuid,
    /** False while the city has defined none: the platform's default sections. */
    custom: z.boolean(),
    sections: z.array(
      z.object({
        key: z.string(),
        title: z.string(),
        guidance: z.string(),
        required: z.boolean(),
        maxLength: z.number().int(),
      }),
    ),
    /** Whether the caller may change it now (a city member, before any proposal arrives). */
    editable: z.boolean(),
  })
  .meta({ id: "ProposalForm" });
export type ProposalForm = z.infer<typeof ProposalForm>;

// Bidders

export const BidderKind = z.enum(["organisation", "consortium"]);
export type BidderKind = z.infer<typeof BidderKind>;

export const BidderRef = z.strictObject({ kind: BidderKind, id: Uuid });
export type BidderRef = z.infer<typeof BidderRef>;

export const Bidder = z.object({ kind: BidderKind, id: Uuid, name: z.string() });
export type Bidder = z.infer<typeof Bidder>;

// Files

export const PROPOSAL_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const PROPOSAL_MAX_ATTACHMENTS = 20;

export const ProposalFileQuery = z.strictObject({
  filename: z.string().trim().min(1).max(200),
  bidderKind: BidderKind,
  bidderId: Uuid,
});

export const ProposalFile = z
  .object({
    id: Uuid,
    filename: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedAt: IsoDateTime,
  })
  .meta({ id: "ProposalFile" });
export type ProposalFile = z.infer<typeof ProposalFile>;

// Proposals and receipts

const sectionTexts = z
  .record(
    z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "is not a section key"),
    z.string().max(SECTION_MAX_LENGTH * 2, "is far too long"),
  )
  .describe("Section key → text; the challenge's form says which sections exist");

export const ProposalContentBody = z.strictObject({
  sections: sectionTexts,
  price: Price,
  /** Ids of files uploaded for this bidder and challenge, in the order to list them. */
  attachments: z.array(Uuid).max(PROPOSAL_MAX_ATTACHMENTS).default([]),
});
export type ProposalContentBody = z.input<typeof ProposalContentBody>;

export const SubmitProposalBody = ProposalContentBody.extend({ bidder: BidderRef });
export type SubmitProposalBody = z.input<typeof SubmitProposalBody>;

export const RECEIPT_FORMAT = "csp-proposal-receipt/1";

/** What the bidder keeps: enough to have the content's hash re-verified by anyone later. */
export const Receipt = z
  .object({
    format: z.literal(RECEIPT_FORMAT),
    proposalId: Uuid,
    challengeId: Uuid,
    revision: z.number().int(),
    submittedAt: IsoDateTime,
    algorithm: z.literal("SHA-256"),
    /** Hex SHA-256 of the canonical form (docs/procurement.md). */
    sha256: z.string(),
  })
  .meta({ id: "ProposalReceipt" });
export type Receipt = z.infer<typeof Receipt>;

export const ProposalStatus = z.enum(["submitted", "withdrawn"]);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

export const ProposalAbilities = z.object({ revise: z.boolean(), withdraw: z.boolean() });

export const ProposalSummary = z
  .object({
    id: Uuid,
    challenge: z.object({ id: Uuid, title: z.string() }),
    /** Null for an evaluator during the blind phase (docs/procurement.md). */
    bidder: Bidder.nullable(),
    /** "A", "B", … for the evaluator panel (stable per challenge); null for the bidder. */
    pseudonym: z.string().nullable(),
    status: ProposalStatus,
    revision: z.number().int(),
    submittedAt: IsoDateTime,
    updatedAt: IsoDateTime,
    withdrawnAt: IsoDateTime.nullable(),
    /** The latest revision's receipt. */
    receipt: Receipt,
  })
  .meta({ id: "ProposalSummary" });
export type ProposalSummary = z.infer<typeof ProposalSummary>;

export const Proposal = ProposalSummary.extend({
  /** The latest revision's content. */
  content: z.object({
    sections: z.array(z.object({ key: z.string(), title: z.string(), text: z.string() })),
    price: Price,
    attachments: z.array(ProposalFile),
  }),
  /** Every revision's receipt, oldest first. */
  receipts: z.array(Receipt),
  abilities: ProposalAbilities,
}).meta({ id: "Proposal" });
export type Proposal = z.infer<typeof Proposal>;

export const ProposalList = z.object({ proposals: z.array(ProposalSummary) });
export type ProposalList = z.infer<typeof ProposalList>;

export const SubmissionResult = z
  .object({ proposal: Proposal, receipt: Receipt })
  .meta({ id: "ProposalSubmission" });
export type SubmissionResult = z.infer<typeof SubmissionResult>;

/** before_deadline: sealed. after_deadline: closed; opening is the evaluation's business. */
export const ProcurementPhase = z.enum(["before_deadline", "after_deadline"]);
export type ProcurementPhase = z.infer<typeof ProcurementPhase>;

export const ProposalCount = z.object({
  challengeId: Uuid,
  phase: ProcurementPhase,
  /** Live (submitted, not withdrawn) proposals. */
  count: z.number().int(),
});
export type ProposalCount = z.infer<typeof ProposalCount>;

/** What the caller may know and do about a challenge's proposals: the Proposals tab's start. */
export const ProposalBox = z
  .object({
    challengeId: Uuid,
    proposalDeadline: IsoDateTime.nullable(),
    phase: ProcurementPhase,
    /** Published and before the deadline: proposals are taken. */
    accepting: z.boolean(),
    /** The number of live proposals, for the owning city's members only (else null). */
    count: z.number().int().nullable(),
    abilities: z.object({ defineForm: z.boolean() }),
    /** Whom the caller may submit for: organisations they administer, consortia they lead. */
    bidders: z.array(Bidder.extend({ proposalId: Uuid.nullable() })),
  })
  .meta({ id: "ProposalBox" });
export type ProposalBox = z.infer<typeof ProposalBox>;

/** A receipt as downloaded (other fields are ignored). */
export const VerifyReceiptBody = z.object({
  proposalId: Uuid,
  revision: z.number().int().min(1),
  sha256: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[0-9a-f]{64}$/, "must be 64 hexadecimal digits"),
});
export type VerifyReceiptBody = z.input<typeof VerifyReceiptBody>;

export const ReceiptVerification = z
  .object({
    /** The hash recomputed now from the stored revision equals the receipt's. */
    matches: z.boolean(),
    proposalId: Uuid,
    challengeId: Uuid,
    revision: z.number().int(),
    submittedAt: IsoDateTime,
    /** Whether the proposal is still live, and this revision its latest. */
    status: ProposalStatus,
    latest: z.boolean(),
  })
  .meta({ id: "ReceiptVerification" });
export type ReceiptVerification = z.infer<typeof ReceiptVerification>;

export const ProposalFileParams = z.strictObject({ id: Uuid, fileId: Uuid });
