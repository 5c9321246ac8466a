import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import type { Db } from "../../../core/db/client.ts";
import { findPerson } from "../../accounts/index.ts";
import { notify } from "../../notifications/index.ts";
import { currentOrganisationsOf } from "../../organisations/index.ts";
import { quietPeriodRefusal } from "../../procurement/index.ts";
import { recordEventEvent } from "../audit.ts";
import { eventsErrors } from "../errors.ts";
import { brokerageRole, type Standing, seesEvent } from "../policy.ts";
import { type EventRow, hostsOf, liveRegistration, lockEvent } from "../repository.ts";
import {
  findProfile,
  insertMeetingRequest,
  lockMeetingRequest,
  type MeetingRequestRow,
  openRequestBetween,
  setRequestStatus,
} from "../repository-brokerage.ts";

/**
 * Meeting requests between an event's registered participants: one asks, the other accepts or
 * declines; either may cancel an open one. Every change takes the event's row lock, so two people
 * asking each other at once end with one open request, not two.
 */

async function participantEvent(
  tx: Db,
  standing: Standing,
  actor: UserActor,
  eventId: string,
): Promise<EventRow> {
  const event = await lockEvent(tx, eventId);
  const hostIds = event ? ((await hostsOf(tx, [eventId])).get(eventId) ?? []) : [];
  if (!event || !seesEvent(standing, event, hostIds)) throw eventsErrors.eventNotFound();
  const registration = await liveRegistration(tx, eventId, actor.userId);
  if (!brokerageRole(standing, hostIds, registration).participant) {
    throw eventsErrors.notBrokerageParticipant();
  }
  if (event.status !== "published") throw eventsErrors.eventNotPublished();
  return event;
}

/**
 * The procurement quiet period, asked both ways: an evaluator may not meet a possible bidder
 * one-to-one, whichever of the two asked.
 */
async function refuseDuringQuietPeriod(tx: Db, a: string, b: string, at: Date): Promise<void> {
  for (const [userId, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const organisationIds = (await currentOrganisationsOf(tx, other)).map(
      (row) => row.organisationId,
    );
    const refusal = await quietPeriodRefusal(tx, { userId, organisationIds, at });
    if (refusal) {
      throw eventsErrors.quietPeriod(refusal.reason, {
        params: { reason: refusal.reasonCode, ...refusal.params },
      });
    }
  }
}

export async function requestMeeting(
  ctx: ServiceContext,
  actor: UserActor,
  standing: Standing,
  eventId: string,
  body: { recipientId: string; message: string; priority: number },
): Promise<MeetingRequestRow> {
  return ctx.db.transaction(async (tx) => {
    const event = await participantEvent(tx, standing, actor, eventId);
    const field = [{ field: "body.recipientId", message: "" }];
    if (body.recipientId === actor.userId) {
      throw eventsErrors.recipientUnavailable(undefined, {
        errors: [{ field: "body.recipientId", message: "is you" }],
      });
    }
    const registration = await liveRegistration(tx, eventId, body.recipientId);
    const profile = await findProfile(tx, eventId, body.recipientId);
    if (registration?.status !== "registered" || !profile) {
      field[0]!.message = "is no registered participant with a published profile";
      throw eventsErrors.recipientUnavailable(undefined, { errors: field });
    }
    if (await openRequestBetween(tx, eventId, actor.userId, body.recipientId)) {
      throw eventsErrors.meetingRequestExists();
    }
    const now = ctx.clock.now();
    await refuseDuringQuietPeriod(tx, actor.userId, body.recipientId, now);
    const request = await insertMeetingRequest(tx, {
      eventId,
      requesterId: actor.userId,
      recipientId: body.recipientId,
      message: body.message,
      priority: body.priority,
      status: "pending",
      createdAt: now,
    });
    await recordEventEvent(tx, ctx.clock, {
      action: "event.meeting_requested",
      actorId: actor.userId,
      subjectId: eventId,
      payload: { requestId: request.id, recipientId: body.recipientId, priority: body.priority },
    });
    const requester = await findPerson(tx, actor.userId);
    await notify(ctx, tx, {
      recipients: [body.recipientId],
      kind: "meeting_request",
      params: { event: event.title, requester: requester?.name ?? "" },
      link: `/events/${eventId}#meetings`,
    });
    return request;
  });
}

/** The recipient accepts or declines a pending request; the requester is told. */
export async function answerMeetingRequest(
  ctx: ServiceContext,
  actor: UserActor,
  standing: Standing,
  eventId: string,
  requestId: string,
  answer: "accepted" | "declined",
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const event = await participantEvent(tx, standing, actor, eventId);
    const request = await lockMeetingRequest(tx, eventId, requestId);
    if (!request || request.recipientId !== actor.userId) {
      throw eventsErrors.meetingRequestNotFound();
    }
    if (request.status !== "pending") throw eventsErrors.meetingRequestAnswered();
    const now = ctx.clock.now();
    // A panel seat may have begun since the request: ask again before a meeting is agreed.
    if (answer === "accepted") {
      await refuseDuringQuietPeriod(tx, request.requesterId, request.recipientId, now);
    }
    await setRequestStatus(tx, request.id, answer, now);
    await recordEventEvent(tx, ctx.clock, {
      action: "event.meeting_answered",
      actorId: actor.userId,
      subjectId: eventId,
      payload: { requestId: request.id, answer },
    });
    const recipient = await findPerson(tx, actor.userId);
    await notify(ctx, tx, {
      recipients: [request.requesterId],
      kind: "meeting_answered",
      params: { event: event.title, recipient: recipient?.name ?? "", answer },
      link: `/events/${eventId}#meetings`,
    });
  });
}

/** Either side withdraws an open request; its meeting, if scheduled, goes. */
export async function cancelMeetingRequest(
  ctx: ServiceContext,
  actor: UserActor,
  standing: Standing,
  eventId: string,
  requestId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await participantEvent(tx, standing, actor, eventId);
    const request = await lockMeetingRequest(tx, eventId, requestId);
    if (
      !request ||
      (request.recipientId !== actor.userId && request.requesterId !== actor.userId)
    ) {
      throw eventsErrors.meetingRequestNotFound();
    }
    if (request.status !== "pending" && request.status !== "accepted") {
      throw eventsErrors.meetingRequestAnswered();
    }
    await setRequestStatus(tx, request.id, "cancelled", ctx.clock.now());
    await recordEventEvent(tx, ctx.clock, {
      action: "event.meeting_request_cancelled",
      actorId: actor.userId,
      subjectId: eventId,
      payload: { requestId: request.id },
    });
  });
}
