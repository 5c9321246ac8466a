import type { Db } from "../../core/db/client.ts";
import { type ChallengeProcurementFacts, procurementFacts } from "../challenges/index.ts";
import { type BidderFacts, bidderFacts, bidderKey, biddersOfReader } from "./bidders.ts";
import type { ReceiptVerification } from "./contract.ts";
import { procurementErrors } from "./errors.ts";
import { type ChallengeEvaluation, evaluationsOf, pseudonymsOf } from "./evaluation-standing.ts";
import {
  isCityMember,
  mayCountProposals,
  mayVerifyReceipt,
  type Phase,
  type ProposalAccess,
  phaseOf,
  proposalAbilities,
  proposalAccess,
  type Reader,
} from "./policy.ts";
import { blindFilename } from "./presenters.ts";
import { type RevisionContent, revisionSha256 } from "./receipt.ts";
import {
  attachedFile,
  attachmentsOf,
  countLiveProposals,
  type FileListing,
  type FileRow,
  findRevision,
  lockProposal,
  type ProposalRow,
  proposalsByIds,
  proposalsOfBidders,
  proposalsOfChallenge,
  proposalsOfChallenges,
  type RevisionRow,
  revisionsOf,
} from "./repository.ts";

/**
 * THE way to read proposals. Every path that shows anything of a proposal — lists, one
 * proposal, its files, its count, receipt verification, and the commands that change one —
 * loads it here, and each row passes the seal (policy.ts `proposalAccess`) with the reader and
 * the phase before anything of it is returned. What the seal refuses is "not found".
 *
 * After the deadline the evaluator panel's members read the proposals they are cleared for
 * (policy.ts `cityMayOpenProposal`); during the blind phase `blind` tells the presenters to leave
 * the bidder out (presenters.ts). The panel's own views (work list, ranking) list the live
 * proposals through `panelProposals`, here too.
 */

export interface ReadableProposal {
  proposal: ProposalRow;
  challenge: ChallengeProcurementFacts;
  bidder: BidderFacts;
  phase: Phase;
  access: Exclude<ProposalAccess, "none">;
  abilities: ReturnType<typeof proposalAbilities>;
  /** An evaluator reads it without the bidder's identity (the blind phase). */
  blind: boolean;
  /** Its pseudonym ("A", "B", …) for evaluators; null for its bidder. */
  pseudonym: string | null;
}

type Sealed = Omit<ReadableProposal, "access"> & { access: ProposalAccess };

/** Each row with its challenge, bidder, phase and the reader's access (possibly none). */
async function sealed(db: Db, reader: Reader, rows: ProposalRow[], now: Date): Promise<Sealed[]> {
  if (rows.length === 0) return [];
  const challenges = await procurementFacts(
    db,
    rows.map((row) => row.challengeId),
  );
  const bidders = await bidderFacts(
    db,
    rows.map((row) => ({ kind: row.bidderKind, id: row.bidderId })),
  );
  const evaluations = await evaluationsOf(db, reader, [...challenges.values()], now);
  return rows.flatMap((proposal) => {
    const challenge = challenges.get(proposal.challengeId);
    const bidder = bidders.get(bidderKey({ kind: proposal.bidderKind, id: proposal.bidderId }));
    const evaluation = evaluations.get(proposal.challengeId);
    if (!challenge || !bidder || !evaluation) return [];
    const phase = phaseOf(challenge, now);
    const access = proposalAccess(
      reader,
      challenge,
      bidder,
      proposal.id,
      phase,
      evaluation.standing,
    );
    return [
      {
        proposal,
        challenge,
        bidder,
        phase,
        access,
        abilities: proposalAbilities(reader, challenge, bidder, proposal, now),
        blind: access === "evaluator" && evaluation.stage === "blind",
        pseudonym: access === "evaluator" ? (evaluation.pseudonyms.get(proposal.id) ?? null) : null,
      },
    ];
  });
}

const readable = (entries: Sealed[]): ReadableProposal[] =>
  entries.filter((entry): entry is ReadableProposal => entry.access !== "none");

/** The proposals of a challenge, or of every bidder the reader is a party of, that they may read. */
export async function readableProposals(
  db: Db,
  reader: Reader,
  scope: { challengeId: string } | { mine: true },
  now: Date,
): Promise<ReadableProposal[]> {
  const rows =
    "challengeId" in scope
      ? await proposalsOfChallenge(db, scope.challengeId)
      : await proposalsOfBidders(db, await biddersOfReader(db, reader));
  return readable(await sealed(db, reader, rows, now));
}

/**
 * The proposal, when the reader may read it; else 404, as for one that does not exist. With
 * `lock`, the row stays locked until the transaction ends (commands).
 */
export async function readableProposal(
  db: Db,
  reader: Reader,
  id: string,
  now: Date,
  options: { lock?: boolean } = {},
): Promise<ReadableProposal> {
  const row = options.lock ? await lockProposal(db, id) : (await proposalsByIds(db, [id]))[0];
  const [entry] = readable(await sealed(db, reader, row ? [row] : [], now));
  if (!entry) throw procurementErrors.proposalNotFound();
  return entry;
}

/** The number of live proposals when the reader may know it (policy.ts), else null. */
export async function liveProposalCount(
  db: Db,
  reader: Reader,
  challenge: ChallengeProcurementFacts,
  now: Date,
): Promise<number | null> {
  if (!mayCountProposals(reader, challenge, phaseOf(challenge, now))) return null;
  return countLiveProposals(db, challenge.id);
}

/** An attached file of a proposal the reader may read; else 404. */
export async function readableFile(
  db: Db,
  reader: Reader,
  proposalId: string,
  fileId: string,
  now: Date,
): Promise<FileRow> {
  const { proposal, blind } = await readableProposal(db, reader, proposalId, now);
  const file = await attachedFile(db, proposal.id, fileId);
  if (!file) throw procurementErrors.fileNotFound();
  // Its name may say who bids: the blind phase gives it a neutral one (presenters.ts).
  return blind ? { ...file, filename: blindFilename(file) } : file;
}

export interface LoadedProposal extends ReadableProposal {
  revisions: RevisionRow[];
  /** Files attached by each revision, by revision id. */
  attachments: Map<string, FileListing[]>;
}

/** What readable proposals hold: every revision and its files. */
export async function loadProposals(
  db: Db,
  entries: ReadableProposal[],
): Promise<LoadedProposal[]> {
  const revisions = await revisionsOf(
    db,
    entries.map((entry) => entry.proposal.id),
  );
  const attachments = await attachmentsOf(
    db,
    revisions.map((revision) => revision.id),
  );
  return entries.map((entry) => ({
    ...entry,
    revisions: revisions.filter((revision) => revision.proposalId === entry.proposal.id),
    attachments,
  }));
}

/** A stored revision as the receipt's canonical form reads it. */
export function contentOf(
  proposal: Pick<ProposalRow, "id" | "challengeId">,
  revision: RevisionRow,
  files: FileListing[],
): RevisionContent {
  return {
    proposalId: proposal.id,
    challengeId: proposal.challengeId,
    revision: revision.revision,
    submittedAt: revision.submittedAt,
    sections: revision.sections,
    price: { amountMinor: revision.priceAmountMinor, currency: revision.priceCurrency },
    attachments: files.map((file) => ({
      name: file.filename,
      sha256: file.sha256,
      sizeBytes: file.sizeBytes,
    })),
  };
}

/**
 * Recomputes the revision's hash from its stored content and files and compares it with the
 * receipt's. Before the deadline only the proposal's readers may ask; anyone else gets the 404
 * an unknown receipt gets.
 */
export async function verifyReceipt(
  db: Db,
  reader: Reader,
  receipt: { proposalId: string; revision: number; sha256: string },
  now: Date,
): Promise<ReceiptVerification> {
  const rows = await proposalsByIds(db, [receipt.proposalId]);
  const [entry] = await sealed(db, reader, rows, now);
  if (!entry || !mayVerifyReceipt(entry.access, entry.phase)) {
    throw procurementErrors.receiptNotFound();
  }
  const revision = await findRevision(db, entry.proposal.id, receipt.revision);
  if (!revision) throw procurementErrors.receiptNotFound();
  const files = (await attachmentsOf(db, [revision.id])).get(revision.id) ?? [];
  const recomputed = revisionSha256(contentOf(entry.proposal, revision, files));
  return {
    matches: recomputed === receipt.sha256.toLowerCase(),
    proposalId: entry.proposal.id,
    challengeId: entry.proposal.challengeId,
    revision: revision.revision,
    submittedAt: revision.submittedAt.toISOString(),
    status: entry.proposal.status,
    latest: entry.proposal.currentRevision === revision.revision,
  };
}

/** A live proposal as the panel's views list it: never its content, the bidder only when not blind. */
export interface PanelEntry {
  proposalId: string;
  pseudonym: string;
  bidder: BidderFacts;
  /** The reader's standing towards it. */
  standing: ChallengeEvaluation["proposals"] extends Map<string, infer S> ? S : never;
}

/**
 * The challenge's live proposals for a member of its panel after the deadline (the work list;
 * the chair's ranking): pseudonym, bidder and the reader's standing — the content itself only
 * through `readableProposal`. Null for anyone else (the route refuses), and before the deadline.
 */
export async function panelProposals(
  db: Db,
  reader: Reader,
  challenge: ChallengeProcurementFacts,
  now: Date,
): Promise<{ evaluation: ChallengeEvaluation; entries: PanelEntry[] } | null> {
  const evaluation = (await evaluationsOf(db, reader, [challenge], now)).get(challenge.id)!;
  if (evaluation.standing.seat === null || evaluation.stage === "before_deadline") return null;
  const ids = [...evaluation.pseudonyms.keys()];
  const rows = await proposalsByIds(db, ids);
  const bidders = await bidderFacts(
    db,
    rows.map((row) => ({ kind: row.bidderKind, id: row.bidderId })),
  );
  const entries = rows.flatMap((row) => {
    const bidder = bidders.get(bidderKey({ kind: row.bidderKind, id: row.bidderId }));
    const standing = evaluation.proposals.get(row.id);
    if (!bidder || !standing) return [];
    return [
      { proposalId: row.id, pseudonym: evaluation.pseudonyms.get(row.id)!, bidder, standing },
    ];
  });
  entries.sort(
    (a, b) => a.pseudonym.length - b.pseudonym.length || a.pseudonym.localeCompare(b.pseudonym),
  );
  return { evaluation, entries };
}

/**
 * One live proposal as the panel's views see it (declaring a conflict; telling why scoring is
 * refused): for anyone off the challenge's panel, or before the deadline, 404 as for a proposal
 * that does not exist.
 */
export async function panelProposal(
  db: Db,
  reader: Reader,
  proposalId: string,
  now: Date,
): Promise<{
  challenge: ChallengeProcurementFacts;
  evaluation: ChallengeEvaluation;
  entry: PanelEntry;
}> {
  const [row] = await proposalsByIds(db, [proposalId]);
  const challenge = row && (await procurementFacts(db, [row.challengeId])).get(row.challengeId);
  const panel = challenge && (await panelProposals(db, reader, challenge, now));
  const entry = panel?.entries.find((candidate) => candidate.proposalId === proposalId);
  if (!challenge || !panel || !entry) throw procurementErrors.proposalNotFound();
  return { challenge, evaluation: panel.evaluation, entry };
}

/**
 * The winning proposal's price at its latest revision, for the award (published in its notice):
 * the award's only read of content, whoever the chair may open.
 */
export async function winningPrice(
  db: Db,
  proposalId: string,
): Promise<{ amountMinor: number; currency: string }> {
  const [row] = await proposalsByIds(db, [proposalId]);
  const revision = row && (await findRevision(db, row.id, row.currentRevision));
  if (!revision) throw procurementErrors.proposalNotFound();
  return { amountMinor: revision.priceAmountMinor, currency: revision.priceCurrency };
}

/**
 * The challenge's live proposals with pseudonyms and bidders, no content: for the chair's
 * ranking and, once awarded, the public notice. The callers authorise (routes-evaluation.ts).
 */
export async function evaluatedProposals(
  db: Db,
  challengeId: string,
): Promise<EvaluatedProposal[]> {
  return (await evaluatedProposalsOf(db, [challengeId])).get(challengeId) ?? [];
}

export interface EvaluatedProposal {
  proposalId: string;
  pseudonym: string;
  bidder: BidderFacts;
}

/**
 * `evaluatedProposals` for some challenges at once (a page of OCDS releases of decided
 * challenges): two queries and the bidders' reads whatever their number; a challenge with no
 * live proposal is left out. The callers authorise, as for the single one.
 */
export async function evaluatedProposalsOf(
  db: Db,
  challengeIds: string[],
): Promise<Map<string, EvaluatedProposal[]>> {
  const byChallenge = await proposalsOfChallenges(db, challengeIds);
  const liveOf = new Map(
    [...byChallenge].map(([challengeId, rows]) => [
      challengeId,
      rows.filter((row) => row.status === "submitted"),
    ]),
  );
  const bidders = await bidderFacts(
    db,
    [...liveOf.values()].flat().map((row) => ({ kind: row.bidderKind, id: row.bidderId })),
  );
  const result = new Map<string, EvaluatedProposal[]>();
  for (const [challengeId, live] of liveOf) {
    if (live.length === 0) continue;
    const pseudonyms = pseudonymsOf(
      challengeId,
      live.map((row) => row.id),
    );
    result.set(
      challengeId,
      live
        .flatMap((row) => {
          const bidder = bidders.get(bidderKey({ kind: row.bidderKind, id: row.bidderId }));
          return bidder ? [{ proposalId: row.id, pseudonym: pseudonyms.get(row.id)!, bidder }] : [];
        })
        .sort(
          (a, b) =>
            a.pseudonym.length - b.pseudonym.length || a.pseudonym.localeCompare(b.pseudonym),
        ),
    );
  }
  return result;
}

/**
 * Who bid, for the owning city's members once the proposal deadline has passed — what the PCP
 * narrowing needs: the bidders of live proposals, their identity only (no content, revision or
 * file). Before the deadline, and for anyone else, null: who bids is sealed.
 */
export async function liveBiddersForCity(
  db: Db,
  reader: Reader,
  challenge: ChallengeProcurementFacts,
  now: Date,
): Promise<BidderFacts[] | null> {
  if (!isCityMember(reader, challenge) || phaseOf(challenge, now) !== "after_deadline") return null;
  const live = (await proposalsOfChallenge(db, challenge.id)).filter(
    (row) => row.status === "submitted",
  );
  const facts = await bidderFacts(
    db,
    live.map((row) => ({ kind: row.bidderKind, id: row.bidderId })),
  );
  return [...facts.values()].sort((a, b) => a.name.localeCompare(b.name));
}
