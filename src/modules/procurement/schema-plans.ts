import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { userForeignKey } from "../accounts/index.ts";
import type { Advice, AdvisorAnswers } from "./contract-advisor.ts";
import { bidderKinds } from "./schema.ts";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * The procurement plan a city applied to a challenge: the advisor's answers and advice as they
 * were (the rules may change later; `advice.rulesVersion` says which ones), the model chosen and
 * why when it differs from the advice. Keyed by the challenge (challenges module): no foreign key
 * across modules. The challenge's own procurement model and deadlines are set with it.
 */
export const procurementPlans = pgTable("procurement_plans", {
  challengeId: uuid("challenge_id").primaryKey(),
  answers: jsonb("answers").$type<AdvisorAnswers>().notNull(),
  advice: jsonb("advice").$type<Advice>().notNull(),
  chosenModel: text("chosen_model").notNull(),
  deviationReason: text("deviation_reason"),
  createdBy: uuid("created_by").references(userForeignKey),
  createdAt: at("created_at").notNull(),
  updatedBy: uuid("updated_by").references(userForeignKey),
  updatedAt: at("updated_at").notNull(),
});

/** The plan's phases in order (number 1, 2, …), replaced as a whole while the challenge is a draft. */
export const procurementPlanPhases = pgTable(
  "procurement_plan_phases",
  {
    challengeId: uuid("challenge_id")
      .notNull()
      .references(() => procurementPlans.challengeId, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    key: text("key").notNull(),
    startsAt: at("starts_at").notNull(),
    endsAt: at("ends_at").notNull(),
    /** Pre-commercial procurement: at most this many bidders are admitted to the phase. */
    maxBidders: integer("max_bidders"),
  },
  (table) => [primaryKey({ columns: [table.challengeId, table.number] })],
);

/**
 * The city's decision admitting bidders to a pre-commercial phase: one per phase, final, with
 * its reason; public once taken (after the proposal deadline, when who bid is no longer sealed).
 */
export const procurementPhaseDecisions = pgTable(
  "procurement_phase_decisions",
  {
    challengeId: uuid("challenge_id").notNull(),
    number: integer("number").notNull(),
    reason: text("reason").notNull(),
    decidedBy: uuid("decided_by").references(userForeignKey),
    decidedAt: at("decided_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.challengeId, table.number] })],
);

/** The bidders a decision admits. */
export const procurementPhaseAdmissions = pgTable(
  "procurement_phase_admissions",
  {
    challengeId: uuid("challenge_id").notNull(),
    number: integer("number").notNull(),
    bidderKind: text("bidder_kind", { enum: bidderKinds }).notNull(),
    bidderId: uuid("bidder_id").notNull(),
  },
  (table) => [
    primaryKey({
      columns: [table.challengeId, table.number, table.bidderKind, table.bidderId],
    }),
    index("procurement_phase_admissions_bidder_idx").on(table.bidderKind, table.bidderId),
  ],
);
