import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { readableProcurementFacts } from "../../challenges/index.ts";
import { recordProposalEvent } from "../audit.ts";
import { actingBidder } from "../bidders.ts";
import type { Receipt, SubmitProposalBody } from "../contract.ts";
import { procurementErrors } from "../errors.ts";
import type { Reader } from "../policy.ts";
import { insertProposal, liveProposalOf } from "../repository.ts";
import { checkContent, requireOpenWindow, storeRevision } from "./proposal-rules.ts";

/**
 * A bidder's admin submits its proposal to a published challenge before the deadline: the
 * proposal, its first revision (immutable) and the audit event, in one transaction; the receipt
 * carries the hash of what was stored. One live proposal per bidder and challenge.
 */
export async function submitProposal(
  ctx: ServiceContext,
  actor: UserActor,
  reader: Reader,
  challengeId: string,
  body: Required<SubmitProposalBody>,
): Promise<{ proposalId: string; receipt: Receipt }> {
  return ctx.db.transaction(async (tx) => {
    // Locked: the status and deadline cannot change, nor the form, until this commits.
    const challenge = await readableProcurementFacts(tx, actor, challengeId, { lock: true });
    const bidder = await actingBidder(tx, reader, challenge.id, body.bidder, "body.bidder.id");
    const now = ctx.clock.now();
    requireOpenWindow(challenge, now);
    const content = await checkContent(tx, challenge.id, bidder, {
      sections: body.sections,
      price: body.price,
      attachments: body.attachments,
    });
    if (await liveProposalOf(tx, challenge.id, bidder)) throw procurementErrors.proposalExists();
    const proposal = await insertProposal(tx, {
      challengeId: challenge.id,
      bidderKind: bidder.kind,
      bidderId: bidder.id,
      status: "submitted",
      currentRevision: 1,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const { receipt } = await storeRevision(tx, {
      proposal,
      revision: 1,
      content,
      submittedBy: actor.userId,
      submittedAt: now,
    });
    // No actor and no bidder: the event must not say who bids (audit.ts).
    await recordProposalEvent(tx, ctx.clock, {
      action: "proposal.submitted",
      actorId: null,
      subjectId: proposal.id,
      payload: { challengeId: challenge.id, revision: 1, sha256: receipt.sha256 },
    });
    return { proposalId: proposal.id, receipt };
  });
}
