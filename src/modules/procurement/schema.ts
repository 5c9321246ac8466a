import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "../../core/db/types.ts";
import { userForeignKey } from "../accounts/index.ts";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const bidderKinds = ["organisation", "consortium"] as const;
export const proposalStatuses = ["submitted", "withdrawn"] as const;

/** One section of the form a challenge's proposals fill in (see contract.ts ProposalSection). */
export interface StoredSection {
  key: string;
  title: string;
  guidance: string;
  required: boolean;
  maxLength: number;
}

/** A section's text as submitted in one revision. */
export interface StoredSectionText {
  key: string;
  text: string;
}

/**
 * The proposal form a challenge's city defined; no row means the default form (form.ts). Keyed
 * by the challenge (challenges module): no foreign key across modules.
 */
export const proposalForms = pgTable("proposal_forms", {
  challengeId: uuid("challenge_id").primaryKey(),
  sections: jsonb("sections").$type<StoredSection[]>().notNull(),
  updatedBy: uuid("updated_by").references(userForeignKey),
  updatedAt: at("updated_at").notNull(),
});

/**
 * A bidder's proposal to a challenge: an organisation or a consortium (consortia module), at
 * most one live (submitted) proposal per bidder and challenge. Who bids is sealed until the
 * proposal deadline (policy.ts): this table is read only through sealed-proposals.ts.
 */
export const proposals = pgTable(
  "proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    challengeId: uuid("challenge_id").notNull(),
    bidderKind: text("bidder_kind", { enum: bidderKinds }).notNull(),
    bidderId: uuid("bidder_id").notNull(),
    status: text("status", { enum: proposalStatuses }).notNull(),
    /** The latest revision's number (1 on submission). */
    currentRevision: integer("current_revision").notNull(),
    createdBy: uuid("created_by").references(userForeignKey),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
    withdrawnBy: uuid("withdrawn_by").references(userForeignKey),
    withdrawnAt: at("withdrawn_at"),
  },
  (table) => [
    uniqueIndex("proposals_live_bidder_idx")
      .on(table.challengeId, table.bidderKind, table.bidderId)
      .where(sql`${table.status} = 'submitted'`),
    index("proposals_challenge_idx").on(table.challengeId),
    index("proposals_bidder_idx").on(table.bidderKind, table.bidderId),
  ],
);

/**
 * Each submission or revision, immutable (a trigger refuses UPDATE and DELETE): the content the
 * receipt's SHA-256 was computed over, recomputed from these columns when a receipt is verified.
 */
export const proposalRevisions = pgTable(
  "proposal_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id),
    revision: integer("revision").notNull(),
    /** Section texts in the form's order; empty optional sections are left out. */
    sections: jsonb("sections").$type<StoredSectionText[]>().notNull(),
    /** Minor units (cents): no money is ever a float. */
    priceAmountMinor: bigint("price_amount_minor", { mode: "number" }).notNull(),
    priceCurrency: text("price_currency").notNull(),
    /** The receipt's hash as computed at submission (receipt.ts); verification recomputes it. */
    sha256: text("sha256").notNull(),
    submittedBy: uuid("submitted_by").references(userForeignKey),
    submittedAt: at("submitted_at").notNull(),
  },
  (table) => [uniqueIndex("proposal_revisions_number_idx").on(table.proposalId, table.revision)],
);

/**
 * Files a bidder uploaded for a challenge, under generated ids; a revision lists the ones it
 * attaches. Never changed (a trigger refuses UPDATE); files no revision attaches are deleted by
 * housekeeping after a day.
 */
export const proposalFiles = pgTable(
  "proposal_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    challengeId: uuid("challenge_id").notNull(),
    bidderKind: text("bidder_kind", { enum: bidderKinds }).notNull(),
    bidderId: uuid("bidder_id").notNull(),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    bytes: bytea("bytes").notNull(),
    uploadedBy: uuid("uploaded_by").references(userForeignKey),
    uploadedAt: at("uploaded_at").notNull(),
  },
  (table) => [
    index("proposal_files_bidder_idx").on(table.challengeId, table.bidderKind, table.bidderId),
  ],
);

/** The files a revision attaches, in the bidder's order; immutable like the revision. */
export const proposalRevisionAttachments = pgTable(
  "proposal_revision_attachments",
  {
    revisionId: uuid("revision_id")
      .notNull()
      .references(() => proposalRevisions.id),
    position: integer("position").notNull(),
    fileId: uuid("file_id")
      .notNull()
      .references(() => proposalFiles.id),
  },
  (table) => [
    primaryKey({ columns: [table.revisionId, table.position] }),
    index("proposal_revision_attachments_file_idx").on(table.fileId),
  ],
);
