import type { Db } from "../../core/db/client.ts";
import type { FieldProblem } from "../../core/http/problem.ts";
import { findForm } from "./repository.ts";
import type { StoredSection, StoredSectionText } from "./schema.ts";

/**
 * The proposal form: the sections a challenge's proposals fill in. When the city defines none,
 * every challenge asks for these (the web shows them in the reader's language by key).
 */
export const defaultSections: StoredSection[] = [
  {
    key: "approach",
    title: "Approach and solution",
    guidance:
      "How you would meet the challenge: the solution, how it reaches the city's targets, its maturity (TRL) and the main risks.",
    required: true,
    maxLength: 8000,
  },
  {
    key: "team",
    title: "Team and references",
    guidance:
      "Who does the work and in which role, and where the solution is deployed already (references).",
    required: true,
    maxLength: 5000,
  },
  {
    key: "work_plan",
    title: "Work plan and milestones",
    guidance: "Phases, milestones and deliverables, with their dates.",
    required: true,
    maxLength: 5000,
  },
  {
    key: "price_rationale",
    title: "Price rationale",
    guidance: "What the price covers and how it is built up.",
    required: true,
    maxLength: 3000,
  },
];

/** Texts are kept in Unicode NFC with \n line ends and no surrounding blanks: what is hashed. */
export function normaliseText(text: string): string {
  return text.normalize("NFC").replace(/\r\n?/g, "\n").trim();
}

/** Characters as people count them (Unicode code points), not UTF-16 units. */
export function characterCount(text: string): number {
  return [...text].length;
}

/**
 * The section texts to store, in the form's order (empty optional sections left out), and what
 * is wrong with them, each problem naming its field (body.sections.<key>).
 */
export function checkSections(
  form: StoredSection[],
  given: Record<string, string>,
): { texts: StoredSectionText[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const known = new Set(form.map((section) => section.key));
  for (const key of Object.keys(given)) {
    if (!known.has(key)) {
      problems.push({
        field: `body.sections.${key}`,
        message: "is not a section of this challenge's proposal form",
      });
    }
  }
  const texts: StoredSectionText[] = [];
  for (const section of form) {
    const text = normaliseText(given[section.key] ?? "");
    const field = `body.sections.${section.key}`;
    if (text === "") {
      if (section.required) problems.push({ field, message: "is required" });
      continue;
    }
    const length = characterCount(text);
    if (length > section.maxLength) {
      problems.push({
        field,
        message: `is ${length} characters long; at most ${section.maxLength} are allowed`,
      });
    }
    texts.push({ key: section.key, text });
  }
  return { texts, problems };
}

/** The challenge's form: the city's sections, or the default ones when it defined none. */
export async function formOf(
  db: Db,
  challengeId: string,
): Promise<{ custom: boolean; sections: StoredSection[] }> {
  const row = await findForm(db, challengeId);
  return row
    ? { custom: true, sections: row.sections }
    : { custom: false, sections: defaultSections };
}
