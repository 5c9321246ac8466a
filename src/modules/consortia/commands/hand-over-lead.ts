import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { notify } from "../../notifications/index.ts";
import { recordConsortiumEvent } from "../audit.ts";
import { consortiaErrors } from "../errors.ts";
import { involvement, setMemberRole, updateConsortium } from "../repository.ts";
import { adminsOf, consortiumLink, noticeParams, openConsortium } from "./consortium-rules.ts";

/** The lead hands the lead to another member, and becomes a partner; the new lead is told. */
export async function handOverLead(
  ctx: ServiceContext,
  actor: UserActor,
  consortiumId: string,
  organisationId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const consortium = await openConsortium(tx, consortiumId);
    const previous = consortium.leadOrganisationId;
    if (
      organisationId === previous ||
      (await involvement(tx, consortium.id, organisationId)) !== "member"
    ) {
      throw consortiaErrors.newLeadNotMember(undefined, {
        errors: [{ field: "body.organisationId", message: "is no other member of the consortium" }],
      });
    }
    await setMemberRole(tx, consortium.id, previous, "partner");
    await setMemberRole(tx, consortium.id, organisationId, "lead");
    await updateConsortium(tx, consortium.id, {
      leadOrganisationId: organisationId,
      updatedAt: ctx.clock.now(),
    });
    await recordConsortiumEvent(tx, ctx.clock, {
      action: "consortium.lead_handed_over",
      actorId: actor.userId,
      subjectId: consortium.id,
      payload: { from: previous, to: organisationId },
    });
    const params = await noticeParams(tx, { ...consortium, leadOrganisationId: organisationId });
    await notify(ctx, tx, {
      recipients: await adminsOf(tx, organisationId, actor.userId),
      kind: "consortium_lead_handed_over",
      params,
      link: consortiumLink(consortium.id),
    });
  });
}
