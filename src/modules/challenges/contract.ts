import { z } from "zod";
import { Email, IsoDateTime, Uuid } from "../../core/http/contract.ts";
import { C40Region } from "../organisations/contract.ts";

/**
 * Challenges: what a city asks the market for, how it is procured, and the open conversation
 * around it (clarifications, co-creation). Shared by the server and the web pages.
 */

export const Sector = z.enum([
  "energy",
  "buildings",
  "mobility",
  "waste",
  "water",
  "adaptation",
  "air",
  "food",
  "finance",
  "data",
]);
export type Sector = z.infer<typeof Sector>;

/**
 * How the city buys. The model decides which lifecycle steps a challenge has (see lifecycle.ts):
 * a market consultation only hears the market; a prize awards without a pilot; pre-commercial
 * procurement and innovation partnerships run pilots in phases.
 */
export const ProcurementModel = z.enum([
  "market_consultation",
  "innovation_prize",
  "pre_commercial",
  "innovation_partnership",
  "competitive_dialogue",
  "pilot_agreement",
]);
export type ProcurementModel = z.infer<typeof ProcurementModel>;

export const ChallengeStatus = z.enum([
  "draft",
  "published",
  "evaluation",
  "awarded",
  "piloting",
  "implemented",
  "cancelled",
]);
export type ChallengeStatus = z.infer<typeof ChallengeStatus>;

export const CurrencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "must be a three-letter ISO 4217 currency code");

export const Trl = z.number().int().min(1, "TRL is 1 to 9").max(9, "TRL is 1 to 9");

export const Kpi = z.strictObject({
  metric: z.string().trim().min(2).max(160),
  baseline: z.number().finite().nullable(),
  target: z.number().finite(),
  unit: z.string().trim().min(1).max(40),
});
export type Kpi = z.infer<typeof Kpi>;

/** Amounts in minor units (cents) so that no money is ever a float. */
export const Budget = z
  .strictObject({
    minMinor: z.number().int().min(0).max(1e15),
    maxMinor: z.number().int().min(0).max(1e15),
    currency: CurrencyCode,
  })
  .refine((budget) => budget.maxMinor >= budget.minMinor, {
    message: "must not be below the minimum",
    path: ["maxMinor"],
  });
export type Budget = z.infer<typeof Budget>;

/** Question deadline < proposal deadline < award date; enforced on publish and on every change. */
export const Timeline = z.strictObject({
  questionDeadline: IsoDateTime,
  proposalDeadline: IsoDateTime,
  awardDate: IsoDateTime,
});
export type Timeline = z.infer<typeof Timeline>;

export const ContactPerson = z.strictObject({
  name: z.string().trim().min(2).max(120),
  role: z.string().trim().max(120).default(""),
  email: Email,
});
export type ContactPerson = z.input<typeof ContactPerson>;

export const ChallengeCity = z.object({
  id: Uuid,
  name: z.string(),
  country: z.string(),
  region: z.string(),
});

export const ChallengeOwner = z.object({ id: Uuid, slug: z.string(), name: z.string() });

export const ChallengeSummary = z
  .object({
    id: Uuid,
    title: z.string(),
    summary: z.string(),
    status: ChallengeStatus,
    procurementModel: ProcurementModel,
    sectors: z.array(Sector),
    city: ChallengeCity,
    organisation: ChallengeOwner,
    minTrl: z.number().int().nullable(),
    budget: Budget.nullable(),
    timeline: Timeline.partial(),
    publishedAt: IsoDateTime.nullable(),
    followerCount: z.number().int(),
    /** Answered (public) clarifications. */
    questionCount: z.number().int(),
    ideaCount: z.number().int(),
  })
  .meta({ id: "ChallengeSummary" });
export type ChallengeSummary = z.infer<typeof ChallengeSummary>;

export const Attachment = z.object({
  id: Uuid,
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: IsoDateTime,
});
export type Attachment = z.infer<typeof Attachment>;

/** A change announced after publication (deadline moved later, status changed). */
export const ChallengeAnnouncement = z.object({
  id: Uuid,
  kind: z.enum(["timeline_changed", "status_changed"]),
  /** For timeline changes: the field and its old and new value; for status: from/to. */
  changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
  reason: z.string(),
  at: IsoDateTime,
});
export type ChallengeAnnouncement = z.infer<typeof ChallengeAnnouncement>;

export const ChallengeAbilities = z.object({
  /** Edit the content: only while a draft. */
  edit: z.boolean(),
  /** Move deadlines later, add attachments after publication (owning city). */
  extendTimeline: z.boolean(),
  /** Statuses the caller may move the challenge to now (model, deadlines and role allowing). */
  transitions: z.array(ChallengeStatus),
  ask: z.boolean(),
  answer: z.boolean(),
  /** Post ideas and comments on the co-creation board (open, and the caller may take part). */
  contribute: z.boolean(),
  moderate: z.boolean(),
  follow: z.boolean(),
  /** Platform admins: who asked each question. */
  seeAskers: z.boolean(),
});
export type ChallengeAbilities = z.infer<typeof ChallengeAbilities>;

export const Challenge = ChallengeSummary.extend({
  description: z.string(),
  /** The description rendered to safe HTML (raw HTML escaped, only http(s)/mailto links). */
  descriptionHtml: z.string(),
  capabilities: z.array(z.string()),
  kpis: z.array(Kpi),
  contacts: z.array(z.object({ name: z.string(), role: z.string(), email: z.string() })),
  attachments: z.array(Attachment),
  announcements: z.array(ChallengeAnnouncement),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Whether the co-creation board takes new ideas now (consultation phase). */
  coCreationOpen: z.boolean(),
  questionsOpen: z.boolean(),
  following: z.boolean(),
  abilities: ChallengeAbilities,
}).meta({ id: "Challenge" });
export type Challenge = z.infer<typeof Challenge>;

const ChallengeFields = {
  title: z.string().trim().min(5, "must have at least 5 characters").max(200),
  summary: z.string().trim().min(20, "must have at least 20 characters").max(600),
  description: z.string().trim().max(50_000).default(""),
  sectors: z.array(Sector).min(1, "choose at least one sector").max(10),
  capabilities: z.array(z.string().trim().min(2).max(80)).max(40).default([]),
  kpis: z.array(Kpi).max(20).default([]),
  budget: Budget.nullable().default(null),
  minTrl: Trl.nullable().default(null),
  procurementModel: ProcurementModel,
  timeline: Timeline.partial().default({}),
  contacts: z.array(ContactPerson).max(10).default([]),
};

export const CreateChallengeBody = z.strictObject({
  /** The city organisation that owns the challenge; the caller must be one of its members. */
  organisationId: Uuid,
  ...ChallengeFields,
});
export type CreateChallengeBody = z.input<typeof CreateChallengeBody>;

/** Drafts only: after publication what bidders rely on is fixed (see ExtendTimelineBody). */
export const UpdateChallengeBody = z.strictObject({
  title: ChallengeFields.title.optional(),
  summary: ChallengeFields.summary.optional(),
  description: z.string().trim().max(50_000).optional(),
  sectors: ChallengeFields.sectors.optional(),
  capabilities: z.array(z.string().trim().min(2).max(80)).max(40).optional(),
  kpis: z.array(Kpi).max(20).optional(),
  budget: Budget.nullable().optional(),
  minTrl: Trl.nullable().optional(),
  procurementModel: ProcurementModel.optional(),
  timeline: Timeline.partial().optional(),
  contacts: z.array(ContactPerson).max(10).optional(),
});
export type UpdateChallengeBody = z.input<typeof UpdateChallengeBody>;

/** After publication: deadlines may only move later; the change is announced and audited. */
export const ExtendTimelineBody = z.strictObject({
  questionDeadline: IsoDateTime.optional(),
  proposalDeadline: IsoDateTime.optional(),
  awardDate: IsoDateTime.optional(),
  reason: z.string().trim().min(5, "say why, for the bidders").max(1_000),
});
export type ExtendTimelineBody = z.input<typeof ExtendTimelineBody>;

export const TransitionBody = z.strictObject({
  to: ChallengeStatus,
  /** Required for cancellation; shown to followers. */
  reason: z.string().trim().max(1_000).optional(),
});
export type TransitionBody = z.input<typeof TransitionBody>;

export const CatalogueSort = z.enum(["relevance", "newest", "deadline", "budget"]);

/** Filters of the public catalogue; also what a saved search stores. */
export const CatalogueFilters = z.strictObject({
  q: z.string().trim().max(200).optional(),
  sector: z.array(Sector).max(10).optional(),
  cityId: Uuid.optional(),
  region: C40Region.optional(),
  status: z
    .array(ChallengeStatus.exclude(["draft"]))
    .max(6)
    .optional(),
  model: z.array(ProcurementModel).max(6).optional(),
  /** The TRL of the caller's solution: challenges whose minimum it meets (minTrl ≤ trl or none). */
  trl: z.coerce.number().int().min(1).max(9).optional(),
});
export type CatalogueFilters = z.infer<typeof CatalogueFilters>;

/** Query string of GET /api/v1/challenges; repeated keys (sector=a&sector=b) or one value. */
export const CatalogueQuery = z.strictObject({
  q: CatalogueFilters.shape.q,
  sector: z.preprocess(
    (value) => (typeof value === "string" ? [value] : value),
    CatalogueFilters.shape.sector,
  ),
  cityId: CatalogueFilters.shape.cityId,
  region: CatalogueFilters.shape.region,
  status: z.preprocess(
    (value) => (typeof value === "string" ? [value] : value),
    CatalogueFilters.shape.status,
  ),
  model: z.preprocess(
    (value) => (typeof value === "string" ? [value] : value),
    CatalogueFilters.shape.model,
  ),
  trl: CatalogueFilters.shape.trl,
  /** Default: relevance when q is given, otherwise newest. */
  sort: CatalogueSort.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Opaque keyset cursor from the previous page's nextCursor: pages stay stable under inserts. */
  cursor: z.string().max(500).optional(),
  /** Owners and admins: "mine" lists the caller's organisations' challenges including drafts. */
  scope: z.enum(["public", "mine"]).default("public"),
});
export type CatalogueQuery = z.input<typeof CatalogueQuery>;

export const FacetCount = z.object({
  value: z.string(),
  label: z.string(),
  count: z.number().int(),
});

export const ChallengeCatalogue = z.object({
  challenges: z.array(ChallengeSummary.extend({ rank: z.number().nullable() })),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
  /** For each facet, counts that apply every other active filter (the usual faceted search). */
  facets: z.object({
    sector: z.array(FacetCount),
    status: z.array(FacetCount),
    model: z.array(FacetCount),
    region: z.array(FacetCount),
    city: z.array(FacetCount),
    trl: z.array(FacetCount),
  }),
});
export type ChallengeCatalogue = z.infer<typeof ChallengeCatalogue>;

// Clarifications (Q&A) ----------------------------------------------------------------------

export const AskQuestionBody = z.strictObject({
  question: z.string().trim().min(10, "must have at least 10 characters").max(4_000),
});

export const AnswerQuestionBody = z.strictObject({
  answer: z.string().trim().min(2).max(8_000),
});

export const Clarification = z
  .object({
    id: Uuid,
    question: z.string(),
    answer: z.string().nullable(),
    askedAt: IsoDateTime,
    answeredAt: IsoDateTime.nullable(),
    /** The caller asked it (shown to the asker only). */
    mine: z.boolean(),
    /** Platform admins only: who asked. Never sent to anyone else, city included. */
    askedBy: z
      .object({ userId: Uuid, name: z.string(), organisation: z.string().nullable() })
      .nullable(),
  })
  .meta({ id: "Clarification" });
export type Clarification = z.infer<typeof Clarification>;

/**
 * Everyone sees answered questions; the owning city and admins also see the unanswered ones,
 * and an asker sees their own.
 */
export const ClarificationList = z.object({ clarifications: z.array(Clarification) });
export type ClarificationList = z.infer<typeof ClarificationList>;

// Co-creation board ---------------------------------------------------------------------------

export const IdeaBody = z.strictObject({
  title: z.string().trim().min(3).max(160),
  body: z.string().trim().min(10).max(8_000),
});
export const IdeaPatch = IdeaBody.partial();
export const CommentBody = z.strictObject({ body: z.string().trim().min(2).max(4_000) });
export const ReportBody = z.strictObject({ reason: z.string().trim().min(3).max(1_000) });
export const HideBody = z.strictObject({ reason: z.string().trim().min(3).max(1_000) });

const Contributor = z.object({
  name: z.string(),
  organisation: z.string().nullable(),
});

const Moderation = z
  .object({ hidden: z.literal(true), reason: z.string(), at: IsoDateTime })
  .nullable();

export const IdeaComment = z.object({
  id: Uuid,
  /** Empty when hidden, unless the caller moderates. */
  body: z.string(),
  author: Contributor,
  createdAt: IsoDateTime,
  editedAt: IsoDateTime.nullable(),
  /** The author may edit until then. */
  editableUntil: IsoDateTime,
  mine: z.boolean(),
  moderation: Moderation,
});
export type IdeaComment = z.infer<typeof IdeaComment>;

export const Idea = z
  .object({
    id: Uuid,
    title: z.string(),
    body: z.string(),
    author: Contributor,
    votes: z.number().int(),
    myVote: z.boolean(),
    createdAt: IsoDateTime,
    editedAt: IsoDateTime.nullable(),
    editableUntil: IsoDateTime,
    mine: z.boolean(),
    moderation: Moderation,
    /** Moderators and the owning city: how many open reports. */
    reportCount: z.number().int().nullable(),
    comments: z.array(IdeaComment),
  })
  .meta({ id: "Idea" });
export type Idea = z.infer<typeof Idea>;

export const IdeaSort = z.enum(["votes", "newest"]);
export const IdeaQuery = z.strictObject({ sort: IdeaSort.default("votes") });
export const IdeaBoard = z.object({ open: z.boolean(), ideas: z.array(Idea) });
export type IdeaBoard = z.infer<typeof IdeaBoard>;

// Saved searches ----------------------------------------------------------------------------

export const SavedSearchBody = z.strictObject({
  name: z.string().trim().min(2).max(120),
  filters: CatalogueFilters,
});

export const SavedSearch = z.object({
  id: Uuid,
  name: z.string(),
  filters: CatalogueFilters,
  createdAt: IsoDateTime,
  /** New challenges matched since it was saved. */
  matchCount: z.number().int(),
});
export type SavedSearch = z.infer<typeof SavedSearch>;

export const SavedSearchList = z.object({ savedSearches: z.array(SavedSearch) });

export const FollowState = z.object({ following: z.boolean(), followerCount: z.number().int() });
export type FollowState = z.infer<typeof FollowState>;
