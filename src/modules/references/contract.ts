import { z } from "zod";
import { IsoDateTime, Uuid } from "../../core/http/contract.ts";
import { Sector } from "../challenges/contract.ts";
import { CountryCode, OrganisationSummary } from "../organisations/contract.ts";

/** Request and response schemas of the references routes (shared by server and web). */

const plainString = () =>
  z.string().refine((value) => !value.includes("\u0000"), "must not contain NUL characters");

export const ReferenceStatus = z.enum(["pending", "verified", "rejected"]);
export type ReferenceStatus = z.infer<typeof ReferenceStatus>;

export const MetricKind = z.enum([
  "co2e_avoided",
  "energy_saved",
  "water_saved",
  "waste_diverted",
  "people_served",
  "custom",
]);
export type MetricKind = z.infer<typeof MetricKind>;

/** The unit each fixed kind is stated in; custom outcomes name their own. */
export const FIXED_UNITS: Record<Exclude<MetricKind, "custom">, string> = {
  co2e_avoided: "t CO2e/yr",
  energy_saved: "MWh/yr",
  water_saved: "m³/yr",
  waste_diverted: "t/yr",
  people_served: "people",
};

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_FILES_MAX = 10;

const IsoDay = z.iso.date({ error: "must be a date (YYYY-MM-DD)" });

export const MetricInput = z
  .strictObject({
    kind: MetricKind,
    value: z
      .number({ error: "must be a number" })
      .finite("must be a finite number")
      .min(0, "must not be negative")
      .max(1e12, "is too large"),
    /** Custom outcomes only: what is measured and its unit. */
    label: plainString().trim().max(120, "is too long").optional(),
    unit: plainString().trim().max(40, "is too long").optional(),
  })
  .superRefine((metric, issues) => {
    if (metric.kind !== "custom") {
      if (metric.unit !== undefined && metric.unit !== FIXED_UNITS[metric.kind]) {
        issues.addIssue({
          code: "custom",
          path: ["unit"],
          message: `must be ${FIXED_UNITS[metric.kind]} (or left out) for ${metric.kind}`,
        });
      }
      return;
    }
    if (!metric.label) {
      issues.addIssue({ code: "custom", path: ["label"], message: "must say what is measured" });
    }
    if (!metric.unit) {
      issues.addIssue({ code: "custom", path: ["unit"], message: "must name the unit" });
    }
  });
export type MetricInput = z.infer<typeof MetricInput>;

/** The city: an organisation on the platform (a C40 city), or a city named with its country. */
export const ReferenceCityInput = z.union([
  z.strictObject({ organisationId: Uuid }),
  z.strictObject({
    name: plainString().trim().min(2, "must name the city").max(120, "is too long"),
    country: CountryCode,
  }),
]);

const ReferenceFields = {
  sector: Sector.optional(),
  city: ReferenceCityInput,
  startedOn: IsoDay,
  endedOn: IsoDay.nullable().optional(),
  scale: plainString().trim().min(2, "must say how large it is").max(200, "is too long"),
  description: plainString().trim().max(20_000, "is too long").default(""),
  metrics: z.array(MetricInput).max(12, "at most 12 outcomes").default([]),
};

const periodInOrder = (body: { startedOn?: string; endedOn?: string | null }) =>
  !body.startedOn || !body.endedOn || body.endedOn >= body.startedOn;
const periodIssue = { message: "must not be before the start", path: ["endedOn"] };

export const CreateReferenceBody = z
  .strictObject(ReferenceFields)
  .refine(periodInOrder, periodIssue);
export type CreateReferenceBody = z.input<typeof CreateReferenceBody>;
export type ReferenceContent = z.output<typeof CreateReferenceBody>;

/** Every field optional; a change of any resets a verified reference to pending. */
export const UpdateReferenceBody = z
  .strictObject({
    sector: Sector.optional(),
    city: ReferenceCityInput.optional(),
    startedOn: IsoDay.optional(),
    endedOn: IsoDay.nullable().optional(),
    scale: ReferenceFields.scale.optional(),
    description: plainString().trim().max(20_000, "is too long").optional(),
    metrics: z.array(MetricInput).max(12, "at most 12 outcomes").optional(),
  })
  .refine(periodInOrder, periodIssue);
export type UpdateReferenceBody = z.input<typeof UpdateReferenceBody>;
export type ReferenceChanges = z.output<typeof UpdateReferenceBody>;

export const VerificationBody = z
  .strictObject({
    decision: z.enum(["verify", "reject"]),
    reason: plainString().trim().max(2_000, "is too long").optional(),
  })
  .refine((body) => body.decision === "verify" || (body.reason ?? "").length >= 3, {
    message: "must say why the reference is rejected",
    path: ["reason"],
  });
export type VerificationBody = z.input<typeof VerificationBody>;

export const Metric = z
  .object({
    kind: MetricKind,
    label: z.string(),
    value: z.number(),
    unit: z.string(),
  })
  .meta({ id: "ReferenceMetric" });
export type Metric = z.infer<typeof Metric>;

export const EvidenceFile = z
  .object({
    id: Uuid,
    filename: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    url: z.string(),
    uploadedAt: IsoDateTime,
  })
  .meta({ id: "ReferenceEvidenceFile" });

export const ReferenceAbilities = z.object({
  edit: z.boolean(),
  delete: z.boolean(),
  verify: z.boolean(),
});
export type ReferenceAbilities = z.infer<typeof ReferenceAbilities>;

export const Reference = z
  .object({
    id: Uuid,
    solution: z.object({ id: Uuid, title: z.string() }),
    provider: OrganisationSummary,
    sector: Sector,
    city: z.object({
      /** The city's organisation on the platform; null for a city that is not a member. */
      organisation: OrganisationSummary.nullable(),
      /** The C40 city, when the organisation governs one. */
      cityId: Uuid.nullable(),
      name: z.string(),
      country: z.string(),
    }),
    startedOn: z.string(),
    endedOn: z.string().nullable(),
    scale: z.string(),
    description: z.string(),
    /** The description rendered to HTML without raw HTML and with only safe links. */
    descriptionHtml: z.string(),
    metrics: z.array(Metric),
    evidence: z.array(EvidenceFile),
    status: ReferenceStatus,
    /** Only for the provider, the city and platform admins. */
    rejectionReason: z.string().nullable(),
    decidedAt: IsoDateTime.nullable(),
    revision: z.number().int(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    abilities: ReferenceAbilities,
  })
  .meta({ id: "Reference" });
export type Reference = z.infer<typeof Reference>;

export const ReferenceList = z.object({
  references: z.array(Reference),
  /** May the caller add references here (the solution's provider). */
  canAdd: z.boolean(),
});
export type ReferenceList = z.infer<typeof ReferenceList>;

/** An organisation's references: those of its solutions, and those in its city. */
export const OrganisationReferences = z.object({
  provided: z.array(Reference),
  hosted: z.array(Reference),
});
export type OrganisationReferences = z.infer<typeof OrganisationReferences>;

export const EvidenceParams = z.strictObject({ id: Uuid, fileId: Uuid });
export const EvidenceUploadQuery = z.strictObject({
  filename: plainString().trim().min(1, "must name the file").max(200, "is too long"),
});

export const evidencePath = (referenceId: string, fileId: string) =>
  `/api/v1/references/${referenceId}/evidence/${fileId}`;
