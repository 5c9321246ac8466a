import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { readableProcurementFacts } from "../../challenges/index.ts";
import { recordProposalEvent } from "../audit.ts";
import { procurementErrors } from "../errors.ts";
import { actsFor, phaseOf, type Reader } from "../policy.ts";
import { updateProposal } from "../repository.ts";
import { readableProposal } from "../sealed-proposals.ts";

/**
 * The bidder's admin withdraws the proposal before the deadline. Its revisions stay (receipts
 * remain verifiable); the bidder may submit a new proposal while the challenge takes them.
 */
export async function withdrawProposal(
  ctx: ServiceContext,
  actor: UserActor,
  reader: Reader,
  proposalId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { proposal, bidder } = await readableProposal(tx, reader, proposalId, ctx.clock.now(), {
      lock: true,
    });
    const challenge = await readableProcurementFacts(tx, actor, proposal.challengeId, {
      lock: true,
    });
    if (!actsFor(reader, bidder)) throw procurementErrors.notBidderAdmin();
    if (proposal.status === "withdrawn") throw procurementErrors.proposalWithdrawn();
    const now = ctx.clock.now();
    if (phaseOf(challenge, now) === "after_deadline") {
      throw procurementErrors.withdrawalClosed(
        `The deadline was ${challenge.proposalDeadline!.toISOString()}.`,
      );
    }
    await updateProposal(tx, proposal.id, {
      status: "withdrawn",
      withdrawnBy: actor.userId,
      withdrawnAt: now,
      updatedAt: now,
    });
    await recordProposalEvent(tx, ctx.clock, {
      action: "proposal.withdrawn",
      actorId: null,
      subjectId: proposal.id,
      payload: { challengeId: challenge.id, revision: proposal.currentRevision },
    });
  });
}
