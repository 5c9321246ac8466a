import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { userForeignKey } from "../accounts/index.ts";

export const consortiumStatuses = ["forming", "dissolved"] as const;
export const consortiumOrigins = ["suggestion", "manual"] as const;
export const memberRoles = ["lead", "partner", "subcontractor", "advisor"] as const;
export const invitationStatuses = ["pending", "accepted", "declined", "withdrawn"] as const;

/**
 * A consortium: organisations teaming up to answer one challenge, led by one of them. The
 * challenge and the organisations belong to other modules; no foreign key across modules.
 */
export const consortia = pgTable(
  "consortia",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    challengeId: uuid("challenge_id").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** The lead organisation (also a member, with the role "lead"). */
    leadOrganisationId: uuid("lead_organisation_id").notNull(),
    status: text("status", { enum: consortiumStatuses }).notNull().default("forming"),
    /** Started from a team the builder suggested, or put together by hand. */
    origin: text("origin", { enum: consortiumOrigins }).notNull(),
    createdBy: uuid("created_by").references(userForeignKey),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
    dissolvedAt: timestamp("dissolved_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [
    index("consortia_challenge_idx").on(table.challengeId),
    index("consortia_lead_idx").on(table.leadOrganisationId),
  ],
);

/** Membership of an organisation in a consortium; leaving ends it (left_at), kept as history. */
export const consortiumMembers = pgTable(
  "consortium_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consortiumId: uuid("consortium_id")
      .notNull()
      .references(() => consortia.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull(),
    role: text("role", { enum: memberRoles }).notNull(),
    /** Capability codes (the catalogue's taxonomy) the organisation brings. */
    capabilities: text("capabilities").array().notNull(),
    joinedAt: timestamp("joined_at", { withTimezone: true, mode: "date" }).notNull(),
    leftAt: timestamp("left_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [
    uniqueIndex("consortium_members_current_idx")
      .on(table.consortiumId, table.organisationId)
      .where(sql`${table.leftAt} is null`),
    index("consortium_members_organisation_idx").on(table.organisationId),
  ],
);

/** An invitation to an organisation, answered by one of its admins. */
export const consortiumInvitations = pgTable(
  "consortium_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consortiumId: uuid("consortium_id")
      .notNull()
      .references(() => consortia.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull(),
    role: text("role", { enum: memberRoles }).notNull(),
    capabilities: text("capabilities").array().notNull(),
    message: text("message").notNull().default(""),
    status: text("status", { enum: invitationStatuses }).notNull().default("pending"),
    invitedBy: uuid("invited_by").references(userForeignKey),
    invitedAt: timestamp("invited_at", { withTimezone: true, mode: "date" }).notNull(),
    answeredBy: uuid("answered_by").references(userForeignKey),
    answeredAt: timestamp("answered_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [
    uniqueIndex("consortium_invitations_pending_idx")
      .on(table.consortiumId, table.organisationId)
      .where(sql`${table.status} = 'pending'`),
    index("consortium_invitations_organisation_idx").on(table.organisationId),
  ],
);
