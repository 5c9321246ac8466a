import type { UserActor } from "../../../core/auth/actor.ts";
import { DAY } from "../../../core/clock.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { recordHackathonEvent } from "../audit.ts";
import type { HackathonSettings } from "../contract.ts";
import { hackathonErrors } from "../errors.ts";
import { hackathonScene } from "../hackathon-views.ts";
import {
  criteriaOf,
  lockHackathon,
  replaceCriteria,
  saveHackathon,
  scoresOf,
  setSubmissionDeadline,
  teamsOf,
} from "../repository.ts";

/** How long after the event's end submissions may still be taken (online pitches, write-ups). */
const DEADLINE_GRACE = 7 * DAY;

/**
 * Sets (or changes) team sizes, the submission deadline and the weighted criteria. Criteria are
 * fixed once a judge has scored: the same list is accepted again, a different one is refused.
 */
export async function setUpHackathon(
  ctx: ServiceContext,
  actor: UserActor,
  eventId: string,
  body: HackathonSettings,
): Promise<void> {
  const { event } = await hackathonScene(ctx.db, actor, eventId);
  if (!event.manage) throw hackathonErrors.notHost();
  const deadline = new Date(body.submissionDeadline);
  if (deadline.getTime() > event.endsAt.getTime() + DEADLINE_GRACE) {
    throw hackathonErrors.deadlineOutsideEvent(undefined, {
      errors: [
        {
          field: "body.submissionDeadline",
          message: "must be at most a week after the event ends",
        },
      ],
    });
  }
  await ctx.db.transaction(async (tx) => {
    const current = await lockHackathon(tx, eventId);
    if (current?.winnersAnnouncedAt) throw hackathonErrors.resultsAnnounced();
    const now = ctx.clock.now();
    await saveHackathon(tx, {
      eventId,
      minTeamSize: body.minTeamSize,
      maxTeamSize: body.maxTeamSize,
      submissionDeadline: deadline,
      createdAt: now,
      updatedAt: now,
    });
    const wanted = body.criteria.map(({ name, description, weight }) => ({
      name,
      description,
      weight,
    }));
    const existing = (await criteriaOf(tx, eventId)).map(({ name, description, weight }) => ({
      name,
      description,
      weight,
    }));
    if (JSON.stringify(existing) !== JSON.stringify(wanted)) {
      const teamIds = (await teamsOf(tx, eventId)).map((team) => team.id);
      if ((await scoresOf(tx, teamIds)).length > 0) {
        throw hackathonErrors.criteriaLocked(undefined, {
          errors: [{ field: "body.criteria", message: "judges have scored on these criteria" }],
        });
      }
      await replaceCriteria(tx, eventId, wanted);
    }
    await recordHackathonEvent(tx, ctx.clock, {
      action: "hackathon.set_up",
      actorId: actor.userId,
      subjectId: eventId,
      payload: {
        minTeamSize: body.minTeamSize,
        maxTeamSize: body.maxTeamSize,
        submissionDeadline: deadline.toISOString(),
        criteria: wanted.map(({ name, weight }) => ({ name, weight })),
      },
    });
  });
}

/** Closes submissions now (the deadline becomes now), so that judging can start. */
export async function closeSubmissions(
  ctx: ServiceContext,
  actor: UserActor,
  eventId: string,
): Promise<void> {
  const { event } = await hackathonScene(ctx.db, actor, eventId);
  if (!event.manage) throw hackathonErrors.notHost();
  await ctx.db.transaction(async (tx) => {
    const hackathon = await lockHackathon(tx, eventId);
    if (!hackathon) throw hackathonErrors.notSetUp();
    if (hackathon.winnersAnnouncedAt) throw hackathonErrors.resultsAnnounced();
    const now = ctx.clock.now();
    if (hackathon.submissionDeadline <= now) throw hackathonErrors.submissionsClosed();
    await setSubmissionDeadline(tx, eventId, now);
    await recordHackathonEvent(tx, ctx.clock, {
      action: "hackathon.submissions_closed",
      actorId: actor.userId,
      subjectId: eventId,
      payload: { at: now.toISOString() },
    });
  });
}
