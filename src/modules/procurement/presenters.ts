import type { Proposal, ProposalFile, ProposalSummary, Receipt } from "./contract.ts";
import { receiptOf } from "./receipt.ts";
import type { FileListing, RevisionRow } from "./repository.ts";
import type { StoredSection } from "./schema.ts";
import type { LoadedProposal } from "./sealed-proposals.ts";

/**
 * Proposals as the API shows them to those the seal lets read them (never table rows); during
 * the blind phase an evaluator's view leaves out the bidder and the files' names.
 */

const extensions: Record<string, string> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
};

/**
 * A file's name as the blind phase shows it: a name may carry the bidder's (e.g.
 * "hydrosense-annex.pdf"), so it becomes its hash's first 12 digits with the type's extension.
 */
export function blindFilename(file: Pick<FileListing, "sha256" | "contentType">): string {
  return `attachment-${file.sha256.slice(0, 12)}.${extensions[file.contentType] ?? "bin"}`;
}

export function presentFile(file: FileListing, blind = false): ProposalFile {
  return {
    id: file.id,
    filename: blind ? blindFilename(file) : file.filename,
    contentType: file.contentType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
    uploadedAt: file.uploadedAt.toISOString(),
  };
}

function receiptOfRevision(entry: LoadedProposal, revision: RevisionRow): Receipt {
  return receiptOf(
    {
      proposalId: entry.proposal.id,
      challengeId: entry.proposal.challengeId,
      revision: revision.revision,
      submittedAt: revision.submittedAt,
    },
    revision.sha256,
  );
}

function latestOf(entry: LoadedProposal): RevisionRow {
  const latest = entry.revisions.find(
    (revision) => revision.revision === entry.proposal.currentRevision,
  );
  if (!latest)
    throw new Error(
      `proposal ${entry.proposal.id} has no revision ${entry.proposal.currentRevision}`,
    );
  return latest;
}

export function presentSummary(entry: LoadedProposal): ProposalSummary {
  const { proposal, challenge, bidder } = entry;
  return {
    id: proposal.id,
    challenge: { id: challenge.id, title: challenge.title },
    // The blind phase hides who bids from evaluators: no name, id or kind.
    bidder: entry.blind ? null : { kind: bidder.kind, id: bidder.id, name: bidder.name },
    pseudonym: entry.pseudonym,
    status: proposal.status,
    revision: proposal.currentRevision,
    submittedAt: proposal.createdAt.toISOString(),
    updatedAt: proposal.updatedAt.toISOString(),
    withdrawnAt: proposal.withdrawnAt?.toISOString() ?? null,
    receipt: receiptOfRevision(entry, latestOf(entry)),
  };
}

export function presentProposal(entry: LoadedProposal, form: StoredSection[]): Proposal {
  const latest = latestOf(entry);
  const titles = new Map(form.map((section) => [section.key, section.title]));
  return {
    ...presentSummary(entry),
    content: {
      sections: latest.sections.map((section) => ({
        key: section.key,
        title: titles.get(section.key) ?? section.key,
        text: section.text,
      })),
      price: { amountMinor: latest.priceAmountMinor, currency: latest.priceCurrency },
      attachments: (entry.attachments.get(latest.id) ?? []).map((file) =>
        presentFile(file, entry.blind),
      ),
    },
    receipts: entry.revisions.map((revision) => receiptOfRevision(entry, revision)),
    abilities: entry.abilities,
  };
}
