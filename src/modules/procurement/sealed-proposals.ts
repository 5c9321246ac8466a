import type { Db } from "../../core/db/client.ts";
import { type ChallengeProcurementFacts, procurementFacts } from "../challenges/index.ts";
import { type BidderFacts, bidderFacts, bidderKey, biddersOfReader } from "./bidders.ts";
import type { ReceiptVerification } from "./contract.ts";
import { procurementErrors } from "./errors.ts";
import {
  mayCountProposals,
  mayVerifyReceipt,
  type Phase,
  type ProposalAccess,
  phaseOf,
  proposalAbilities,
  proposalAccess,
  type Reader,
} from "./policy.ts";
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
  type RevisionRow,
  revisionsOf,
} from "./repository.ts";

/**
 * THE way to read proposals. Every path that shows anything of a proposal — lists, one
 * proposal, its files, its count, receipt verification, and the commands that change one —
 * loads it here, and each row passes the seal (policy.ts `proposalAccess`) with the reader and
 * the phase before anything of it is returned. What the seal refuses is "not found".
 *
 * The evaluation part extends the seal in policy.ts (new kinds of access, later phases); the
 * paths here stay the only readers.
 */

export interface ReadableProposal {
  proposal: ProposalRow;
  challenge: ChallengeProcurementFacts;
  bidder: BidderFacts;
  phase: Phase;
  access: Exclude<ProposalAccess, "none">;
  abilities: ReturnType<typeof proposalAbilities>;
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
  return rows.flatMap((proposal) => {
    const challenge = challenges.get(proposal.challengeId);
    const bidder = bidders.get(bidderKey({ kind: proposal.bidderKind, id: proposal.bidderId }));
    if (!challenge || !bidder) return [];
    const phase = phaseOf(challenge, now);
    return [
      {
        proposal,
        challenge,
        bidder,
        phase,
        access: proposalAccess(reader, challenge, bidder, phase),
        abilities: proposalAbilities(reader, challenge, bidder, proposal, now),
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
  const { proposal } = await readableProposal(db, reader, proposalId, now);
  const file = await attachedFile(db, proposal.id, fileId);
  if (!file) throw procurementErrors.fileNotFound();
  return file;
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
