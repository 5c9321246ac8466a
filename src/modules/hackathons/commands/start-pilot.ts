import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { addSolutionAs } from "../../catalogue/index.ts";
import { challengeNeeds } from "../../challenges/index.ts";
import { foundOrganisationWithMembers } from "../../organisations/index.ts";
import { recordHackathonEvent } from "../audit.ts";
import { hackathonErrors } from "../errors.ts";
import { teamScene } from "../hackathon-views.ts";
import {
  findTeam,
  insertPilot,
  lockHackathon,
  membersOf,
  pilotsOf,
  submissionsOf,
} from "../repository.ts";

/** The first paragraph of the Markdown as plain text, cut to what a solution summary takes. */
export function summaryOf(markdown: string, fallback: string): string {
  const paragraph =
    markdown
      .split(/\n\s*\n/)
      .map((block) =>
        block
          // Images and links keep their words; list markers, headings and emphasis go.
          .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
          .replace(/^\s*(?:[-+*]|\d+\.)\s+/gm, "")
          .replace(/[#>*_`~|]/g, " ")
          .replace(/\s+/g, " ")
          .trim(),
      )
      .find((block) => block.length >= 10) ?? fallback;
  return paragraph.length > 500 ? `${paragraph.slice(0, 497).trimEnd()}…` : paragraph;
}

/**
 * Hackathon to pilot, in one transaction: a member of a winning team founds an organisation
 * named after the team (its members become members; the caller its admin) and turns the
 * submission into a catalogue solution of that organisation answering the team's challenge —
 * sectors and capabilities from the challenge, text and links from the submission. Through
 * the organisations' and catalogue's own commands, so their rules and audit events apply.
 */
export async function startPilot(
  ctx: ServiceContext,
  actor: UserActor,
  teamId: string,
  body: { kind: "company" | "research"; trl: number },
): Promise<{ organisationId: string; solutionId: string }> {
  const { event, standing } = await teamScene(ctx.db, actor, teamId);
  if (standing.teamId !== teamId) throw hackathonErrors.notTeamMember();
  return ctx.db.transaction(async (tx) => {
    await lockHackathon(tx, event.id);
    const team = await findTeam(tx, teamId);
    if (!team || team.winnerPlace === null) throw hackathonErrors.notWinner();
    if ((await pilotsOf(tx, [teamId])).has(teamId)) throw hackathonErrors.pilotExists();
    const submission = (await submissionsOf(tx, [teamId])).get(teamId);
    const [challenge] = team.challengeId ? await challengeNeeds(tx, [team.challengeId]) : [];
    if (!submission || !challenge) throw hackathonErrors.nothingSubmitted();
    const txCtx: ServiceContext = { ...ctx, db: tx };
    const members = await membersOf(tx, [teamId]);
    const organisation = await foundOrganisationWithMembers(
      txCtx,
      actor.userId,
      {
        name: team.name,
        kind: body.kind,
        country: challenge.city.country || "GB",
        description: `Founded by the team that won place ${team.winnerPlace} at ${event.title}, for the challenge “${challenge.title}”.`,
      },
      members.map((member) => member.userId),
    );
    const links = [submission.repositoryUrl, submission.demoUrl].filter(
      (link): link is string => link !== null,
    );
    const solution = await addSolutionAs(txCtx, actor, {
      providerId: organisation.id,
      title: `${team.name}: ${challenge.title}`.slice(0, 160),
      summary: summaryOf(
        submission.description,
        `Built at ${event.title} for the challenge “${challenge.title}”.`,
      ),
      description: submission.description,
      sectors: challenge.sectors as never,
      capabilities: challenge.capabilities,
      trl: body.trl,
      referenceLinks: [...links, `${ctx.publicUrl}/challenges/${challenge.id}`],
    });
    const now = ctx.clock.now();
    await insertPilot(tx, {
      teamId,
      organisationId: organisation.id,
      solutionId: solution.id,
      challengeId: challenge.id,
      createdBy: actor.userId,
      createdAt: now,
    });
    await recordHackathonEvent(tx, ctx.clock, {
      action: "hackathon.pilot_started",
      actorId: actor.userId,
      subjectId: event.id,
      payload: {
        teamId,
        organisationId: organisation.id,
        solutionId: solution.id,
        challengeId: challenge.id,
      },
    });
    return { organisationId: organisation.id, solutionId: solution.id };
  });
}
