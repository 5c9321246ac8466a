import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import type { Db } from "../../../core/db/client.ts";
import { notify } from "../../notifications/index.ts";
import type { CatalogueFilters } from "../contract.ts";
import { challengeErrors } from "../errors.ts";
import type { ChallengeRow } from "../repository.ts";
import {
  deleteSavedSearch,
  insertSavedSearch,
  matchSavedSearches,
  type SavedSearchRow,
} from "../repository-saved-searches.ts";

/** Saves catalogue filters; each newly published challenge that matches is notified. */
export async function saveSearch(
  ctx: ServiceContext,
  actor: UserActor,
  input: { name: string; filters: CatalogueFilters },
): Promise<SavedSearchRow> {
  return ctx.db.transaction((tx) =>
    insertSavedSearch(tx, {
      userId: actor.userId,
      name: input.name,
      filters: withoutEmpty(input.filters),
      createdAt: ctx.clock.now(),
    }),
  );
}

export async function forgetSearch(
  ctx: ServiceContext,
  actor: UserActor,
  id: string,
): Promise<void> {
  const deleted = await ctx.db.transaction((tx) => deleteSavedSearch(tx, actor.userId, id));
  if (!deleted) throw challengeErrors.savedSearchNotFound();
}

/** Stored without blanks, so the SQL matcher reads "absent" for "any". */
function withoutEmpty(filters: CatalogueFilters): CatalogueFilters {
  return Object.fromEntries(
    Object.entries(filters).filter(
      ([, value]) =>
        value !== undefined && value !== "" && !(Array.isArray(value) && value.length === 0),
    ),
  ) as CatalogueFilters;
}

/** One notice per matching saved search, each naming its search. */
export async function tellSavedSearchOwners(
  ctx: ServiceContext,
  tx: Db,
  challenge: Pick<ChallengeRow, "id" | "title">,
): Promise<number> {
  const matches = await matchSavedSearches(tx, challenge.id);
  for (const match of matches) {
    await notify(ctx, tx, {
      recipients: [match.userId],
      kind: "saved_search_match",
      params: { challenge: challenge.title, search: match.name },
      link: `/challenges/${challenge.id}`,
    });
  }
  return matches.length;
}
