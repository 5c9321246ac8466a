import type { ServiceContext } from "../../../core/context.ts";
import { commonErrors } from "../../../core/http/problem.ts";
import { announceNotifications, countUnreadOf, markReadOf } from "../repository.ts";

/**
 * Marks some (ids) or all of the person's notifications read and returns what is left unread.
 * Only the person's own notifications change: the query is scoped to them, so another person's
 * id is simply not found.
 */
export async function markNotificationsRead(
  ctx: ServiceContext,
  userId: string,
  which: { ids?: string[] | undefined; all?: true | undefined },
): Promise<number> {
  if (!which.all && !which.ids) {
    throw commonErrors.validationFailed(undefined, {
      errors: [{ field: "body", message: "give ids, or all: true" }],
    });
  }
  if (which.all && which.ids) {
    throw commonErrors.validationFailed(undefined, {
      errors: [{ field: "body.all", message: "give either ids or all: true, not both" }],
    });
  }
  return ctx.db.transaction(async (tx) => {
    await markReadOf(tx, userId, which.all ? "all" : { ids: which.ids! }, ctx.clock.now());
    // The person's other tabs (and other app processes) show the lower count at once.
    await announceNotifications(tx, [userId]);
    return countUnreadOf(tx, userId);
  });
}
