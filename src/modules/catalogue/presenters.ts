import { renderMarkdown } from "../../core/text/markdown.ts";
import type { OrganisationSummary } from "../organisations/contract.ts";
import type {
  Capability,
  Sector,
  Solution,
  SolutionAbilities,
  SolutionSummary,
  SolutionVersion,
} from "./contract.ts";
import type { SolutionRow, SolutionVersionRow } from "./repository.ts";
import type { SearchOrder, SearchPosition } from "./repository-search.ts";
import type { CapabilityRow } from "./repository-taxonomy.ts";
import { allSynonyms } from "./taxonomy.ts";

/** What presenting solutions needs besides their rows, loaded once per response. */
export interface SolutionLookups {
  codes: Map<string, string[]>;
  labels: Map<string, Record<string, string>>;
  providers: Map<string, OrganisationSummary>;
}

/** The content a version keeps: what an edit can change. */
export interface SolutionContent {
  title: string;
  summary: string;
  description: string;
  sectors: string[];
  capabilities: string[];
  trl: number;
  countriesDeployed: string[];
  media: Array<{ url: string; alt: string }>;
  referenceLinks: string[];
}

export function contentOf(row: SolutionRow, capabilities: string[]): SolutionContent {
  return {
    title: row.title,
    summary: row.summary,
    description: row.description,
    sectors: row.sectors,
    capabilities,
    trl: row.trl,
    countriesDeployed: row.countries,
    media: row.media,
    referenceLinks: row.referenceLinks,
  };
}

/** JSON with object keys sorted: jsonb gives media back as {alt, url}, a request has {url, alt}. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}

/** The fields whose values differ between two versions' content. */
export function changedFields(
  before: SolutionContent,
  after: SolutionContent,
): Array<keyof SolutionContent> {
  return (Object.keys(before) as Array<keyof SolutionContent>).filter(
    (field) => canonical(before[field]) !== canonical(after[field]),
  );
}

/** Null when the provider is unknown (never expected: solutions are created for one). */
export function presentSolutionSummary(
  row: SolutionRow,
  lookups: SolutionLookups,
): SolutionSummary | null {
  const provider = lookups.providers.get(row.providerId);
  if (!provider) return null;
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    sectors: row.sectors as Sector[],
    capabilities: (lookups.codes.get(row.id) ?? []).map((code) => ({
      code,
      labels: lookups.labels.get(code) ?? {},
    })),
    trl: row.trl,
    countriesDeployed: row.countries,
    provider,
    status: row.status,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentSolution(
  row: SolutionRow,
  lookups: SolutionLookups,
  abilities: SolutionAbilities,
): Solution | null {
  const summary = presentSolutionSummary(row, lookups);
  if (!summary) return null;
  return {
    ...summary,
    description: row.description,
    descriptionHtml: renderMarkdown(row.description),
    media: row.media,
    referenceLinks: row.referenceLinks,
    abilities,
  };
}

export function presentSolutionVersion(
  row: SolutionVersionRow,
  editorName: string | null,
): SolutionVersion {
  const content = row.content as unknown as SolutionContent;
  return {
    version: row.version,
    editedAt: row.editedAt.toISOString(),
    editedBy: editorName,
    ...content,
  };
}

export function presentCapability(row: CapabilityRow): Capability {
  return {
    code: row.code,
    parent: row.parentCode,
    labels: row.labels,
    synonyms: allSynonyms(row),
    builtIn: row.builtIn,
  };
}

// The catalogue's cursor: where the last row of a page sits in the page's order, opaque to
// callers (base64url JSON). It names its order, so a cursor is never read in another one.

export function encodeCursor(
  order: SearchOrder,
  row: { solution: SolutionRow; key: number | null },
): string {
  return Buffer.from(
    JSON.stringify([order, row.key, row.solution.createdAt.toISOString(), row.solution.id]),
  ).toString("base64url");
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeCursor(cursor: string, order: SearchOrder): SearchPosition | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 4) return null;
    const [cursorOrder, key, createdAt, id] = value as unknown[];
    if (cursorOrder !== order) return null;
    if (key !== null && !Number.isSafeInteger(key)) return null;
    if (typeof createdAt !== "string" || typeof id !== "string" || !uuidPattern.test(id)) {
      return null;
    }
    const date = new Date(createdAt);
    if (Number.isNaN(date.getTime())) return null;
    return { key: key as number | null, createdAt: date, id };
  } catch {
    return null;
  }
}
