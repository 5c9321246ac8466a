import { and, asc, eq, gte, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "../../core/db/client.ts";
import { challengeCoFunding, fundingFollowers, fundingSources } from "./schema.ts";

export type SourceRow = typeof fundingSources.$inferSelect;
export type NewSourceRow = typeof fundingSources.$inferInsert;

export async function insertSource(db: Db, row: NewSourceRow): Promise<SourceRow> {
  const [created] = await db.insert(fundingSources).values(row).returning();
  return created!;
}

export async function updateSource(
  db: Db,
  id: string,
  changes: Partial<NewSourceRow>,
): Promise<void> {
  await db.update(fundingSources).set(changes).where(eq(fundingSources.id, id));
}

export async function deleteSourceRow(db: Db, id: string): Promise<void> {
  await db.delete(fundingSources).where(eq(fundingSources.id, id));
}

/**
 * The source. With `lock`, the row stays locked until the transaction ends:
 * - `"update"`: two edits of one source take turns, so each checks its bounds (minimum ≤
 *   maximum) against what the other wrote;
 * - `"key share"`: a row that will reference it (a follower, a co-funding record) can then be
 *   written, and a delete waits for it, instead of the delete landing in between and the insert
 *   failing on the foreign key.
 */
export async function findSource(
  db: Db,
  id: string,
  options: { lock?: "update" | "key share" } = {},
): Promise<SourceRow | null> {
  const query = db.select().from(fundingSources).where(eq(fundingSources.id, id));
  const [row] = await (options.lock ? query.for(options.lock) : query);
  return row ?? null;
}

export async function sourcesByIds(db: Db, ids: string[]): Promise<SourceRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(fundingSources).where(inArray(fundingSources.id, ids));
}

export async function listSources(
  db: Db,
  filters: { funderId?: string; instrument?: string },
): Promise<SourceRow[]> {
  const conditions = [
    filters.funderId ? eq(fundingSources.funderId, filters.funderId) : undefined,
    filters.instrument
      ? eq(fundingSources.instrument, filters.instrument as SourceRow["instrument"])
      : undefined,
  ].filter(Boolean);
  return db
    .select()
    .from(fundingSources)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(fundingSources.title), asc(fundingSources.id));
}

/** Sources with a closing date on or after `from`, soonest first (the deadline calendar). */
export async function sourcesClosingFrom(db: Db, from: string): Promise<SourceRow[]> {
  return db
    .select()
    .from(fundingSources)
    .where(and(isNotNull(fundingSources.closesOn), gte(fundingSources.closesOn, from)))
    .orderBy(asc(fundingSources.closesOn), asc(fundingSources.title));
}

export async function followedSourceIds(db: Db, userId: string): Promise<Set<string>> {
  const rows = await db
    .select({ sourceId: fundingFollowers.sourceId })
    .from(fundingFollowers)
    .where(eq(fundingFollowers.userId, userId));
  return new Set(rows.map((row) => row.sourceId));
}

/** The follower, locked until the transaction ends: two reminder jobs for one date take turns. */
export async function lockFollower(db: Db, sourceId: string, userId: string) {
  const [row] = await db
    .select()
    .from(fundingFollowers)
    .where(and(eq(fundingFollowers.sourceId, sourceId), eq(fundingFollowers.userId, userId)))
    .for("update");
  return row ?? null;
}

export async function insertFollower(
  db: Db,
  sourceId: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .insert(fundingFollowers)
    .values({ sourceId, userId, createdAt: now })
    .onConflictDoNothing()
    .returning({ userId: fundingFollowers.userId });
  return rows.length > 0;
}

export async function deleteFollower(db: Db, sourceId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(fundingFollowers)
    .where(and(eq(fundingFollowers.sourceId, sourceId), eq(fundingFollowers.userId, userId)))
    .returning({ userId: fundingFollowers.userId });
  return rows.length > 0;
}

export async function followerIdsOf(db: Db, sourceId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: fundingFollowers.userId })
    .from(fundingFollowers)
    .where(eq(fundingFollowers.sourceId, sourceId));
  return rows.map((row) => row.userId);
}

export async function markReminded(
  db: Db,
  sourceId: string,
  userId: string,
  closesOn: string,
): Promise<void> {
  await db
    .update(fundingFollowers)
    .set({ remindedFor: closesOn })
    .where(and(eq(fundingFollowers.sourceId, sourceId), eq(fundingFollowers.userId, userId)));
}

export type CoFundingRow = typeof challengeCoFunding.$inferSelect;

/** A challenge's co-funding, in the order the city recorded it. */
export async function coFundingOf(db: Db, challengeId: string): Promise<CoFundingRow[]> {
  return (await coFundingOfChallenges(db, [challengeId])).get(challengeId) ?? [];
}

/**
 * The co-funding of some challenges in one query, each challenge's in the order the city
 * recorded it (the source breaks a tie); a challenge with none is left out.
 */
export async function coFundingOfChallenges(
  db: Db,
  challengeIds: string[],
): Promise<Map<string, CoFundingRow[]>> {
  const result = new Map<string, CoFundingRow[]>();
  if (challengeIds.length === 0) return result;
  const rows = await db
    .select()
    .from(challengeCoFunding)
    .where(inArray(challengeCoFunding.challengeId, [...new Set(challengeIds)]))
    .orderBy(asc(challengeCoFunding.createdAt), asc(challengeCoFunding.sourceId));
  for (const row of rows) {
    const list = result.get(row.challengeId);
    if (list) list.push(row);
    else result.set(row.challengeId, [row]);
  }
  return result;
}

export async function upsertCoFunding(
  db: Db,
  row: typeof challengeCoFunding.$inferInsert,
): Promise<void> {
  await db
    .insert(challengeCoFunding)
    .values(row)
    .onConflictDoUpdate({
      target: [challengeCoFunding.challengeId, challengeCoFunding.sourceId],
      set: { amountMinor: row.amountMinor, currency: row.currency },
    });
}

export async function deleteCoFunding(
  db: Db,
  challengeId: string,
  sourceId: string,
): Promise<boolean> {
  const rows = await db
    .delete(challengeCoFunding)
    .where(
      and(
        eq(challengeCoFunding.challengeId, challengeId),
        eq(challengeCoFunding.sourceId, sourceId),
      ),
    )
    .returning({ sourceId: challengeCoFunding.sourceId });
  return rows.length > 0;
}
