import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { readableProcurementFacts } from "../../challenges/index.ts";
import { recordProposalEvent } from "../audit.ts";
import type { ProposalContentBody, Receipt } from "../contract.ts";
import { procurementErrors } from "../errors.ts";
import { actsFor, type Reader } from "../policy.ts";
import { updateProposal } from "../repository.ts";
import { readableProposal } from "../sealed-proposals.ts";
import { checkContent, requireOpenWindow, storeRevision } from "./proposal-rules.ts";

/**
 * The bidder's admin replaces the proposal's content before the deadline: a new immutable
 * revision with its own receipt; earlier revisions and receipts stay as they were.
 */
export async function reviseProposal(
  ctx: ServiceContext,
  actor: UserActor,
  reader: Reader,
  proposalId: string,
  body: Required<ProposalContentBody>,
): Promise<Receipt> {
  return ctx.db.transaction(async (tx) => {
    const { proposal, bidder } = await readableProposal(tx, reader, proposalId, ctx.clock.now(), {
      lock: true,
    });
    const challenge = await readableProcurementFacts(tx, actor, proposal.challengeId, {
      lock: true,
    });
    if (!actsFor(reader, bidder)) throw procurementErrors.notBidderAdmin();
    if (proposal.status === "withdrawn") throw procurementErrors.proposalWithdrawn();
    const now = ctx.clock.now();
    requireOpenWindow(challenge, now);
    if (!bidder.active) throw procurementErrors.consortiumDissolved();
    const content = await checkContent(tx, challenge.id, bidder, body);
    const revision = proposal.currentRevision + 1;
    const { receipt } = await storeRevision(tx, {
      proposal,
      revision,
      content,
      submittedBy: actor.userId,
      submittedAt: now,
    });
    await updateProposal(tx, proposal.id, { currentRevision: revision, updatedAt: now });
    await recordProposalEvent(tx, ctx.clock, {
      action: "proposal.revised",
      actorId: null,
      subjectId: proposal.id,
      payload: { challengeId: challenge.id, revision, sha256: receipt.sha256 },
    });
    return receipt;
  });
}
