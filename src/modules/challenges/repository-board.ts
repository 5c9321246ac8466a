import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../core/db/client.ts";
import {
  challengeContentReports,
  challengeIdeaComments,
  challengeIdeas,
  challengeIdeaVotes,
} from "./schema.ts";

export type IdeaRow = typeof challengeIdeas.$inferSelect;
export type CommentRow = typeof challengeIdeaComments.$inferSelect;

export async function insertIdea(
  tx: Db,
  values: typeof challengeIdeas.$inferInsert,
): Promise<IdeaRow> {
  const [row] = await tx.insert(challengeIdeas).values(values).returning();
  return row!;
}

export async function findIdea(
  db: Db,
  challengeId: string,
  ideaId: string,
): Promise<IdeaRow | undefined> {
  const [row] = await db
    .select()
    .from(challengeIdeas)
    .where(and(eq(challengeIdeas.id, ideaId), eq(challengeIdeas.challengeId, challengeId)));
  return row;
}

export async function updateIdea(
  tx: Db,
  id: string,
  patch: Partial<typeof challengeIdeas.$inferInsert>,
): Promise<void> {
  await tx.update(challengeIdeas).set(patch).where(eq(challengeIdeas.id, id));
}

export async function listIdeas(db: Db, challengeId: string): Promise<IdeaRow[]> {
  return db
    .select()
    .from(challengeIdeas)
    .where(eq(challengeIdeas.challengeId, challengeId))
    .orderBy(asc(challengeIdeas.createdAt), asc(challengeIdeas.id));
}

export async function insertComment(
  tx: Db,
  values: typeof challengeIdeaComments.$inferInsert,
): Promise<CommentRow> {
  const [row] = await tx.insert(challengeIdeaComments).values(values).returning();
  return row!;
}

export async function findComment(
  db: Db,
  ideaId: string,
  commentId: string,
): Promise<CommentRow | undefined> {
  const [row] = await db
    .select()
    .from(challengeIdeaComments)
    .where(and(eq(challengeIdeaComments.id, commentId), eq(challengeIdeaComments.ideaId, ideaId)));
  return row;
}

export async function updateComment(
  tx: Db,
  id: string,
  patch: Partial<typeof challengeIdeaComments.$inferInsert>,
): Promise<void> {
  await tx.update(challengeIdeaComments).set(patch).where(eq(challengeIdeaComments.id, id));
}

export async function commentsOf(db: Db, ideaIds: string[]): Promise<CommentRow[]> {
  if (ideaIds.length === 0) return [];
  return db
    .select()
    .from(challengeIdeaComments)
    .where(inArray(challengeIdeaComments.ideaId, ideaIds))
    .orderBy(asc(challengeIdeaComments.createdAt), asc(challengeIdeaComments.id));
}

/** True when the vote was added, false when it was already there. */
export async function addVote(tx: Db, ideaId: string, userId: string, at: Date): Promise<void> {
  await tx
    .insert(challengeIdeaVotes)
    .values({ ideaId, userId, createdAt: at })
    .onConflictDoNothing();
}

export async function removeVote(tx: Db, ideaId: string, userId: string): Promise<void> {
  await tx
    .delete(challengeIdeaVotes)
    .where(and(eq(challengeIdeaVotes.ideaId, ideaId), eq(challengeIdeaVotes.userId, userId)));
}

export async function voteCounts(db: Db, ideaIds: string[]): Promise<Map<string, number>> {
  if (ideaIds.length === 0) return new Map();
  const rows = await db
    .select({ ideaId: challengeIdeaVotes.ideaId, n: count() })
    .from(challengeIdeaVotes)
    .where(inArray(challengeIdeaVotes.ideaId, ideaIds))
    .groupBy(challengeIdeaVotes.ideaId);
  return new Map(rows.map((row) => [row.ideaId, row.n]));
}

export async function votedBy(db: Db, ideaIds: string[], userId: string): Promise<Set<string>> {
  if (ideaIds.length === 0) return new Set();
  const rows = await db
    .select({ ideaId: challengeIdeaVotes.ideaId })
    .from(challengeIdeaVotes)
    .where(and(inArray(challengeIdeaVotes.ideaId, ideaIds), eq(challengeIdeaVotes.userId, userId)));
  return new Set(rows.map((row) => row.ideaId));
}

export async function insertReport(
  tx: Db,
  values: typeof challengeContentReports.$inferInsert,
): Promise<string> {
  const [row] = await tx
    .insert(challengeContentReports)
    .values(values)
    .returning({ id: challengeContentReports.id });
  return row!.id;
}

/** Open reports per idea, its comments' included. */
export async function openReportCounts(db: Db, ideaIds: string[]): Promise<Map<string, number>> {
  if (ideaIds.length === 0) return new Map();
  const rows = await db
    .select({ ideaId: challengeContentReports.ideaId, n: count() })
    .from(challengeContentReports)
    .where(
      and(
        inArray(challengeContentReports.ideaId, ideaIds),
        isNull(challengeContentReports.resolvedAt),
      ),
    )
    .groupBy(challengeContentReports.ideaId);
  return new Map(rows.map((row) => [row.ideaId, row.n]));
}

/** A moderator's decision settles the open reports about that idea or comment. */
export async function resolveReports(
  tx: Db,
  ideaId: string,
  commentId: string | null,
  at: Date,
): Promise<void> {
  await tx
    .update(challengeContentReports)
    .set({ resolvedAt: at })
    .where(
      and(
        eq(challengeContentReports.ideaId, ideaId),
        commentId
          ? eq(challengeContentReports.commentId, commentId)
          : isNull(challengeContentReports.commentId),
        isNull(challengeContentReports.resolvedAt),
      ),
    );
}
