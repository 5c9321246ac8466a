import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../core/db/client.ts";
import { queryRows } from "../../core/db/client.ts";
import type { CatalogueFilters } from "./contract.ts";
import { savedSearches } from "./schema.ts";

export type SavedSearchRow = typeof savedSearches.$inferSelect;

export async function insertSavedSearch(
  tx: Db,
  values: { userId: string; name: string; filters: CatalogueFilters; createdAt: Date },
): Promise<SavedSearchRow> {
  const [row] = await tx.insert(savedSearches).values(values).returning();
  return row!;
}

export async function listSavedSearches(db: Db, userId: string): Promise<SavedSearchRow[]> {
  return db
    .select()
    .from(savedSearches)
    .where(eq(savedSearches.userId, userId))
    .orderBy(desc(savedSearches.createdAt), desc(savedSearches.id));
}

/** Deletes the person's own saved search; false when there is none of theirs by that id. */
export async function deleteSavedSearch(tx: Db, userId: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(savedSearches)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, userId)))
    .returning({ id: savedSearches.id });
  return rows.length > 0;
}

/**
 * One statement: evaluates every saved search's filters (jsonb) against the challenge —
 * full text included — counts the match on each, and returns whom to tell. An absent or empty
 * filter matches everything, as in the catalogue.
 */
export async function matchSavedSearches(
  tx: Db,
  challengeId: string,
): Promise<Array<{ userId: string; name: string }>> {
  const listed = (key: string) => sql`coalesce(jsonb_array_length(s.filters -> ${key}), 0) = 0`;
  return queryRows<{ userId: string; name: string }>(
    tx,
    sql`with matched as (
      select s.id from challenge_saved_searches s, challenges c
      where c.id = ${challengeId}
        and (coalesce(s.filters ->> 'q', '') = ''
             or c.search @@ websearch_to_tsquery('english', s.filters ->> 'q'))
        and (${listed("sector")} or c.sectors && array(
             select jsonb_array_elements_text(s.filters -> 'sector')))
        and (${listed("status")} or (s.filters -> 'status') ? c.status)
        and (${listed("model")} or (s.filters -> 'model') ? c.procurement_model)
        and (s.filters ->> 'cityId' is null or c.city_id::text = s.filters ->> 'cityId')
        and (s.filters ->> 'region' is null or c.region = s.filters ->> 'region')
        and (s.filters ->> 'trl' is null or c.min_trl is null
             or c.min_trl <= (s.filters ->> 'trl')::int)
    )
    update challenge_saved_searches set match_count = match_count + 1
    from matched where challenge_saved_searches.id = matched.id
    returning challenge_saved_searches.user_id as "userId", challenge_saved_searches.name`,
  );
}
