import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { recordEventEvent } from "../audit.ts";
import { eventsErrors } from "../errors.ts";
import { brokerageRole, type Standing, seesEvent } from "../policy.ts";
import { hostsOf, liveRegistration, lockEvent } from "../repository.ts";
import { saveProfile, slotsOf } from "../repository-brokerage.ts";

/** A registered participant publishes (or replaces) what they offer, look for, and when they can meet. */
export async function publishBrokerageProfile(
  ctx: ServiceContext,
  actor: UserActor,
  standing: Standing,
  eventId: string,
  body: { offer: string; lookingFor: string; availableSlotIds: string[] | null },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    const hostIds = event ? ((await hostsOf(tx, [eventId])).get(eventId) ?? []) : [];
    if (!event || !seesEvent(standing, event, hostIds)) throw eventsErrors.eventNotFound();
    const registration = await liveRegistration(tx, eventId, actor.userId);
    if (!brokerageRole(standing, hostIds, registration).participant) {
      throw eventsErrors.notBrokerageParticipant();
    }
    const known = new Set((await slotsOf(tx, eventId)).map((slot) => slot.id));
    const unknown = (body.availableSlotIds ?? []).flatMap((id, index) =>
      known.has(id)
        ? []
        : [{ field: `body.availableSlotIds.${index}`, message: "is no slot of this event" }],
    );
    if (unknown.length) throw eventsErrors.unknownMeetingSlot(undefined, { errors: unknown });
    const availableSlotIds = body.availableSlotIds ? [...new Set(body.availableSlotIds)] : null;
    await saveProfile(tx, {
      eventId,
      userId: actor.userId,
      offer: body.offer,
      lookingFor: body.lookingFor,
      availableSlotIds,
      updatedAt: ctx.clock.now(),
    });
    await recordEventEvent(tx, ctx.clock, {
      action: "event.brokerage_profile_published",
      actorId: actor.userId,
      subjectId: eventId,
      payload: { userId: actor.userId, availableSlots: availableSlotIds?.length ?? null },
    });
  });
}
