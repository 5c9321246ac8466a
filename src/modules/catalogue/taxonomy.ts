import type { Clock } from "../../core/clock.ts";
import type { Db } from "../../core/db/client.ts";
import type { CapabilityNode } from "./contract.ts";
import {
  type CapabilityRow,
  capabilitiesMentionedIn,
  codesByLabelStart,
  codesMatchingTerms,
  listCapabilities,
  refreshCapabilityTerms,
  termKeys,
  upsertBuiltInCapabilities,
} from "./repository-taxonomy.ts";
import shipped from "./taxonomy.json" with { type: "json" };

/**
 * The capability taxonomy shipped in taxonomy.json: loaded at every start, so a release's new
 * codes, labels and synonyms reach existing installations. Codes and synonyms admins added stay.
 */
export async function ensureCapabilityTaxonomy(db: Db, clock: Clock): Promise<number> {
  const before = new Map((await listCapabilities(db)).map((row) => [row.code, row]));
  const now = clock.now();
  const rows = shipped.capabilities.map((capability, index) => ({
    code: capability.code,
    parentCode: capability.parent,
    labels: capability.labels as Record<string, string>,
    synonyms: capability.synonyms as Record<string, string[]>,
    builtIn: true,
    position: index + 1,
    createdAt: now,
  }));
  await upsertBuiltInCapabilities(db, rows);
  // Solutions search their capabilities' terms: rewrite those whose terms a release changed.
  for (const row of rows) {
    const previous = before.get(row.code);
    if (
      previous &&
      (JSON.stringify(previous.labels) !== JSON.stringify(row.labels) ||
        JSON.stringify(previous.synonyms) !== JSON.stringify(row.synonyms))
    ) {
      await refreshCapabilityTerms(db, { capabilityCode: row.code });
    }
  }
  return rows.length;
}

/** Shipped and admin-added synonyms together, per language, without repeats. */
export function allSynonyms(row: CapabilityRow): Record<string, string[]> {
  const merged: Record<string, string[]> = {};
  for (const source of [row.synonyms, row.addedSynonyms]) {
    for (const [locale, terms] of Object.entries(source)) {
      merged[locale] = [...new Set([...(merged[locale] ?? []), ...terms])];
    }
  }
  return merged;
}

export function labelIn(labels: Record<string, string>, locale: string): string {
  return labels[locale] ?? labels.en ?? Object.values(labels)[0] ?? "";
}

/** The hierarchy as nested nodes, labels and synonyms in one language. */
export function taxonomyTree(rows: CapabilityRow[], locale: string): CapabilityNode[] {
  const nodes = new Map<string, CapabilityNode>();
  for (const row of rows) {
    nodes.set(row.code, {
      code: row.code,
      label: labelIn(row.labels, locale),
      synonyms: allSynonyms(row)[locale] ?? [],
      builtIn: row.builtIn,
      children: [],
    });
  }
  const roots: CapabilityNode[] = [];
  for (const row of rows) {
    const node = nodes.get(row.code)!;
    const parent = row.parentCode ? nodes.get(row.parentCode) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

const MIN_LABEL_START = 6;

/**
 * Maps free-text tags onto taxonomy codes: a tag matches a code when it is the code itself, or
 * one of its labels or synonyms in any language, ignoring case, accents and punctuation
 * ("Pluvial flooding", "pluvial-flooding" → adaptation.stormwater). Failing that, a tag of six
 * characters or more matches the codes one of whose labels begins with it as whole words
 * ("stormwater" → "Stormwater and cloudburst management"). Tags that match nothing get no
 * codes; a tag may match several codes.
 */
export async function mapTagsToCapabilities(
  db: Db,
  tags: string[],
): Promise<Array<{ tag: string; codes: string[] }>> {
  const keys = await termKeys(db, tags);
  const matches = await codesMatchingTerms(db, tags);
  const codesByKey = new Map<string, string[]>();
  for (const match of matches) {
    codesByKey.set(match.key, [...(codesByKey.get(match.key) ?? []), match.code].sort());
  }
  // No label or synonym is the tag: a label that starts with it will do, unless it is too short
  // to mean anything on its own ("heat", "smart").
  const unmatched = [
    ...new Set(keys.filter((key) => key.length >= MIN_LABEL_START && !codesByKey.has(key))),
  ];
  for (const match of await codesByLabelStart(db, unmatched)) {
    codesByKey.set(match.key, [...(codesByKey.get(match.key) ?? []), match.code].sort());
  }
  return tags.map((tag, index) => ({ tag, codes: codesByKey.get(keys[index] ?? "") ?? [] }));
}

/**
 * The domain synonyms a search text implies: for every capability one of whose labels or
 * synonyms the text contains (as whole words, any language), all of that capability's labels
 * and synonyms. "cloudburst retention" → "Stormwater and cloudburst management", "pluvial
 * flooding", "sponge city", "eaux pluviales", … Empty when the text names no capability.
 */
export async function expandQueryWithSynonyms(db: Db, text: string): Promise<string[]> {
  if (!text.trim()) return [];
  const mentioned = await capabilitiesMentionedIn(db, text);
  return [...new Set(mentioned.flatMap((capability) => capability.terms))];
}

/** Synonym phrases added to one search at most (a long text could name many capabilities). */
const MAX_SYNONYM_PHRASES = 60;

/** A search for the text as typed or any synonym of a capability it names. */
export async function searchTextFor(
  db: Db,
  text: string,
): Promise<{ query: string; phrases: string[] }> {
  const phrases = (await expandQueryWithSynonyms(db, text)).slice(0, MAX_SYNONYM_PHRASES);
  return { query: text, phrases };
}
