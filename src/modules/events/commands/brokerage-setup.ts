import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { recordEventEvent } from "../audit.ts";

import { eventsErrors } from "../errors.ts";
import { managesEvent, type Standing, seesEvent } from "../policy.ts";
import { hostsOf, lockEvent } from "../repository.ts";
import { saveBrokerageSetup, slotsOf } from "../repository-brokerage.ts";

/**
 * The hosts set up the event's meeting area: time slots and tables. A slot named by its id keeps
 * its meetings; a slot or table left out takes its meetings with it (the next scheduler run
 * places those requests again).
 */
export async function setUpBrokerage(
  ctx: ServiceContext,
  actor: UserActor,
  standing: Standing,
  eventId: string,
  body: {
    slots: Array<{ id?: string | undefined; startsAt: string; endsAt: string }>;
    tables: string[];
  },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    const hostIds = event ? ((await hostsOf(tx, [eventId])).get(eventId) ?? []) : [];
    if (!event || !seesEvent(standing, event, hostIds)) throw eventsErrors.eventNotFound();
    if (!managesEvent(standing, hostIds)) throw eventsErrors.notHost();
    const known = new Set((await slotsOf(tx, eventId)).map((slot) => slot.id));
    const unknown = body.slots.flatMap((slot, index) =>
      slot.id && !known.has(slot.id)
        ? [{ field: `body.slots.${index}.id`, message: "is no slot of this event" }]
        : [],
    );
    if (unknown.length) throw eventsErrors.unknownMeetingSlot(undefined, { errors: unknown });
    await saveBrokerageSetup(
      tx,
      eventId,
      {
        slots: body.slots.map((slot) => ({
          id: slot.id,
          startsAt: new Date(slot.startsAt),
          endsAt: new Date(slot.endsAt),
        })),
        tables: body.tables,
      },
      ctx.clock.now(),
    );
    await recordEventEvent(tx, ctx.clock, {
      action: "event.brokerage_set_up",
      actorId: actor.userId,
      subjectId: eventId,
      payload: { slots: body.slots.length, tables: body.tables.length },
    });
  });
}
