import {
  and,
  asc,
  count,
  eq,
  getTableColumns,
  inArray,
  isNotNull,
  isNull,
  ne,
  sql,
} from "drizzle-orm";
import type { Db } from "../../core/db/client.ts";
import {
  challengeAnnouncements,
  challengeAttachments,
  challengeClarifications,
  challengeFollows,
  challengeIdeas,
  challenges,
} from "./schema.ts";

// The search vector is the database's business: never read back into the application.
const { search: _search, ...challengeColumns } = getTableColumns(challenges);

export type ChallengeRow = Omit<typeof challenges.$inferSelect, "search">;
export type NewChallenge = Omit<typeof challenges.$inferInsert, "search">;
export type AnnouncementRow = typeof challengeAnnouncements.$inferSelect;
export type ClarificationRow = typeof challengeClarifications.$inferSelect;
export type AttachmentListing = Omit<typeof challengeAttachments.$inferSelect, "bytes">;

export async function insertChallenge(tx: Db, values: NewChallenge): Promise<ChallengeRow> {
  const [row] = await tx.insert(challenges).values(values).returning(challengeColumns);
  return row!;
}

export async function findChallenge(db: Db, id: string): Promise<ChallengeRow | undefined> {
  const [row] = await db.select(challengeColumns).from(challenges).where(eq(challenges.id, id));
  return row;
}

export async function findChallengeRows(db: Db, ids: string[]): Promise<ChallengeRow[]> {
  if (ids.length === 0) return [];
  return db.select(challengeColumns).from(challenges).where(inArray(challenges.id, ids));
}

/**
 * Reads and locks the rows (in id order, so two lockers never wait on each other in a circle):
 * a bulk import's checks and writes hold them, and a transition waits until it commits.
 */
export async function lockChallengeRows(db: Db, ids: string[]): Promise<ChallengeRow[]> {
  if (ids.length === 0) return [];
  // "no key update": it still waits for (and holds up) lockChallenge and the board's shared
  // lock, but rows that merely reference the challenge (follows, proposals) are not held up.
  return db
    .select(challengeColumns)
    .from(challenges)
    .where(inArray(challenges.id, ids))
    .orderBy(asc(challenges.id))
    .for("no key update");
}

/** Reads and locks the row: concurrent transitions of one challenge take turns. */
export async function lockChallenge(tx: Db, id: string): Promise<ChallengeRow | undefined> {
  const [row] = await tx
    .select(challengeColumns)
    .from(challenges)
    .where(eq(challenges.id, id))
    .for("update");
  return row;
}

/**
 * Reads the row with a shared lock: many such readers go at once (posts on the board), while a
 * transition (lockChallenge) waits for them, and they for it — so nothing is posted on the
 * strength of a status that is changing.
 */
export async function shareLockChallenge(tx: Db, id: string): Promise<ChallengeRow | undefined> {
  const [row] = await tx
    .select(challengeColumns)
    .from(challenges)
    .where(eq(challenges.id, id))
    .for("share");
  return row;
}

export async function updateChallengeRow(
  tx: Db,
  id: string,
  patch: Partial<NewChallenge>,
): Promise<void> {
  await tx.update(challenges).set(patch).where(eq(challenges.id, id));
}

export async function insertAnnouncement(
  tx: Db,
  values: typeof challengeAnnouncements.$inferInsert,
): Promise<void> {
  await tx.insert(challengeAnnouncements).values(values);
}

export async function listAnnouncements(db: Db, challengeId: string): Promise<AnnouncementRow[]> {
  return db
    .select()
    .from(challengeAnnouncements)
    .where(eq(challengeAnnouncements.challengeId, challengeId))
    .orderBy(asc(challengeAnnouncements.createdAt), asc(challengeAnnouncements.id));
}

// Follows ---------------------------------------------------------------------------------

export async function addFollow(
  tx: Db,
  challengeId: string,
  userId: string,
  at: Date,
): Promise<void> {
  await tx
    .insert(challengeFollows)
    .values({ challengeId, userId, createdAt: at })
    .onConflictDoNothing();
}

export async function removeFollow(tx: Db, challengeId: string, userId: string): Promise<void> {
  await tx
    .delete(challengeFollows)
    .where(and(eq(challengeFollows.challengeId, challengeId), eq(challengeFollows.userId, userId)));
}

export async function isFollowing(db: Db, challengeId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: challengeFollows.userId })
    .from(challengeFollows)
    .where(and(eq(challengeFollows.challengeId, challengeId), eq(challengeFollows.userId, userId)));
  return row !== undefined;
}

export async function followerIds(db: Db, challengeId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: challengeFollows.userId })
    .from(challengeFollows)
    .where(eq(challengeFollows.challengeId, challengeId));
  return rows.map((row) => row.userId);
}

export interface ChallengeCounts {
  followerCount: number;
  questionCount: number;
  ideaCount: number;
}

/** Followers, answered questions and visible ideas of each challenge, in three grouped reads. */
export async function countsFor(db: Db, ids: string[]): Promise<Map<string, ChallengeCounts>> {
  const result = new Map<string, ChallengeCounts>(
    ids.map((id) => [id, { followerCount: 0, questionCount: 0, ideaCount: 0 }]),
  );
  if (ids.length === 0) return result;
  const [followers, questions, ideas] = await Promise.all([
    db
      .select({ id: challengeFollows.challengeId, n: count() })
      .from(challengeFollows)
      .where(inArray(challengeFollows.challengeId, ids))
      .groupBy(challengeFollows.challengeId),
    db
      .select({ id: challengeClarifications.challengeId, n: count() })
      .from(challengeClarifications)
      .where(
        and(
          inArray(challengeClarifications.challengeId, ids),
          isNotNull(challengeClarifications.answeredAt),
        ),
      )
      .groupBy(challengeClarifications.challengeId),
    db
      .select({ id: challengeIdeas.challengeId, n: count() })
      .from(challengeIdeas)
      .where(and(inArray(challengeIdeas.challengeId, ids), isNull(challengeIdeas.hiddenAt)))
      .groupBy(challengeIdeas.challengeId),
  ]);
  for (const row of followers) result.get(row.id)!.followerCount = row.n;
  for (const row of questions) result.get(row.id)!.questionCount = row.n;
  for (const row of ideas) result.get(row.id)!.ideaCount = row.n;
  return result;
}

// Clarifications --------------------------------------------------------------------------

export async function insertClarification(
  tx: Db,
  values: typeof challengeClarifications.$inferInsert,
): Promise<ClarificationRow> {
  const [row] = await tx.insert(challengeClarifications).values(values).returning();
  return row!;
}

export async function findClarification(
  db: Db,
  challengeId: string,
  id: string,
): Promise<ClarificationRow | undefined> {
  const [row] = await db
    .select()
    .from(challengeClarifications)
    .where(
      and(eq(challengeClarifications.id, id), eq(challengeClarifications.challengeId, challengeId)),
    )
    .for("update");
  return row;
}

export async function answerClarification(
  tx: Db,
  id: string,
  values: { answer: string; answeredBy: string; answeredAt: Date },
): Promise<void> {
  await tx.update(challengeClarifications).set(values).where(eq(challengeClarifications.id, id));
}

export async function listClarifications(db: Db, challengeId: string): Promise<ClarificationRow[]> {
  return db
    .select()
    .from(challengeClarifications)
    .where(eq(challengeClarifications.challengeId, challengeId))
    .orderBy(asc(challengeClarifications.askedAt), asc(challengeClarifications.id));
}

/** Clarifications of several challenges in one query, grouped by challenge, oldest first. */
export async function clarificationsByChallenge(
  db: Db,
  challengeIds: string[],
): Promise<Map<string, ClarificationRow[]>> {
  const grouped = new Map<string, ClarificationRow[]>(challengeIds.map((id) => [id, []]));
  if (!challengeIds.length) return grouped;
  const rows = await db
    .select()
    .from(challengeClarifications)
    .where(inArray(challengeClarifications.challengeId, challengeIds))
    .orderBy(asc(challengeClarifications.askedAt), asc(challengeClarifications.id));
  for (const row of rows) grouped.get(row.challengeId)?.push(row);
  return grouped;
}

// Attachments -----------------------------------------------------------------------------

const { bytes: _bytes, ...attachmentColumns } = getTableColumns(challengeAttachments);

export async function insertAttachment(
  tx: Db,
  values: typeof challengeAttachments.$inferInsert,
): Promise<AttachmentListing> {
  const [row] = await tx.insert(challengeAttachments).values(values).returning(attachmentColumns);
  return row!;
}

export async function listAttachments(db: Db, challengeId: string): Promise<AttachmentListing[]> {
  return db
    .select(attachmentColumns)
    .from(challengeAttachments)
    .where(eq(challengeAttachments.challengeId, challengeId))
    .orderBy(asc(challengeAttachments.uploadedAt), asc(challengeAttachments.id));
}

export async function findAttachment(db: Db, challengeId: string, id: string) {
  const [row] = await db
    .select()
    .from(challengeAttachments)
    .where(and(eq(challengeAttachments.id, id), eq(challengeAttachments.challengeId, challengeId)));
  return row;
}

export async function deleteAttachment(tx: Db, id: string): Promise<void> {
  await tx.delete(challengeAttachments).where(eq(challengeAttachments.id, id));
}

/** Every public (non-draft) challenge, oldest first: the export sorts them by ref afterwards. */
export async function listPublicChallenges(db: Db): Promise<ChallengeRow[]> {
  return db
    .select(challengeColumns)
    .from(challenges)
    .where(ne(challenges.status, "draft"))
    .orderBy(asc(challenges.createdAt), asc(challenges.id));
}

/**
 * Up to `limit` public challenges in the same order, after the challenge `after` (the first
 * ones when null). Positions compare with the stored creation time itself, read in the query,
 * so no precision is lost on the way through a cursor.
 */
export async function listPublicChallengesAfter(
  db: Db,
  after: string | null,
  limit: number,
): Promise<ChallengeRow[]> {
  const position = after
    ? sql`(${challenges.createdAt}, ${challenges.id}) > (select previous.created_at, previous.id from ${challenges} previous where previous.id = ${after})`
    : undefined;
  return db
    .select(challengeColumns)
    .from(challenges)
    .where(and(ne(challenges.status, "draft"), position))
    .orderBy(asc(challenges.createdAt), asc(challenges.id))
    .limit(limit);
}
