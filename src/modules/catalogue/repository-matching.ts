import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../core/db/client.ts";
import { capabilities, solutionCapabilities, solutions } from "./schema.ts";

/**
 * The catalogue's half of matchmaking: the factor values of solutions for a need, computed in
 * the database over the candidates only (solutions that share a word, a synonym or a capability
 * with the need), weighted and ordered there, so a large catalogue is never loaded. Which
 * factors count how much, and what they mean to a reader, is the matchmaking module's business.
 */

/** Every label and synonym (all languages) of the capability aliased `c`. */
const termsOfCapability = sql`(
  select value from jsonb_each_text(c.labels)
  union all select jsonb_array_elements_text(value) from jsonb_each(c.synonyms)
  union all select jsonb_array_elements_text(value) from jsonb_each(c.added_synonyms)
)`;

/**
 * The capabilities a text names, by any label or synonym in any language, compared after
 * stemming ("cloudbursts" names "cloudburst"), with the term that named each.
 */
export async function capabilitiesNamedIn(
  db: Db,
  text: string,
): Promise<Array<{ code: string; term: string }>> {
  if (!text.trim()) return [];
  return queryRows<{ code: string; term: string }>(
    db,
    sql`with doc as (select to_tsvector('english', catalogue_unaccent(${text})) as vector)
        select distinct on (c.code) c.code, t.term
        from ${capabilities} c
        cross join lateral ${termsOfCapability} as t(term)
        cross join doc
        where numnode(phraseto_tsquery('english', catalogue_unaccent(t.term))) > 0
          and doc.vector @@ phraseto_tsquery('english', catalogue_unaccent(t.term))
        order by c.code, length(t.term) desc`,
  );
}

export interface NeedRequirement {
  code: string;
  /** The code and the codes below it: any of them covers the requirement. */
  covering: string[];
  /** Broader codes (its ancestors): a solution claiming only those covers it in part. */
  partial: string[];
  /**
   * Its labels and synonyms: a solution that declares no covering code but names one of these
   * in its text covers it by its own account (the taxonomy's words, not a shared common word).
   */
  terms: string[];
}

/** What a requirement is worth, covered by a declared code, a broader one, or the text alone. */
export const COVER_DECLARED = 1;
export const COVER_NAMED = 0.75;
export const COVER_BROADER = 0.5;

export interface SolutionNeed {
  /** Stemmed words of the need; a solution containing any is a candidate. */
  lexemes: string[];
  /** Synonym phrases of the capabilities the need names, each searched as a phrase. */
  phrases: string[];
  requirements: NeedRequirement[];
  sectors: string[];
  minTrl: number | null;
  /** Keep solutions below the minimum TRL (flagged); otherwise they are left out. */
  includeBelowMinTrl: boolean;
  /** The need's country and the other countries of its region, for deployments nearby. */
  country: string | null;
  regionCountries: string[];
  /** Leave out solutions of these providers (the asking organisation's own). */
  excludeProviders: string[];
}

export interface NeedWeights {
  text: number;
  capabilities: number;
  sectors: number;
  trl: number;
  evidence: number;
  geography: number;
}

/** One solution's factor values, each in [0, 1], and what they rest on. */
export interface SolutionFit {
  id: string;
  providerId: string;
  score: number;
  text: number;
  capabilities: number;
  sectors: number;
  trl: number;
  evidence: number;
  geography: number;
  belowMinTrl: boolean;
  solutionTrl: number;
  /** Per requirement, in the need's order: 1 covered, 0.5 in part, 0 not. */
  coverage: number[];
  matchedLexemes: string[];
  matchedPhrases: string[];
  countries: string[];
  solutionSectors: string[];
}

const arrayOf = (values: string[], type: "text" | "uuid") =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::${sql.raw(type)}[]`;
const textArray = (values: string[]) => arrayOf(values, "text");

/** Any of the phrases, as one tsquery (empty when none). */
function phrasesQuery(phrases: string[]): SQL {
  if (phrases.length === 0) return sql`''::tsquery`;
  return sql`(${sql.join(
    phrases.map((phrase) => sql`phraseto_tsquery('english', catalogue_unaccent(${phrase}))`),
    sql` || `,
  )})`;
}

/** lexeme1 | lexeme2 | … and each phrase, as one tsquery (lexemes quoted: taken as they are). */
function needQuery(need: SolutionNeed): SQL {
  const parts: SQL[] = [];
  if (need.lexemes.length > 0) {
    parts.push(
      sql`(select string_agg(quote_literal(l), ' | ')::tsquery from unnest(${textArray(need.lexemes)}) as l)`,
    );
  }
  for (const phrase of need.phrases) {
    parts.push(sql`phraseto_tsquery('english', catalogue_unaccent(${phrase}))`);
  }
  return parts.length > 0 ? sql.join(parts, sql` || `) : sql`''::tsquery`;
}

/**
 * The best `limit` active solutions for the need, by the weighted sum of their factors, best
 * first (ties by id, so the order is stable).
 */
export async function scoreSolutionsForNeed(
  db: Db,
  need: SolutionNeed,
  weights: NeedWeights,
  limit: number,
): Promise<SolutionFit[]> {
  const covering = [...new Set(need.requirements.flatMap((r) => r.covering))];
  const requirementRows = need.requirements.length
    ? sql`(values ${sql.join(
        need.requirements.map(
          (requirement, index) =>
            sql`(${index}::int, ${textArray(requirement.covering)}, ${textArray(requirement.partial)}, ${phrasesQuery(requirement.terms)})`,
        ),
        sql`, `,
      )}) as r(position, covering, partial, named)`
    : sql`(select 0::int as position, '{}'::text[] as covering, '{}'::text[] as partial, ''::tsquery as named where false) as r`;
  const trlCondition =
    need.minTrl !== null && !need.includeBelowMinTrl ? sql`and s.trl >= ${need.minTrl}` : sql``;
  const rows = await queryRows<
    Omit<SolutionFit, "coverage" | "matchedLexemes" | "matchedPhrases"> & {
      coverage: number[] | null;
    }
  >(
    db,
    sql`with q as (select (${needQuery(need)}) as query),
      candidates as (
        select s.id from ${solutions} s, q where q.query <> ''::tsquery and s.search @@ q.query
        union
        select sc.solution_id from ${solutionCapabilities} sc
        where sc.capability_code = any(${textArray(covering)})
      ),
      facts as (
        select s.id, s.provider_id, s.trl, s.sectors, s.countries, s.search,
          ts_rank('{0.1, 0.2, 0.4, 1.0}', s.search, q.query, 32) as text_rank,
          array(select sc.capability_code from ${solutionCapabilities} sc where sc.solution_id = s.id) as codes
        from candidates c
        join ${solutions} s on s.id = c.id
        cross join q
        where s.status = 'active'
          and not (s.provider_id = any(${arrayOf(need.excludeProviders, "uuid")}))
          ${trlCondition}
      ),
      factors as (
        select f.*,
          coalesce(f.text_rank / nullif(max(f.text_rank) over (), 0), 0) as text,
          (select coalesce(array_agg(case when f.codes && r.covering then ${COVER_DECLARED}::float8
                                          when r.named <> ''::tsquery and f.search @@ r.named then ${COVER_NAMED}::float8
                                          when f.codes && r.partial then ${COVER_BROADER}::float8
                                          else 0 end order by r.position), '{}')::float8[]
             from ${requirementRows}) as coverage,
          case when cardinality(${textArray(need.sectors)}) = 0 then 0
               else (select count(*) from unnest(f.sectors) x where x = any(${textArray(need.sectors)}))::float
                    / cardinality(${textArray(need.sectors)}) end as sectors_fit,
          case when ${need.minTrl}::int is null then least(1.0, f.trl / 7.0)
               when f.trl >= ${need.minTrl}::int then 1.0
               else greatest(0.0, 1.0 - (${need.minTrl}::int - f.trl) / 3.0) end as trl_fit,
          least(1.0, cardinality(f.countries) / 3.0) as evidence,
          case when ${need.country}::text is not null and ${need.country}::text = any(f.countries) then 1.0
               when f.countries && ${textArray(need.regionCountries)} then 0.5
               else 0 end as geography
        from facts f
      ),
      scored as (
        select x.*,
          case when cardinality(x.coverage) = 0 then 0
               else (select sum(v) from unnest(x.coverage) v) / cardinality(x.coverage) end as capability_fit
        from factors x
      )
      select id, provider_id as "providerId", trl as "solutionTrl", countries,
        sectors as "solutionSectors",
        text, capability_fit as capabilities, sectors_fit as sectors, trl_fit as trl, evidence, geography,
        coverage,
        (${need.minTrl}::int is not null and trl < ${need.minTrl}::int) as "belowMinTrl",
        (${weights.text}::float * text + ${weights.capabilities}::float * capability_fit
          + ${weights.sectors}::float * sectors_fit + ${weights.trl}::float * trl_fit
          + ${weights.evidence}::float * evidence + ${weights.geography}::float * geography) as score
      from scored
      order by score desc, id
      limit ${limit}`,
  );
  const ids = rows.map((row) => row.id);
  const matches = await matchedTerms(db, need, ids);
  return rows.map((row) => ({
    ...row,
    score: Number(row.score),
    text: Number(row.text),
    capabilities: Number(row.capabilities),
    sectors: Number(row.sectors),
    trl: Number(row.trl),
    evidence: Number(row.evidence),
    geography: Number(row.geography),
    coverage: (row.coverage ?? []).map(Number),
    matchedLexemes: matches.get(row.id)?.lexemes ?? [],
    matchedPhrases: matches.get(row.id)?.phrases ?? [],
  }));
}

/** For the solutions shown: which of the need's words and synonym phrases each contains. */
async function matchedTerms(
  db: Db,
  need: SolutionNeed,
  ids: string[],
): Promise<Map<string, { lexemes: string[]; phrases: string[] }>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; lexemes: string[]; phrases: string[] }>(
    db,
    sql`select s.id,
          array(select l from unnest(tsvector_to_array(s.search)) l
                where l = any(${textArray(need.lexemes)}) order by l) as lexemes,
          array(select p from unnest(${textArray(need.phrases)}) p
                where numnode(phraseto_tsquery('english', catalogue_unaccent(p))) > 0
                  and s.search @@ phraseto_tsquery('english', catalogue_unaccent(p))) as phrases
        from ${solutions} s
        where s.id = any(${arrayOf(ids, "uuid")})`,
  );
  return new Map(rows.map((row) => [row.id, { lexemes: row.lexemes, phrases: row.phrases }]));
}

/** Every label and synonym (all languages) of each code. */
export async function termsOfCapabilities(db: Db, codes: string[]): Promise<Map<string, string[]>> {
  if (codes.length === 0) return new Map();
  const rows = await queryRows<{ code: string; terms: string[] }>(
    db,
    sql`select c.code, array(select distinct t.term from ${termsOfCapability} as t(term)) as terms
        from ${capabilities} c where c.code = any(${textArray(codes)})`,
  );
  return new Map(rows.map((row) => [row.code, row.terms]));
}

/** Each word of a text with its stem as the search column stores it ("cloudbursts" → "cloudburst"). */
export async function wordsWithLexemes(
  db: Db,
  text: string,
): Promise<Array<{ word: string; lexeme: string }>> {
  const words = [
    ...new Set(text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) ?? []),
  ];
  if (words.length === 0) return [];
  return queryRows<{ word: string; lexeme: string }>(
    db,
    sql`select w as word, l as lexeme
        from unnest(${textArray(words)}) as w
        cross join lateral unnest(tsvector_to_array(to_tsvector('english', catalogue_unaccent(w)))) as l`,
  );
}
