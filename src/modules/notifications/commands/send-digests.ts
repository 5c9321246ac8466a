import { DAY } from "../../../core/clock.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { queueMail } from "../../../core/mail/mailer.ts";
import { findPerson } from "../../accounts/index.ts";
import { digestMail } from "../mail.ts";
import {
  type DigestCadence,
  lockDigest,
  markDigested,
  notificationsAwaitingDigest,
  peopleWithDueDigest,
} from "../repository.ts";

const periods: Record<DigestCadence, number> = { daily: DAY, weekly: 7 * DAY };
const BATCH = 200;

/**
 * Queues every due daily and weekly digest: one mail per person listing what awaited it, in
 * one transaction per person. Safe to run from several processes at once: each person's digest
 * row is locked with SKIP LOCKED, and whoever gets it re-checks that the digest is still due.
 * Returns how many digests were queued.
 */
export async function sendDueDigests(ctx: ServiceContext): Promise<number> {
  let queued = 0;
  const failures: unknown[] = [];
  for (const cadence of ["daily", "weekly"] as const) {
    const seen = new Set<string>();
    for (;;) {
      const dueBefore = new Date(ctx.clock.now().getTime() - periods[cadence]);
      const people = (await peopleWithDueDigest(ctx.db, cadence, dueBefore, BATCH)).filter(
        (userId) => !seen.has(userId),
      );
      if (people.length === 0) break;
      for (const userId of people) {
        seen.add(userId);
        try {
          if (await sendDigest(ctx, userId, cadence)) queued += 1;
        } catch (error) {
          // One person's failure must not hold back everyone else's digest; it is retried on
          // the next run, since nothing of it was committed.
          failures.push(error);
        }
      }
    }
  }
  if (failures.length > 0) {
    throw new AggregateError(failures, `${failures.length} digest(s) failed; ${queued} queued`);
  }
  return queued;
}

/** One person's digest; false when it is not due (any more) or another process has it. */
export async function sendDigest(
  ctx: ServiceContext,
  userId: string,
  cadence: DigestCadence,
): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const digest = await lockDigest(tx, userId, cadence);
    if (!digest) return false;
    const now = ctx.clock.now();
    const waiting = await notificationsAwaitingDigest(tx, userId, cadence);
    if (waiting.length === 0) return false;
    const dueFrom = digest.lastSentAt ?? waiting[0]!.createdAt;
    if (now.getTime() - dueFrom.getTime() < periods[cadence]) return false;
    const person = await findPerson(tx, userId);
    // Unconfirmed addresses get no mail; the notifications still count as delivered, so they
    // are not looked at again on every run.
    if (person?.emailVerified) {
      await queueMail(tx, ctx.clock, digestMail(person, cadence, waiting, ctx.publicUrl));
    }
    await markDigested(
      tx,
      waiting.map((notification) => notification.id),
      userId,
      cadence,
      now,
    );
    return person?.emailVerified ?? false;
  });
}
