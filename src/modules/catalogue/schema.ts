import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "../../core/db/types.ts";
import { userForeignKey } from "../accounts/index.ts";

/** Labels or synonyms per language ("en", "fr", "es"; admins may add others later). */
export type LabelsByLocale = Record<string, string>;
export type SynonymsByLocale = Record<string, string[]>;

/**
 * What a media entry is: an image and the text that stands in for it. The address is an image
 * uploaded to the solution (`/api/v1/solutions/{id}/media/{fileId}`, stored in solution_media)
 * or, for entries made before uploads or brought by an import, an http(s) link.
 */
export interface MediaItem {
  url: string;
  alt: string;
}

/** Read-only: the database computes it (see `search` below). */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const providerKinds = ["company", "research", "cluster"] as const;
export const solutionStatuses = ["active", "archived"] as const;

/**
 * The capability taxonomy: codes in a hierarchy (`adaptation` → `adaptation.stormwater`).
 * Built-in codes come from taxonomy.json and are refreshed at every start; admins add codes
 * (built_in false) and synonyms (added_synonyms), which the refresh never touches.
 */
export const capabilities = pgTable(
  "capabilities",
  {
    code: text("code").primaryKey(),
    parentCode: text("parent_code").references((): AnyPgColumn => capabilities.code),
    labels: jsonb("labels").$type<LabelsByLocale>().notNull(),
    /** Shipped with the platform: replaced by the seed at every start. */
    synonyms: jsonb("synonyms").$type<SynonymsByLocale>().notNull(),
    /** Added by platform admins: kept across releases. */
    addedSynonyms: jsonb("added_synonyms").$type<SynonymsByLocale>().notNull().default({}),
    builtIn: boolean("built_in").notNull(),
    /** Order among siblings (the file's order; admins' codes after). */
    position: integer("position").notNull(),
    createdBy: uuid("created_by").references(userForeignKey),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    /** Every label and synonym as a comparison key (catalogue_term_key), for finding mentions. */
    termKeys: text("term_keys")
      .array()
      .notNull()
      .generatedAlwaysAs(sql`catalogue_capability_term_keys(labels, synonyms, added_synonyms)`),
  },
  (table) => [index("capabilities_parent_idx").on(table.parentCode)],
);

/**
 * A provider's solution, in its current version (earlier ones in solution_versions). The
 * provider is an organisation (organisations module); its kind is copied here because the
 * catalogue filters on it and an organisation's kind never changes.
 */
export const solutions = pgTable(
  "solutions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    providerId: uuid("provider_id").notNull(),
    providerKind: text("provider_kind", { enum: providerKinds }).notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    /** Markdown, rendered to safe HTML when presented. */
    description: text("description").notNull(),
    sectors: text("sectors").array().notNull(),
    trl: integer("trl").notNull(),
    /** ISO 3166-1 alpha-2 codes of countries where it is deployed. */
    countries: text("countries").array().notNull(),
    media: jsonb("media").$type<MediaItem[]>().notNull(),
    referenceLinks: jsonb("reference_links").$type<string[]>().notNull(),
    /**
     * Labels and synonyms (every language) of its capabilities, rewritten whenever they or the
     * capabilities change: a generated column cannot read the capabilities table, this can.
     */
    capabilityTerms: text("capability_terms").notNull().default(""),
    version: integer("version").notNull(),
    status: text("status", { enum: solutionStatuses }).notNull(),
    createdBy: uuid("created_by").references(userForeignKey),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
    archivedAt: timestamp("archived_at", { withTimezone: true, mode: "date" }),
    /**
     * Full-text document, accent-free (catalogue_unaccent, migration catalogue_search_functions):
     * title (A), summary (B), capability terms (C), description (D).
     */
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', catalogue_unaccent(title)), 'A') || setweight(to_tsvector('english', catalogue_unaccent(summary)), 'B') || setweight(to_tsvector('english', catalogue_unaccent(capability_terms)), 'C') || setweight(to_tsvector('english', catalogue_unaccent(description)), 'D')`,
    ),
  },
  (table) => [
    index("solutions_search_idx").using("gin", table.search),
    index("solutions_sectors_idx").using("gin", table.sectors),
    index("solutions_countries_idx").using("gin", table.countries),
    index("solutions_provider_idx").on(table.providerId),
    // The catalogue's keyset orders (newest first; most mature first).
    index("solutions_newest_idx").on(table.createdAt, table.id),
    index("solutions_trl_idx").on(table.trl, table.createdAt, table.id),
  ],
);

export const solutionCapabilities = pgTable(
  "solution_capabilities",
  {
    solutionId: uuid("solution_id")
      .notNull()
      .references(() => solutions.id, { onDelete: "cascade" }),
    capabilityCode: text("capability_code")
      .notNull()
      .references(() => capabilities.code),
  },
  (table) => [
    primaryKey({ columns: [table.solutionId, table.capabilityCode] }),
    index("solution_capabilities_code_idx").on(table.capabilityCode),
  ],
);

/** Every version of a solution's content, the current one included: edits never lose text. */
export const solutionVersions = pgTable(
  "solution_versions",
  {
    solutionId: uuid("solution_id")
      .notNull()
      .references(() => solutions.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    editedBy: uuid("edited_by").references(userForeignKey),
    editedAt: timestamp("edited_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.solutionId, table.version] })],
);

/**
 * Images uploaded to a solution, under generated ids. A file lives exactly as long as the
 * solution's current media list names it: removing the entry (upload route or edit) deletes it.
 */
export const solutionMedia = pgTable(
  "solution_media",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    solutionId: uuid("solution_id")
      .notNull()
      .references(() => solutions.id, { onDelete: "cascade" }),
    /** Recognised from the bytes (PNG, JPEG, WebP, GIF), never taken from the caller. */
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    bytes: bytea("bytes").notNull(),
    uploadedBy: uuid("uploaded_by").references(userForeignKey),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [index("solution_media_solution_idx").on(table.solutionId)],
);

/**
 * A cluster's curated set of its members' solutions, for a theme or a city's challenge, shared
 * with city organisations.
 */
export const portfolios = pgTable(
  "portfolios",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: uuid("cluster_id").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    theme: text("theme"),
    /** The challenge it answers (challenges module); no foreign key across modules. */
    challengeId: uuid("challenge_id"),
    createdBy: uuid("created_by").references(userForeignKey),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [index("portfolios_cluster_idx").on(table.clusterId)],
);

export const portfolioItems = pgTable(
  "portfolio_items",
  {
    portfolioId: uuid("portfolio_id")
      .notNull()
      .references(() => portfolios.id, { onDelete: "cascade" }),
    solutionId: uuid("solution_id")
      .notNull()
      .references(() => solutions.id, { onDelete: "cascade" }),
    /** Why the cluster picked it for this theme. */
    note: text("note").notNull().default(""),
    addedBy: uuid("added_by").references(userForeignKey),
    addedAt: timestamp("added_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.portfolioId, table.solutionId] }),
    index("portfolio_items_solution_idx").on(table.solutionId),
  ],
);

/** City organisations a portfolio is shared with: their members may read it. */
export const portfolioShares = pgTable(
  "portfolio_shares",
  {
    portfolioId: uuid("portfolio_id")
      .notNull()
      .references(() => portfolios.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull(),
    sharedBy: uuid("shared_by").references(userForeignKey),
    sharedAt: timestamp("shared_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.portfolioId, table.organisationId] }),
    index("portfolio_shares_organisation_idx").on(table.organisationId),
  ],
);
