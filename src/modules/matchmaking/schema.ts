import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { PreparedNeed, SolutionFit, TextWeights } from "../catalogue/index.ts";

/**
 * Recommendations computed ahead of requests: per challenge, its best candidate solutions with
 * their factor values, and what they were computed from, so that a request can tell a list that
 * still holds from a stale one (docs/matchmaking.md, "Freshness"). Only this module reads them.
 */

/** What the explanations need besides the fits: the need as the challenge's own words say it. */
export interface StoredNeedContext {
  requirements: Array<{ code: string; inferred: boolean }>;
  wordOfLexeme: Array<[string, string]>;
  phraseOrigins: Array<[string, string]>;
}

export const challengeRecommendationLists = pgTable("challenge_recommendation_lists", {
  challengeId: uuid("challenge_id").primaryKey(),
  /** A hash of what the challenge asks for (text, sectors, capabilities, TRL, city) then. */
  needStamp: text("need_stamp").notNull(),
  /** The capability taxonomy's fingerprint then. */
  taxonomyStamp: text("taxonomy_stamp").notNull(),
  /** The need's lexemes, and the catalogue's weights of them then (statistics or counts). */
  lexemes: text("lexemes").array().notNull(),
  textWeights: jsonb("text_weights").$type<TextWeights>().notNull(),
  context: jsonb("context").$type<StoredNeedContext>().notNull(),
  /** The need, ready to score one changed solution against (catalogue's PreparedNeed). */
  preparedNeed: jsonb("prepared_need").$type<PreparedNeed>().notNull(),
  /**
   * How many of the best entries (all of them; those at or above the minimum TRL) are known to
   * be the catalogue's best, in order; null when every candidate is stored. A request needing
   * more than that computes on demand.
   */
  depth: integer("depth"),
  depthAtOrAbove: integer("depth_at_or_above"),
  computedAt: timestamp("computed_at", { withTimezone: true, mode: "date" }).notNull(),
});

export const challengeRecommendationEntries = pgTable(
  "challenge_recommendation_entries",
  {
    challengeId: uuid("challenge_id")
      .notNull()
      .references(() => challengeRecommendationLists.challengeId, { onDelete: "cascade" }),
    solutionId: uuid("solution_id").notNull(),
    /** The catalogue's score (before the provider's place is added), which orders the list. */
    score: doublePrecision("score").notNull(),
    belowMinTrl: boolean("below_min_trl").notNull(),
    fit: jsonb("fit").$type<SolutionFit>().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.challengeId, table.solutionId] }),
    index("challenge_recommendation_entries_rank_idx").on(
      table.challengeId,
      table.score.desc(),
      table.solutionId,
    ),
    index("challenge_recommendation_entries_solution_idx").on(table.solutionId),
  ],
);
