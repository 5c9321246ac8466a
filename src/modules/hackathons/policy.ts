/**
 * Who may do what in a hackathon (an event of kind `hackathon`; the events module decides who
 * sees the event and who manages it).
 *
 * - The hosts' members and platform admins set it up (team sizes, submission deadline, weighted
 *   criteria), choose the judges, read every submission, see the ranking and announce winners.
 * - People holding a seat at the event (registered, not waitlisted) form teams, invite others,
 *   answer invitations, join and leave before the submission deadline, within the team sizes.
 * - A team's members submit and revise before the deadline; nobody may after it.
 * - A judge declares, for each team, no conflict or a conflict with a reason; a conflict —
 *   declared, or detected by procurement's conflict-of-interest rules between the judge and the
 *   organisations of the team's members — recuses them from that team. Only cleared judges read
 *   a team's submission before the winners are out, and score it (after the deadline).
 * - Before the announcement a submission is seen by its team, the hosts and cleared judges only;
 *   after it, everything submitted is in the public gallery with the ranking.
 */

export interface HackathonStanding {
  userId: string | null;
  /** A host's member or a platform admin. */
  manage: boolean;
  /** Holds a seat at the event. */
  registered: boolean;
  judge: boolean;
  /** The caller's team in this hackathon. */
  teamId: string | null;
}

export type JudgeStanding = "to_declare" | "cleared" | "recused";

/** A declared conflict recuses; so does a detected one, whatever was declared. */
export function judgeStandingOf(
  declaration: { verdict: "no_conflict" | "conflict" } | undefined,
  detected: boolean,
): { standing: JudgeStanding; recusal: "declared" | "detected" | null } {
  if (declaration?.verdict === "conflict") return { standing: "recused", recusal: "declared" };
  if (detected) return { standing: "recused", recusal: "detected" };
  if (declaration?.verdict === "no_conflict") return { standing: "cleared", recusal: null };
  return { standing: "to_declare", recusal: null };
}

export function submissionsOpen(
  hackathon: { submissionDeadline: Date; winnersAnnouncedAt: Date | null },
  now: Date,
): boolean {
  return hackathon.winnersAnnouncedAt === null && now < hackathon.submissionDeadline;
}

export function scoringOpen(
  hackathon: { submissionDeadline: Date; winnersAnnouncedAt: Date | null },
  now: Date,
): boolean {
  return hackathon.winnersAnnouncedAt === null && now >= hackathon.submissionDeadline;
}

/** Team members' names: for the event's participants, hosts and judges, not the public. */
export function seesMemberNames(standing: HackathonStanding): boolean {
  return standing.registered || standing.manage || standing.judge || standing.teamId !== null;
}

export function readsSubmission(
  standing: HackathonStanding,
  teamId: string,
  options: { announced: boolean; judgeCleared: boolean },
): boolean {
  return (
    options.announced ||
    standing.teamId === teamId ||
    standing.manage ||
    (standing.judge && options.judgeCleared)
  );
}

/** Invitations of a team: its members and the hosts. */
export function seesTeamInvitations(standing: HackathonStanding, teamId: string): boolean {
  return standing.teamId === teamId || standing.manage;
}
