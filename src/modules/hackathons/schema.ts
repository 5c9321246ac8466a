import { sql } from "drizzle-orm";
import {
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "../../core/db/types.ts";
import { userForeignKey } from "../accounts/index.ts";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const invitationStatuses = ["pending", "accepted", "declined", "withdrawn"] as const;
export const conflictVerdicts = ["no_conflict", "conflict"] as const;

/**
 * The hackathon side of an event of kind `hackathon` (the events module owns the event itself:
 * no foreign key across modules). One row once the hosts set it up; `winnersAnnouncedAt` locks
 * scores, declarations and settings and opens the public gallery.
 */
export const hackathons = pgTable("hackathons", {
  eventId: uuid("event_id").primaryKey(),
  minTeamSize: integer("min_team_size").notNull(),
  maxTeamSize: integer("max_team_size").notNull(),
  submissionDeadline: at("submission_deadline").notNull(),
  winnersAnnouncedAt: at("winners_announced_at"),
  createdAt: at("created_at").notNull(),
  updatedAt: at("updated_at").notNull(),
});

/** Judging criteria in order; their weights sum to 100. */
export const hackathonCriteria = pgTable(
  "hackathon_criteria",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => hackathons.eventId, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    weight: integer("weight").notNull(),
  },
  (table) => [uniqueIndex("hackathon_criteria_position_idx").on(table.eventId, table.position)],
);

/** The people the hosts chose to judge. */
export const hackathonJudges = pgTable(
  "hackathon_judges",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => hackathons.eventId, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(userForeignKey, { onDelete: "cascade" }),
    addedAt: at("added_at").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.eventId, table.userId] }),
    index("hackathon_judges_user_idx").on(table.userId),
  ],
);

/** A team of registered participants; it picks one of the event's linked challenges. */
export const hackathonTeams = pgTable(
  "hackathon_teams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => hackathons.eventId, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** One of the event's linked challenges (challenges module); null until picked. */
    challengeId: uuid("challenge_id"),
    /** 1 for the first prize…; set when the hosts announce the winners. */
    winnerPlace: integer("winner_place"),
    createdBy: uuid("created_by").references(userForeignKey, { onDelete: "set null" }),
    createdAt: at("created_at").notNull(),
  },
  (table) => [uniqueIndex("hackathon_teams_name_idx").on(table.eventId, sql`lower(${table.name})`)],
);

/**
 * Who is in a team. `eventId` is repeated so that the unique index keeps a person in one team
 * per hackathon whatever the concurrency.
 */
export const hackathonTeamMembers = pgTable(
  "hackathon_team_members",
  {
    teamId: uuid("team_id")
      .notNull()
      .references(() => hackathonTeams.id, { onDelete: "cascade" }),
    eventId: uuid("event_id").notNull(),
    userId: uuid("user_id").notNull().references(userForeignKey, { onDelete: "cascade" }),
    joinedAt: at("joined_at").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.teamId, table.userId] }),
    uniqueIndex("hackathon_team_members_person_idx").on(table.eventId, table.userId),
  ],
);

/** An invitation to join a team; one pending per team and person. */
export const hackathonInvitations = pgTable(
  "hackathon_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => hackathonTeams.id, { onDelete: "cascade" }),
    eventId: uuid("event_id").notNull(),
    inviteeId: uuid("invitee_id").notNull().references(userForeignKey, { onDelete: "cascade" }),
    invitedBy: uuid("invited_by").references(userForeignKey, { onDelete: "set null" }),
    status: text("status", { enum: invitationStatuses }).notNull(),
    createdAt: at("created_at").notNull(),
    answeredAt: at("answered_at"),
  },
  (table) => [
    uniqueIndex("hackathon_invitations_pending_idx")
      .on(table.teamId, table.inviteeId)
      .where(sql`${table.status} = 'pending'`),
    index("hackathon_invitations_invitee_idx").on(table.eventId, table.inviteeId),
  ],
);

/** A team's submission; each save before the deadline is a new revision of it. */
export const hackathonSubmissions = pgTable("hackathon_submissions", {
  teamId: uuid("team_id")
    .primaryKey()
    .references(() => hackathonTeams.id, { onDelete: "cascade" }),
  /** Markdown, rendered to inert HTML when presented. */
  description: text("description").notNull(),
  repositoryUrl: text("repository_url"),
  demoUrl: text("demo_url"),
  revision: integer("revision").notNull(),
  submittedAt: at("submitted_at").notNull(),
  updatedAt: at("updated_at").notNull(),
  updatedBy: uuid("updated_by").references(userForeignKey, { onDelete: "set null" }),
});

/** Files a team attaches to its submission (PDF or images, recognised by their content). */
export const hackathonSubmissionFiles = pgTable(
  "hackathon_submission_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => hackathonTeams.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    bytes: bytea("bytes").notNull(),
    uploadedBy: uuid("uploaded_by").references(userForeignKey, { onDelete: "set null" }),
    uploadedAt: at("uploaded_at").notNull(),
  },
  (table) => [index("hackathon_submission_files_team_idx").on(table.teamId)],
);

/** A judge's conflict-of-interest declaration towards a team. */
export const hackathonDeclarations = pgTable(
  "hackathon_declarations",
  {
    teamId: uuid("team_id")
      .notNull()
      .references(() => hackathonTeams.id, { onDelete: "cascade" }),
    judgeId: uuid("judge_id").notNull().references(userForeignKey, { onDelete: "cascade" }),
    verdict: text("verdict", { enum: conflictVerdicts }).notNull(),
    reason: text("reason").notNull(),
    declaredAt: at("declared_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.teamId, table.judgeId] })],
);

/** A cleared judge's score of a team on one criterion (0–10), with its justification. */
export const hackathonScores = pgTable(
  "hackathon_scores",
  {
    teamId: uuid("team_id")
      .notNull()
      .references(() => hackathonTeams.id, { onDelete: "cascade" }),
    judgeId: uuid("judge_id").notNull().references(userForeignKey, { onDelete: "cascade" }),
    criterionId: uuid("criterion_id")
      .notNull()
      .references(() => hackathonCriteria.id, { onDelete: "cascade" }),
    score: integer("score").notNull(),
    justification: text("justification").notNull(),
    scoredAt: at("scored_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.teamId, table.judgeId, table.criterionId] })],
);

/**
 * Hackathon to pilot: the organisation and catalogue solution a winning team became, and the
 * challenge the solution answers (organisations and catalogue own those rows: no foreign key).
 */
export const hackathonPilots = pgTable("hackathon_pilots", {
  teamId: uuid("team_id")
    .primaryKey()
    .references(() => hackathonTeams.id, { onDelete: "cascade" }),
  organisationId: uuid("organisation_id").notNull(),
  solutionId: uuid("solution_id").notNull(),
  challengeId: uuid("challenge_id").notNull(),
  createdBy: uuid("created_by").references(userForeignKey, { onDelete: "set null" }),
  createdAt: at("created_at").notNull(),
});

/**
 * The ranking as it stood when the winners were announced, kept so that the published results
 * never move afterwards (recusal depends on memberships, which keep changing).
 */
export const hackathonResults = pgTable("hackathon_results", {
  teamId: uuid("team_id")
    .primaryKey()
    .references(() => hackathonTeams.id, { onDelete: "cascade" }),
  rank: integer("rank").notNull(),
  /** Unrounded; null when no counted judge scored the team. */
  score: doublePrecision("score"),
  judgesCounted: integer("judges_counted").notNull(),
  recusedJudges: integer("recused_judges").notNull(),
});
