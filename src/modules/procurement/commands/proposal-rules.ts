import type { Db } from "../../../core/db/client.ts";
import type { FieldProblem } from "../../../core/http/problem.ts";
import type { ChallengeProcurementFacts } from "../../challenges/index.ts";
import type { BidderFacts } from "../bidders.ts";
import type { Price, ProposalContentBody, Receipt } from "../contract.ts";
import { procurementErrors } from "../errors.ts";
import { checkSections, formOf } from "../form.ts";
import { submissionWindow } from "../policy.ts";
import { receiptOf, revisionSha256 } from "../receipt.ts";
import {
  bidderFiles,
  type FileListing,
  insertAttachments,
  insertRevision,
  type ProposalRow,
  type RevisionRow,
} from "../repository.ts";
import type { StoredSectionText } from "../schema.ts";
import { contentOf } from "../sealed-proposals.ts";

/** Submissions and revisions while published and before the deadline; else 409, said plainly. */
export function requireOpenWindow(challenge: ChallengeProcurementFacts, now: Date): void {
  const window = submissionWindow(challenge, now);
  if (window === "deadline_passed") {
    throw procurementErrors.proposalDeadlinePassed(
      `The deadline was ${challenge.proposalDeadline!.toISOString()}.`,
    );
  }
  if (window === "closed") {
    throw procurementErrors.proposalsClosed(
      `Proposals are taken while the challenge is published; it is ${challenge.status}.`,
    );
  }
}

export interface CheckedContent {
  texts: StoredSectionText[];
  price: Price;
  files: FileListing[];
}

/**
 * The content to store, checked against the challenge's form and the bidder's uploaded files;
 * every problem at once (400), each naming its field.
 */
export async function checkContent(
  db: Db,
  challengeId: string,
  bidder: BidderFacts,
  body: Required<ProposalContentBody>,
): Promise<CheckedContent> {
  const form = await formOf(db, challengeId);
  const { texts, problems } = checkSections(form.sections, body.sections);
  const wanted = body.attachments;
  const found = new Map(
    (await bidderFiles(db, challengeId, bidder, wanted)).map((file) => [file.id, file]),
  );
  const seen = new Set<string>();
  const files: FileListing[] = [];
  wanted.forEach((id, index) => {
    const file = found.get(id);
    const problem = (message: string): FieldProblem => ({
      field: `body.attachments.${index}`,
      message,
    });
    if (seen.has(id)) problems.push(problem("is attached twice"));
    else if (!file) problems.push(problem("is no file uploaded for this bidder and challenge"));
    else files.push(file);
    seen.add(id);
  });
  if (problems.length > 0) throw procurementErrors.contentInvalid(undefined, { errors: problems });
  return { texts, price: body.price, files };
}

/** Stores one immutable revision with its files; its receipt carries the hash of its content. */
export async function storeRevision(
  tx: Db,
  input: {
    proposal: ProposalRow;
    revision: number;
    content: CheckedContent;
    submittedBy: string;
    submittedAt: Date;
  },
): Promise<{ row: RevisionRow; receipt: Receipt }> {
  const { proposal, content } = input;
  const draft = {
    proposalId: proposal.id,
    revision: input.revision,
    sections: content.texts,
    priceAmountMinor: content.price.amountMinor,
    priceCurrency: content.price.currency,
    submittedBy: input.submittedBy,
    submittedAt: input.submittedAt,
  };
  const sha256 = revisionSha256(
    contentOf(proposal, { ...draft, id: "", sha256: "" }, content.files),
  );
  const row = await insertRevision(tx, { ...draft, sha256 });
  await insertAttachments(
    tx,
    row.id,
    content.files.map((file) => file.id),
  );
  return {
    row,
    receipt: receiptOf(
      {
        proposalId: proposal.id,
        challengeId: proposal.challengeId,
        revision: row.revision,
        submittedAt: row.submittedAt,
      },
      sha256,
    ),
  };
}
