import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../core/db/client.ts";
import { events } from "./schema.ts";
import { eventOutcomes } from "./schema-outcomes.ts";

/** Queries of workshop outcomes. */

export type OutcomesRow = typeof eventOutcomes.$inferSelect;

export async function findOutcomes(db: Db, eventId: string): Promise<OutcomesRow | undefined> {
  const [row] = await db.select().from(eventOutcomes).where(eq(eventOutcomes.eventId, eventId));
  return row;
}

export async function saveOutcomes(tx: Db, row: OutcomesRow): Promise<void> {
  await tx
    .insert(eventOutcomes)
    .values(row)
    .onConflictDoUpdate({
      target: eventOutcomes.eventId,
      set: {
        notes: row.notes,
        ideas: row.ideas,
        challengeIds: row.challengeIds,
        solutionIds: row.solutionIds,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
      },
    });
}

/** Outcomes naming the challenge, of published events, the latest event first. */
export async function outcomesNamingChallenge(
  db: Db,
  challengeId: string,
  limit: number,
): Promise<Array<{ outcomes: OutcomesRow; event: typeof events.$inferSelect }>> {
  return db
    .select({ outcomes: eventOutcomes, event: events })
    .from(eventOutcomes)
    .innerJoin(events, eq(events.id, eventOutcomes.eventId))
    .where(
      and(
        sql`${eventOutcomes.challengeIds} @> array[${challengeId}]::uuid[]`,
        eq(events.status, "published"),
      ),
    )
    .orderBy(desc(events.startsAt), desc(events.id))
    .limit(limit);
}
