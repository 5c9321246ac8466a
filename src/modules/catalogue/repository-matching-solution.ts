import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../core/db/client.ts";
import { verifiedReferenceCities } from "../references/index.ts";
import {
  COVER_BROADER,
  COVER_DECLARED,
  COVER_NAMED,
  evidenceOf,
  type NeedWeights,
  needQuery,
  PLACE_WEIGHTS,
  phrasesQuery,
  type SolutionFit,
  type SolutionNeed,
  type TextWeights,
  textArray,
} from "./repository-matching.ts";
import { solutionCapabilities, solutions } from "./schema.ts";

/**
 * One solution against many needs at once: when a solution is added, edited or archived,
 * matchmaking re-scores it against every stored recommendation list in one statement instead of
 * re-scoring every list. The factor values are computed with the very expressions (and the
 * same float arithmetic, in the same order) as `scoreSolutionsForNeed`, from the need as it was
 * prepared when its list was computed, so a merged list equals a recomputed one.
 */

/** A need ready to score single solutions against: its queries parsed once, as text. */
export interface PreparedNeed {
  lexemes: string[];
  /** The text weights' lexemes, each with its share of the total weight. */
  textTerms: Array<[string, number]>;
  /** The candidates' tsquery (words that bring candidates, and synonym phrases), as text. */
  candidates: string;
  requirements: Array<{ covering: string[]; partial: string[]; named: string }>;
  /** Each synonym phrase with its tsquery as text, in the need's order. */
  phrases: Array<{ phrase: string; query: string }>;
  sectors: string[];
  minTrl: number | null;
  country: string | null;
  regionCountries: string[];
  excludeProviders: string[];
  weights: NeedWeights;
}

export async function prepareNeed(
  db: Db,
  need: SolutionNeed,
  weights: NeedWeights,
  text: TextWeights,
): Promise<PreparedNeed> {
  const namedColumns = need.requirements.map(
    (requirement) => sql`(${phrasesQuery(requirement.terms)})::text`,
  );
  const [row] = await queryRows<{ candidates: string; named: string[]; phrases: string[] }>(
    db,
    sql`select (${needQuery(text.searched, need.phrases)})::text as candidates,
          ${namedColumns.length ? sql`array[${sql.join(namedColumns, sql`, `)}]` : sql`'{}'::text[]`} as named,
          array(select phraseto_tsquery('english', catalogue_unaccent(p.phrase))::text
                from unnest(${textArray(need.phrases)}) with ordinality as p(phrase, position)
                order by p.position) as phrases`,
  );
  const total = text.weighted.reduce((sum, [, weight]) => sum + weight, 0);
  return {
    lexemes: need.lexemes,
    textTerms:
      total === 0
        ? []
        : text.weighted.map(([lexeme, weight]) => [lexeme, weight / total] as [string, number]),
    candidates: row!.candidates,
    requirements: need.requirements.map((requirement, index) => ({
      covering: requirement.covering,
      partial: requirement.partial,
      named: row!.named[index] ?? "",
    })),
    phrases: need.phrases.map((phrase, index) => ({ phrase, query: row!.phrases[index] ?? "" })),
    sectors: need.sectors,
    minTrl: need.minTrl,
    country: need.country,
    regionCountries: need.regionCountries,
    excludeProviders: need.excludeProviders,
    weights,
  };
}

const jsonTexts = (value: SQL) => sql`array(select jsonb_array_elements_text(${value}))`;

/**
 * The solution's fit for each need it is a candidate of (active, sharing a word that brings
 * candidates, a synonym phrase or a required capability), below the minimum TRL included and
 * flagged. `needs` is a relation of (key text, need jsonb) rows, each need a PreparedNeed.
 */
export async function scoreSolutionForNeeds(
  db: Db,
  solutionId: string,
  needs: SQL,
): Promise<Array<{ key: string; fit: SolutionFit }>> {
  const coverOf = sql`case
      when s.codes && ${jsonTexts(sql`r.requirement->'covering'`)} then ${COVER_DECLARED}::float8
      when (r.requirement->>'named') <> '' and s.search @@ (r.requirement->>'named')::tsquery then ${COVER_NAMED}::float8
      when s.codes && ${jsonTexts(sql`r.requirement->'partial'`)} then ${COVER_BROADER}::float8
      else 0::float8 end`;
  const textRank = sql`coalesce((
      select sum((t.term->>1)::float8 * case
          when not (s.search @@ quote_literal(t.term->>0)::tsquery) then 0::float8
          when s.search @@ (quote_literal(t.term->>0) || ':AB')::tsquery then ${PLACE_WEIGHTS.headline}::float8
          when s.search @@ (quote_literal(t.term->>0) || ':C')::tsquery then ${PLACE_WEIGHTS.capabilities}::float8
          else ${PLACE_WEIGHTS.description}::float8 end order by t.position)
      from jsonb_array_elements(n.need->'textTerms') with ordinality as t(term, position)), 0::float8)`;
  const rows = await queryRows<
    Omit<SolutionFit, "coverage"> & { key: string; coverage: number[] | null }
  >(
    db,
    sql`with s as materialized (
        select s.id, s.provider_id, s.trl, s.countries, s.sectors, s.search,
          coalesce((select array_agg(sc.capability_code) from ${solutionCapabilities} sc
                    where sc.solution_id = s.id), '{}'::text[]) as codes
        from ${solutions} s
        where s.id = ${solutionId}::uuid and s.status = 'active'
      ),
      n as (
        select x.key, x.need,
          ${jsonTexts(sql`x.need->'sectors'`)} as sectors,
          (x.need->>'minTrl')::int as min_trl,
          (x.need->>'country')::text as country,
          ${jsonTexts(sql`x.need->'regionCountries'`)} as region_countries
        from (${needs}) as x(key, need)
      ),
      facts as (
        select n.key, n.need, n.min_trl, s.id, s.provider_id, s.trl as solution_trl, s.countries,
          s.sectors as solution_sectors, s.search,
          ${textRank} as text_rank,
          array(select ${coverOf}
                from jsonb_array_elements(n.need->'requirements') with ordinality as r(requirement, position)
                order by r.position)::float8[] as coverage,
          case when cardinality(n.sectors) = 0 then 0
               else (select count(*) from unnest(s.sectors) x where x = any(n.sectors))::float
                    / cardinality(n.sectors) end as sectors_fit,
          case when n.min_trl is null then least(1.0, s.trl / 7.0)
               when s.trl >= n.min_trl then 1.0
               else greatest(0.0, 1.0 - (n.min_trl - s.trl) / 3.0) end as trl_fit,
          ${evidenceOf(sql`s.id`, sql`s.countries`)} as evidence,
          ${verifiedReferenceCities(sql`s.id`)} as verified_references,
          case when n.country is not null and n.country = any(s.countries) then 1.0
               when s.countries && n.region_countries then 0.5
               else 0 end as geography
        from n cross join s
        where (((n.need->>'candidates') <> '' and s.search @@ (n.need->>'candidates')::tsquery)
               or exists (select 1 from jsonb_array_elements(n.need->'requirements') as r(requirement)
                          where s.codes && ${jsonTexts(sql`r.requirement->'covering'`)}))
          and not (s.provider_id = any(array(select jsonb_array_elements_text(n.need->'excludeProviders'))::uuid[]))
      ),
      scored as (
        select f.*,
          case when cardinality(f.coverage) = 0 then 0
               else (select sum(v) from unnest(f.coverage) v) / cardinality(f.coverage) end as capability_fit
        from facts f
      )
      select x.key, x.id, x.provider_id as "providerId", x.solution_trl as "solutionTrl", x.countries,
        x.solution_sectors as "solutionSectors",
        x.text_rank as text, x.capability_fit as capabilities, x.sectors_fit as sectors, x.trl_fit as trl,
        x.evidence, x.verified_references as "verifiedReferences", x.geography, x.coverage,
        (x.min_trl is not null and x.solution_trl < x.min_trl) as "belowMinTrl",
        ((x.need->'weights'->>'text')::float * x.text_rank
          + (x.need->'weights'->>'capabilities')::float * x.capability_fit
          + (x.need->'weights'->>'sectors')::float * x.sectors_fit
          + (x.need->'weights'->>'trl')::float * x.trl_fit
          + (x.need->'weights'->>'evidence')::float * x.evidence
          + (x.need->'weights'->>'geography')::float * x.geography) as score,
        array(select l from unnest(tsvector_to_array(x.search)) l
              where l = any(array(select jsonb_array_elements_text(x.need->'lexemes'))) order by l)
          as "matchedLexemes",
        array(select p.phrase->>'phrase'
              from jsonb_array_elements(x.need->'phrases') with ordinality as p(phrase, position)
              where numnode((p.phrase->>'query')::tsquery) > 0 and x.search @@ (p.phrase->>'query')::tsquery
              order by p.position) as "matchedPhrases"
      from scored x`,
  );
  return rows.map(({ key, ...row }) => ({
    key,
    fit: {
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
    },
  }));
}
