import { z } from "zod";
import { CreateSolutionBody } from "../catalogue/contract.ts";
import { ChallengeStatus, CreateChallengeBody } from "../challenges/contract.ts";
import { boundsInOrder, FundingSourceFields } from "../funding/contract.ts";
import { CountryCode, CreateOrganisationBody } from "../organisations/contract.ts";
import { CreateReferenceBody } from "../references/contract.ts";

/**
 * Bulk import and export of organisations and solutions: the bundle format
 * "city-solutions-bundle/1" and the CSV of solutions (docs/import-format.md). Shared by the
 * server, the CLI and the web pages.
 */

export const BUNDLE_FORMAT = "city-solutions-bundle/1";

const noNul = (value: string) => !value.includes("\u0000");

/** A caller-chosen name for a record, unique per kind within the importer's scope. */
export const RecordRef = z
  .string({ error: "must be a text reference" })
  .trim()
  .min(1, "must not be empty")
  .max(200, "is too long")
  .refine(noNul, "must not contain NUL characters");

/** Capabilities as codes or free text (mapped onto the taxonomy by the import). */
const capabilityEntries = (max: number) =>
  z
    .array(
      z
        .string()
        .trim()
        .min(1, "must not be empty")
        .max(120, "is too long")
        .refine(noNul, "must not contain NUL characters"),
    )
    .max(max, `must have at most ${max} entries`)
    .default([]);

/** An organisation of the bundle: the fields of POST /api/v1/organisations, the city by name. */
export const BundleOrganisation = CreateOrganisationBody.omit({ cityId: true }).extend({
  ref: RecordRef,
  /** City organisations: the C40 city they govern, by name ("Copenhagen") or id. */
  city: z.string().trim().min(1).max(200).nullable().optional(),
  /** Clusters (or, for a cluster, networks) it is an active member of, by ref or address. */
  clusters: z.array(RecordRef).max(20, "must name at most 20 clusters").default([]),
});
export type BundleOrganisation = z.output<typeof BundleOrganisation>;

/** A solution of the bundle: the fields of POST /api/v1/solutions, its provider by ref. */
export const BundleSolution = CreateSolutionBody.omit({
  providerId: true,
  capabilities: true,
}).extend({
  ref: RecordRef,
  /** The provider: an organisation's ref (this bundle or an earlier import), address or id. */
  organisation: RecordRef,
  /** Taxonomy codes, or free text mapped onto them (labels and synonyms, any language). */
  capabilities: capabilityEntries(60),
});
export type BundleSolution = z.output<typeof BundleSolution>;

/**
 * A challenge of the bundle: the fields of POST /api/v1/challenges, its city organisation by ref,
 * its status ("draft" unless said) and, for public challenges, when it was published.
 */
export const BundleChallenge = CreateChallengeBody.omit({ organisationId: true }).extend({
  ref: RecordRef,
  /** The city organisation that owns it: a ref (this bundle or an earlier import), address or id. */
  organisation: RecordRef,
  /** The C40 city, by name or id: optional, and when given it must be the organisation's. */
  city: z.string().trim().min(1).max(200).nullable().optional(),
  status: ChallengeStatus.default("draft"),
  publishedAt: z.iso
    .datetime({ offset: true, error: "must be an ISO 8601 date-time" })
    .nullable()
    .optional(),
  /** Taxonomy codes, or free text mapped onto them, as for solutions. */
  capabilities: capabilityEntries(40),
});
export type BundleChallenge = z.output<typeof BundleChallenge>;

/**
 * A reference of the bundle (a deployment of a solution in a city): the fields of POST
 * /api/v1/solutions/{id}/references, the solution by ref and the city as an organisation's ref
 * or a named city. Verification does not travel: an imported reference awaits its city's.
 */
export const BundleReference = z
  .strictObject({
    ...CreateReferenceBody.shape,
    ref: RecordRef,
    /** The solution: a ref (this bundle or an earlier import) or id. */
    solution: RecordRef,
    /** The city: a city organisation's ref, address or id, or a city named with its country. */
    city: z.union([
      z.strictObject({ organisation: RecordRef }),
      z.strictObject({
        name: z.string().trim().min(2, "must name the city").max(120, "is too long"),
        country: CountryCode,
      }),
    ]),
  })
  .refine((body) => !body.endedOn || body.endedOn >= body.startedOn, {
    message: "must not be before the start",
    path: ["endedOn"],
  });
export type BundleReference = z.output<typeof BundleReference>;

/**
 * A funding source of the bundle: the fields of POST /api/v1/funding-sources, the funder (an
 * organisation of kind funder) by ref. Platform importers only: funders publish their own calls.
 */
export const BundleFundingSource = z
  .strictObject({
    ...FundingSourceFields,
    ref: RecordRef,
    /** The funder organisation: a ref (this bundle or an earlier import), address or id. */
    funder: RecordRef,
  })
  .superRefine(boundsInOrder);
export type BundleFundingSource = z.output<typeof BundleFundingSource>;

/** The top level; each record is checked on its own, so that every problem is reported. */
export const BundleEnvelope = z.strictObject({
  format: z.literal(BUNDLE_FORMAT, { error: `must be "${BUNDLE_FORMAT}"` }),
  organisations: z.array(z.unknown()).max(20_000, "has too many records").default([]),
  solutions: z.array(z.unknown()).max(100_000, "has too many records").default([]),
  challenges: z.array(z.unknown()).max(20_000, "has too many records").default([]),
  references: z.array(z.unknown()).max(100_000, "has too many records").default([]),
  fundingSources: z.array(z.unknown()).max(20_000, "has too many records").default([]),
});

export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  organisations: BundleOrganisation[];
  solutions: BundleSolution[];
  challenges: BundleChallenge[];
  references: BundleReference[];
  fundingSources: BundleFundingSource[];
}

/** One problem (or warning) of an import: which record, where in it, what is wrong. */
export const ImportProblem = z
  .object({
    /** A JSON path into the bundle ("solutions[3].trl"), or the CSV column ("trl"). */
    field: z.string(),
    message: z.string(),
    record: z.enum([
      "file",
      "organisation",
      "solution",
      "challenge",
      "reference",
      "funding_source",
    ]),
    /** The record's ref, when it has one. */
    ref: z.string().nullable(),
    /** CSV files: the line the record starts on (the header is line 1). */
    line: z.number().int().nullable(),
  })
  .meta({ id: "ImportProblem" });
export type ImportProblem = z.infer<typeof ImportProblem>;

const Outcomes = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

export const ImportReport = z
  .object({
    /** True when nothing was written (?dryRun=true): the counts say what would happen. */
    dryRun: z.boolean(),
    format: z.enum(["bundle", "csv"]),
    /** Whose refs these are: "platform", or "cluster:<id>" for a cluster's admins. */
    scope: z.string(),
    organisations: Outcomes,
    solutions: Outcomes,
    challenges: Outcomes,
    references: Outcomes,
    fundingSources: Outcomes,
    /** Memberships of clusters (and networks) made active. */
    affiliations: z.object({ created: z.number().int() }),
    /** Free-text capabilities that match no taxonomy code: left out, the rest imported. */
    warnings: z.array(ImportProblem),
    /** Each record of the file: the id its ref names now, and what the import did to it. */
    records: z.array(
      z.object({
        record: z.enum(["organisation", "solution", "challenge", "reference", "funding_source"]),
        ref: z.string(),
        id: z.string(),
        outcome: z.enum(["created", "updated", "unchanged"]),
      }),
    ),
  })
  .meta({ id: "ImportReport" });
export type ImportReport = z.infer<typeof ImportReport>;

/** The 422 answer: every problem of the file; nothing was imported. */
export const ImportRejection = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(ImportProblem),
  })
  .meta({ id: "ImportRejection" });
export type ImportRejection = z.infer<typeof ImportRejection>;

export const ImportQuery = z.strictObject({
  dryRun: z.enum(["true", "false"]).default("false"),
  /** For people who administer several clusters: the one importing. */
  cluster: z.uuid({ error: "must be a UUID" }).optional(),
});

export const ExportQuery = z.strictObject({ format: z.enum(["bundle", "csv"]).default("bundle") });

/** The CSV of solutions: its columns, in the order an export writes them. */
export const CSV_COLUMNS = [
  "ref",
  "organisation",
  "title",
  "summary",
  "description",
  "sectors",
  "capabilities",
  "trl",
  "countries",
  "links",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
