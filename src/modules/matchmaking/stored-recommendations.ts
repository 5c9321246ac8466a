import { createHash } from "node:crypto";
import type { Clock } from "../../core/clock.ts";
import type { Db } from "../../core/db/client.ts";
import { enqueueJob, hasUnfinishedJobs, unfinishedJobPayloads } from "../../core/jobs/outbox.ts";
import {
  prepareNeed,
  SOLUTION_CHANGED_JOB,
  type SolutionFit,
  scoreSolutionForNeeds,
  scoreSolutionsForNeed,
  type TextWeights,
  taxonomyFingerprint,
  textWeightsFor,
  textWeightsForMany,
} from "../catalogue/index.ts";
import type { ChallengeNeed } from "../challenges/index.ts";
import { type NeedContext, needOfChallenge } from "./need.ts";
import {
  type ChallengeListRow,
  challengeListEntries,
  challengeListWeights,
  deleteChallengeLists,
  findChallengeList,
  insertSolutionIntoLists,
  preparedNeedsOfLists,
  removeSolutionFromLists,
  replaceChallengeList,
  shareStoredListsLock,
  takeStoredListsLock,
} from "./repository.ts";
import { weightsFor } from "./weights.ts";

/**
 * Recommendations computed ahead of requests. Per challenge, the best STORED_POOL candidate
 * solutions of all (and the best STORED_POOL at or above its minimum TRL), with their factor
 * values as the catalogue's scoring gives them, and what they were computed from. A request
 * serves a stored list only when nothing it rests on has changed since:
 *
 * - the challenge's need (its text, sectors, capabilities, minimum TRL, city): a hash of them;
 * - the taxonomy (labels, synonyms, codes): its fingerprint;
 * - the catalogue's weights of the need's words (counts, or the planner's statistics): read
 *   again and compared;
 * - the solutions: every change queues a `solution.changed` job (in the same transaction); while
 *   one is unfinished no list is served, and the job merges the changed solutions into every
 *   list (re-scored against each list's need in one statement);
 * - the providers' places are added at the request, as before, from their current country.
 *
 * A list that does not hold is computed on demand, as before, and stored. Which ranking a
 * request reads, and how far, is checked against the entries known to be the best (a removed
 * solution leaves one fewer known: the next candidate was not stored).
 */

/** Candidates stored per ranking: the widest pool a request reads (200) and room for removals. */
export const STORED_POOL = 240;
/** A job changing more solutions than this drops the lists (each recomputed) instead of merging. */
const MAX_MERGED_SOLUTIONS = 25;
export const RECOMMENDATIONS_REFRESH_JOB = "matchmaking.recommendations.refresh";

/** What the explanations say a need in: the requirements and the challenge's own words. */
export type NeedWording = Pick<NeedContext, "requirements" | "wordOfLexeme" | "phraseOrigins">;

export interface ListedFits {
  fits: SolutionFit[];
  wording: NeedWording;
  regionCountries: string[];
}

/** What a list rests on of the challenge itself. */
export function needStampOf(challenge: ChallengeNeed): string {
  return createHash("sha256")
    .update(
      JSON.stringify([
        challenge.title,
        challenge.summary,
        challenge.description,
        challenge.sectors,
        challenge.capabilities,
        challenge.minTrl,
        challenge.city.id,
        challenge.city.country,
        challenge.city.region,
      ]),
    )
    .digest("hex");
}

const sameWeights = (a: TextWeights, b: TextWeights) =>
  JSON.stringify(a.searched) === JSON.stringify(b.searched) &&
  JSON.stringify(a.weighted) === JSON.stringify(b.weighted);

/** The ranking a request reads: all candidates, or those at or above the minimum TRL. */
const readsAll = (challenge: ChallengeNeed, includeBelowMinTrl: boolean) =>
  includeBelowMinTrl || challenge.minTrl === null;

/** A challenge's list computed now (not stored): the catalogue's scoring, both rankings. */
export async function computeChallengeList(
  db: Db,
  clock: Clock,
  challenge: ChallengeNeed,
): Promise<{ list: ChallengeListRow; fits: SolutionFit[]; context: NeedContext }> {
  // Read before what rests on it: a change in between leaves an older stamp, found stale.
  const taxonomyStamp = await taxonomyFingerprint(db);
  const context = await needOfChallenge(db, challenge, { includeBelowMinTrl: true });
  const weights = weightsFor(context.requirements);
  const text = await textWeightsFor(db, context.need.lexemes);
  const fits = await scoreSolutionsForNeed(db, context.need, weights, STORED_POOL, {
    text,
    bothRankings: true,
  });
  const atOrAbove = fits.filter((fit) => !fit.belowMinTrl).length;
  const list: ChallengeListRow = {
    challengeId: challenge.id,
    needStamp: needStampOf(challenge),
    taxonomyStamp,
    lexemes: context.need.lexemes,
    textWeights: text,
    context: {
      requirements: context.requirements,
      wordOfLexeme: [...context.wordOfLexeme],
      phraseOrigins: [...context.phraseOrigins],
    },
    preparedNeed: await prepareNeed(db, context.need, weights, text),
    // Fewer than asked for: every candidate is there.
    depth: fits.length < STORED_POOL ? null : STORED_POOL,
    depthAtOrAbove: atOrAbove < STORED_POOL ? null : STORED_POOL,
    computedAt: clock.now(),
  };
  return { list, fits, context };
}

/** A stored list that holds as far as the catalogue and taxonomy go, with its best fits. */
export interface StoredRead {
  list: ChallengeListRow;
  fits: SolutionFit[];
}

/**
 * Reads a challenge's stored list and checks what it rests on of the catalogue (the words'
 * weights, the taxonomy, no solution change still to merge); null when it does not hold or is
 * not deep enough for the request. Callers check the challenge itself (`servedFits`) once they
 * know the actor may read it: this may run alongside that check, nothing of it is shown before.
 */
export async function readStoredList(
  db: Db,
  challengeId: string,
  options: { pool: number; includeBelowMinTrl: boolean },
): Promise<StoredRead | null> {
  const list = await findChallengeList(db, challengeId);
  if (!list) return null;
  // The list's own minimum TRL: were the challenge's another, its need stamp would differ.
  const all = options.includeBelowMinTrl || list.preparedNeed.minTrl === null;
  const depth = all ? list.depth : list.depthAtOrAbove;
  if (depth !== null && depth < options.pool) return null;
  // Independent reads: on a server they run side by side on the pool's connections.
  const [weights, taxonomy, solutionsChanging, fits] = await Promise.all([
    textWeightsFor(db, list.lexemes),
    taxonomyFingerprint(db),
    hasUnfinishedJobs(db, [SOLUTION_CHANGED_JOB]),
    challengeListEntries(db, challengeId, { limit: options.pool, atOrAboveOnly: !all }),
  ]);
  if (solutionsChanging || taxonomy !== list.taxonomyStamp) return null;
  if (!sameWeights(weights, list.textWeights)) return null;
  return { list, fits };
}

/** The stored fits, when the list was computed for the challenge as it is now; else null. */
export function servedFits(read: StoredRead | null, challenge: ChallengeNeed): ListedFits | null {
  if (!read || read.list.needStamp !== needStampOf(challenge)) return null;
  const { list, fits } = read;
  return {
    fits,
    wording: {
      requirements: list.context.requirements,
      wordOfLexeme: new Map(list.context.wordOfLexeme),
      phraseOrigins: new Map(list.context.phraseOrigins),
    },
    regionCountries: list.preparedNeed.regionCountries,
  };
}

/** The stored list's best `pool` fits when it still holds, else null. */
export async function storedFits(
  db: Db,
  challenge: ChallengeNeed,
  options: { pool: number; includeBelowMinTrl: boolean },
): Promise<ListedFits | null> {
  return servedFits(await readStoredList(db, challenge.id, options), challenge);
}

/**
 * On demand, when no stored list holds: computes the list, stores it unless the solutions'
 * merge is running (it would be stale at once), and answers from it.
 */
export async function computeAndStoreFits(
  db: Db,
  clock: Clock,
  challenge: ChallengeNeed,
  options: { pool: number; includeBelowMinTrl: boolean },
): Promise<ListedFits> {
  const computed = await db.transaction(async (tx) => {
    const mayStore = await shareStoredListsLock(tx, { wait: false });
    const result = await computeChallengeList(tx, clock, challenge);
    if (mayStore) await replaceChallengeList(tx, result.list, result.fits);
    return result;
  });
  const all = readsAll(challenge, options.includeBelowMinTrl);
  return {
    fits: computed.fits.filter((fit) => all || !fit.belowMinTrl).slice(0, options.pool),
    wording: computed.context,
    regionCountries: computed.context.need.regionCountries,
  };
}

/** The refresh job's work: a challenge's list computed again and stored (dropped when gone). */
export async function refreshChallengeList(
  db: Db,
  clock: Clock,
  challenge: ChallengeNeed | undefined,
  challengeId: string,
): Promise<void> {
  if (!challenge) {
    await deleteChallengeLists(db, [challengeId]);
    return;
  }
  await db.transaction(async (tx) => {
    await shareStoredListsLock(tx, { wait: true });
    const { list, fits } = await computeChallengeList(tx, clock, challenge);
    await replaceChallengeList(tx, list, fits);
  });
}

/** Queues a refresh of each challenge's list, unless one is queued already. */
export async function queueListRefreshes(
  db: Db,
  clock: Clock,
  challengeIds: string[],
): Promise<void> {
  if (challengeIds.length === 0) return;
  const queued = new Set(
    (await unfinishedJobPayloads(db, RECOMMENDATIONS_REFRESH_JOB)).map((payload) =>
      String(payload.challengeId),
    ),
  );
  for (const challengeId of challengeIds) {
    if (queued.has(challengeId)) continue;
    await enqueueJob(db, clock, { kind: RECOMMENDATIONS_REFRESH_JOB, payload: { challengeId } });
  }
}

/**
 * The solution-change job's work: each changed solution taken out of every list and put back
 * where it now fits (archived: nowhere). Lists whose words the catalogue now weighs otherwise
 * (on a small catalogue every added solution changes the counts) are dropped and queued for a
 * refresh; so are all of them after a bulk change. When the merge fails, every list is dropped:
 * one the change was not merged into must not be served once the job stops being retried.
 */
export async function mergeSolutionChanges(
  db: Db,
  clock: Clock,
  solutionIds: string[],
): Promise<void> {
  try {
    if (solutionIds.length > MAX_MERGED_SOLUTIONS) {
      const dropped = await db.transaction(async (tx) => {
        await takeStoredListsLock(tx);
        return deleteChallengeLists(tx, null);
      });
      await queueListRefreshes(db, clock, dropped);
      return;
    }
    const stale = await db.transaction(async (tx) => {
      await takeStoredListsLock(tx);
      const lists = await challengeListWeights(tx);
      const current = await textWeightsForMany(
        tx,
        lists.map((list) => list.lexemes),
      );
      const reweighed = lists
        .filter((list, index) => !sameWeights(list.textWeights, current[index]!))
        .map((list) => list.challengeId);
      if (reweighed.length > 0) await deleteChallengeLists(tx, reweighed);
      if (reweighed.length < lists.length) {
        for (const solutionId of solutionIds) {
          await removeSolutionFromLists(tx, solutionId);
          const fits = await scoreSolutionForNeeds(tx, solutionId, preparedNeedsOfLists);
          await insertSolutionIntoLists(
            tx,
            solutionId,
            fits.map(({ key, fit }) => ({ challengeId: key, fit })),
            STORED_POOL,
          );
        }
      }
      return reweighed;
    });
    await queueListRefreshes(db, clock, stale);
  } catch (error) {
    await deleteChallengeLists(db, null);
    throw error;
  }
}

/** Whether a request would be served from the stored list (benches and checks). */
export async function storedFitsAreFresh(
  db: Db,
  challenge: ChallengeNeed,
  options: { pool: number; includeBelowMinTrl: boolean },
): Promise<boolean> {
  return (await storedFits(db, challenge, options)) !== null;
}

/** Drops challenges' stored lists: the next request computes them again. */
export function deleteStoredRecommendations(db: Db, challengeIds: string[]): Promise<string[]> {
  return deleteChallengeLists(db, challengeIds);
}
