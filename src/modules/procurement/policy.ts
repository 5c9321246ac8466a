import { type Actor, hasPlatformRole } from "../../core/auth/actor.ts";
import type { ProcurementPhase } from "./contract.ts";
import type { EvaluationStage, PanelRole } from "./contract-evaluation.ts";

/**
 * Who may know what about proposals, and do what with them: THE SEAL. Every read of a proposal
 * (list, get, attachment, receipt verification, count) asks these functions, through
 * sealed-proposals.ts; nothing else decides. docs/procurement.md has the table.
 *
 * Before the proposal deadline a proposal is sealed: only its bidder's people read it (an
 * organisation's members; a consortium's member organisations' members). The owning city's
 * members learn how many live proposals there are — not which, not from whom. Everyone else
 * (other bidders, other cities, anonymous visitors, platform admins) learns nothing: a sealed
 * proposal answers 404 like one that does not exist, and counts them nowhere.
 *
 * After the deadline the bidder still reads its own; the count is also the platform admins';
 * receipts can be verified by anyone holding one. On the city side only the evaluator panel opens
 * proposals, each member only those they declared "no conflict" for and are not recused from
 * (`cityMayOpenProposal`); during the blind phase without the bidder (sealed-proposals.ts).
 * Platform admins never read a proposal.
 */

/** The caller: their organisations now, which of them they administer, and platform role. */
export interface Reader {
  actor: Actor;
  platformAdmin: boolean;
  memberOf: ReadonlySet<string>;
  adminOf: ReadonlySet<string>;
}

export function readerFrom(
  actor: Actor,
  organisations: Array<{ organisationId: string; role: "member" | "admin" }>,
): Reader {
  return {
    actor,
    platformAdmin: hasPlatformRole(actor, "admin"),
    memberOf: new Set(organisations.map((row) => row.organisationId)),
    adminOf: new Set(
      organisations.filter((row) => row.role === "admin").map((row) => row.organisationId),
    ),
  };
}

/** A bidder's parties: whose people read its proposals, whose admins act for it. */
export interface BidderParties {
  kind: "organisation" | "consortium";
  id: string;
  /** The organisation itself, or a consortium's current member organisations. */
  memberOrganisationIds: readonly string[];
  /** The organisation itself, or a consortium's lead organisation. */
  actingOrganisationId: string;
  /** False once a consortium is dissolved: it can still withdraw, not submit or revise. */
  active: boolean;
}

/** What the seal looks at of a challenge. */
export interface SealedChallenge {
  organisationId: string;
  status: string;
  proposalDeadline: Date | null;
}

export type Phase = ProcurementPhase;

/** Sealed until the proposal deadline; a challenge without one (a draft) is before it. */
export function phaseOf(challenge: Pick<SealedChallenge, "proposalDeadline">, now: Date): Phase {
  return challenge.proposalDeadline !== null &&
    now.getTime() >= challenge.proposalDeadline.getTime()
    ? "after_deadline"
    : "before_deadline";
}

/**
 * How the reader may read a proposal: as one of the bidder's people, as an evaluator on the
 * challenge's panel (cleared for it), or not at all.
 */
export type ProposalAccess = "bidder" | "evaluator" | "none";

/** The reader's place on a challenge's evaluator panel (evaluation-standing.ts loads it). */
export interface PanelStanding {
  seat: PanelRole | null;
  /** Proposals of the challenge the reader declared "no conflict" for and is not recused from. */
  cleared: ReadonlySet<string>;
}

export const OFF_PANEL: PanelStanding = { seat: null, cleared: new Set() };

export function isBidderParty(reader: Reader, bidder: BidderParties): boolean {
  return bidder.memberOrganisationIds.some((id) => reader.memberOf.has(id));
}

export function isCityMember(reader: Reader, challenge: SealedChallenge): boolean {
  return reader.memberOf.has(challenge.organisationId);
}

/**
 * Whether someone on the city side may open a proposal. Never before the deadline. After it, a
 * member of the challenge's panel (the chair included) who is still a member of the owning city
 * and has declared "no conflict" for this very proposal, with no conflict detected (conflicts.ts):
 * nobody else — not other city members, not platform admins.
 */
export function cityMayOpenProposal(
  reader: Reader,
  challenge: SealedChallenge,
  proposalId: string,
  phase: Phase,
  standing: PanelStanding,
): boolean {
  if (phase === "before_deadline") return false;
  if (standing.seat === null || !isCityMember(reader, challenge)) return false;
  return standing.cleared.has(proposalId);
}

/** THE SEAL: how (if at all) the reader may read this bidder's proposal to this challenge. */
export function proposalAccess(
  reader: Reader,
  challenge: SealedChallenge,
  bidder: BidderParties,
  proposalId: string,
  phase: Phase,
  standing: PanelStanding,
): ProposalAccess {
  if (isBidderParty(reader, bidder)) return "bidder";
  if (cityMayOpenProposal(reader, challenge, proposalId, phase, standing)) return "evaluator";
  return "none";
}

/** How many live proposals: the owning city's members always, platform admins after the deadline. */
export function mayCountProposals(reader: Reader, challenge: SealedChallenge, phase: Phase) {
  return isCityMember(reader, challenge) || (phase === "after_deadline" && reader.platformAdmin);
}

/** Whoever may read the proposal; after the deadline, anyone holding a receipt. */
export function mayVerifyReceipt(access: ProposalAccess, phase: Phase): boolean {
  return access !== "none" || phase === "after_deadline";
}

/** Submissions and revisions: while published, before the deadline. */
export type SubmissionWindow = "open" | "deadline_passed" | "closed";

export function submissionWindow(challenge: SealedChallenge, now: Date): SubmissionWindow {
  if (phaseOf(challenge, now) === "after_deadline") return "deadline_passed";
  if (challenge.status !== "published" || challenge.proposalDeadline === null) return "closed";
  return "open";
}

/** Acting for a bidder takes being an admin of the organisation (a consortium's lead). */
export function actsFor(reader: Reader, bidder: BidderParties): boolean {
  return reader.adminOf.has(bidder.actingOrganisationId);
}

export function proposalAbilities(
  reader: Reader,
  challenge: SealedChallenge,
  bidder: BidderParties,
  proposal: { status: "submitted" | "withdrawn" },
  now: Date,
) {
  const acting = actsFor(reader, bidder) && proposal.status === "submitted";
  return {
    revise: acting && bidder.active && submissionWindow(challenge, now) === "open",
    withdraw: acting && phaseOf(challenge, now) === "before_deadline",
  };
}

/**
 * The owning city's members define the form while the challenge is a draft or published, before
 * the deadline, and before any live proposal arrives (bidders answered the form as it was).
 */
export function mayDefineForm(
  reader: Reader,
  challenge: SealedChallenge,
  liveProposals: number,
  now: Date,
): boolean {
  return (
    isCityMember(reader, challenge) &&
    (challenge.status === "draft" || challenge.status === "published") &&
    phaseOf(challenge, now) === "before_deadline" &&
    liveProposals === 0
  );
}

/** Who may bid: companies, research institutes, clusters, and consortia of them. */
export const BIDDING_KINDS: ReadonlySet<string> = new Set(["company", "research", "cluster"]);

// Evaluation

/** What the evaluation stage looks at besides the deadline. */
export interface EvaluationFacts {
  blind: boolean;
  technicalLockedAt: Date | null;
  standstillEndsAt: Date | null;
}

/**
 * The evaluation's stage on the server clock: before the deadline; blind (after it, blind
 * evaluation chosen, technical scores not locked yet); evaluation; standstill (awarded, the
 * standstill running); awarded (final).
 */
export function evaluationStage(
  challenge: Pick<SealedChallenge, "proposalDeadline">,
  evaluation: EvaluationFacts | null,
  now: Date,
): EvaluationStage {
  if (phaseOf(challenge, now) === "before_deadline") return "before_deadline";
  if (evaluation?.standstillEndsAt) {
    return now.getTime() < evaluation.standstillEndsAt.getTime() ? "standstill" : "awarded";
  }
  if (evaluation?.blind && evaluation.technicalLockedAt === null) return "blind";
  return "evaluation";
}

/** The owning city's members define criteria, panel and options while proposals are taken. */
export function mayDefineEvaluation(
  reader: Reader,
  challenge: SealedChallenge,
  now: Date,
): boolean {
  return (
    isCityMember(reader, challenge) &&
    (challenge.status === "draft" || challenge.status === "published") &&
    phaseOf(challenge, now) === "before_deadline"
  );
}

/** A panel member still in the city evaluates (declares, scores) after the deadline, before the award. */
export function mayEvaluate(
  reader: Reader,
  challenge: SealedChallenge,
  standing: PanelStanding,
  stage: EvaluationStage,
): boolean {
  return (
    standing.seat !== null &&
    isCityMember(reader, challenge) &&
    (stage === "blind" || stage === "evaluation")
  );
}

/** The chair (still in the city) locks technical scores, reads the ranking and awards. */
export function isChair(reader: Reader, challenge: SealedChallenge, standing: PanelStanding) {
  return standing.seat === "chair" && isCityMember(reader, challenge);
}
