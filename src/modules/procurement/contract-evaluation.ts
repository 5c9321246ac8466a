import { z } from "zod";
import { IsoDateTime, Uuid } from "../../core/http/contract.ts";
import { Price } from "./contract.ts";

/**
 * Evaluation: criteria and panel, conflict-of-interest declarations, scores, ranking, award,
 * standstill, the public award notice and the contact log. Shared by the server and the web
 * pages. docs/procurement.md, "Evaluation".
 */

export const SCORE_MIN = 0;
export const SCORE_MAX = 10;
export const DEFAULT_STANDSTILL_DAYS = 10;
export const CRITERIA_MAX = 20;

export const CriterionKind = z.enum(["technical", "financial"]);
export type CriterionKind = z.infer<typeof CriterionKind>;
export const PanelRole = z.enum(["chair", "evaluator"]);
export type PanelRole = z.infer<typeof PanelRole>;

/**
 * before_deadline: criteria and panel may change; nobody opens a proposal. blind: opened without
 * the bidder's identity. evaluation: opened with it. standstill: awarded, not yet final. awarded:
 * final. Computed on the server clock.
 */
export const EvaluationStage = z.enum([
  "before_deadline",
  "blind",
  "evaluation",
  "standstill",
  "awarded",
]);
export type EvaluationStage = z.infer<typeof EvaluationStage>;

export const CriterionBody = z.strictObject({
  name: z.string().trim().min(2, "must be at least 2 characters").max(120),
  description: z.string().trim().max(2000).default(""),
  weight: z
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(100, "must be at most 100"),
  kind: CriterionKind.default("technical"),
});

export const EvaluationSetupBody = z.strictObject({
  criteria: z
    .array(CriterionBody)
    .min(1, "define at least one criterion")
    .max(CRITERIA_MAX, `at most ${CRITERIA_MAX} criteria`)
    .superRefine((criteria, context) => {
      const sum = criteria.reduce((total, criterion) => total + criterion.weight, 0);
      if (sum !== 100) {
        context.addIssue({
          code: "custom",
          message: `weights must sum to 100 (they sum to ${sum})`,
        });
      }
      const names = new Set<string>();
      criteria.forEach((criterion, index) => {
        const key = criterion.name.toLowerCase();
        if (names.has(key)) {
          context.addIssue({
            code: "custom",
            path: [index, "name"],
            message: "is the name of another criterion",
          });
        }
        names.add(key);
      });
    }),
  panel: z
    .array(z.strictObject({ userId: Uuid, role: PanelRole }))
    .min(1, "name at least the chair")
    .max(30)
    .superRefine((panel, context) => {
      if (panel.filter((seat) => seat.role === "chair").length !== 1) {
        context.addIssue({ code: "custom", message: "must have exactly one chair" });
      }
      const seen = new Set<string>();
      panel.forEach((seat, index) => {
        if (seen.has(seat.userId)) {
          context.addIssue({
            code: "custom",
            path: [index, "userId"],
            message: "is on the panel twice",
          });
        }
        seen.add(seat.userId);
      });
    }),
  blind: z.boolean().default(false),
  standstillDays: z.number().int().min(0).max(90).default(DEFAULT_STANDSTILL_DAYS),
});
export type EvaluationSetupBody = z.input<typeof EvaluationSetupBody>;
export type EvaluationSetupInput = z.output<typeof EvaluationSetupBody>;

export const Criterion = z.object({
  id: Uuid,
  name: z.string(),
  description: z.string(),
  weight: z.number().int(),
  kind: CriterionKind,
});
export type Criterion = z.infer<typeof Criterion>;

export const PanelSeat = z.object({ userId: Uuid, name: z.string(), role: PanelRole });
export type PanelSeat = z.infer<typeof PanelSeat>;

export const EvaluationSetup = z
  .object({
    challengeId: Uuid,
    /** The owning city organisation (whose members may sit on the panel). */
    organisationId: Uuid,
    /** False until the city defined the evaluation. */
    defined: z.boolean(),
    stage: EvaluationStage,
    /** Public: bidders must know how they will be judged. */
    criteria: z.array(Criterion),
    blind: z.boolean(),
    standstillDays: z.number().int(),
    technicalLockedAt: IsoDateTime.nullable(),
    /** The owning city's members only (null for everyone else). */
    panel: z.array(PanelSeat).nullable(),
    /** The caller's seat on the panel. */
    seat: PanelRole.nullable(),
    abilities: z.object({
      define: z.boolean(),
      evaluate: z.boolean(),
      lockTechnical: z.boolean(),
      award: z.boolean(),
      /** The chair, while the standstill runs. */
      cancelAward: z.boolean(),
      recordContacts: z.boolean(),
    }),
  })
  .meta({ id: "EvaluationSetup" });
export type EvaluationSetup = z.infer<typeof EvaluationSetup>;

// Declarations

export const DeclarationVerdict = z.enum(["no_conflict", "conflict"]);
export type DeclarationVerdict = z.infer<typeof DeclarationVerdict>;

export const DeclarationBody = z
  .strictObject({
    verdict: DeclarationVerdict,
    reason: z.string().trim().max(2000).default(""),
  })
  .superRefine((body, context) => {
    if (body.verdict === "conflict" && body.reason.length < 5) {
      context.addIssue({
        code: "custom",
        path: ["reason"],
        message: "say why (at least 5 characters)",
      });
    }
  });
export type DeclarationBody = z.input<typeof DeclarationBody>;
export type DeclarationInput = z.output<typeof DeclarationBody>;

/** to_declare: open it after declaring. cleared: "no conflict", nothing detected. recused. */
export const EvaluatorStanding = z.enum(["to_declare", "cleared", "recused"]);
export type EvaluatorStanding = z.infer<typeof EvaluatorStanding>;

/** Why an evaluator is recused; a detected conflict never names the organisation (blind phase). */
export const RecusalGround = z.enum(["declared", "detected"]);

// The evaluator's work list

export const MyScore = z.object({
  criterionId: Uuid,
  score: z.number().int(),
  justification: z.string(),
});
export type MyScore = z.infer<typeof MyScore>;

export const WorkItem = z.object({
  proposalId: Uuid,
  /** Stable within the challenge: "A", "B", … (shown as "Proposal A"). */
  pseudonym: z.string(),
  /** The bidder; null while the blind phase hides it. */
  bidder: z.object({ kind: z.enum(["organisation", "consortium"]), name: z.string() }).nullable(),
  standing: EvaluatorStanding,
  recusal: RecusalGround.nullable(),
  scores: z.array(MyScore),
});
export type WorkItem = z.infer<typeof WorkItem>;

export const WorkList = z
  .object({ challengeId: Uuid, stage: EvaluationStage, proposals: z.array(WorkItem) })
  .meta({ id: "EvaluationWorkList" });
export type WorkList = z.infer<typeof WorkList>;

// Scores

export const ScoresBody = z.strictObject({
  scores: z
    .array(
      z.strictObject({
        criterionId: Uuid,
        score: z
          .number({ error: "must be a whole number" })
          .int("must be a whole number")
          .min(SCORE_MIN, `must be at least ${SCORE_MIN}`)
          .max(SCORE_MAX, `must be at most ${SCORE_MAX}`),
        justification: z
          .string()
          .trim()
          .min(10, "justify the score (at least 10 characters)")
          .max(4000),
      }),
    )
    .min(1, "score at least one criterion")
    .max(CRITERIA_MAX),
});
export type ScoresBody = z.input<typeof ScoresBody>;
export type ScoresInput = z.output<typeof ScoresBody>;

// Ranking

export const RankedProposal = z.object({
  proposalId: Uuid,
  pseudonym: z.string(),
  bidder: z.object({ kind: z.enum(["organisation", "consortium"]), name: z.string() }).nullable(),
  /** Per criterion: the mean of the evaluators' scores (null when nobody scored it yet). */
  criteria: z.array(
    z.object({ criterionId: Uuid, mean: z.number().nullable(), evaluators: z.number().int() }),
  ),
  /** Σ weight × mean / 10, on 0–100; null until every criterion has a score. */
  total: z.number().nullable(),
  /** Competition ranking ("1, 1, 3"): equal totals share a rank. Null when total is. */
  rank: z.number().int().nullable(),
});
export type RankedProposal = z.infer<typeof RankedProposal>;

export const Ranking = z
  .object({
    challengeId: Uuid,
    stage: EvaluationStage,
    criteria: z.array(Criterion),
    proposals: z.array(RankedProposal),
  })
  .meta({ id: "EvaluationRanking" });
export type Ranking = z.infer<typeof Ranking>;

// Award

export const AwardBody = z.strictObject({
  proposalId: Uuid,
  justification: z.string().trim().min(20, "justify the award (at least 20 characters)").max(8000),
});
export type AwardBody = z.input<typeof AwardBody>;

export const AwardCancellationBody = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(10, "say why the award is cancelled (at least 10 characters)")
    .max(2000),
});
export type AwardCancellationBody = z.input<typeof AwardCancellationBody>;

export const AwardCancellation = z.object({
  cancelledAt: IsoDateTime,
  reason: z.string(),
});

export const ContactChannel = z.enum(["email", "phone", "video", "meeting", "event", "other"]);
export type ContactChannel = z.infer<typeof ContactChannel>;

export const Contact = z.object({
  id: Uuid,
  cityPerson: z.object({ id: Uuid, name: z.string() }),
  /** Null for the panel during the blind phase: the organisation may be a bidder. */
  organisation: z.object({ id: Uuid, name: z.string() }).nullable(),
  contactAt: IsoDateTime,
  channel: ContactChannel,
  oneToOne: z.boolean(),
  subject: z.string(),
});
export type Contact = z.infer<typeof Contact>;

export const AwardNotice = z
  .object({
    challenge: z.object({ id: Uuid, title: z.string() }),
    winner: z.object({ kind: z.enum(["organisation", "consortium"]), name: z.string() }),
    /** The winner's price (its latest revision). */
    value: Price,
    decidedAt: IsoDateTime,
    standstillEndsAt: IsoDateTime,
    /** The standstill is over (server clock). */
    final: z.boolean(),
    justification: z.string(),
    /** Only the winner's figures; the others' scores are theirs (debriefing). */
    ranking: z.object({
      evaluated: z.number().int(),
      winnerTotal: z.number().nullable(),
      winnerRank: z.number().int().nullable(),
      criteria: z.array(z.object({ name: z.string(), weight: z.number().int() })),
    }),
    contacts: z.array(Contact.omit({ id: true })),
    /** Set when the chair cancelled this award during the standstill (no award is live then). */
    cancellation: AwardCancellation.nullable(),
    /** Earlier awards of the challenge, cancelled, oldest first: the history stays public. */
    cancelledAwards: z.array(
      z.object({
        winner: z.object({ kind: z.enum(["organisation", "consortium"]), name: z.string() }),
        decidedAt: IsoDateTime,
        cancellation: AwardCancellation,
      }),
    ),
  })
  .meta({ id: "AwardNotice" });
export type AwardNotice = z.infer<typeof AwardNotice>;

// The contact log

export const ContactBody = z.strictObject({
  /** The city's person in the contact; the recorder when left out. */
  cityUserId: Uuid.optional(),
  organisationId: Uuid,
  contactAt: IsoDateTime,
  channel: ContactChannel,
  /** A one-to-one meeting (in person or by video): refused with panel members in the quiet period. */
  oneToOne: z.boolean().default(false),
  subject: z.string().trim().min(3, "say what it was about").max(2000),
});
export type ContactBody = z.input<typeof ContactBody>;
export type ContactInput = z.output<typeof ContactBody>;

export const ContactList = z
  .object({ challengeId: Uuid, contacts: z.array(Contact) })
  .meta({ id: "ContactLog" });
export type ContactList = z.infer<typeof ContactList>;
