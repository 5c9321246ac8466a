import { sql } from "drizzle-orm";
import {
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "../../core/db/types.ts";
import { userForeignKey } from "../accounts/index.ts";

export const referenceStatuses = ["pending", "verified", "rejected"] as const;

/** Outcome kinds with a fixed unit, and `custom` (its unit and label given by the provider). */
export const metricKinds = [
  "co2e_avoided",
  "energy_saved",
  "water_saved",
  "waste_diverted",
  "people_served",
  "custom",
] as const;

/**
 * A reference: a deployment of a catalogue solution in a city, as its provider states it, and
 * whether that city has vouched for it. The solution and organisations belong to other modules;
 * no foreign key across modules. The city is either a C40 city organisation on the platform
 * (which alone can verify) or a city named with its country.
 */
export const solutionReferences = pgTable(
  "solution_references",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    solutionId: uuid("solution_id").notNull(),
    /** The solution's provider when the reference was written (who may edit it). */
    providerId: uuid("provider_id").notNull(),
    /** The sector the outcomes count under (one of the solution's sectors). */
    sector: text("sector").notNull(),
    /** The city's organisation on the platform; null for a city that is not a member. */
    cityOrganisationId: uuid("city_organisation_id"),
    /** The C40 city (organisations' cities) of that organisation, for the map. */
    cityId: uuid("city_id"),
    cityName: text("city_name").notNull(),
    country: text("country").notNull(),
    startedOn: date("started_on", { mode: "string" }).notNull(),
    endedOn: date("ended_on", { mode: "string" }),
    scale: text("scale").notNull(),
    description: text("description").notNull(),
    status: text("status", { enum: referenceStatuses }).notNull().default("pending"),
    rejectionReason: text("rejection_reason"),
    decidedBy: uuid("decided_by").references(userForeignKey),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }),
    /** Counts every edit, so a decision names the text it was made on. */
    revision: integer("revision").notNull().default(1),
    createdBy: uuid("created_by").references(userForeignKey),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [
    index("solution_references_solution_idx").on(table.solutionId),
    index("solution_references_provider_idx").on(table.providerId),
    index("solution_references_city_organisation_idx").on(table.cityOrganisationId),
    // Matchmaking counts a solution's verified references for every candidate.
    index("solution_references_verified_idx")
      .on(table.solutionId, table.cityOrganisationId)
      .where(sql`${table.status} = 'verified'`),
  ],
);

/** A typed outcome: kind, value and unit (fixed per kind but stored, so sums never mix units). */
export const referenceMetrics = pgTable(
  "reference_metrics",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    referenceId: uuid("reference_id")
      .notNull()
      .references(() => solutionReferences.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: text("kind", { enum: metricKinds }).notNull(),
    /** What a custom outcome measures ("trees planted"); empty for the fixed kinds. */
    label: text("label").notNull().default(""),
    value: doublePrecision("value").notNull(),
    unit: text("unit").notNull(),
  },
  (table) => [index("reference_metrics_reference_idx").on(table.referenceId, table.position)],
);

/** Evidence files (PDF or images, recognised by content), kept with the reference. */
export const referenceEvidence = pgTable(
  "reference_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    referenceId: uuid("reference_id")
      .notNull()
      .references(() => solutionReferences.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    bytes: bytea("bytes").notNull(),
    uploadedBy: uuid("uploaded_by").references(userForeignKey),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [index("reference_evidence_reference_idx").on(table.referenceId)],
);
