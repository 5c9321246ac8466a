import type { Actor } from "../../core/auth/actor.ts";
import type { Db } from "../../core/db/client.ts";
import { renderMarkdown } from "../../core/text/markdown.ts";
import { findPeople } from "../accounts/index.ts";
import { challengeCards } from "../challenges/index.ts";
import { type EventFacts, holdsSeat, readableEventFacts, seatHolders } from "../events/index.ts";
import { currentOrganisationsOf, organisationSummaries } from "../organisations/index.ts";
import { type DetectedConflict, detectConflicts } from "../procurement/index.ts";
import type {
  Hackathon,
  InvitationView,
  Ranking,
  Submission,
  Team,
  TeamSummary,
} from "./contract.ts";
import { hackathonErrors } from "./errors.ts";
import {
  type HackathonStanding,
  judgeStandingOf,
  readsSubmission,
  seesMemberNames,
  seesTeamInvitations,
  submissionsOpen,
} from "./policy.ts";
import { rankTeams } from "./ranking.ts";
import {
  criteriaOf,
  declarationsOf,
  type FileListing,
  filesOf,
  findFile,
  findHackathon,
  findTeam,
  type HackathonRow,
  type InvitationRow,
  invitationsOfTeam,
  judgesOf,
  membersOf,
  pendingInvitationsOf,
  pilotsOf,
  resultsOf,
  type SubmissionRow,
  scoresOf,
  submissionsOf,
  type TeamRow,
  teamOfPerson,
  teamsOf,
} from "./repository.ts";

const iso = (date: Date) => date.toISOString();

export interface HackathonScene {
  event: EventFacts;
  hackathon: HackathonRow | undefined;
  standing: HackathonStanding;
}

/** The hackathon event the actor may see, with their part in it (events' 404 otherwise). */
export async function hackathonScene(db: Db, actor: Actor, eventId: string) {
  const event = await readableEventFacts(db, actor, eventId);
  if (event.kind !== "hackathon") throw hackathonErrors.notAHackathon();
  const hackathon = await findHackathon(db, eventId);
  const userId = actor.kind === "user" ? actor.userId : null;
  const standing: HackathonStanding = {
    userId,
    manage: event.manage,
    registered: userId ? await holdsSeat(db, eventId, userId) : false,
    judge: userId ? (await judgesOf(db, eventId)).includes(userId) : false,
    teamId: userId ? await teamOfPerson(db, eventId, userId) : null,
  };
  return { event, hackathon, standing } satisfies HackathonScene;
}

/** A scene whose hackathon is set up (409 otherwise). */
export async function setUpScene(db: Db, actor: Actor, eventId: string) {
  const scene = await hackathonScene(db, actor, eventId);
  if (!scene.hackathon) throw hackathonErrors.notSetUp();
  return { ...scene, hackathon: scene.hackathon };
}

/** The team and its hackathon, when the actor may see the event (else the team's 404). */
export async function teamScene(db: Db, actor: Actor, teamId: string) {
  const team = await findTeam(db, teamId);
  if (!team) throw hackathonErrors.teamNotFound();
  const scene = await setUpScene(db, actor, team.eventId).catch((error: unknown) => {
    if ((error as { status?: number }).status === 404) throw hackathonErrors.teamNotFound();
    throw error;
  });
  return { ...scene, team };
}

/** The organisations of the team's members now: the parties a judge may be linked to. */
export async function partiesOfTeam(db: Db, teamId: string): Promise<string[]> {
  const members = await membersOf(db, [teamId]);
  const parties = new Set<string>();
  for (const member of members) {
    for (const row of await currentOrganisationsOf(db, member.userId)) {
      parties.add(row.organisationId);
    }
  }
  return [...parties];
}

/** Procurement's conflict-of-interest detection between the judge and each team. */
export async function detectedConflicts(
  db: Db,
  judgeId: string,
  teamIds: string[],
  at: Date,
): Promise<Map<string, DetectedConflict[]>> {
  const found = new Map<string, DetectedConflict[]>();
  for (const teamId of teamIds) {
    const parties = await partiesOfTeam(db, teamId);
    found.set(teamId, await detectConflicts(db, { userId: judgeId, parties, at }));
  }
  return found;
}

/** Each judge's standing towards each team, keyed `judgeId:teamId`. */
export async function judgeStandings(db: Db, eventId: string, teamIds: string[], at: Date) {
  const judges = await judgesOf(db, eventId);
  const declarations = await declarationsOf(db, teamIds);
  const result = new Map<string, ReturnType<typeof judgeStandingOf>>();
  for (const judgeId of judges) {
    const detected = await detectedConflicts(db, judgeId, teamIds, at);
    for (const teamId of teamIds) {
      const declaration = declarations.find(
        (row) => row.teamId === teamId && row.judgeId === judgeId,
      );
      result.set(
        `${judgeId}:${teamId}`,
        judgeStandingOf(declaration, (detected.get(teamId) ?? []).length > 0),
      );
    }
  }
  return { judges, standings: result };
}

export function presentSubmission(row: SubmissionRow, files: FileListing[]): Submission {
  return {
    description: row.description,
    descriptionHtml: renderMarkdown(row.description),
    repositoryUrl: row.repositoryUrl,
    demoUrl: row.demoUrl,
    revision: row.revision,
    submittedAt: iso(row.submittedAt),
    updatedAt: iso(row.updatedAt),
    files: files.map((file) => ({
      id: file.id,
      filename: file.filename,
      contentType: file.contentType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      uploadedAt: iso(file.uploadedAt),
    })),
  };
}

async function challengeTitles(db: Db, ids: string[]) {
  const cards = await challengeCards(db, ids);
  return (id: string | null) => {
    const card = id ? cards.get(id) : undefined;
    return card ? { id: card.id, title: card.title } : null;
  };
}

async function presentInvitations(db: Db, rows: InvitationRow[], teams: TeamRow[]) {
  const people = await findPeople(
    db,
    rows.flatMap((row) => [row.inviteeId, ...(row.invitedBy ? [row.invitedBy] : [])]),
  );
  return rows.flatMap((row): InvitationView[] => {
    const team = teams.find((candidate) => candidate.id === row.teamId);
    if (!team) return [];
    return [
      {
        id: row.id,
        team: { id: team.id, name: team.name },
        invitee: { userId: row.inviteeId, name: people.get(row.inviteeId)?.name ?? "" },
        invitedBy: row.invitedBy ? (people.get(row.invitedBy)?.name ?? "") : "",
        status: row.status,
        createdAt: iso(row.createdAt),
      },
    ];
  });
}

async function teamSummaries(
  db: Db,
  standing: HackathonStanding,
  teams: TeamRow[],
  challengeIds: string[],
): Promise<TeamSummary[]> {
  const ids = teams.map((team) => team.id);
  const members = await membersOf(db, ids);
  const submissions = await submissionsOf(db, ids);
  const named = seesMemberNames(standing);
  const people = named
    ? await findPeople(
        db,
        members.map((member) => member.userId),
      )
    : new Map();
  const challenge = await challengeTitles(db, challengeIds);
  return teams.map((team) => {
    const own = members.filter((member) => member.teamId === team.id);
    return {
      id: team.id,
      name: team.name,
      challenge: challenge(team.challengeId),
      memberCount: own.length,
      members: named
        ? own.map((member) => ({
            userId: member.userId,
            name: people.get(member.userId)?.name ?? "",
          }))
        : [],
      submitted: submissions.has(team.id),
      winnerPlace: team.winnerPlace,
    };
  });
}

export async function presentHackathon(
  db: Db,
  scene: HackathonScene,
  now: Date,
): Promise<Hackathon> {
  const { event, hackathon, standing } = scene;
  const criteria = hackathon ? await criteriaOf(db, event.id) : [];
  const judgeIds = hackathon ? await judgesOf(db, event.id) : [];
  const teams = hackathon ? await teamsOf(db, event.id) : [];
  const judges = await findPeople(db, judgeIds);
  const challenge = await challengeTitles(db, event.challengeIds);
  const invitations =
    standing.userId && hackathon
      ? await presentInvitations(
          db,
          await pendingInvitationsOf(db, event.id, standing.userId),
          teams,
        )
      : [];
  return {
    eventId: event.id,
    title: event.title,
    status: event.status,
    timeZone: event.timeZone,
    setUp: hackathon !== undefined,
    minTeamSize: hackathon?.minTeamSize ?? null,
    maxTeamSize: hackathon?.maxTeamSize ?? null,
    submissionDeadline: hackathon ? iso(hackathon.submissionDeadline) : null,
    submissionsOpen: hackathon ? submissionsOpen(hackathon, now) : false,
    winnersAnnouncedAt: hackathon?.winnersAnnouncedAt ? iso(hackathon.winnersAnnouncedAt) : null,
    criteria: criteria.map((row) => ({
      id: row.id,
      name: row.name,
      description: row.description,
      weight: row.weight,
    })),
    judges: judgeIds.map((userId) => ({ userId, name: judges.get(userId)?.name ?? "" })),
    challenges: event.challengeIds.flatMap((id) => challenge(id) ?? []),
    teams: await teamSummaries(db, standing, teams, event.challengeIds),
    me: {
      signedIn: standing.userId !== null,
      registered: standing.registered,
      manage: standing.manage,
      judge: standing.judge,
      teamId: standing.teamId,
      invitations,
    },
  };
}

/** Whether this judge is cleared for the team now (declared no conflict, none detected). */
export async function judgeCleared(
  db: Db,
  judgeId: string,
  teamId: string,
  at: Date,
): Promise<boolean> {
  const [declaration] = (await declarationsOf(db, [teamId])).filter(
    (row) => row.judgeId === judgeId,
  );
  if (declaration?.verdict !== "no_conflict") return false;
  const detected = (await detectedConflicts(db, judgeId, [teamId], at)).get(teamId) ?? [];
  return judgeStandingOf(declaration, detected.length > 0).standing === "cleared";
}

export async function presentTeam(
  db: Db,
  scene: HackathonScene & { hackathon: HackathonRow; team: TeamRow },
  now: Date,
): Promise<Team> {
  const { event, hackathon, standing, team } = scene;
  const [summary] = await teamSummaries(db, standing, [team], event.challengeIds);
  const announced = hackathon.winnersAnnouncedAt !== null;
  const cleared =
    standing.judge && standing.userId && !announced
      ? await judgeCleared(db, standing.userId, team.id, now)
      : false;
  const reads = readsSubmission(standing, team.id, { announced, judgeCleared: cleared });
  const submission = reads ? (await submissionsOf(db, [team.id])).get(team.id) : undefined;
  const files = submission ? ((await filesOf(db, [team.id])).get(team.id) ?? []) : [];
  const teams = await teamsOf(db, event.id);
  const invitations = seesTeamInvitations(standing, team.id)
    ? await presentInvitations(db, await invitationsOfTeam(db, team.id), teams)
    : [];
  const pilotRow = (await pilotsOf(db, [team.id])).get(team.id);
  let pilot: Team["pilot"] = null;
  if (pilotRow) {
    const organisation = (await organisationSummaries(db, [pilotRow.organisationId])).get(
      pilotRow.organisationId,
    );
    const challenge = (await challengeTitles(db, [pilotRow.challengeId]))(pilotRow.challengeId);
    if (organisation && challenge) {
      pilot = {
        organisation: { id: organisation.id, slug: organisation.slug, name: organisation.name },
        solutionId: pilotRow.solutionId,
        challenge,
        createdAt: iso(pilotRow.createdAt),
      };
    }
  }
  const member = standing.teamId === team.id;
  return {
    ...summary!,
    eventId: event.id,
    submission: submission ? presentSubmission(submission, files) : null,
    invitations,
    pilot,
    me: {
      member,
      readsSubmission: reads,
      edit: member && submissionsOpen(hackathon, now),
      startPilot: member && team.winnerPlace !== null && pilotRow === undefined,
    },
  };
}

/** One team's place in the ranking, before presentation (score unrounded). */
export interface RankingEntry {
  teamId: string;
  rank: number;
  score: number | null;
  judgesCounted: number;
  recusedJudges: number;
}

/**
 * The ranking of the teams that submitted as it stands now: each judge's standing towards each
 * team decided now (declarations and detection), then the arithmetic of ranking.ts.
 */
export async function liveRanking(db: Db, eventId: string, at: Date): Promise<RankingEntry[]> {
  const teams = await teamsOf(db, eventId);
  const submitted = await submissionsOf(
    db,
    teams.map((team) => team.id),
  );
  const ranked = teams.filter((team) => submitted.has(team.id));
  const ids = ranked.map((team) => team.id);
  const criteria = await criteriaOf(db, eventId);
  const { judges, standings } = await judgeStandings(db, eventId, ids, at);
  const countedJudges = new Map<string, Set<string>>();
  const recused = new Map<string, number>();
  for (const teamId of ids) {
    const counted = new Set<string>();
    for (const judgeId of judges) {
      const standing = standings.get(`${judgeId}:${teamId}`)?.standing;
      if (standing === "cleared") counted.add(judgeId);
      if (standing === "recused") recused.set(teamId, (recused.get(teamId) ?? 0) + 1);
    }
    countedJudges.set(teamId, counted);
  }
  return rankTeams({ criteria, teams: ranked, scores: await scoresOf(db, ids), countedJudges }).map(
    (entry) => ({ ...entry, recusedJudges: recused.get(entry.teamId) ?? 0 }),
  );
}

/**
 * The ranking: live until the winners are announced, then the one kept at the announcement (so
 * published results never move).
 */
export async function computeRanking(
  db: Db,
  eventId: string,
  hackathon: HackathonRow,
  at: Date,
): Promise<Ranking> {
  const teams = await teamsOf(db, eventId);
  let entries: RankingEntry[];
  if (hackathon.winnersAnnouncedAt) {
    const results = await resultsOf(
      db,
      teams.map((team) => team.id),
    );
    entries = [...results.values()]
      .map((row) => ({ ...row }))
      .sort(
        (a, b) =>
          a.rank - b.rank ||
          (teams.find((team) => team.id === a.teamId)?.name ?? "").localeCompare(
            teams.find((team) => team.id === b.teamId)?.name ?? "",
          ),
      );
  } else {
    entries = await liveRanking(db, eventId, at);
  }
  const challenge = await challengeTitles(
    db,
    teams.flatMap((team) => (team.challengeId ? [team.challengeId] : [])),
  );
  return {
    eventId,
    winnersAnnouncedAt: hackathon.winnersAnnouncedAt ? iso(hackathon.winnersAnnouncedAt) : null,
    teams: entries.flatMap((entry) => {
      const team = teams.find((candidate) => candidate.id === entry.teamId);
      if (!team) return [];
      return [
        {
          rank: entry.rank,
          team: { id: team.id, name: team.name },
          challenge: challenge(team.challengeId),
          score: entry.score === null ? null : Math.round(entry.score * 100) / 100,
          judgesCounted: entry.judgesCounted,
          recusedJudges: entry.recusedJudges,
          winnerPlace: team.winnerPlace,
        },
      ];
    }),
  };
}

/** A file of the team's submission, for whoever may read the submission (else 404). */
export async function readableSubmissionFile(
  db: Db,
  actor: Actor,
  teamId: string,
  fileId: string,
  now: Date,
) {
  const { standing, hackathon } = await teamScene(db, actor, teamId);
  const announced = hackathon.winnersAnnouncedAt !== null;
  const cleared =
    standing.judge && standing.userId && !announced
      ? await judgeCleared(db, standing.userId, teamId, now)
      : false;
  if (!readsSubmission(standing, teamId, { announced, judgeCleared: cleared })) {
    throw hackathonErrors.fileNotFound();
  }
  const file = await findFile(db, teamId, fileId);
  if (!file) throw hackathonErrors.fileNotFound();
  return { file, public: announced };
}

/** Seat holders in no team and judging nothing, by name: whom a team's members may invite. */
export async function freeParticipants(db: Db, eventId: string) {
  const seats = await seatHolders(db, eventId);
  const teams = await teamsOf(db, eventId);
  const taken = new Set([
    ...(
      await membersOf(
        db,
        teams.map((team) => team.id),
      )
    ).map((member) => member.userId),
    ...(await judgesOf(db, eventId)),
  ]);
  const free = seats.filter((userId) => !taken.has(userId));
  const people = await findPeople(db, free);
  return free
    .map((userId) => ({ userId, name: people.get(userId)?.name ?? "" }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
