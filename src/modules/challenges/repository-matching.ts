import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../core/db/client.ts";
import { challenges } from "./schema.ts";

/**
 * The challenges' half of matchmaking: open challenges a solution fits, and challenges of other
 * cities that ask for the same thing, scored in the database over the candidates only. What the
 * factors weigh is the matchmaking module's business.
 */

const arrayOf = (values: string[], type: "text" | "uuid") =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::${sql.raw(type)}[]`;
const textArray = (values: string[]) => arrayOf(values, "text");

function phrasesQuery(phrases: string[]): SQL {
  if (phrases.length === 0) return sql`''::tsquery`;
  return sql`(${sql.join(
    phrases.map((phrase) => sql`phraseto_tsquery('english', ${phrase})`),
    sql` || `,
  )})`;
}

/** Any of the stems (as stored), or any of the phrases. */
function offerQuery(lexemes: string[], phrases: string[]): SQL {
  const parts: SQL[] = [];
  if (lexemes.length > 0) {
    parts.push(
      sql`(select string_agg(quote_literal(l), ' | ')::tsquery from unnest(${textArray(lexemes)}) as l)`,
    );
  }
  if (phrases.length > 0) parts.push(phrasesQuery(phrases));
  return parts.length > 0 ? sql.join(parts, sql` || `) : sql`''::tsquery`;
}

export interface SolutionOffer {
  lexemes: string[];
  /** The labels and synonyms of the solution's capabilities. */
  phrases: string[];
  /** Its codes and their ancestors: a challenge requiring any of these is covered. */
  covering: string[];
  /** Its codes: a challenge requiring a code below one of these is covered in part. */
  codes: string[];
  sectors: string[];
  trl: number;
  includeBelowMinTrl: boolean;
  /** Cities in the countries it is deployed in, and the regions of those countries. */
  deployedCityIds: string[];
  deployedRegions: string[];
}

export interface OfferWeights {
  text: number;
  capabilities: number;
  sectors: number;
  trl: number;
  geography: number;
}

export interface ChallengeFit {
  id: string;
  score: number;
  text: number;
  capabilities: number;
  sectors: number;
  trl: number;
  geography: number;
  belowMinTrl: boolean;
  /** The challenge's required codes and how the solution covers each (1, 0.75 named, 0.5, 0). */
  required: string[];
  coverage: number[];
  minTrl: number | null;
  cityId: string;
  sharedSectors: string[];
}

/** Open (published) challenges the solution fits, best first. */
export async function scoreChallengesForOffer(
  db: Db,
  offer: SolutionOffer,
  weights: OfferWeights,
  limit: number,
): Promise<ChallengeFit[]> {
  const trlCondition = offer.includeBelowMinTrl
    ? sql``
    : sql`and (c.min_trl is null or c.min_trl <= ${offer.trl}::int)`;
  const rows = await queryRows<ChallengeFit & { coverage: number[] | null }>(
    db,
    sql`with q as (select (${offerQuery(offer.lexemes, offer.phrases)}) as query,
                          (${phrasesQuery(offer.phrases)}) as named),
      candidates as (
        select c.id from ${challenges} c, q
        where c.status = 'published' and q.query <> ''::tsquery and c.search @@ q.query
        union
        select c.id from ${challenges} c
        where c.status = 'published' and c.capabilities && ${textArray([...offer.covering, ...offer.codes])}
      ),
      facts as (
        select c.id, c.capabilities as required, c.min_trl, c.city_id, c.region, c.sectors,
          ts_rank('{0.1, 0.2, 0.4, 1.0}', c.search, q.query, 32) as text_rank,
          (q.named <> ''::tsquery and c.search @@ q.named) as names_it,
          case when cardinality(c.capabilities) = 0 then '{}'::float8[]
               else array(select case when r = any(${textArray(offer.covering)}) then 1.0::float8
                                      when exists (select 1 from unnest(${textArray(offer.codes)}) code
                                                   where r like code || '.%') then 0.5::float8
                                      else 0.0::float8 end
                          from unnest(c.capabilities) with ordinality as x(r, n) order by n) end as coverage
        from candidates k join ${challenges} c on c.id = k.id cross join q
        where true ${trlCondition}
      ),
      factors as (
        select f.*,
          coalesce(f.text_rank / nullif(max(f.text_rank) over (), 0), 0) as text,
          case when cardinality(f.coverage) = 0 then (case when f.names_it then 0.75 else 0 end)
               else (select avg(v) from unnest(f.coverage) v) end as capability_fit,
          array(select s from unnest(f.sectors) s where s = any(${textArray(offer.sectors)})) as shared_sectors,
          case when f.min_trl is null then least(1.0, ${offer.trl}::int / 7.0)
               when ${offer.trl}::int >= f.min_trl then 1.0
               else greatest(0.0, 1.0 - (f.min_trl - ${offer.trl}::int) / 3.0) end as trl_fit,
          case when f.city_id = any(${arrayOf(offer.deployedCityIds, "uuid")}) then 1.0
               when f.region = any(${textArray(offer.deployedRegions)}) then 0.5
               else 0 end as geography
        from facts f
      )
      select id, text, capability_fit as capabilities, trl_fit as trl, geography,
        (cardinality(shared_sectors)::float / greatest(cardinality(sectors), 1)) as sectors,
        shared_sectors as "sharedSectors", required, coverage, min_trl as "minTrl", city_id as "cityId",
        (min_trl is not null and min_trl > ${offer.trl}::int) as "belowMinTrl",
        (${weights.text}::float * text + ${weights.capabilities}::float * capability_fit
          + ${weights.sectors}::float * (cardinality(shared_sectors)::float / greatest(cardinality(sectors), 1))
          + ${weights.trl}::float * trl_fit + ${weights.geography}::float * geography) as score
      from factors
      order by score desc, id
      limit ${limit}`,
  );
  return rows.map((row) => ({
    ...row,
    score: Number(row.score),
    text: Number(row.text),
    capabilities: Number(row.capabilities),
    sectors: Number(row.sectors),
    trl: Number(row.trl),
    geography: Number(row.geography),
    coverage: (row.coverage ?? []).map(Number),
  }));
}

export interface ChallengeLikeness {
  id: string;
  score: number;
  sharedCapabilities: string[];
  sharedSectors: string[];
  text: number;
}

/**
 * Public challenges of other cities that ask for the same thing: shared required capabilities
 * (a code and the codes below it count as the same need), words, sectors. Cancelled ones are
 * left out; the rest (open, evaluated, awarded, piloting, implemented) all show what a city
 * bought or is buying.
 */
export async function similarChallengeRows(
  db: Db,
  input: {
    challengeId: string;
    cityId: string;
    codes: string[];
    lexemes: string[];
    phrases: string[];
    sectors: string[];
  },
  weights: { capabilities: number; text: number; sectors: number },
  limit: number,
): Promise<ChallengeLikeness[]> {
  const rows = await queryRows<ChallengeLikeness>(
    db,
    sql`with q as (select (${offerQuery(input.lexemes, input.phrases)}) as query),
      mine as (select unnest(${textArray(input.codes)}) as code),
      candidates as (
        select c.id from ${challenges} c, q
        where q.query <> ''::tsquery and c.search @@ q.query
        union
        select c.id from ${challenges} c where c.capabilities && ${textArray(input.codes)}
        union
        select c.id from ${challenges} c, mine
        where exists (select 1 from unnest(c.capabilities) r where r like mine.code || '.%' or mine.code like r || '.%')
      ),
      facts as (
        select c.id, c.sectors,
          ts_rank('{0.1, 0.2, 0.4, 1.0}', c.search, q.query, 32) as text_rank,
          array(select m.code from mine m
                where exists (select 1 from unnest(c.capabilities) r
                              where r = m.code or r like m.code || '.%' or m.code like r || '.%')) as shared,
          cardinality(c.capabilities) as theirs
        from candidates k join ${challenges} c on c.id = k.id cross join q
        where c.id <> ${input.challengeId}::uuid and c.city_id <> ${input.cityId}::uuid
          and c.status not in ('draft', 'cancelled')
      ),
      factors as (
        select f.*,
          coalesce(f.text_rank / nullif(max(f.text_rank) over (), 0), 0) as text,
          case when cardinality(f.shared) = 0 then 0
               else cardinality(f.shared)::float
                    / greatest(${input.codes.length}::int, f.theirs, 1) end as capability_fit,
          array(select s from unnest(f.sectors) s where s = any(${textArray(input.sectors)})) as shared_sectors
        from facts f
      )
      select id, text, shared as "sharedCapabilities", shared_sectors as "sharedSectors",
        (${weights.capabilities}::float * capability_fit + ${weights.text}::float * text
          + ${weights.sectors}::float * (cardinality(shared_sectors)::float / greatest(${input.sectors.length}::int, cardinality(sectors), 1))) as score
      from factors
      order by score desc, id
      limit ${limit}`,
  );
  return rows.map((row) => ({ ...row, score: Number(row.score), text: Number(row.text) }));
}

/**
 * Buyers' groups in the making: each required capability that public (not cancelled)
 * challenges of at least two cities share, with those challenges.
 */
export async function sharedNeedRows(
  db: Db,
  minCities: number,
): Promise<Array<{ code: string; challengeIds: string[]; cityIds: string[] }>> {
  return queryRows<{ code: string; challengeIds: string[]; cityIds: string[] }>(
    db,
    sql`select code, array_agg(c.id order by c.published_at desc nulls last, c.id) as "challengeIds",
          array_agg(distinct c.city_id) as "cityIds"
        from ${challenges} c cross join lateral unnest(c.capabilities) as code
        where c.status not in ('draft', 'cancelled')
        group by code
        having count(distinct c.city_id) >= ${minCities}::int
        order by count(distinct c.city_id) desc, code`,
  );
}
