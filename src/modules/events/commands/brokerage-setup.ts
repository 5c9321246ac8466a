import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import type { Db } from "../../../core/db/client.ts";
import { recordEventEvent } from "../audit.ts";
import { eventsErrors } from "../errors.ts";
import { managesEvent, type Standing, seesEvent } from "../policy.ts";
import { hostsOf, lockEvent } from "../repository.ts";
import {
  findBrokerage,
  replaceUnavailableTables,
  saveBrokerageSetup,
  slotsOf,
} from "../repository-brokerage.ts";

/**
 * The hosts set up the event's meeting area: time slots and tables. A slot named by its id keeps
 * its meetings; a slot or table left out takes its meetings with it (the next scheduler run
 * places those requests again).
 */
async function managedEvent(tx: Db, standing: Standing, eventId: string) {
  const event = await lockEvent(tx, eventId);
  const hostIds = event ? ((await hostsOf(tx, [eventId])).get(eventId) ?? []) : [];
  if (!event || !seesEvent(standing, event, hostIds)) throw eventsErrors.eventNotFound();
  if (!managesEvent(standing, hostIds)) throw eventsErrors.notHost();
  return event;
}

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
    await managedEvent(tx, standing, eventId);
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

/**
 * The hosts close tables in some slots (replacing the previous set). Meetings already placed
 * there stay until the next scheduler run, which moves them to another table or slot.
 */
export async function closeTables(
  ctx: ServiceContext,
  actor: UserActor,
  standing: Standing,
  eventId: string,
  body: { unavailable: Array<{ slotId: string; table: string }> },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await managedEvent(tx, standing, eventId);
    const brokerage = await findBrokerage(tx, eventId);
    const slots = new Set((await slotsOf(tx, eventId)).map((slot) => slot.id));
    if (!brokerage || !slots.size) throw eventsErrors.brokerageNotSetUp();
    const tables = new Set(brokerage.tableNames);
    const unknownSlots = body.unavailable.flatMap((entry, index) =>
      slots.has(entry.slotId)
        ? []
        : [{ field: `body.unavailable.${index}.slotId`, message: "is no slot of this event" }],
    );
    if (unknownSlots.length) {
      throw eventsErrors.unknownMeetingSlot(undefined, { errors: unknownSlots });
    }
    const unknownTables = body.unavailable.flatMap((entry, index) =>
      tables.has(entry.table)
        ? []
        : [{ field: `body.unavailable.${index}.table`, message: "is no table of this event" }],
    );
    if (unknownTables.length) {
      throw eventsErrors.unknownMeetingTable(undefined, { errors: unknownTables });
    }
    await replaceUnavailableTables(
      tx,
      eventId,
      body.unavailable.map((entry) => ({ slotId: entry.slotId, tableName: entry.table })),
    );
    await recordEventEvent(tx, ctx.clock, {
      action: "event.tables_closed",
      actorId: actor.userId,
      subjectId: eventId,
      payload: { unavailable: body.unavailable.length },
    });
  });
}
