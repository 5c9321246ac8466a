import type { ServiceContext } from "../../../core/context.ts";
import { recordFundingEvent } from "../audit.ts";
import { fundingErrors } from "../errors.ts";
import { deleteFollower, findSource, insertFollower } from "../repository.ts";
import { scheduleReminder } from "./reminders.ts";

/** A person follows a source, to be reminded before it closes; following twice changes nothing. */
export async function followSource(ctx: ServiceContext, userId: string, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    // Held until the follower is written: a delete of the source at the same moment waits, so
    // the follow gets 404 or goes first, and never fails on the foreign key.
    const source = await findSource(tx, id, { lock: "key share" });
    if (!source) throw fundingErrors.sourceNotFound();
    if (!(await insertFollower(tx, id, userId, ctx.clock.now()))) return;
    await scheduleReminder(ctx, tx, source, userId);
    await recordFundingEvent(tx, ctx.clock, {
      action: "funding_source.followed",
      actorId: userId,
      subjectId: id,
      payload: { userId },
    });
  });
}

/** Stops following; a queued reminder then finds no follower and does nothing. */
export async function unfollowSource(
  ctx: ServiceContext,
  userId: string,
  id: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const source = await findSource(tx, id);
    if (!source) throw fundingErrors.sourceNotFound();
    if (!(await deleteFollower(tx, id, userId))) return;
    await recordFundingEvent(tx, ctx.clock, {
      action: "funding_source.unfollowed",
      actorId: userId,
      subjectId: id,
      payload: { userId },
    });
  });
}
