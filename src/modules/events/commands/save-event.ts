import { eq } from "drizzle-orm";
import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import type { Db } from "../../../core/db/client.ts";
import { challengeCards } from "../../challenges/index.ts";
import { organisationSummaries } from "../../organisations/index.ts";
import { recordEventEvent } from "../audit.ts";
import type { EventDetails } from "../contract.ts";
import { eventsErrors } from "../errors.ts";
import { managesEvent, type Standing } from "../policy.ts";
import {
  hostsOf,
  lockEvent,
  promoteFromWaitlist,
  replaceAgenda,
  replaceHosts,
  seatCounts,
} from "../repository.ts";
import { events } from "../schema.ts";
import { notifyPromoted } from "./registration.ts";

type Body = EventDetails;

/** Hosts must exist and be the caller's organisations (admins may name any); challenges public. */
async function checkReferences(db: Db, standing: Standing, body: Body) {
  const hosts = await organisationSummaries(db, body.hostOrganisationIds);
  body.hostOrganisationIds.forEach((id, index) => {
    if (!hosts.has(id)) {
      throw eventsErrors.hostNotFound(undefined, {
        errors: [{ field: `body.hostOrganisationIds.${index}`, message: "is no organisation" }],
      });
    }
    if (!standing.platformAdmin && !standing.memberOf.has(id)) {
      throw eventsErrors.notHostMember(undefined, {
        errors: [
          { field: `body.hostOrganisationIds.${index}`, message: "is not your organisation" },
        ],
      });
    }
  });
  const challenges = await challengeCards(db, body.challengeIds);
  body.challengeIds.forEach((id, index) => {
    if (!challenges.has(id)) {
      throw eventsErrors.challengeNotFound(undefined, {
        errors: [{ field: `body.challengeIds.${index}`, message: "is no published challenge" }],
      });
    }
  });
}

const columnsOf = (body: Body) => ({
  kind: body.kind,
  title: body.title,
  summary: body.summary,
  description: body.description,
  startsAt: new Date(body.startsAt),
  endsAt: new Date(body.endsAt),
  timeZone: body.timeZone,
  venue: body.venue || null,
  onlineUrl: body.onlineUrl,
  capacity: body.capacity,
  registrationDeadline: body.registrationDeadline ? new Date(body.registrationDeadline) : null,
  challengeIds: [...new Set(body.challengeIds)],
});

const agendaOf = (body: Body) =>
  body.agenda.map((item) => ({
    startsAt: new Date(item.startsAt),
    endsAt: new Date(item.endsAt),
    title: item.title,
    description: item.description,
    speakers: item.speakers,
  }));

/** A new draft event, its hosts and agenda, in one transaction with its audit event. */
export async function createEvent(
  ctx: ServiceContext,
  actor: UserActor,
  standing: Standing,
  body: Body,
): Promise<string> {
  await checkReferences(ctx.db, standing, body);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(events)
      .values({
        ...columnsOf(body),
        status: "draft",
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: events.id });
    await replaceHosts(tx, row!.id, body.hostOrganisationIds);
    await replaceAgenda(tx, row!.id, agendaOf(body));
    await recordEventEvent(tx, ctx.clock, {
      action: "event.created",
      actorId: actor.userId,
      subjectId: row!.id,
      payload: {
        title: body.title,
        kind: body.kind,
        hostOrganisationIds: body.hostOrganisationIds,
      },
    });
    return row!.id;
  });
}

/**
 * Replaces the event's details. A larger capacity promotes people from the waitlist at once; a
 * smaller one never unregisters anyone (those registered keep their seat).
 */
export async function updateEvent(
  ctx: ServiceContext,
  actor: UserActor,
  standing: Standing,
  id: string,
  body: Body,
): Promise<void> {
  await checkReferences(ctx.db, standing, body);
  await ctx.db.transaction(async (tx) => {
    const event = await lockEvent(tx, id);
    if (!event) throw eventsErrors.eventNotFound();
    const currentHosts = (await hostsOf(tx, [id])).get(id) ?? [];
    if (!managesEvent(standing, currentHosts)) {
      if (event.status === "draft") throw eventsErrors.eventNotFound();
      throw eventsErrors.notHost();
    }
    const now = ctx.clock.now();
    const columns = columnsOf(body);
    const fields = (Object.keys(columns) as Array<keyof typeof columns>).filter(
      (key) => JSON.stringify(columns[key]) !== JSON.stringify(event[key]),
    );
    await tx
      .update(events)
      .set({ ...columns, updatedAt: now })
      .where(eq(events.id, id));
    await replaceHosts(tx, id, body.hostOrganisationIds);
    await replaceAgenda(tx, id, agendaOf(body));
    await recordEventEvent(tx, ctx.clock, {
      action: "event.updated",
      actorId: actor.userId,
      subjectId: id,
      payload: { fields: [...fields, "hosts", "agenda"] },
    });
    if (
      columns.capacity === null ||
      (event.capacity !== null && columns.capacity > event.capacity)
    ) {
      const counts = (await seatCounts(tx, [id])).get(id)!;
      const free =
        columns.capacity === null ? counts.waitlisted : columns.capacity - counts.registered;
      const promoted = await promoteFromWaitlist(tx, id, free, now);
      for (const registration of promoted) {
        await recordEventEvent(tx, ctx.clock, {
          action: "event.promoted",
          actorId: actor.userId,
          subjectId: id,
          payload: { userId: registration.userId },
        });
      }
      await notifyPromoted(ctx, tx, { id, title: columns.title }, promoted);
    }
  });
}
