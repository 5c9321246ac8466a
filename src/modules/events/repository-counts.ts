import { and, count, countDistinct, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../core/db/client.ts";
import { eventHosts, eventRegistrations, events } from "./schema.ts";

/**
 * Published events and the people registered for them (seats, not the waitlist), for the
 * impact figures, by the year they start: counts only. Optionally of some hosts, or linked to
 * some challenges.
 */
export async function countEventsByYear(
  db: Db,
  filter: { hostIds?: string[]; challengeIds?: string[] },
): Promise<Array<{ year: number; events: number; participants: number }>> {
  const conditions: SQL[] = [eq(events.status, "published")];
  if (filter.hostIds) {
    if (filter.hostIds.length === 0) return [];
    conditions.push(
      inArray(
        events.id,
        db
          .select({ id: eventHosts.eventId })
          .from(eventHosts)
          .where(inArray(eventHosts.organisationId, filter.hostIds)),
      ),
    );
  }
  if (filter.challengeIds) {
    if (filter.challengeIds.length === 0) return [];
    conditions.push(
      sql`${events.challengeIds} && array[${sql.join(
        filter.challengeIds.map((id) => sql`${id}`),
        sql`, `,
      )}]::uuid[]`,
    );
  }
  const year = sql<number>`extract(year from ${events.startsAt})::int`;
  const rows = await db
    .select({
      year,
      events: countDistinct(events.id),
      participants: count(eventRegistrations.id),
    })
    .from(events)
    .leftJoin(
      eventRegistrations,
      and(eq(eventRegistrations.eventId, events.id), eq(eventRegistrations.status, "registered")),
    )
    .where(and(...conditions))
    .groupBy(year)
    .orderBy(year);
  return rows.map((row) => ({
    year: Number(row.year),
    events: Number(row.events),
    participants: Number(row.participants),
  }));
}
