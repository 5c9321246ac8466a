import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../core/db/client.ts";
import {
  conflictDeclarations,
  contactLog,
  evaluationAwards,
  evaluationCriteria,
  evaluationPanel,
  evaluationScores,
  evaluationSetups,
} from "./schema-evaluation.ts";

/** Queries of the evaluation tables (schema-evaluation.ts). */

export type SetupRow = typeof evaluationSetups.$inferSelect;
export type CriterionRow = typeof evaluationCriteria.$inferSelect;
export type SeatRow = typeof evaluationPanel.$inferSelect;
export type DeclarationRow = typeof conflictDeclarations.$inferSelect;
export type ScoreRow = typeof evaluationScores.$inferSelect;
export type AwardRow = typeof evaluationAwards.$inferSelect;
export type ContactRow = typeof contactLog.$inferSelect;

export async function findSetup(db: Db, challengeId: string): Promise<SetupRow | undefined> {
  const [row] = await db
    .select()
    .from(evaluationSetups)
    .where(eq(evaluationSetups.challengeId, challengeId));
  return row;
}

export async function setupsOf(db: Db, challengeIds: string[]): Promise<Map<string, SetupRow>> {
  if (challengeIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(evaluationSetups)
    .where(inArray(evaluationSetups.challengeId, challengeIds));
  return new Map(rows.map((row) => [row.challengeId, row]));
}

/** Replaces the setup, its criteria and panel (before the deadline, when nothing refers to them). */
export async function replaceSetup(
  db: Db,
  setup: typeof evaluationSetups.$inferInsert,
  criteria: Array<Omit<typeof evaluationCriteria.$inferInsert, "challengeId">>,
  panel: Array<Omit<typeof evaluationPanel.$inferInsert, "challengeId">>,
): Promise<void> {
  const challengeId = setup.challengeId;
  await db.delete(evaluationCriteria).where(eq(evaluationCriteria.challengeId, challengeId));
  await db.delete(evaluationPanel).where(eq(evaluationPanel.challengeId, challengeId));
  await db
    .insert(evaluationSetups)
    .values(setup)
    .onConflictDoUpdate({
      target: evaluationSetups.challengeId,
      set: {
        blind: setup.blind,
        standstillDays: setup.standstillDays,
        definedBy: setup.definedBy,
        definedAt: setup.definedAt,
      },
    });
  await db
    .insert(evaluationCriteria)
    .values(criteria.map((criterion) => ({ ...criterion, challengeId })));
  await db.insert(evaluationPanel).values(panel.map((seat) => ({ ...seat, challengeId })));
}

export async function lockTechnical(
  db: Db,
  challengeId: string,
  by: string,
  at: Date,
): Promise<void> {
  await db
    .update(evaluationSetups)
    .set({ technicalLockedBy: by, technicalLockedAt: at })
    .where(eq(evaluationSetups.challengeId, challengeId));
}

export async function criteriaOf(db: Db, challengeId: string): Promise<CriterionRow[]> {
  return (await criteriaOfChallenges(db, [challengeId])).get(challengeId) ?? [];
}

/** The criteria of each of the challenges, in their order (none: an empty list). */
export async function criteriaOfChallenges(
  db: Db,
  challengeIds: string[],
): Promise<Map<string, CriterionRow[]>> {
  if (challengeIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(evaluationCriteria)
    .where(inArray(evaluationCriteria.challengeId, challengeIds))
    .orderBy(asc(evaluationCriteria.position));
  return byChallenge(challengeIds, rows);
}

export async function panelOf(db: Db, challengeId: string): Promise<SeatRow[]> {
  return db.select().from(evaluationPanel).where(eq(evaluationPanel.challengeId, challengeId));
}

/** The person's seats on the challenges' panels, by challenge. */
export async function seatsOf(
  db: Db,
  userId: string,
  challengeIds?: string[],
): Promise<Map<string, SeatRow>> {
  if (challengeIds && challengeIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(evaluationPanel)
    .where(
      challengeIds
        ? and(
            eq(evaluationPanel.userId, userId),
            inArray(evaluationPanel.challengeId, challengeIds),
          )
        : eq(evaluationPanel.userId, userId),
    );
  return new Map(rows.map((row) => [row.challengeId, row]));
}

export async function declarationsOf(
  db: Db,
  challengeIds: string[],
  userId?: string,
): Promise<DeclarationRow[]> {
  if (challengeIds.length === 0) return [];
  return db
    .select()
    .from(conflictDeclarations)
    .where(
      userId
        ? and(
            inArray(conflictDeclarations.challengeId, challengeIds),
            eq(conflictDeclarations.userId, userId),
          )
        : inArray(conflictDeclarations.challengeId, challengeIds),
    );
}

export async function insertDeclaration(
  db: Db,
  values: typeof conflictDeclarations.$inferInsert,
): Promise<void> {
  await db.insert(conflictDeclarations).values(values);
}

/** "No conflict" becomes "conflict" (the only change a declaration may take). */
export async function escalateDeclaration(
  db: Db,
  id: string,
  values: { reason: string; detected: boolean; declaredAt: Date },
): Promise<void> {
  await db
    .update(conflictDeclarations)
    .set({ verdict: "conflict", ...values })
    .where(eq(conflictDeclarations.id, id));
}

export async function scoresOf(
  db: Db,
  challengeId: string,
  options: { userId?: string; proposalId?: string } = {},
): Promise<ScoreRow[]> {
  return db
    .select()
    .from(evaluationScores)
    .where(
      and(
        eq(evaluationScores.challengeId, challengeId),
        options.userId ? eq(evaluationScores.userId, options.userId) : undefined,
        options.proposalId ? eq(evaluationScores.proposalId, options.proposalId) : undefined,
      ),
    );
}

export async function upsertScore(
  db: Db,
  values: typeof evaluationScores.$inferInsert,
): Promise<void> {
  await db
    .insert(evaluationScores)
    .values(values)
    .onConflictDoUpdate({
      target: [evaluationScores.proposalId, evaluationScores.criterionId, evaluationScores.userId],
      set: { score: values.score, justification: values.justification, scoredAt: values.scoredAt },
    });
}

/** The challenge's live award (not cancelled), if any. */
export async function findAward(db: Db, challengeId: string): Promise<AwardRow | undefined> {
  const [row] = await db
    .select()
    .from(evaluationAwards)
    .where(
      and(eq(evaluationAwards.challengeId, challengeId), isNull(evaluationAwards.cancelledAt)),
    );
  return row;
}

/** Every award of the challenge, cancelled ones included, oldest decision first. */
export async function awardHistoryOf(db: Db, challengeId: string): Promise<AwardRow[]> {
  return (await awardHistoriesOf(db, [challengeId])).get(challengeId) ?? [];
}

/** The award history (as awardHistoryOf) of each of the challenges, in one read. */
export async function awardHistoriesOf(
  db: Db,
  challengeIds: string[],
): Promise<Map<string, AwardRow[]>> {
  if (challengeIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(evaluationAwards)
    .where(inArray(evaluationAwards.challengeId, challengeIds))
    .orderBy(asc(evaluationAwards.decidedAt), asc(evaluationAwards.id));
  return byChallenge(challengeIds, rows);
}

/**
 * The award a history stands for: the live one, or else the last cancelled (the challenge is back
 * in evaluation, and the notice says why). The others are earlier, cancelled decisions.
 */
export function currentAwardOf(history: AwardRow[]): AwardRow | undefined {
  return history.find((row) => row.cancelledAt === null) ?? history.at(-1);
}

/** The live awards of the challenges (cancelled ones are history, not awards). */
export async function awardsOf(db: Db, challengeIds: string[]): Promise<Map<string, AwardRow>> {
  if (challengeIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(evaluationAwards)
    .where(
      and(
        inArray(evaluationAwards.challengeId, challengeIds),
        isNull(evaluationAwards.cancelledAt),
      ),
    );
  return new Map(rows.map((row) => [row.challengeId, row]));
}

export async function insertAward(
  db: Db,
  values: typeof evaluationAwards.$inferInsert,
): Promise<void> {
  await db.insert(evaluationAwards).values(values);
}

/** Marks a live award cancelled; the row stays. */
export async function cancelAward(
  db: Db,
  awardId: string,
  values: { cancelledAt: Date; cancelledBy: string; cancellationReason: string },
): Promise<void> {
  await db
    .update(evaluationAwards)
    .set(values)
    .where(and(eq(evaluationAwards.id, awardId), isNull(evaluationAwards.cancelledAt)));
}

export async function insertContact(
  db: Db,
  values: typeof contactLog.$inferInsert,
): Promise<ContactRow> {
  const [row] = await db.insert(contactLog).values(values).returning();
  return row!;
}

export async function contactsOf(db: Db, challengeId: string): Promise<ContactRow[]> {
  return db
    .select()
    .from(contactLog)
    .where(eq(contactLog.challengeId, challengeId))
    .orderBy(asc(contactLog.contactAt), asc(contactLog.id));
}

/**
 * Rows grouped by challenge, keeping their order; every asked challenge has a list. Also the
 * plans' (repository-plans.ts).
 */
export function byChallenge<Row extends { challengeId: string }>(
  challengeIds: string[],
  rows: Row[],
): Map<string, Row[]> {
  const groups = new Map(challengeIds.map((id) => [id, [] as Row[]]));
  for (const row of rows) groups.get(row.challengeId)?.push(row);
  return groups;
}
