import type { Db } from "../../core/db/client.ts";
import { renderMarkdown } from "../../core/text/markdown.ts";
import { solutionProfiles } from "../catalogue/index.ts";
import { challengeCards } from "../challenges/index.ts";
import type { EventOutcomes } from "./contract-outcomes.ts";
import type { OutcomesRow } from "./repository-outcomes.ts";

/**
 * Outcomes as the pages show them: notes rendered inert, and only the linked challenges and
 * solutions that are still public (a challenge back to draft or an archived solution drops out).
 */
export async function presentOutcomes(db: Db, rows: OutcomesRow[]): Promise<EventOutcomes[]> {
  const challenges = await challengeCards(
    db,
    rows.flatMap((row) => row.challengeIds),
  );
  const solutions = new Map(
    (
      await solutionProfiles(
        db,
        rows.flatMap((row) => row.solutionIds),
      )
    ).map((solution) => [solution.id, solution]),
  );
  return rows.map((row) => ({
    notes: row.notes,
    notesHtml: renderMarkdown(row.notes),
    ideas: row.ideas,
    challenges: row.challengeIds.flatMap((id) => {
      const card = challenges.get(id);
      return card ? [{ id, title: card.title }] : [];
    }),
    solutions: row.solutionIds.flatMap((id) => {
      const solution = solutions.get(id);
      return solution ? [{ id, title: solution.title }] : [];
    }),
    recordedAt: row.recordedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}
