import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { userForeignKey } from "../accounts/index.ts";
import { events } from "./schema.ts";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export interface StoredIdea {
  title: string;
  text: string;
}

/**
 * What came out of a workshop or meeting, recorded by its hosts once it ended: notes (Markdown),
 * ideas, and the challenges and catalogue solutions it worked on. Challenges and solutions belong
 * to other modules: ids only, no foreign key across modules (they are checked when written and
 * shown only while still public).
 */
export const eventOutcomes = pgTable(
  "event_outcomes",
  {
    eventId: uuid("event_id")
      .primaryKey()
      .references(() => events.id, { onDelete: "cascade" }),
    notes: text("notes").notNull(),
    ideas: jsonb("ideas").$type<StoredIdea[]>().notNull(),
    challengeIds: uuid("challenge_ids").array().notNull(),
    solutionIds: uuid("solution_ids").array().notNull(),
    recordedAt: at("recorded_at").notNull(),
    updatedAt: at("updated_at").notNull(),
    updatedBy: uuid("updated_by").references(userForeignKey, { onDelete: "set null" }),
  },
  // The challenge page asks for the outcomes naming its challenge.
  (table) => [index("event_outcomes_challenges_idx").using("gin", table.challengeIds)],
);
