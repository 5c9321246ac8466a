import { DAY } from "../../../core/clock.ts";
import type { ServiceContext } from "../../../core/context.ts";
import type { Db } from "../../../core/db/client.ts";
import { enqueueJob, type OutboxJob } from "../../../core/jobs/outbox.ts";
import { notify } from "../../notifications/index.ts";
import { recordFundingEvent } from "../audit.ts";
import { findSource, lockFollower, markReminded } from "../repository.ts";
import { todayOf } from "../source-views.ts";

export const DEADLINE_REMINDER_JOB = "funding.deadline_reminder";
/** How long before a source closes its followers are reminded. */
export const REMINDER_DAYS = 7;

/**
 * Queues the reminder of one follower for the source's closing date: REMINDER_DAYS before it
 * (at once when that is past but the source is still open). Nothing for rolling or closed ones.
 */
export async function scheduleReminder(
  ctx: ServiceContext,
  tx: Db,
  source: { id: string; closesOn: string | null },
  userId: string,
): Promise<void> {
  if (!source.closesOn || source.closesOn < todayOf(ctx.clock)) return;
  const due = new Date(Date.parse(`${source.closesOn}T09:00:00Z`) - REMINDER_DAYS * DAY);
  const now = ctx.clock.now();
  await enqueueJob(tx, ctx.clock, {
    kind: DEADLINE_REMINDER_JOB,
    payload: { sourceId: source.id, userId, closesOn: source.closesOn },
    runAt: due > now ? due : now,
  });
}

/**
 * The job: reminds the follower once, through the notifications module (which applies their
 * delivery preference). A job made stale by an unfollow, a moved deadline (which queued its own
 * job) or a reminder already sent does nothing.
 */
export async function sendDeadlineReminder(ctx: ServiceContext, job: OutboxJob): Promise<void> {
  const sourceId = String(job.payload.sourceId ?? "");
  const userId = String(job.payload.userId ?? "");
  const closesOn = String(job.payload.closesOn ?? "");
  await ctx.db.transaction(async (tx) => {
    const source = await findSource(tx, sourceId);
    if (!source || source.closesOn !== closesOn || closesOn < todayOf(ctx.clock)) return;
    // Locked: two jobs for the same date (a deadline moved away and back) may run at once on
    // two workers; the second waits here and finds the follower reminded.
    const follower = await lockFollower(tx, sourceId, userId);
    if (!follower || follower.remindedFor === closesOn) return;
    await markReminded(tx, sourceId, userId, closesOn);
    await notify(ctx, tx, {
      recipients: [userId],
      kind: "funding_deadline",
      params: { source: source.title, date: closesOn },
      link: `/funding/sources/${source.id}`,
    });
    await recordFundingEvent(tx, ctx.clock, {
      action: "funding_source.reminded",
      actorId: null,
      subjectId: sourceId,
      payload: { userId, closesOn },
    });
  });
}
