import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { findPersonByEmail } from "../../accounts/index.ts";
import { recordHackathonEvent } from "../audit.ts";
import { hackathonErrors } from "../errors.ts";
import { hackathonScene } from "../hackathon-views.ts";
import {
  deleteJudge,
  insertJudge,
  judgeHasScores,
  judgesOf,
  lockHackathon,
  teamOfPerson,
  teamsOf,
} from "../repository.ts";

/** The hosts choose a judge by the e-mail of their account; a judge is in no team. */
export async function addJudge(
  ctx: ServiceContext,
  actor: UserActor,
  eventId: string,
  email: string,
): Promise<string> {
  const { event } = await hackathonScene(ctx.db, actor, eventId);
  if (!event.manage) throw hackathonErrors.notHost();
  const person = await findPersonByEmail(ctx.db, email);
  if (!person) {
    throw hackathonErrors.personNotFound(undefined, {
      errors: [{ field: "body.email", message: "is no account's address" }],
    });
  }
  return ctx.db.transaction(async (tx) => {
    const hackathon = await lockHackathon(tx, eventId);
    if (!hackathon) throw hackathonErrors.notSetUp();
    if (hackathon.winnersAnnouncedAt) throw hackathonErrors.resultsAnnounced();
    if ((await judgesOf(tx, eventId)).includes(person.id)) throw hackathonErrors.alreadyJudge();
    if (await teamOfPerson(tx, eventId, person.id)) throw hackathonErrors.judgeInTeam();
    await insertJudge(tx, eventId, person.id, ctx.clock.now());
    await recordHackathonEvent(tx, ctx.clock, {
      action: "hackathon.judge_added",
      actorId: actor.userId,
      subjectId: eventId,
      payload: { userId: person.id },
    });
    return person.id;
  });
}

/** Removes a judge who has not scored yet (scores given stay part of the record). */
export async function removeJudge(
  ctx: ServiceContext,
  actor: UserActor,
  eventId: string,
  userId: string,
): Promise<void> {
  const { event } = await hackathonScene(ctx.db, actor, eventId);
  if (!event.manage) throw hackathonErrors.notHost();
  await ctx.db.transaction(async (tx) => {
    const hackathon = await lockHackathon(tx, eventId);
    if (!hackathon) throw hackathonErrors.notSetUp();
    if (hackathon.winnersAnnouncedAt) throw hackathonErrors.resultsAnnounced();
    if (!(await judgesOf(tx, eventId)).includes(userId)) throw hackathonErrors.judgeNotFound();
    const teamIds = (await teamsOf(tx, eventId)).map((team) => team.id);
    if (await judgeHasScores(tx, teamIds, userId)) throw hackathonErrors.judgeHasScores();
    await deleteJudge(tx, eventId, userId);
    await recordHackathonEvent(tx, ctx.clock, {
      action: "hackathon.judge_removed",
      actorId: actor.userId,
      subjectId: eventId,
      payload: { userId },
    });
  });
}
