import { sql } from "drizzle-orm";
import {
  bigint,
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
import {
  type CatalogueFilters,
  ChallengeStatus,
  type Kpi,
  ProcurementModel,
  type Sector,
} from "./contract.ts";

// One list of statuses and models: the contract's.
const statuses = ChallengeStatus.options as [ChallengeStatus, ...ChallengeStatus[]];
const models = ProcurementModel.options as [ProcurementModel, ...ProcurementModel[]];

/** Read-only: the database computes it (see `search` below). */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export interface StoredContact {
  name: string;
  role: string;
  email: string;
}

/**
 * A city's challenge. The owner is a city organisation (organisations module); its city and
 * region are copied here because the catalogue filters and counts on them and a city
 * organisation never changes city.
 */
export const challenges = pgTable(
  "challenges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    cityId: uuid("city_id").notNull(),
    region: text("region").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    /** Markdown, rendered to safe HTML when presented. */
    description: text("description").notNull(),
    sectors: text("sectors").array().$type<Sector[]>().notNull(),
    capabilities: text("capabilities").array().notNull(),
    kpis: jsonb("kpis").$type<Kpi[]>().notNull(),
    contacts: jsonb("contacts").$type<StoredContact[]>().notNull(),
    /** Minor units (cents): no money is ever a float. Both or neither, with the currency. */
    budgetMinMinor: bigint("budget_min_minor", { mode: "number" }),
    budgetMaxMinor: bigint("budget_max_minor", { mode: "number" }),
    budgetCurrency: text("budget_currency"),
    minTrl: integer("min_trl"),
    procurementModel: text("procurement_model", { enum: models }).notNull(),
    status: text("status", { enum: statuses }).notNull(),
    questionDeadline: at("question_deadline"),
    proposalDeadline: at("proposal_deadline"),
    awardDate: at("award_date"),
    publishedAt: at("published_at"),
    statusChangedAt: at("status_changed_at").notNull(),
    createdBy: uuid("created_by").references(userForeignKey),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
    /**
     * Full-text document: title (A), summary (B), description (C), stemmed in English (the
     * platform's common language), plus the title unstemmed ('simple') so names and acronyms
     * such as "NbS" or "Ørsted" that the English stemmer would mangle still match.
     */
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('english', summary), 'B') || setweight(to_tsvector('english', description), 'C')`,
    ),
  },
  (table) => [
    index("challenges_search_idx").using("gin", table.search),
    index("challenges_sectors_idx").using("gin", table.sectors),
    index("challenges_organisation_idx").on(table.organisationId),
    index("challenges_status_idx").on(table.status, table.procurementModel),
    index("challenges_city_idx").on(table.cityId),
    index("challenges_region_idx").on(table.region),
    // The catalogue's keyset orders.
    index("challenges_newest_idx").on(table.publishedAt, table.id),
    index("challenges_deadline_idx").on(table.proposalDeadline, table.id),
    index("challenges_budget_idx").on(table.budgetMaxMinor, table.id),
  ],
);

const challengeRef = () => challenges.id;

/** What changed after publication, shown on the challenge page for everyone to see. */
export const challengeAnnouncements = pgTable(
  "challenge_announcements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    challengeId: uuid("challenge_id").notNull().references(challengeRef, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["timeline_changed", "status_changed"] }).notNull(),
    changes: jsonb("changes").$type<Array<{ field: string; from: string; to: string }>>().notNull(),
    reason: text("reason").notNull(),
    actorId: uuid("actor_id").references(userForeignKey),
    createdAt: at("created_at").notNull(),
  },
  (table) => [index("challenge_announcements_challenge_idx").on(table.challengeId)],
);

/** Files stored in the database, so that every app process serves them. */
export const challengeAttachments = pgTable(
  "challenge_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    challengeId: uuid("challenge_id").notNull().references(challengeRef, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    bytes: bytea("bytes").notNull(),
    uploadedBy: uuid("uploaded_by").references(userForeignKey),
    uploadedAt: at("uploaded_at").notNull(),
  },
  (table) => [index("challenge_attachments_challenge_idx").on(table.challengeId)],
);

export const challengeFollows = pgTable(
  "challenge_follows",
  {
    challengeId: uuid("challenge_id").notNull().references(challengeRef, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(userForeignKey, { onDelete: "cascade" }),
    createdAt: at("created_at").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.challengeId, table.userId] }),
    index("challenge_follows_user_idx").on(table.userId),
  ],
);

/** A question and the city's answer; who asked is kept for the secretariat only. */
export const challengeClarifications = pgTable(
  "challenge_clarifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    challengeId: uuid("challenge_id").notNull().references(challengeRef, { onDelete: "cascade" }),
    question: text("question").notNull(),
    askedBy: uuid("asked_by").notNull().references(userForeignKey, { onDelete: "cascade" }),
    askedAt: at("asked_at").notNull(),
    answer: text("answer"),
    answeredBy: uuid("answered_by").references(userForeignKey),
    answeredAt: at("answered_at"),
  },
  (table) => [index("challenge_clarifications_challenge_idx").on(table.challengeId)],
);

const moderationColumns = () => ({
  hiddenAt: at("hidden_at"),
  hiddenReason: text("hidden_reason"),
  hiddenBy: uuid("hidden_by").references(userForeignKey),
});

export const challengeIdeas = pgTable(
  "challenge_ideas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    challengeId: uuid("challenge_id").notNull().references(challengeRef, { onDelete: "cascade" }),
    authorId: uuid("author_id").notNull().references(userForeignKey, { onDelete: "cascade" }),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdAt: at("created_at").notNull(),
    editedAt: at("edited_at"),
    ...moderationColumns(),
  },
  (table) => [index("challenge_ideas_challenge_idx").on(table.challengeId)],
);

export const challengeIdeaComments = pgTable(
  "challenge_idea_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ideaId: uuid("idea_id")
      .notNull()
      .references(() => challengeIdeas.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").notNull().references(userForeignKey, { onDelete: "cascade" }),
    body: text("body").notNull(),
    createdAt: at("created_at").notNull(),
    editedAt: at("edited_at"),
    ...moderationColumns(),
  },
  (table) => [index("challenge_idea_comments_idea_idx").on(table.ideaId)],
);

/** One vote per person per idea: the primary key makes a double vote impossible. */
export const challengeIdeaVotes = pgTable(
  "challenge_idea_votes",
  {
    ideaId: uuid("idea_id")
      .notNull()
      .references(() => challengeIdeas.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(userForeignKey, { onDelete: "cascade" }),
    createdAt: at("created_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.ideaId, table.userId] })],
);

/** A reader's report of an idea or comment; resolved when a moderator hides or keeps it. */
export const challengeContentReports = pgTable(
  "challenge_content_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ideaId: uuid("idea_id")
      .notNull()
      .references(() => challengeIdeas.id, { onDelete: "cascade" }),
    commentId: uuid("comment_id").references(() => challengeIdeaComments.id, {
      onDelete: "cascade",
    }),
    reporterId: uuid("reporter_id").notNull().references(userForeignKey, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    createdAt: at("created_at").notNull(),
    resolvedAt: at("resolved_at"),
  },
  (table) => [index("challenge_content_reports_idea_idx").on(table.ideaId)],
);

/** A person's catalogue filters, matched in SQL against every newly published challenge. */
export const savedSearches = pgTable(
  "challenge_saved_searches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(userForeignKey, { onDelete: "cascade" }),
    name: text("name").notNull(),
    filters: jsonb("filters").$type<CatalogueFilters>().notNull(),
    matchCount: integer("match_count").notNull().default(0),
    createdAt: at("created_at").notNull(),
  },
  (table) => [index("challenge_saved_searches_user_idx").on(table.userId)],
);
