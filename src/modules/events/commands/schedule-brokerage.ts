import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import type { Db } from "../../../core/db/client.ts";
import { notify } from "../../notifications/index.ts";
import { recordEventEvent } from "../audit.ts";
import { availableSlots } from "../brokerage-views.ts";
import type { ScheduleResult } from "../contract-brokerage.ts";
import { eventsErrors } from "../errors.ts";
import { managesEvent, type Standing, seesEvent } from "../policy.ts";
import { hostsOf, liveRegistrations, lockEvent } from "../repository.ts";
import {
  acceptedRequests,
  findBrokerage,
  markScheduled,
  meetingsOf,
  profilesOf,
  replaceMeetings,
  slotsOf,
  unavailableTablesOf,
} from "../repository-brokerage.ts";
import {
  boundMeetings,
  type Meeting,
  type SchedulingProblem,
  scheduleMeetings,
} from "../scheduling/index.ts";

/**
 * The hosts run the scheduler: the accepted requests between people still registered, each
 * person's availability (every slot without a profile), and the stored meetings as the previous
 * run — so a re-run keeps confirmed meetings in place while they stay feasible. The new schedule
 * replaces the old in the same transaction.
 */
export async function scheduleBrokerage(
  ctx: ServiceContext,
  actor: UserActor,
  standing: Standing,
  eventId: string,
): Promise<ScheduleResult> {
  return ctx.db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    const hostIds = event ? ((await hostsOf(tx, [eventId])).get(eventId) ?? []) : [];
    if (!event || !seesEvent(standing, event, hostIds)) throw eventsErrors.eventNotFound();
    if (!managesEvent(standing, hostIds)) throw eventsErrors.notHost();
    const brokerage = await findBrokerage(tx, eventId);
    const slots = await slotsOf(tx, eventId);
    if (!brokerage || !slots.length || !brokerage.tableNames.length) {
      throw eventsErrors.brokerageNotSetUp();
    }
    const registered = new Set(
      (await liveRegistrations(tx, eventId))
        .filter((registration) => registration.status === "registered")
        .map((registration) => registration.userId),
    );
    const accepted = await acceptedRequests(tx, eventId);
    const requests = accepted.filter(
      (request) => registered.has(request.requesterId) && registered.has(request.recipientId),
    );
    const profiles = new Map((await profilesOf(tx, eventId)).map((row) => [row.userId, row]));
    const slotIds = slots.map((slot) => slot.id);
    const closed = new Map<string, string[]>();
    for (const entry of await unavailableTablesOf(tx, eventId)) {
      closed.set(entry.tableName, [...(closed.get(entry.tableName) ?? []), entry.slotId]);
    }
    const people = [...new Set(requests.flatMap((r) => [r.requesterId, r.recipientId]))];
    const previous = await meetingsOf(tx, eventId);
    const problem: SchedulingProblem = {
      slots: slotIds,
      tables: brokerage.tableNames.map((id) => ({ id, unavailableSlots: closed.get(id) ?? [] })),
      participants: people.map((id) => {
        const profile = profiles.get(id);
        return { id, availableSlots: profile ? availableSlots(profile, slots) : slotIds };
      }),
      requests: requests.map((request) => ({
        id: request.id,
        participants: [request.requesterId, request.recipientId] as const,
        priority: request.priority,
      })),
      previous: previous.map((meeting) => ({
        requestId: meeting.requestId,
        slotId: meeting.slotId,
        tableId: meeting.tableName,
      })),
    };
    const schedule = scheduleMeetings(problem, { confirmed: "keep" });
    const priorityBound = boundMeetings(problem).bound;
    const countBound = boundMeetings({
      ...problem,
      requests: problem.requests.map((request) => ({ ...request, priority: 1 })),
    }).bound;
    const now = ctx.clock.now();
    await replaceMeetings(
      tx,
      eventId,
      schedule.meetings.map((meeting) => ({
        requestId: meeting.requestId,
        slotId: meeting.slotId,
        tableName: meeting.tableId,
      })),
      now,
    );
    await markScheduled(tx, eventId, now);
    const told = await notifyParticipants(ctx, tx, event, {
      requests: accepted,
      registered,
      previous: previous.map((meeting) => ({
        requestId: meeting.requestId,
        slotId: meeting.slotId,
        tableId: meeting.tableName,
      })),
      next: schedule.meetings,
    });
    const result: ScheduleResult = {
      placed: schedule.meetingCount,
      upperBound: countBound,
      totalPriority: schedule.totalPriority,
      priorityBound,
      unplaced: schedule.unplacedRequestIds.length,
      provenOptimal: schedule.provenOptimal,
      stability: schedule.stability,
    };
    await recordEventEvent(tx, ctx.clock, {
      action: "event.meetings_scheduled",
      actorId: actor.userId,
      subjectId: eventId,
      payload: {
        placed: result.placed,
        upperBound: result.upperBound,
        unplaced: result.unplaced,
        kept: result.stability.kept,
        moved: result.stability.moved,
        notified: told,
      },
    });
    return result;
  });
}

/**
 * One notification per person whose agenda changed: `meetings_changed` when one of their
 * meetings moved (another slot or table) or was dropped, else `meetings_scheduled` when they got
 * a new meeting. People whose meetings all stayed put hear nothing. Returns how many were told.
 */
async function notifyParticipants(
  ctx: ServiceContext,
  tx: Db,
  event: { id: string; title: string },
  run: {
    requests: Array<{ id: string; requesterId: string; recipientId: string }>;
    registered: ReadonlySet<string>;
    previous: Meeting[];
    next: Meeting[];
  },
): Promise<number> {
  const pairOf = new Map(run.requests.map((r) => [r.id, [r.requesterId, r.recipientId]]));
  const before = new Map(run.previous.map((meeting) => [meeting.requestId, meeting]));
  const after = new Map(run.next.map((meeting) => [meeting.requestId, meeting]));
  const changed = new Set<string>();
  const added = new Set<string>();
  for (const requestId of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(requestId);
    const is = after.get(requestId);
    const same = was && is && was.slotId === is.slotId && was.tableId === is.tableId;
    if (same) continue;
    const people = (pairOf.get(requestId) ?? []).filter((id) => run.registered.has(id));
    for (const person of people) (was ? changed : added).add(person);
  }
  const scheduled = [...added].filter((person) => !changed.has(person));
  const link = `/events/${event.id}/agenda`;
  if (changed.size) {
    await notify(ctx, tx, {
      recipients: [...changed],
      kind: "meetings_changed",
      params: { event: event.title },
      link,
    });
  }
  if (scheduled.length) {
    await notify(ctx, tx, {
      recipients: scheduled,
      kind: "meetings_scheduled",
      params: { event: event.title },
      link,
    });
  }
  return changed.size + scheduled.length;
}
