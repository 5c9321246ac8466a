import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { notify } from "../../notifications/index.ts";
import { recordHackathonEvent } from "../audit.ts";
import { hackathonErrors } from "../errors.ts";
import { hackathonScene, liveRanking } from "../hackathon-views.ts";
import {
  insertResults,
  lockHackathon,
  markWinnersAnnounced,
  membersOf,
  submissionsOf,
  teamsOf,
  updateTeam,
} from "../repository.ts";

/**
 * The hosts announce the winners in prize order, after the submission deadline. The ranking is
 * kept as it stands; from then on scores, declarations, teams and settings are locked and the
 * gallery is public.
 */
export async function announceWinners(
  ctx: ServiceContext,
  actor: UserActor,
  eventId: string,
  winnerTeamIds: string[],
): Promise<void> {
  const { event } = await hackathonScene(ctx.db, actor, eventId);
  if (!event.manage) throw hackathonErrors.notHost();
  await ctx.db.transaction(async (tx) => {
    const hackathon = await lockHackathon(tx, eventId);
    if (!hackathon) throw hackathonErrors.notSetUp();
    if (hackathon.winnersAnnouncedAt) throw hackathonErrors.resultsAnnounced();
    const now = ctx.clock.now();
    if (now < hackathon.submissionDeadline) throw hackathonErrors.scoringNotOpen();
    const teams = await teamsOf(tx, eventId);
    const submitted = await submissionsOf(
      tx,
      teams.map((team) => team.id),
    );
    winnerTeamIds.forEach((teamId, index) => {
      if (!submitted.has(teamId) || winnerTeamIds.indexOf(teamId) !== index) {
        throw hackathonErrors.nothingSubmitted(undefined, {
          errors: [
            {
              field: `body.winnerTeamIds.${index}`,
              message: "is not a team of this hackathon that submitted, or comes twice",
            },
          ],
        });
      }
    });
    // The ranking as it stands now is the one published, whatever memberships do later.
    await insertResults(tx, await liveRanking(tx, eventId, now));
    for (const [index, teamId] of winnerTeamIds.entries()) {
      await updateTeam(tx, teamId, { winnerPlace: index + 1 });
    }
    await markWinnersAnnounced(tx, eventId, now);
    await recordHackathonEvent(tx, ctx.clock, {
      action: "hackathon.winners_announced",
      actorId: actor.userId,
      subjectId: eventId,
      payload: { winners: winnerTeamIds.map((teamId, index) => ({ teamId, place: index + 1 })) },
    });
    const members = await membersOf(
      tx,
      teams.map((team) => team.id),
    );
    await notify(ctx, tx, {
      recipients: members.map((member) => member.userId),
      kind: "hackathon_results",
      params: { event: event.title },
      link: `/events/${eventId}/hackathon`,
    });
  });
}
