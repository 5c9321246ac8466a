import { z } from "zod";
import { Email, IsoDateTime, Uuid } from "../../core/http/contract.ts";

/**
 * Hackathons: the teams, submissions, judging and results of an event of kind `hackathon`.
 * Shared by the server and the pages.
 */

const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !value.includes("\u0000"), "must not contain NUL characters");
const Required = (max: number) => Text(max).min(1, "is required");
/** Links a submission shows: http or https only (never javascript:, data: …). */
const WebLink = z
  .string()
  .trim()
  .max(500, "must be at most 500 characters")
  .refine((value) => {
    try {
      const protocol = new URL(value).protocol;
      return protocol === "https:" || protocol === "http:";
    } catch {
      return false;
    }
  }, "must be an http:// or https:// address");
const TeamSize = z
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(20, "must be at most 20");

export const SUBMISSION_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const SUBMISSION_FILES_PER_TEAM = 10;
export const SCORE_MAX = 10;

export const CriterionBody = z.strictObject({
  name: Required(120),
  description: Text(1000).default(""),
  weight: z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(100, "must be at most 100"),
});

export const HackathonSettingsBody = z
  .strictObject({
    minTeamSize: TeamSize,
    maxTeamSize: TeamSize,
    submissionDeadline: IsoDateTime,
    criteria: z
      .array(CriterionBody)
      .min(1, "name at least one criterion")
      .max(10, "at most 10 criteria"),
  })
  .superRefine((body, context) => {
    if (body.maxTeamSize < body.minTeamSize) {
      context.addIssue({
        code: "custom",
        path: ["maxTeamSize"],
        message: "must be at least the minimum team size",
      });
    }
    const total = body.criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
    if (total !== 100) {
      context.addIssue({
        code: "custom",
        path: ["criteria"],
        message: `weights must sum to 100 (they sum to ${total})`,
      });
    }
  });
export type HackathonSettingsBody = z.input<typeof HackathonSettingsBody>;
/** The body as validated, defaults filled in. */
export type HackathonSettings = z.output<typeof HackathonSettingsBody>;

export const JudgeBody = z.strictObject({ email: Email });
export const JudgeParams = z.strictObject({ id: Uuid, userId: Uuid });

const TeamName = Required(80).refine((name) => name.length >= 2, "must have at least 2 characters");

export const TeamBody = z.strictObject({
  name: TeamName,
  challengeId: Uuid.nullable().default(null),
});
export type TeamBody = z.input<typeof TeamBody>;

export const TeamUpdateBody = z.strictObject({
  name: TeamName.optional(),
  challengeId: Uuid.nullable().optional(),
});

/** Invite by the e-mail of an account, or pick someone registered for the event. */
export const InvitationBody = z.union([
  z.strictObject({ email: Email }),
  z.strictObject({ userId: Uuid }),
]);
export type InvitationBody = z.input<typeof InvitationBody>;

export const AnswerBody = z.strictObject({ answer: z.enum(["accept", "decline"]) });

export const SubmissionBody = z.strictObject({
  description: Required(20_000),
  repositoryUrl: WebLink.nullable().default(null),
  demoUrl: WebLink.nullable().default(null),
});
export type SubmissionBody = z.input<typeof SubmissionBody>;

export const SubmissionFileQuery = z.strictObject({
  filename: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters"),
});
export const SubmissionFileParams = z.strictObject({ id: Uuid, fileId: Uuid });

export const DeclarationBody = z
  .strictObject({
    verdict: z.enum(["no_conflict", "conflict"]),
    reason: Text(1000).default(""),
  })
  .superRefine((body, context) => {
    if (body.verdict === "conflict" && body.reason.length === 0) {
      context.addIssue({ code: "custom", path: ["reason"], message: "say what the conflict is" });
    }
  });
export type DeclarationBody = z.input<typeof DeclarationBody>;

export const ScoresBody = z.strictObject({
  scores: z
    .array(
      z.strictObject({
        criterionId: Uuid,
        score: z
          .number({ error: "must be a number" })
          .int("must be a whole number")
          .min(0, "must be at least 0")
          .max(SCORE_MAX, `must be at most ${SCORE_MAX}`),
        justification: Required(2000),
      }),
    )
    .min(1, "score every criterion")
    .max(10),
});
export type ScoresBody = z.input<typeof ScoresBody>;

export const WinnersBody = z.strictObject({
  /** In order: the first is first prize. */
  winnerTeamIds: z.array(Uuid).min(1, "name at least one winner").max(10, "at most 10 winners"),
});

export const PilotBody = z.strictObject({
  kind: z.enum(["company", "research"]).default("company"),
  trl: z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(9, "must be at most 9")
    .default(4),
});
export type PilotBody = z.input<typeof PilotBody>;

// Responses.

export const Criterion = z.object({
  id: Uuid,
  name: z.string(),
  description: z.string(),
  weight: z.number().int(),
});
export const PersonName = z.object({ userId: Uuid, name: z.string() });
export const TeamChallenge = z.object({ id: Uuid, title: z.string() });

export const TeamSummary = z.object({
  id: Uuid,
  name: z.string(),
  challenge: TeamChallenge.nullable(),
  memberCount: z.number().int(),
  /** Names are shown to the event's registered participants, hosts and judges; else empty. */
  members: z.array(PersonName),
  submitted: z.boolean(),
  winnerPlace: z.number().int().nullable(),
});
export type TeamSummary = z.infer<typeof TeamSummary>;

export const InvitationView = z.object({
  id: Uuid,
  team: z.object({ id: Uuid, name: z.string() }),
  invitee: PersonName,
  invitedBy: z.string(),
  status: z.enum(["pending", "accepted", "declined", "withdrawn"]),
  createdAt: IsoDateTime,
});
export type InvitationView = z.infer<typeof InvitationView>;

export const Hackathon = z
  .object({
    eventId: Uuid,
    title: z.string(),
    status: z.string(),
    timeZone: z.string(),
    /** The hosts have set team sizes, the deadline and criteria. */
    setUp: z.boolean(),
    minTeamSize: z.number().int().nullable(),
    maxTeamSize: z.number().int().nullable(),
    submissionDeadline: IsoDateTime.nullable(),
    submissionsOpen: z.boolean(),
    winnersAnnouncedAt: IsoDateTime.nullable(),
    criteria: z.array(Criterion),
    judges: z.array(PersonName),
    challenges: z.array(TeamChallenge),
    teams: z.array(TeamSummary),
    me: z.object({
      signedIn: z.boolean(),
      /** Registered for the event (not the waitlist). */
      registered: z.boolean(),
      /** A host's member or a platform admin. */
      manage: z.boolean(),
      judge: z.boolean(),
      teamId: Uuid.nullable(),
      invitations: z.array(InvitationView),
    }),
  })
  .meta({ id: "Hackathon" });
export type Hackathon = z.infer<typeof Hackathon>;

/** People holding a seat at the event, in no team and judging nothing: whom a team may invite. */
export const FreeParticipants = z
  .object({ participants: z.array(PersonName) })
  .meta({ id: "HackathonFreeParticipants" });
export type FreeParticipants = z.infer<typeof FreeParticipants>;

export const SubmissionFile = z.object({
  id: Uuid,
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: IsoDateTime,
});
export type SubmissionFile = z.infer<typeof SubmissionFile>;

export const Submission = z.object({
  description: z.string(),
  descriptionHtml: z.string(),
  repositoryUrl: z.string().nullable(),
  demoUrl: z.string().nullable(),
  revision: z.number().int(),
  submittedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  files: z.array(SubmissionFile),
});
export type Submission = z.infer<typeof Submission>;

export const Pilot = z.object({
  organisation: z.object({ id: Uuid, slug: z.string(), name: z.string() }),
  solutionId: Uuid,
  challenge: TeamChallenge,
  createdAt: IsoDateTime,
});
export type Pilot = z.infer<typeof Pilot>;

export const Team = TeamSummary.extend({
  eventId: Uuid,
  /** Null unless you may read it (the team, the hosts, cleared judges; everyone once winners are out). */
  submission: Submission.nullable(),
  /** The team's invitations: its members and the hosts only. */
  invitations: z.array(InvitationView),
  pilot: Pilot.nullable(),
  me: z.object({
    member: z.boolean(),
    /** You may read the submission. */
    readsSubmission: z.boolean(),
    /** Members, before the deadline. */
    edit: z.boolean(),
    /** A member of a winning team, while it has not become a pilot yet. */
    startPilot: z.boolean(),
  }),
}).meta({ id: "HackathonTeam" });
export type Team = z.infer<typeof Team>;

export const JudgeStanding = z.enum(["to_declare", "cleared", "recused"]);

export const JudgingEntry = z.object({
  team: z.object({ id: Uuid, name: z.string() }),
  challenge: TeamChallenge.nullable(),
  standing: JudgeStanding,
  recusal: z.enum(["declared", "detected"]).nullable(),
  declaration: z
    .object({ verdict: z.enum(["no_conflict", "conflict"]), reason: z.string() })
    .nullable(),
  /** Organisations of the team's members you are or were linked to (three years back). */
  detectedConflicts: z.array(z.object({ organisation: z.string(), relation: z.string() })),
  /** Only once you are cleared. */
  submission: Submission.nullable(),
  myScores: z.array(
    z.object({ criterionId: Uuid, score: z.number().int(), justification: z.string() }),
  ),
});
export const Judging = z
  .object({
    eventId: Uuid,
    criteria: z.array(Criterion),
    /** Scores are taken once the submission deadline passed, until the winners are announced. */
    scoringOpen: z.boolean(),
    entries: z.array(JudgingEntry),
  })
  .meta({ id: "HackathonJudging" });
export type Judging = z.infer<typeof Judging>;

export const RankedTeam = z.object({
  rank: z.number().int(),
  team: z.object({ id: Uuid, name: z.string() }),
  challenge: TeamChallenge.nullable(),
  /** Mean over the judges counted of Σ weight × score / 100 (0–10), rounded to 0.01; null: unscored. */
  score: z.number().nullable(),
  judgesCounted: z.number().int(),
  recusedJudges: z.number().int(),
  winnerPlace: z.number().int().nullable(),
});
export const Ranking = z
  .object({
    eventId: Uuid,
    winnersAnnouncedAt: IsoDateTime.nullable(),
    teams: z.array(RankedTeam),
  })
  .meta({ id: "HackathonRanking" });
export type Ranking = z.infer<typeof Ranking>;

export const GalleryEntry = z.object({
  team: z.object({ id: Uuid, name: z.string() }),
  members: z.array(z.string()),
  challenge: TeamChallenge.nullable(),
  winnerPlace: z.number().int().nullable(),
  score: z.number().nullable(),
  submission: Submission,
});
export const Gallery = z
  .object({
    eventId: Uuid,
    title: z.string(),
    winnersAnnouncedAt: IsoDateTime,
    entries: z.array(GalleryEntry),
  })
  .meta({ id: "HackathonGallery" });
export type Gallery = z.infer<typeof Gallery>;
