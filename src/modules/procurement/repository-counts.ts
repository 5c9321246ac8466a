import { and, count, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../core/db/client.ts";
import { proposals } from "./schema.ts";

/**
 * How many live (submitted, not withdrawn) proposals there are, for the impact figures: a count
 * only, never who bid or what. The caller passes only challenges past their proposal deadline,
 * so that not even a count of a sealed call is published.
 */
export async function countLiveProposals(
  db: Db,
  filter: { challengeIds?: string[]; bidderIds?: string[] },
): Promise<number> {
  const conditions: SQL[] = [eq(proposals.status, "submitted")];
  if (filter.challengeIds) {
    if (filter.challengeIds.length === 0) return 0;
    conditions.push(inArray(proposals.challengeId, filter.challengeIds));
  }
  if (filter.bidderIds) {
    if (filter.bidderIds.length === 0) return 0;
    conditions.push(inArray(proposals.bidderId, filter.bidderIds));
  }
  const [row] = await db
    .select({ n: count() })
    .from(proposals)
    .where(and(...conditions));
  return row?.n ?? 0;
}
