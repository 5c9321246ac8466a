import type { Db } from "../../core/db/client.ts";
import { findPeople } from "../accounts/index.ts";
import { challengeCards } from "../challenges/index.ts";
import { organisationSummaries } from "../organisations/index.ts";
import type { Gallery, Judging } from "./contract.ts";
import { hackathonErrors } from "./errors.ts";
import { computeRanking, detectedConflicts, presentSubmission } from "./hackathon-views.ts";
import { judgeStandingOf, scoringOpen } from "./policy.ts";
import {
  criteriaOf,
  declarationsOf,
  filesOf,
  type HackathonRow,
  membersOf,
  scoresOf,
  submissionsOf,
  teamsOf,
} from "./repository.ts";

/**
 * A judge's work list: every team with the judge's standing towards it (declared and detected
 * conflicts), the submission once cleared, and the judge's own scores.
 */
export async function judgingOf(
  db: Db,
  eventId: string,
  hackathon: HackathonRow,
  judgeId: string,
  now: Date,
): Promise<Judging> {
  const teams = await teamsOf(db, eventId);
  const ids = teams.map((team) => team.id);
  const criteria = await criteriaOf(db, eventId);
  const declarations = (await declarationsOf(db, ids)).filter((row) => row.judgeId === judgeId);
  const detected = await detectedConflicts(db, judgeId, ids, now);
  const submissions = await submissionsOf(db, ids);
  const files = await filesOf(db, ids);
  const scores = (await scoresOf(db, ids)).filter((row) => row.judgeId === judgeId);
  const organisations = await organisationSummaries(
    db,
    [...detected.values()].flat().map((conflict) => conflict.organisationId),
  );
  const cards = await challengeCards(
    db,
    teams.flatMap((team) => (team.challengeId ? [team.challengeId] : [])),
  );
  return {
    eventId,
    criteria: criteria.map(({ id, name, description, weight }) => ({
      id,
      name,
      description,
      weight,
    })),
    scoringOpen: scoringOpen(hackathon, now),
    entries: teams.map((team) => {
      const declaration = declarations.find((row) => row.teamId === team.id);
      const conflicts = detected.get(team.id) ?? [];
      const { standing, recusal } = judgeStandingOf(declaration, conflicts.length > 0);
      const submission = submissions.get(team.id);
      const card = team.challengeId ? cards.get(team.challengeId) : undefined;
      return {
        team: { id: team.id, name: team.name },
        challenge: card ? { id: card.id, title: card.title } : null,
        standing,
        recusal,
        declaration: declaration
          ? { verdict: declaration.verdict, reason: declaration.reason }
          : null,
        detectedConflicts: conflicts.map((conflict) => ({
          organisation: organisations.get(conflict.organisationId)?.name ?? "",
          relation: conflict.relation,
        })),
        submission:
          standing === "cleared" && submission
            ? presentSubmission(submission, files.get(team.id) ?? [])
            : null,
        myScores: scores
          .filter((row) => row.teamId === team.id)
          .sort(
            (a, b) =>
              criteria.findIndex((criterion) => criterion.id === a.criterionId) -
              criteria.findIndex((criterion) => criterion.id === b.criterionId),
          )
          .map(({ criterionId, score, justification }) => ({ criterionId, score, justification })),
      };
    }),
  };
}

/** The public gallery, once the winners are announced: every submission, ranked. */
export async function galleryOf(
  db: Db,
  event: { id: string; title: string },
  hackathon: HackathonRow,
  now: Date,
): Promise<Gallery> {
  if (!hackathon.winnersAnnouncedAt) throw hackathonErrors.gallerySealed();
  const ranking = await computeRanking(db, event.id, hackathon, now);
  const ids = ranking.teams.map((entry) => entry.team.id);
  const submissions = await submissionsOf(db, ids);
  const files = await filesOf(db, ids);
  const members = await membersOf(db, ids);
  const people = await findPeople(
    db,
    members.map((member) => member.userId),
  );
  const order = (place: number | null) => place ?? Number.MAX_SAFE_INTEGER;
  const entries = [...ranking.teams]
    .sort((a, b) => order(a.winnerPlace) - order(b.winnerPlace) || a.rank - b.rank)
    .flatMap((entry) => {
      const submission = submissions.get(entry.team.id);
      if (!submission) return [];
      return [
        {
          team: entry.team,
          members: members
            .filter((member) => member.teamId === entry.team.id)
            .map((member) => people.get(member.userId)?.name ?? ""),
          challenge: entry.challenge,
          winnerPlace: entry.winnerPlace,
          score: entry.score,
          submission: presentSubmission(submission, files.get(entry.team.id) ?? []),
        },
      ];
    });
  return {
    eventId: event.id,
    title: event.title,
    winnersAnnouncedAt: hackathon.winnersAnnouncedAt.toISOString(),
    entries,
  };
}
