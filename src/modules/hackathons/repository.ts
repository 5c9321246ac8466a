import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../../core/db/client.ts";
import {
  hackathonCriteria,
  hackathonDeclarations,
  hackathonInvitations,
  hackathonJudges,
  hackathonPilots,
  hackathonResults,
  hackathonScores,
  hackathonSubmissionFiles,
  hackathonSubmissions,
  hackathons,
  hackathonTeamMembers,
  hackathonTeams,
} from "./schema.ts";

export type HackathonRow = typeof hackathons.$inferSelect;
export type CriterionRow = typeof hackathonCriteria.$inferSelect;
export type TeamRow = typeof hackathonTeams.$inferSelect;
export type MemberRow = typeof hackathonTeamMembers.$inferSelect;
export type InvitationRow = typeof hackathonInvitations.$inferSelect;
export type SubmissionRow = typeof hackathonSubmissions.$inferSelect;
export type DeclarationRow = typeof hackathonDeclarations.$inferSelect;
export type ScoreRow = typeof hackathonScores.$inferSelect;
export type PilotRow = typeof hackathonPilots.$inferSelect;
/** A file's listing, without its bytes. */
export type FileListing = Omit<typeof hackathonSubmissionFiles.$inferSelect, "bytes">;

// Settings, criteria, judges.

export async function findHackathon(db: Db, eventId: string): Promise<HackathonRow | undefined> {
  const [row] = await db.select().from(hackathons).where(eq(hackathons.eventId, eventId));
  return row;
}

/**
 * Locks the hackathon's row: settings, team changes, submissions, scores and the announcement
 * all take it, so a deadline or an announcement never passes half-way through a change.
 */
export async function lockHackathon(tx: Db, eventId: string): Promise<HackathonRow | undefined> {
  const [row] = await tx
    .select()
    .from(hackathons)
    .where(eq(hackathons.eventId, eventId))
    .for("update");
  return row;
}

export async function saveHackathon(tx: Db, values: typeof hackathons.$inferInsert) {
  await tx
    .insert(hackathons)
    .values(values)
    .onConflictDoUpdate({
      target: hackathons.eventId,
      set: {
        minTeamSize: values.minTeamSize,
        maxTeamSize: values.maxTeamSize,
        submissionDeadline: values.submissionDeadline,
        updatedAt: values.updatedAt,
      },
    });
}

export async function setSubmissionDeadline(tx: Db, eventId: string, at: Date) {
  await tx
    .update(hackathons)
    .set({ submissionDeadline: at, updatedAt: at })
    .where(eq(hackathons.eventId, eventId));
}

export async function markWinnersAnnounced(tx: Db, eventId: string, at: Date) {
  await tx
    .update(hackathons)
    .set({ winnersAnnouncedAt: at, updatedAt: at })
    .where(eq(hackathons.eventId, eventId));
}

export async function criteriaOf(db: Db, eventId: string): Promise<CriterionRow[]> {
  return db
    .select()
    .from(hackathonCriteria)
    .where(eq(hackathonCriteria.eventId, eventId))
    .orderBy(asc(hackathonCriteria.position));
}

export async function replaceCriteria(
  tx: Db,
  eventId: string,
  criteria: Array<{ name: string; description: string; weight: number }>,
) {
  await tx.delete(hackathonCriteria).where(eq(hackathonCriteria.eventId, eventId));
  await tx
    .insert(hackathonCriteria)
    .values(criteria.map((criterion, position) => ({ ...criterion, eventId, position })));
}

export async function judgesOf(db: Db, eventId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: hackathonJudges.userId })
    .from(hackathonJudges)
    .where(eq(hackathonJudges.eventId, eventId))
    .orderBy(asc(hackathonJudges.addedAt), asc(hackathonJudges.userId));
  return rows.map((row) => row.userId);
}

export async function insertJudge(tx: Db, eventId: string, userId: string, at: Date) {
  await tx.insert(hackathonJudges).values({ eventId, userId, addedAt: at });
}

export async function deleteJudge(tx: Db, eventId: string, userId: string) {
  await tx
    .delete(hackathonJudges)
    .where(and(eq(hackathonJudges.eventId, eventId), eq(hackathonJudges.userId, userId)));
}

// Teams, members, invitations.

export async function teamsOf(db: Db, eventId: string): Promise<TeamRow[]> {
  return db
    .select()
    .from(hackathonTeams)
    .where(eq(hackathonTeams.eventId, eventId))
    .orderBy(asc(hackathonTeams.createdAt), asc(hackathonTeams.name), asc(hackathonTeams.id));
}

export async function findTeam(db: Db, id: string): Promise<TeamRow | undefined> {
  const [row] = await db.select().from(hackathonTeams).where(eq(hackathonTeams.id, id));
  return row;
}

export async function teamNamed(db: Db, eventId: string, name: string) {
  const rows = await teamsOf(db, eventId);
  return rows.find((row) => row.name.toLowerCase() === name.toLowerCase());
}

export async function insertTeam(tx: Db, values: typeof hackathonTeams.$inferInsert) {
  const [row] = await tx.insert(hackathonTeams).values(values).returning();
  return row!;
}

export async function updateTeam(
  tx: Db,
  id: string,
  values: Partial<Pick<TeamRow, "name" | "challengeId" | "winnerPlace">>,
) {
  await tx.update(hackathonTeams).set(values).where(eq(hackathonTeams.id, id));
}

export async function deleteTeam(tx: Db, id: string) {
  await tx.delete(hackathonTeams).where(eq(hackathonTeams.id, id));
}

export async function membersOf(db: Db, teamIds: string[]): Promise<MemberRow[]> {
  if (!teamIds.length) return [];
  return db
    .select()
    .from(hackathonTeamMembers)
    .where(inArray(hackathonTeamMembers.teamId, teamIds))
    .orderBy(asc(hackathonTeamMembers.joinedAt), asc(hackathonTeamMembers.userId));
}

export async function teamOfPerson(
  db: Db,
  eventId: string,
  userId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ teamId: hackathonTeamMembers.teamId })
    .from(hackathonTeamMembers)
    .where(and(eq(hackathonTeamMembers.eventId, eventId), eq(hackathonTeamMembers.userId, userId)));
  return row?.teamId ?? null;
}

export async function memberCount(db: Db, teamId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(hackathonTeamMembers)
    .where(eq(hackathonTeamMembers.teamId, teamId));
  return row?.n ?? 0;
}

export async function insertMember(tx: Db, values: typeof hackathonTeamMembers.$inferInsert) {
  await tx.insert(hackathonTeamMembers).values(values);
}

export async function deleteMember(tx: Db, teamId: string, userId: string) {
  await tx
    .delete(hackathonTeamMembers)
    .where(and(eq(hackathonTeamMembers.teamId, teamId), eq(hackathonTeamMembers.userId, userId)));
}

export async function invitationsOfTeam(db: Db, teamId: string): Promise<InvitationRow[]> {
  return db
    .select()
    .from(hackathonInvitations)
    .where(eq(hackathonInvitations.teamId, teamId))
    .orderBy(asc(hackathonInvitations.createdAt));
}

export async function pendingInvitationsOf(
  db: Db,
  eventId: string,
  inviteeId: string,
): Promise<InvitationRow[]> {
  return db
    .select()
    .from(hackathonInvitations)
    .where(
      and(
        eq(hackathonInvitations.eventId, eventId),
        eq(hackathonInvitations.inviteeId, inviteeId),
        eq(hackathonInvitations.status, "pending"),
      ),
    )
    .orderBy(asc(hackathonInvitations.createdAt));
}

export async function findInvitation(db: Db, id: string): Promise<InvitationRow | undefined> {
  const [row] = await db.select().from(hackathonInvitations).where(eq(hackathonInvitations.id, id));
  return row;
}

export async function insertInvitation(tx: Db, values: typeof hackathonInvitations.$inferInsert) {
  const [row] = await tx.insert(hackathonInvitations).values(values).returning();
  return row!;
}

export async function answerInvitation(
  tx: Db,
  id: string,
  status: InvitationRow["status"],
  at: Date,
) {
  await tx
    .update(hackathonInvitations)
    .set({ status, answeredAt: at })
    .where(eq(hackathonInvitations.id, id));
}

/** Someone who joined a team no longer waits on other teams' invitations. */
export async function withdrawPendingInvitations(
  tx: Db,
  eventId: string,
  inviteeId: string,
  at: Date,
) {
  await tx
    .update(hackathonInvitations)
    .set({ status: "withdrawn", answeredAt: at })
    .where(
      and(
        eq(hackathonInvitations.eventId, eventId),
        eq(hackathonInvitations.inviteeId, inviteeId),
        eq(hackathonInvitations.status, "pending"),
      ),
    );
}

// Submissions and their files.

export async function submissionsOf(
  db: Db,
  teamIds: string[],
): Promise<Map<string, SubmissionRow>> {
  if (!teamIds.length) return new Map();
  const rows = await db
    .select()
    .from(hackathonSubmissions)
    .where(inArray(hackathonSubmissions.teamId, teamIds));
  return new Map(rows.map((row) => [row.teamId, row]));
}

export async function saveSubmission(tx: Db, values: typeof hackathonSubmissions.$inferInsert) {
  const [row] = await tx
    .insert(hackathonSubmissions)
    .values(values)
    .onConflictDoUpdate({
      target: hackathonSubmissions.teamId,
      set: {
        description: values.description,
        repositoryUrl: values.repositoryUrl,
        demoUrl: values.demoUrl,
        revision: values.revision,
        updatedAt: values.updatedAt,
        updatedBy: values.updatedBy,
      },
    })
    .returning();
  return row!;
}

const listingColumns = {
  id: hackathonSubmissionFiles.id,
  teamId: hackathonSubmissionFiles.teamId,
  filename: hackathonSubmissionFiles.filename,
  contentType: hackathonSubmissionFiles.contentType,
  sizeBytes: hackathonSubmissionFiles.sizeBytes,
  sha256: hackathonSubmissionFiles.sha256,
  uploadedBy: hackathonSubmissionFiles.uploadedBy,
  uploadedAt: hackathonSubmissionFiles.uploadedAt,
};

export async function filesOf(db: Db, teamIds: string[]): Promise<Map<string, FileListing[]>> {
  const files = new Map<string, FileListing[]>(teamIds.map((id) => [id, []]));
  if (!teamIds.length) return files;
  const rows = await db
    .select(listingColumns)
    .from(hackathonSubmissionFiles)
    .where(inArray(hackathonSubmissionFiles.teamId, teamIds))
    .orderBy(asc(hackathonSubmissionFiles.uploadedAt), asc(hackathonSubmissionFiles.id));
  for (const row of rows) files.get(row.teamId)?.push(row);
  return files;
}

export async function insertFile(
  tx: Db,
  values: typeof hackathonSubmissionFiles.$inferInsert,
): Promise<FileListing> {
  const [row] = await tx.insert(hackathonSubmissionFiles).values(values).returning(listingColumns);
  return row!;
}

export async function findFile(db: Db, teamId: string, fileId: string) {
  const [row] = await db
    .select()
    .from(hackathonSubmissionFiles)
    .where(
      and(eq(hackathonSubmissionFiles.teamId, teamId), eq(hackathonSubmissionFiles.id, fileId)),
    );
  return row;
}

export async function deleteFile(tx: Db, teamId: string, fileId: string) {
  await tx
    .delete(hackathonSubmissionFiles)
    .where(
      and(eq(hackathonSubmissionFiles.teamId, teamId), eq(hackathonSubmissionFiles.id, fileId)),
    );
}

// Declarations and scores.

export async function declarationsOf(db: Db, teamIds: string[]): Promise<DeclarationRow[]> {
  if (!teamIds.length) return [];
  return db
    .select()
    .from(hackathonDeclarations)
    .where(inArray(hackathonDeclarations.teamId, teamIds));
}

export async function saveDeclaration(tx: Db, values: DeclarationRow) {
  await tx
    .insert(hackathonDeclarations)
    .values(values)
    .onConflictDoUpdate({
      target: [hackathonDeclarations.teamId, hackathonDeclarations.judgeId],
      set: { verdict: values.verdict, reason: values.reason, declaredAt: values.declaredAt },
    });
}

export async function scoresOf(db: Db, teamIds: string[]): Promise<ScoreRow[]> {
  if (!teamIds.length) return [];
  return db.select().from(hackathonScores).where(inArray(hackathonScores.teamId, teamIds));
}

export async function replaceScores(tx: Db, teamId: string, judgeId: string, rows: ScoreRow[]) {
  await tx
    .delete(hackathonScores)
    .where(and(eq(hackathonScores.teamId, teamId), eq(hackathonScores.judgeId, judgeId)));
  await tx.insert(hackathonScores).values(rows);
}

export async function judgeHasScores(db: Db, teamIds: string[], judgeId: string) {
  if (!teamIds.length) return false;
  const [row] = await db
    .select({ n: count() })
    .from(hackathonScores)
    .where(and(inArray(hackathonScores.teamId, teamIds), eq(hackathonScores.judgeId, judgeId)));
  return (row?.n ?? 0) > 0;
}

// Pilots.

export async function pilotsOf(db: Db, teamIds: string[]): Promise<Map<string, PilotRow>> {
  if (!teamIds.length) return new Map();
  const rows = await db
    .select()
    .from(hackathonPilots)
    .where(inArray(hackathonPilots.teamId, teamIds));
  return new Map(rows.map((row) => [row.teamId, row]));
}

export async function insertPilot(tx: Db, values: PilotRow) {
  await tx.insert(hackathonPilots).values(values);
}

// Results frozen at the announcement.

export type ResultRow = typeof hackathonResults.$inferSelect;

export async function insertResults(tx: Db, rows: ResultRow[]) {
  if (rows.length) await tx.insert(hackathonResults).values(rows);
}

export async function resultsOf(db: Db, teamIds: string[]): Promise<Map<string, ResultRow>> {
  if (!teamIds.length) return new Map();
  const rows = await db
    .select()
    .from(hackathonResults)
    .where(inArray(hackathonResults.teamId, teamIds));
  return new Map(rows.map((row) => [row.teamId, row]));
}
