import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { commonErrors } from "../../../core/http/problem.ts";
import { readableProcurementFacts } from "../../challenges/index.ts";
import { recordProposalFormEvent } from "../audit.ts";
import type { ProposalSection } from "../contract.ts";
import { procurementErrors } from "../errors.ts";
import { isCityMember, mayDefineForm, type Reader } from "../policy.ts";
import { countLiveProposals, saveForm } from "../repository.ts";

/**
 * The owning city's members define the sections proposals fill in, while the challenge is a
 * draft or published, before the deadline and before any live proposal arrives. The challenge
 * row is locked, so no submission slips in between the check and the change.
 */
export async function defineProposalForm(
  ctx: ServiceContext,
  actor: UserActor,
  reader: Reader,
  challengeId: string,
  sections: ProposalSection[],
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const challenge = await readableProcurementFacts(tx, actor, challengeId, { lock: true });
    if (!isCityMember(reader, challenge)) {
      throw commonErrors.forbidden("Only the owning city's members define the proposal form.");
    }
    const now = ctx.clock.now();
    if (!mayDefineForm(reader, challenge, await countLiveProposals(tx, challenge.id), now)) {
      throw procurementErrors.formLocked();
    }
    await saveForm(tx, {
      challengeId: challenge.id,
      sections,
      updatedBy: actor.userId,
      updatedAt: now,
    });
    await recordProposalFormEvent(tx, ctx.clock, {
      action: "proposal_form.defined",
      actorId: actor.userId,
      subjectId: challenge.id,
      payload: {
        keys: sections.map((section) => section.key),
        required: sections.filter((section) => section.required).map((section) => section.key),
      },
    });
  });
}
