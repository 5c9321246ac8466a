import type { CapabilityNode } from "../contract.ts";

/** A capability with its place in the tree, for pickers and facets. */
export interface CapabilityEntry {
  code: string;
  label: string;
  synonyms: string[];
  /** Labels of its ancestors, root first ("Climate adaptation"). */
  ancestors: string[];
  depth: number;
  hasChildren: boolean;
}

/** The tree in reading order (each parent before its children). */
export function flattenCapabilities(nodes: CapabilityNode[]): CapabilityEntry[] {
  const entries: CapabilityEntry[] = [];
  const visit = (node: CapabilityNode, ancestors: string[]) => {
    entries.push({
      code: node.code,
      label: node.label,
      synonyms: node.synonyms,
      ancestors,
      depth: ancestors.length,
      hasChildren: node.children.length > 0,
    });
    for (const child of node.children) visit(child, [...ancestors, node.label]);
  };
  for (const node of nodes) visit(node, []);
  return entries;
}

/** "Climate adaptation › Stormwater and cloudburst management". */
export const pathOf = (entry: CapabilityEntry): string =>
  [...entry.ancestors, entry.label].join(" › ");

/** Lower case without accents, so "energia" finds "Energía". */
export const foldText = (text: string): string =>
  text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();

export interface CapabilityMatch {
  entry: CapabilityEntry;
  /** The synonym that matched, when the label did not. */
  synonym: string | null;
}

/**
 * Capabilities whose label or a synonym contains every typed word; labels that start with the
 * text come first, then other label matches, then synonym matches.
 */
export function matchCapabilities(
  entries: CapabilityEntry[],
  text: string,
  limit = 12,
): CapabilityMatch[] {
  const words = foldText(text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const scored: Array<CapabilityMatch & { score: number }> = [];
  for (const entry of entries) {
    const label = foldText(entry.label);
    if (words.every((word) => label.includes(word))) {
      scored.push({ entry, synonym: null, score: label.startsWith(words[0]!) ? 0 : 1 });
      continue;
    }
    const synonym = entry.synonyms.find((candidate) => {
      const folded = foldText(candidate);
      return words.every((word) => folded.includes(word));
    });
    if (synonym) scored.push({ entry, synonym, score: 2 });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.entry.depth - b.entry.depth)
    .slice(0, limit)
    .map(({ entry, synonym }) => ({ entry, synonym }));
}
