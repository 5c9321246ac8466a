import { asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../core/db/client.ts";
import type { SolutionFit } from "../catalogue/index.ts";
import { challengeRecommendationEntries, challengeRecommendationLists } from "./schema.ts";

/** Queries of the stored recommendation lists (see stored-recommendations.ts for the rules). */

export type ChallengeListRow = typeof challengeRecommendationLists.$inferSelect;

/**
 * Writers of stored lists take this lock: a full computation shares it (several at once), the
 * merge of a changed solution into every list takes it alone. So a list computed before a
 * solution changed is never written after that change was merged (and missed by it).
 */
const STORED_LISTS_LOCK = sql`7340201`;

export async function shareStoredListsLock(tx: Db, options: { wait: boolean }): Promise<boolean> {
  if (options.wait) {
    await tx.execute(sql`select pg_advisory_xact_lock_shared(${STORED_LISTS_LOCK})`);
    return true;
  }
  const [row] = await queryRows<{ locked: boolean }>(
    tx,
    sql`select pg_try_advisory_xact_lock_shared(${STORED_LISTS_LOCK}) as locked`,
  );
  return row?.locked === true;
}

export async function takeStoredListsLock(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${STORED_LISTS_LOCK})`);
  // The merge's statements read stored needs through jsonb set functions, which the planner
  // guesses at 100 rows each: a cost high enough to switch PostgreSQL's JIT compiler on, which
  // would spend longer compiling than the statements take to run.
  await tx.execute(sql`set local jit = off`);
}

export async function findChallengeList(
  db: Db,
  challengeId: string,
): Promise<ChallengeListRow | undefined> {
  const [row] = await db
    .select()
    .from(challengeRecommendationLists)
    .where(eq(challengeRecommendationLists.challengeId, challengeId));
  return row;
}

/** The best `limit` entries of a list, best first (at or above the minimum TRL only, or all). */
export async function challengeListEntries(
  db: Db,
  challengeId: string,
  options: { limit: number; atOrAboveOnly: boolean },
): Promise<SolutionFit[]> {
  const rows = await db
    .select({ fit: challengeRecommendationEntries.fit })
    .from(challengeRecommendationEntries)
    .where(
      options.atOrAboveOnly
        ? sql`${challengeRecommendationEntries.challengeId} = ${challengeId} and not ${challengeRecommendationEntries.belowMinTrl}`
        : eq(challengeRecommendationEntries.challengeId, challengeId),
    )
    .orderBy(
      desc(challengeRecommendationEntries.score),
      asc(challengeRecommendationEntries.solutionId),
    )
    .limit(options.limit);
  return rows.map((row) => row.fit);
}

/** Replaces a challenge's list and its entries (in the caller's transaction). */
export async function replaceChallengeList(
  tx: Db,
  list: ChallengeListRow,
  fits: SolutionFit[],
): Promise<void> {
  await tx
    .delete(challengeRecommendationLists)
    .where(eq(challengeRecommendationLists.challengeId, list.challengeId));
  await tx.insert(challengeRecommendationLists).values(list);
  for (let start = 0; start < fits.length; start += 500) {
    await tx.insert(challengeRecommendationEntries).values(
      fits.slice(start, start + 500).map((fit) => ({
        challengeId: list.challengeId,
        solutionId: fit.id,
        score: fit.score,
        belowMinTrl: fit.belowMinTrl,
        fit,
      })),
    );
  }
}

/** Drops lists (every one when `challengeIds` is null); returns the challenges they were for. */
export async function deleteChallengeLists(
  db: Db,
  challengeIds: string[] | null,
): Promise<string[]> {
  const rows = await db
    .delete(challengeRecommendationLists)
    .where(
      challengeIds === null
        ? sql`true`
        : inArray(challengeRecommendationLists.challengeId, challengeIds),
    )
    .returning({ challengeId: challengeRecommendationLists.challengeId });
  return rows.map((row) => row.challengeId);
}

/** Every list's lexemes and the text weights it was computed with. */
export async function challengeListWeights(
  db: Db,
): Promise<Array<Pick<ChallengeListRow, "challengeId" | "lexemes" | "textWeights">>> {
  return db
    .select({
      challengeId: challengeRecommendationLists.challengeId,
      lexemes: challengeRecommendationLists.lexemes,
      textWeights: challengeRecommendationLists.textWeights,
    })
    .from(challengeRecommendationLists);
}

/** Every list's prepared need, as the relation (key, need) the catalogue scores one solution with. */
export const preparedNeedsOfLists: SQL = sql`select l.challenge_id::text, l.prepared_need
  from ${challengeRecommendationLists} l`;

/** Entries better than entry `e` of the same list (of those at or above the minimum only). */
const betterThan = (
  atOrAboveOnly: boolean,
) => sql`(select count(*) from ${challengeRecommendationEntries} x
    where x.challenge_id = e.challenge_id ${atOrAboveOnly ? sql`and not x.below_min_trl` : sql``}
      and (x.score > e.score or (x.score = e.score and x.solution_id < e.solution_id)))`;

/**
 * Takes a solution out of every list. Where it was among the entries known to be the best, one
 * fewer is known now (the one after the last known may be any candidate not stored).
 */
export async function removeSolutionFromLists(tx: Db, solutionId: string): Promise<void> {
  await tx.execute(sql`
    update ${challengeRecommendationLists} l set
      depth = case when l.depth is not null and r.rank_all <= l.depth then l.depth - 1 else l.depth end,
      depth_at_or_above = case when l.depth_at_or_above is not null and r.rank_above <= l.depth_at_or_above
                               then l.depth_at_or_above - 1 else l.depth_at_or_above end
    from (
      select e.challenge_id, ${betterThan(false)} + 1 as rank_all,
        case when e.below_min_trl then null else ${betterThan(true)} + 1 end as rank_above
      from ${challengeRecommendationEntries} e
      where e.solution_id = ${solutionId}::uuid
    ) r
    where l.challenge_id = r.challenge_id`);
  await tx
    .delete(challengeRecommendationEntries)
    .where(eq(challengeRecommendationEntries.solutionId, solutionId));
}

/**
 * Puts a solution's fits into lists. Placed among the entries known to be the best, it is one
 * of them: one more is known. Each list then keeps its best `keep` of all and its best `keep` at
 * or above the minimum TRL, and lets go of the rest (without that a list grew by one entry per
 * new solution, for ever); where it let go of any, at most `keep` are known in each ranking.
 */
export async function insertSolutionIntoLists(
  tx: Db,
  solutionId: string,
  fits: Array<{ challengeId: string; fit: SolutionFit }>,
  keep: number,
): Promise<void> {
  if (fits.length === 0) return;
  for (let start = 0; start < fits.length; start += 500) {
    await tx.insert(challengeRecommendationEntries).values(
      fits.slice(start, start + 500).map(({ challengeId, fit }) => ({
        challengeId,
        solutionId,
        score: fit.score,
        belowMinTrl: fit.belowMinTrl,
        fit,
      })),
    );
  }
  await tx.execute(sql`
    update ${challengeRecommendationLists} l set
      depth = case when l.depth is not null and r.rank_all <= l.depth then l.depth + 1 else l.depth end,
      depth_at_or_above = case when l.depth_at_or_above is not null and r.rank_above <= l.depth_at_or_above
                               then l.depth_at_or_above + 1 else l.depth_at_or_above end
    from (
      select e.challenge_id, ${betterThan(false)} + 1 as rank_all,
        case when e.below_min_trl then null else ${betterThan(true)} + 1 end as rank_above
      from ${challengeRecommendationEntries} e
      where e.solution_id = ${solutionId}::uuid
    ) r
    where l.challenge_id = r.challenge_id`);
  await trimLists(
    tx,
    fits.map(({ challengeId }) => challengeId),
    keep,
  );
}

/** Lets each list keep its best `keep` entries in each ranking (the order `betterThan` counts). */
async function trimLists(tx: Db, challengeIds: string[], keep: number): Promise<void> {
  await tx.execute(sql`
    with ranked as (
      select e.challenge_id, e.solution_id,
        row_number() over (partition by e.challenge_id order by e.score desc, e.solution_id) as rank_all,
        case when e.below_min_trl then null else row_number() over (
          partition by e.challenge_id, e.below_min_trl order by e.score desc, e.solution_id
        ) end as rank_above
      from ${challengeRecommendationEntries} e
      where e.challenge_id in (select unnest(${sql`array[${sql.join(
        challengeIds.map((id) => sql`${id}`),
        sql`, `,
      )}]::uuid[]`}))
    ), let_go as (
      delete from ${challengeRecommendationEntries} e
      using ranked r
      where e.challenge_id = r.challenge_id and e.solution_id = r.solution_id
        and r.rank_all > ${keep} and (r.rank_above is null or r.rank_above > ${keep})
      returning e.challenge_id
    )
    update ${challengeRecommendationLists} l set
      depth = least(coalesce(l.depth, ${keep}), ${keep}),
      depth_at_or_above = least(coalesce(l.depth_at_or_above, ${keep}), ${keep})
    where l.challenge_id in (select challenge_id from let_go)`);
}
