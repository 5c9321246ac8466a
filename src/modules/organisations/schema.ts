import { sql } from "drizzle-orm";
import {
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "../../core/db/types.ts";
import { userForeignKey } from "../accounts/index.ts";

export const organisationKinds = [
  "city",
  "company",
  "research",
  "cluster",
  "network",
  "funder",
] as const;
export const membershipRoles = ["member", "admin"] as const;

/** C40 member cities (and any city an admin adds): the places city organisations belong to. */
export const cities = pgTable(
  "cities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    /** ISO 3166-1 alpha-2. */
    country: text("country").notNull(),
    region: text("region").notNull(),
    latitude: doublePrecision("latitude").notNull(),
    longitude: doublePrecision("longitude").notNull(),
    c40Member: integer("c40_member").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [uniqueIndex("cities_slug_key").on(table.slug)],
);

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: organisationKinds }).notNull(),
    /** ISO 3166-1 alpha-2. */
    country: text("country").notNull(),
    /** The C40 city a city organisation governs. */
    cityId: uuid("city_id").references(() => cities.id),
    /** Where any other organisation is based ("Lyon"). */
    locality: text("locality"),
    website: text("website"),
    description: text("description").notNull().default(""),
    verifiedAt: timestamp("verified_at", { withTimezone: true, mode: "date" }),
    verifiedBy: uuid("verified_by").references(userForeignKey),
    createdBy: uuid("created_by").references(userForeignKey),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [
    uniqueIndex("organisations_slug_key").on(table.slug),
    index("organisations_kind_idx").on(table.kind),
    index("organisations_city_idx").on(table.cityId),
  ],
);

export const organisationLogos = pgTable("organisation_logos", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  contentType: text("content_type").notNull(),
  bytes: bytea("bytes").notNull(),
  sha256: text("sha256").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
});

/**
 * Who belongs to which organisation. Rows are ended, never deleted: conflict-of-interest checks
 * ask who was a member in the last three years.
 */
export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(userForeignKey, { onDelete: "cascade" }),
    role: text("role", { enum: membershipRoles }).notNull(),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [
    uniqueIndex("memberships_current_key")
      .on(table.organisationId, table.userId)
      .where(sql`ended_at is null`),
    index("memberships_user_idx").on(table.userId),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role", { enum: membershipRoles }).notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by").notNull().references(userForeignKey),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true, mode: "date" }),
    acceptedBy: uuid("accepted_by").references(userForeignKey),
    declinedAt: timestamp("declined_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [
    uniqueIndex("invitations_token_hash_key").on(table.tokenHash),
    index("invitations_organisation_idx").on(table.organisationId),
  ],
);

export const affiliationStatuses = ["pending", "active", "ended"] as const;

/**
 * An organisation's membership of a cluster (companies, research institutes) or of a network
 * (clusters). Either side proposes; the other side's admin accepts.
 */
export const affiliations = pgTable(
  "affiliations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parentId: uuid("parent_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    status: text("status", { enum: affiliationStatuses }).notNull(),
    proposedBySide: text("proposed_by_side", { enum: ["parent", "member", "platform"] }).notNull(),
    proposedBy: uuid("proposed_by").references(userForeignKey),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true, mode: "date" }),
    endedAt: timestamp("ended_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [
    uniqueIndex("affiliations_open_key")
      .on(table.parentId, table.memberId)
      .where(sql`status <> 'ended'`),
    index("affiliations_member_idx").on(table.memberId),
  ],
);
