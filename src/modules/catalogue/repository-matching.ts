import { getTableName, type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../core/db/client.ts";
import { verifiedReferenceCities } from "../references/index.ts";
import { capabilities, solutionCapabilities, solutions } from "./schema.ts";

/**
 * The catalogue's half of matchmaking: the factor values of solutions for a need, computed in
 * the database over the candidates only (solutions that share a word, a synonym or a capability
 * with the need; on a large catalogue, a word other than its commonest), weighted and ordered
 * there, so a large catalogue is never loaded. Which factors count how much, and what they mean
 * to a reader, is the matchmaking module's business.
 */

/**
 * Every label and synonym (all languages) of the capability aliased `c`, as one set-returning
 * call: nested jsonb_each / jsonb_array_elements calls make the planner guess 100 rows per
 * level (about 20,000 terms per capability instead of ~10), a cost that switches PostgreSQL's
 * JIT compiler on, which then spends over 100 ms compiling a query that runs in 3.
 */
const termsOfCapability = sql`jsonb_array_elements_text(
  jsonb_path_query_array(c.labels, '$.*')
  || jsonb_path_query_array(c.synonyms, '$.*[*]')
  || jsonb_path_query_array(c.added_synonyms, '$.*[*]')
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
  /**
   * Distinct cities that verified a reference of the solution (absent from recommendation lists
   * stored before references counted).
   */
  verifiedReferences?: number;
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

/**
 * The evidence factor: deployments a buyer can lean on. A country the provider lists counts 1,
 * a city that verified a reference (references module) counts 2, as a city vouching is stronger
 * than a claim; 3 such points make full evidence.
 */
export function evidenceOf(solutionId: SQL, countries: SQL): SQL {
  return sql`least(1.0, (cardinality(${countries}) + 2 * ${verifiedReferenceCities(solutionId)}) / 3.0)`;
}

export const arrayOf = (values: string[], type: "text" | "uuid") =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::${sql.raw(type)}[]`;
export const textArray = (values: string[]) => arrayOf(values, "text");

/** Any of the phrases, as one tsquery (empty when none). */
export function phrasesQuery(phrases: string[]): SQL {
  if (phrases.length === 0) return sql`''::tsquery`;
  return sql`(${sql.join(
    phrases.map((phrase) => sql`phraseto_tsquery('english', catalogue_unaccent(${phrase}))`),
    sql` || `,
  )})`;
}

/** lexeme1 | lexeme2 | …, as one tsquery (lexemes quoted: taken as they are). */
function lexemesQuery(lexemes: string[]): SQL {
  return sql`(select string_agg(quote_literal(l), ' | ')::tsquery from unnest(${textArray(lexemes)}) as l)`;
}

/** The lexemes and the phrases, as one tsquery (empty when none). */
export function needQuery(lexemes: string[], phrases: string[]): SQL {
  if (lexemes.length === 0) return phrasesQuery(phrases);
  return sql`(${lexemesQuery(lexemes)} || ${phrasesQuery(phrases)})`;
}

/**
 * What the scoring reads of the catalogue about a need's words, besides the solutions
 * themselves: which lexemes bring candidates and how telling each is. Both come from the
 * planner's statistics of the search column on a large catalogue (they change when ANALYZE
 * runs) and from counts on a small one (they change with every solution), so a stored result
 * stays valid exactly as long as these do.
 */
export interface TextWeights {
  /** The need's lexemes that bring candidates (on a large catalogue the commonest are left out). */
  searched: string[];
  /** Each of the need's lexemes some solution uses, with how telling it is: ln(1 + N / n). */
  weighted: Array<[string, number]>;
}

/** The statistics both are read from, for any number of needs' lexemes at once. */
interface WordStatistics {
  /** pg_class.reltuples of the solutions (-1 or 0 when never analysed). */
  reltuples: number;
  /** The search column's element statistics, when ANALYZE has gathered some. */
  elements: { floor: number | null; frequencies: Record<string, number> } | null;
  /** Small catalogues: active solutions using each lexeme, and all active ones. */
  counted: { documents: number; counts: Map<string, number> } | null;
}

/**
 * How many solutions the need's words may bring in as candidates, at most (estimated): beyond
 * it the commonest words ("city", "public", "system") bring none on their own. They still count
 * in the text rank of every candidate; what they no longer do is make every solution that says
 * "city" a candidate, which on a large catalogue is most of it, each to be read and ranked.
 */
const LEXEME_CANDIDATE_BUDGET = 3_000;

/** Below this many active solutions the words' document counts are counted, above estimated. */
const COUNTED_CATALOGUE = 5_000;

async function wordStatistics(db: Db, lexemes: string[]): Promise<WordStatistics> {
  const [row] = await queryRows<{
    reltuples: number | null;
    floor: number | null;
    frequencies: Record<string, number> | null;
    analysed: boolean;
  }>(
    db,
    sql`select c.reltuples::float8 as reltuples, e.floor, e.frequencies, coalesce(e.present, false) as analysed
        from pg_class c
        left join lateral (
          select true as present,
            s.most_common_elem_freqs[cardinality(s.most_common_elems::text::text[]) + 1]::float8 as floor,
            (select jsonb_object_agg(x.lexeme, x.frequency)
             from unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as x(lexeme, frequency)
             where x.lexeme = any(${textArray(lexemes)})) as frequencies
          from pg_stats s
          where s.schemaname = current_schema() and s.tablename = ${getTableName(solutions)}
            and s.attname = 'search' and not s.inherited and s.most_common_elems is not null
        ) e on true
        where c.oid = to_regclass(${getTableName(solutions)})`,
  );
  const reltuples = Number(row?.reltuples ?? 0);
  const elements = row?.analysed
    ? { floor: row.floor === null ? null : Number(row.floor), frequencies: row.frequencies ?? {} }
    : null;
  let counted: WordStatistics["counted"] = null;
  if (Math.max(reltuples, 0) <= COUNTED_CATALOGUE && lexemes.length > 0) {
    const rows = await queryRows<{ lexeme: string; documents: number; all: number }>(
      db,
      sql`select l as lexeme,
            (select count(*) from ${solutions} s
             where s.status = 'active' and s.search @@ quote_literal(l)::tsquery)::int as documents,
            (select count(*) from ${solutions} where status = 'active')::int as all
          from unnest(${textArray(lexemes)}) as l`,
    );
    counted = {
      documents: Number(rows[0]?.all ?? 0),
      counts: new Map(rows.map((entry) => [entry.lexeme, Number(entry.documents)])),
    };
  }
  return { reltuples, elements, counted };
}

/**
 * The need's lexemes that bring candidates: all of them, unless the planner's statistics of the
 * search column (ANALYZE; autovacuum keeps them on a server) estimate that together they are in
 * more than LEXEME_CANDIDATE_BUDGET solutions; then the commonest are left out, one by one,
 * until the rest fit (or one is left). A word the statistics do not list is rarer than any they
 * do and is always kept. Without statistics, or on a small catalogue, nothing is left out.
 */
function candidateLexemes(statistics: WordStatistics, lexemes: string[]): string[] {
  if (lexemes.length <= 1) return lexemes;
  const rows = statistics.reltuples;
  const floor = statistics.elements?.floor;
  if (!statistics.elements || !rows || rows <= LEXEME_CANDIDATE_BUDGET || !floor) return lexemes;
  const frequencies = statistics.elements.frequencies;
  // As the planner does: a word not listed is taken to be in half the least listed share.
  const estimate = (lexeme: string) => (frequencies[lexeme] ?? floor / 2) * rows;
  const commonestFirst = [...lexemes].sort(
    (a, b) => estimate(b) - estimate(a) || (a < b ? -1 : a > b ? 1 : 0),
  );
  let total = commonestFirst.reduce((sum, lexeme) => sum + estimate(lexeme), 0);
  const left = new Set<string>();
  for (const lexeme of commonestFirst) {
    if (total <= LEXEME_CANDIDATE_BUDGET || left.size === lexemes.length - 1) break;
    if (frequencies[lexeme] === undefined) break;
    left.add(lexeme);
    total -= estimate(lexeme);
  }
  return lexemes.filter((lexeme) => !left.has(lexeme));
}

/**
 * How telling each of the need's words is: ln(1 + N / n), N the active solutions, n those using
 * the word (inverse document frequency). "City" or "system" say little, "cloudburst" much.
 * Counted exactly on a small catalogue; estimated from the planner's statistics of the search
 * column on a large one (a word they do not list is rarer than any they do); words no solution
 * uses are left out (they cannot tell solutions apart).
 */
function lexemeWeights(statistics: WordStatistics, lexemes: string[]): Array<[string, number]> {
  if (lexemes.length === 0) return [];
  let counts: Map<string, number>;
  let documents = Math.max(statistics.reltuples, 0);
  if (statistics.counted) {
    counts = statistics.counted.counts;
    documents = statistics.counted.documents;
  } else {
    const floor = statistics.elements?.floor ?? 1 / documents;
    counts = new Map(
      lexemes.map((lexeme) => [
        lexeme,
        Math.max(1, (statistics.elements?.frequencies[lexeme] ?? floor / 2) * documents),
      ]),
    );
  }
  return lexemes.flatMap((lexeme) => {
    const used = counts.get(lexeme) ?? 0;
    return used > 0 ? [[lexeme, Math.log(1 + documents / used)] as [string, number]] : [];
  });
}

/** The text weights of several needs' lexemes, from one reading of the statistics. */
export async function textWeightsForMany(db: Db, needs: string[][]): Promise<TextWeights[]> {
  const statistics = await wordStatistics(db, [...new Set(needs.flat())]);
  return needs.map((lexemes) => ({
    searched: candidateLexemes(statistics, lexemes),
    weighted: lexemeWeights(statistics, lexemes),
  }));
}

/** The text weights of one need's lexemes. */
export async function textWeightsFor(db: Db, lexemes: string[]): Promise<TextWeights> {
  const [weights] = await textWeightsForMany(db, [lexemes]);
  return weights!;
}

/** Where a word stands in a solution: title or summary, its capabilities' terms, description. */
export const PLACE_WEIGHTS = { headline: 1, capabilities: 0.7, description: 0.4 };

/**
 * Text relevance in [0, 1]: the share of the need's words (each weighted by how telling it is)
 * the solution uses, a word in its title or summary counting fully, in its capabilities' terms
 * 0.7, only in its description 0.4. A solution that uses every telling word of the need scores
 * 1 whatever the other candidates do.
 */
function textRelevance(weighted: Array<[string, number]>): SQL {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  if (total === 0) return sql`0::float8`;
  const term = ([lexeme, weight]: [string, number]) =>
    // Most words are not in most candidates: one probe settles those, two more place the rest.
    sql`${weight / total}::float8 * case
          when not (s.search @@ quote_literal(${lexeme}::text)::tsquery) then 0::float8
          when s.search @@ (quote_literal(${lexeme}::text) || ':AB')::tsquery then ${PLACE_WEIGHTS.headline}::float8
          when s.search @@ (quote_literal(${lexeme}::text) || ':C')::tsquery then ${PLACE_WEIGHTS.capabilities}::float8
          else ${PLACE_WEIGHTS.description}::float8 end`;
  return sql`(${sql.join(weighted.map(term), sql` + `)})`;
}

/**
 * The best `limit` active solutions for the need, by the weighted sum of their factors, best
 * first (ties by id, so the order is stable).
 *
 * One pass over the candidates, each read once: its text rank and its cover of each
 * requirement are computed from its own row (the need's codes a solution declares come from one
 * grouped read of solution_capabilities, joined by hash, not a lookup per row); only narrow rows
 * (factor values, no text) go on to the normalisation and the sort, and only the best `limit`
 * are joined back for what the caller shows.
 */
export async function scoreSolutionsForNeed(
  db: Db,
  need: SolutionNeed,
  weights: NeedWeights,
  limit: number,
  options: {
    /** The text weights already read (textWeightsFor), to score with exactly those. */
    text?: TextWeights;
    /**
     * With a minimum TRL and solutions below it included: the best `limit` at or above the
     * minimum too, besides the best `limit` of all (the rows of both rankings, once each), so
     * that one result answers both (matchmaking stores it).
     */
    bothRankings?: boolean;
  } = {},
): Promise<SolutionFit[]> {
  const covering = [...new Set(need.requirements.flatMap((r) => r.covering))];
  const needCodes = [...new Set(need.requirements.flatMap((r) => [...r.covering, ...r.partial]))];
  // The requirements' own terms, each as one tsquery computed once (in q), by position.
  const named = (index: number) => sql.raw(`named_${index}`);
  const namedColumns = need.requirements.map(
    (requirement, index) => sql`, (${phrasesQuery(requirement.terms)}) as ${named(index)}`,
  );
  // Per requirement, whether the solution's text names it (its labels or synonyms).
  const namesRequirement = need.requirements.length
    ? sql`array[${sql.join(
        need.requirements.map(
          (_, index) => sql`coalesce(s.search @@ (select ${named(index)} from q
                                                  where ${named(index)} <> ''::tsquery), false)`,
        ),
        sql`, `,
      )}]`
    : sql`'{}'::boolean[]`;
  const coverOf = (requirement: NeedRequirement, index: number) =>
    sql`case when d.codes && ${textArray(requirement.covering)} then ${COVER_DECLARED}::float8
             when f.names[${index + 1}] then ${COVER_NAMED}::float8
             when d.codes && ${textArray(requirement.partial)} then ${COVER_BROADER}::float8
             else 0::float8 end`;
  const coverage = need.requirements.length
    ? sql`array[${sql.join(need.requirements.map(coverOf), sql`, `)}]::float8[]`
    : sql`'{}'::float8[]`;
  const trlCondition =
    need.minTrl !== null && !need.includeBelowMinTrl ? sql`and s.trl >= ${need.minTrl}` : sql``;
  const { searched, weighted } = options.text ?? (await textWeightsFor(db, need.lexemes));
  const scoreOf = sql`(${weights.text}::float * x.text + ${weights.capabilities}::float * x.capability_fit
            + ${weights.sectors}::float * x.sectors_fit + ${weights.trl}::float * x.trl_fit
            + ${weights.evidence}::float * x.evidence + ${weights.geography}::float * x.geography)`;
  const best =
    options.bothRankings && need.includeBelowMinTrl && need.minTrl !== null
      ? // trl_fit is 1 exactly at or above the minimum.
        sql`best as (
        select * from (select x.*, ${scoreOf} as score from scored x
                       order by score desc, x.id limit ${limit}) overall
        union
        select * from (select x.*, ${scoreOf} as score from scored x where x.trl_fit >= 1
                       order by score desc, x.id limit ${limit}) at_or_above
      )`
      : sql`best as (
        select x.*, ${scoreOf} as score
        from scored x
        order by score desc, x.id
        limit ${limit}
      )`;
  const rows = await queryRows<
    Omit<SolutionFit, "coverage" | "matchedLexemes" | "matchedPhrases"> & {
      coverage: number[] | null;
    }
  >(
    db,
    sql`with q as materialized (
        select (${needQuery(need.lexemes, need.phrases)}) as query,
          (${needQuery(searched, need.phrases)}) as candidates
          ${sql.join(namedColumns, sql``)}
      ),
      declared as materialized (
        select sc.solution_id as id, array_agg(sc.capability_code) as codes
        from ${solutionCapabilities} sc
        where sc.capability_code = any(${textArray(needCodes)})
        group by sc.solution_id
      ),
      facts as materialized (
        select s.id,
          ${textRelevance(weighted)} as text_rank,
          ${namesRequirement} as names,
          case when cardinality(${textArray(need.sectors)}) = 0 then 0
               else (select count(*) from unnest(s.sectors) x where x = any(${textArray(need.sectors)}))::float
                    / cardinality(${textArray(need.sectors)}) end as sectors_fit,
          case when ${need.minTrl}::int is null then least(1.0, s.trl / 7.0)
               when s.trl >= ${need.minTrl}::int then 1.0
               else greatest(0.0, 1.0 - (${need.minTrl}::int - s.trl) / 3.0) end as trl_fit,
          ${evidenceOf(sql`s.id`, sql`s.countries`)} as evidence,
          case when ${need.country}::text is not null and ${need.country}::text = any(s.countries) then 1.0
               when s.countries && ${textArray(need.regionCountries)} then 0.5
               else 0 end as geography
        from ${solutions} s
        where (s.search @@ (select candidates from q where candidates <> ''::tsquery)
               or s.id = any(array(select id from declared where codes && ${textArray(covering)})))
          and s.status = 'active'
          and not (s.provider_id = any(${arrayOf(need.excludeProviders, "uuid")}))
          ${trlCondition}
      ),
      covered as (
        select f.id, f.text_rank, f.sectors_fit, f.trl_fit, f.evidence, f.geography,
          ${coverage} as coverage
        from facts f
        left join declared d on d.id = f.id
      ),
      scored as (
        select c.*,
          c.text_rank as text,
          case when cardinality(c.coverage) = 0 then 0
               else (select sum(v) from unnest(c.coverage) v) / cardinality(c.coverage) end as capability_fit
        from covered c
      ),
      ${best}
      select b.id, s.provider_id as "providerId", s.trl as "solutionTrl", s.countries,
        s.sectors as "solutionSectors",
        b.text, b.capability_fit as capabilities, b.sectors_fit as sectors, b.trl_fit as trl,
        b.evidence, ${verifiedReferenceCities(sql`b.id`)} as "verifiedReferences", b.geography, b.coverage,
        (${need.minTrl}::int is not null and s.trl < ${need.minTrl}::int) as "belowMinTrl",
        b.score
      from best b
      join ${solutions} s on s.id = b.id
      order by b.score desc, b.id`,
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
    verifiedReferences: Number(row.verifiedReferences),
    geography: Number(row.geography),
    coverage: (row.coverage ?? []).map(Number),
    matchedLexemes: matches.get(row.id)?.lexemes ?? [],
    matchedPhrases: matches.get(row.id)?.phrases ?? [],
  }));
}

/**
 * For the solutions shown: which of the need's words and synonym phrases each contains (each
 * phrase parsed once, not once per solution).
 */
async function matchedTerms(
  db: Db,
  need: SolutionNeed,
  ids: string[],
): Promise<Map<string, { lexemes: string[]; phrases: string[] }>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; lexemes: string[]; phrases: string[] }>(
    db,
    sql`with p as materialized (
          select p.phrase, p.position, phraseto_tsquery('english', catalogue_unaccent(p.phrase)) as query
          from unnest(${textArray(need.phrases)}) with ordinality as p(phrase, position)
        )
        select s.id,
          array(select l from unnest(tsvector_to_array(s.search)) l
                where l = any(${textArray(need.lexemes)}) order by l) as lexemes,
          array(select p.phrase from p
                where numnode(p.query) > 0 and s.search @@ p.query
                order by p.position) as phrases
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
