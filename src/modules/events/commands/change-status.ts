import { eq } from "drizzle-orm";
import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { notify } from "../../notifications/index.ts";
import { recordEventEvent } from "../audit.ts";
import { eventsErrors } from "../errors.ts";
import { managesEvent, type Standing } from "../policy.ts";
import { hostsOf, liveRegistrations, lockEvent } from "../repository.ts";
import { events } from "../schema.ts";

/**
 * Hosts publish a draft, or cancel a draft or a published event that has not ended. Cancelling
 * tells everyone registered or waitlisted; their registrations stay, as the record of who came.
 */
export async function changeEventStatus(
  ctx: ServiceContext,
  actor: UserActor,
  standing: Standing,
  id: string,
  to: "published" | "cancelled",
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const event = await lockEvent(tx, id);
    const hostIds = event ? ((await hostsOf(tx, [id])).get(id) ?? []) : [];
    if (!event) throw eventsErrors.eventNotFound();
    if (!managesEvent(standing, hostIds)) {
      if (event.status === "draft") throw eventsErrors.eventNotFound();
      throw eventsErrors.notHost();
    }
    const now = ctx.clock.now();
    const allowed =
      to === "published"
        ? event.status === "draft"
        : event.status !== "cancelled" && now.getTime() < event.endsAt.getTime();
    if (!allowed) {
      throw eventsErrors.statusChangeRefused(`A ${event.status} event cannot become ${to}.`);
    }
    await tx
      .update(events)
      .set({
        status: to,
        updatedAt: now,
        ...(to === "published" ? { publishedAt: now } : {}),
      })
      .where(eq(events.id, id));
    if (to === "published") {
      await recordEventEvent(tx, ctx.clock, {
        action: "event.published",
        actorId: actor.userId,
        subjectId: id,
        payload: {},
      });
      return;
    }
    const people = (await liveRegistrations(tx, id)).map((registration) => registration.userId);
    await recordEventEvent(tx, ctx.clock, {
      action: "event.cancelled",
      actorId: actor.userId,
      subjectId: id,
      payload: { notified: people.length },
    });
    if (people.length) {
      await notify(ctx, tx, {
        recipients: people,
        kind: "event_cancelled",
        params: { event: event.title },
        link: `/events/${id}`,
      });
    }
  });
}
