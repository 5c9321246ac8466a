import { and, countDistinct, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { Db } from "../../core/db/client.ts";
import { consortia, consortiumMembers } from "./schema.ts";

/**
 * How many consortia are forming, for the impact figures: a count, never who is in them (that
 * is the bidders' business). Optionally of some challenges, or with some current members.
 */
export async function countFormingConsortia(
  db: Db,
  filter: { challengeIds?: string[]; memberIds?: string[] },
): Promise<number> {
  const conditions: SQL[] = [eq(consortia.status, "forming")];
  if (filter.challengeIds) {
    if (filter.challengeIds.length === 0) return 0;
    conditions.push(inArray(consortia.challengeId, filter.challengeIds));
  }
  if (filter.memberIds) {
    if (filter.memberIds.length === 0) return 0;
    conditions.push(inArray(consortiumMembers.organisationId, filter.memberIds));
    conditions.push(isNull(consortiumMembers.leftAt));
  }
  const [row] = await db
    .select({ n: countDistinct(consortia.id) })
    .from(consortia)
    .leftJoin(consortiumMembers, eq(consortiumMembers.consortiumId, consortia.id))
    .where(and(...conditions));
  return row?.n ?? 0;
}
