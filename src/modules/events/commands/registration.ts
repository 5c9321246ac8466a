import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import type { Db } from "../../../core/db/client.ts";
import { notify } from "../../notifications/index.ts";
import { recordEventEvent } from "../audit.ts";
import { eventsErrors } from "../errors.ts";
import { registrationOpen, type Standing, seesEvent } from "../policy.ts";
import {
  cancelRegistrationRow,
  hostsOf,
  insertRegistration,
  liveRegistration,
  lockEvent,
  promoteFromWaitlist,
  type RegistrationRow,
  seatCounts,
} from "../repository.ts";

/**
 * Registration with a capacity and a waitlist. Every change locks the event's row first, so two
 * people taking the last seat at once are served one after the other: one gets it, the other
 * the waitlist — never an overbooking, whatever the concurrency.
 */

/** Registers the caller: a seat while there is one, else the end of the waitlist. */
export async function register(
  ctx: ServiceContext,
  actor: UserActor,
  standing: Standing,
  eventId: string,
): Promise<RegistrationRow> {
  return ctx.db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    const hostIds = event ? ((await hostsOf(tx, [eventId])).get(eventId) ?? []) : [];
    if (!event || !seesEvent(standing, event, hostIds)) throw eventsErrors.eventNotFound();
    if (event.status !== "published") throw eventsErrors.eventNotPublished();
    const now = ctx.clock.now();
    if (!registrationOpen(event, now)) throw eventsErrors.registrationClosed();
    if (await liveRegistration(tx, eventId, actor.userId)) throw eventsErrors.alreadyRegistered();
    const counts = (await seatCounts(tx, [eventId])).get(eventId)!;
    const status =
      event.capacity === null || counts.registered < event.capacity ? "registered" : "waitlisted";
    const registration = await insertRegistration(tx, {
      eventId,
      userId: actor.userId,
      status,
      createdAt: now,
    });
    await recordEventEvent(tx, ctx.clock, {
      action: "event.registered",
      actorId: actor.userId,
      subjectId: eventId,
      payload: { userId: actor.userId, status },
    });
    return registration;
  });
}

/**
 * Cancels the caller's registration (until the event ends). A freed seat goes at once to the
 * first on the waitlist, who is told.
 */
export async function cancelRegistration(
  ctx: ServiceContext,
  actor: UserActor,
  standing: Standing,
  eventId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    const hostIds = event ? ((await hostsOf(tx, [eventId])).get(eventId) ?? []) : [];
    if (!event || !seesEvent(standing, event, hostIds)) throw eventsErrors.eventNotFound();
    const now = ctx.clock.now();
    if (now.getTime() >= event.endsAt.getTime()) throw eventsErrors.eventOver();
    const registration = await liveRegistration(tx, eventId, actor.userId);
    if (!registration) throw eventsErrors.notRegistered();
    await cancelRegistrationRow(tx, registration.id, now);
    await recordEventEvent(tx, ctx.clock, {
      action: "event.registration_cancelled",
      actorId: actor.userId,
      subjectId: eventId,
      payload: { userId: actor.userId, status: registration.status },
    });
    if (registration.status !== "registered" || event.status !== "published") return;
    const counts = (await seatCounts(tx, [eventId])).get(eventId)!;
    const free = event.capacity === null ? 0 : event.capacity - counts.registered;
    const promoted = await promoteFromWaitlist(tx, eventId, free, now);
    for (const entry of promoted) {
      await recordEventEvent(tx, ctx.clock, {
        action: "event.promoted",
        actorId: null,
        subjectId: eventId,
        payload: { userId: entry.userId },
      });
    }
    await notifyPromoted(ctx, tx, event, promoted);
  });
}

export async function notifyPromoted(
  ctx: ServiceContext,
  tx: Db,
  event: { id: string; title: string },
  promoted: RegistrationRow[],
): Promise<void> {
  if (!promoted.length) return;
  await notify(ctx, tx, {
    recipients: promoted.map((entry) => entry.userId),
    kind: "event_seat",
    params: { event: event.title },
    link: `/events/${event.id}`,
  });
}
