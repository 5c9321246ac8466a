import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { userForeignKey } from "../accounts/index.ts";
import { proposals } from "./schema.ts";

/**
 * The evaluation of a challenge's proposals: its setup (criteria, panel, options), the
 * evaluators' conflict-of-interest declarations, their scores, the award, and the city's contact
 * log. Keyed by the challenge (challenges module): no foreign key across modules.
 * docs/procurement.md, "Evaluation".
 */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const criterionKinds = ["technical", "financial"] as const;
export const panelRoles = ["chair", "evaluator"] as const;
export const declarationVerdicts = ["no_conflict", "conflict"] as const;
export const contactChannels = ["email", "phone", "video", "meeting", "event", "other"] as const;

/** A challenge's evaluation options; its criteria and panel hang off the same challenge. */
export const evaluationSetups = pgTable("evaluation_setups", {
  challengeId: uuid("challenge_id").primaryKey(),
  /** Evaluators see proposals without the bidder until the chair locks technical scores. */
  blind: boolean("blind").notNull(),
  /** Days between the award decision and its becoming final. */
  standstillDays: integer("standstill_days").notNull(),
  definedBy: uuid("defined_by").references(userForeignKey),
  definedAt: at("defined_at").notNull(),
  technicalLockedBy: uuid("technical_locked_by").references(userForeignKey),
  technicalLockedAt: at("technical_locked_at"),
});

/** One criterion, in the city's order; weights of a challenge's criteria sum to 100. */
export const evaluationCriteria = pgTable(
  "evaluation_criteria",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    challengeId: uuid("challenge_id").notNull(),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    weight: integer("weight").notNull(),
    kind: text("kind", { enum: criterionKinds }).notNull(),
  },
  (table) => [
    uniqueIndex("evaluation_criteria_position_idx").on(table.challengeId, table.position),
  ],
);

/** The evaluator panel: members of the owning city organisation, exactly one of them chair. */
export const evaluationPanel = pgTable(
  "evaluation_panel",
  {
    challengeId: uuid("challenge_id").notNull(),
    userId: uuid("user_id").notNull().references(userForeignKey),
    role: text("role", { enum: panelRoles }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.challengeId, table.userId] }),
    index("evaluation_panel_user_idx").on(table.userId),
  ],
);

/**
 * An evaluator's conflict-of-interest declaration for one proposal, before opening it. One per
 * evaluator and proposal; "no conflict" may later become "conflict", never the reverse.
 * `detected` records what the platform found at the time (the check is repeated at every read).
 */
export const conflictDeclarations = pgTable(
  "conflict_declarations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    challengeId: uuid("challenge_id").notNull(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id),
    userId: uuid("user_id").notNull().references(userForeignKey),
    verdict: text("verdict", { enum: declarationVerdicts }).notNull(),
    reason: text("reason").notNull(),
    detected: boolean("detected").notNull(),
    declaredAt: at("declared_at").notNull(),
  },
  (table) => [
    uniqueIndex("conflict_declarations_evaluator_idx").on(table.proposalId, table.userId),
    index("conflict_declarations_challenge_idx").on(table.challengeId),
  ],
);

/** An evaluator's score (0–10) on one criterion for one proposal, with its justification. */
export const evaluationScores = pgTable(
  "evaluation_scores",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    challengeId: uuid("challenge_id").notNull(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id),
    criterionId: uuid("criterion_id")
      .notNull()
      .references(() => evaluationCriteria.id),
    userId: uuid("user_id").notNull().references(userForeignKey),
    score: integer("score").notNull(),
    justification: text("justification").notNull(),
    scoredAt: at("scored_at").notNull(),
  },
  (table) => [
    uniqueIndex("evaluation_scores_cell_idx").on(table.proposalId, table.criterionId, table.userId),
    index("evaluation_scores_challenge_idx").on(table.challengeId),
  ],
);

/**
 * The chair's award decisions: the winning proposal, why, and the standstill. Final once the
 * server clock passes `standstill_ends_at` (computed, never stored as a status). The chair may
 * cancel an award during the standstill: the row stays (cancelled_at, the reason) so the history
 * is public, and the challenge may be awarded again — one live (not cancelled) award at a time.
 */
export const evaluationAwards = pgTable(
  "evaluation_awards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    challengeId: uuid("challenge_id").notNull(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id),
    justification: text("justification").notNull(),
    /** The winner's price at its latest revision, copied for the public notice. */
    valueAmountMinor: bigint("value_amount_minor", { mode: "number" }).notNull(),
    valueCurrency: text("value_currency").notNull(),
    decidedBy: uuid("decided_by").references(userForeignKey),
    decidedAt: at("decided_at").notNull(),
    standstillEndsAt: at("standstill_ends_at").notNull(),
    /** Set when the chair cancelled the award during the standstill. */
    cancelledAt: at("cancelled_at"),
    cancelledBy: uuid("cancelled_by").references(userForeignKey),
    cancellationReason: text("cancellation_reason"),
  },
  (table) => [
    uniqueIndex("evaluation_awards_live_idx")
      .on(table.challengeId)
      .where(sql`${table.cancelledAt} is null`),
    index("evaluation_awards_challenge_idx").on(table.challengeId, table.decidedAt),
  ],
);

/**
 * Contacts between the city's staff and a (potential) bidder while a procurement is open,
 * published with the award notice.
 */
export const contactLog = pgTable(
  "procurement_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    challengeId: uuid("challenge_id").notNull(),
    /** The city's person in the contact. */
    cityUserId: uuid("city_user_id").notNull().references(userForeignKey),
    /** The organisation contacted. */
    organisationId: uuid("organisation_id").notNull(),
    contactAt: at("contact_at").notNull(),
    channel: text("channel", { enum: contactChannels }).notNull(),
    oneToOne: boolean("one_to_one").notNull(),
    subject: text("subject").notNull(),
    recordedBy: uuid("recorded_by").references(userForeignKey),
    recordedAt: at("recorded_at").notNull(),
  },
  (table) => [index("procurement_contacts_challenge_idx").on(table.challengeId)],
);
