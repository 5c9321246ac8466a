import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { notify } from "../../notifications/index.ts";
import { organisationSummaries } from "../../organisations/index.ts";
import { recordConsortiumEvent } from "../audit.ts";
import { consortiaErrors } from "../errors.ts";
import { endMembership } from "../repository.ts";
import { adminsOf, consortiumLink, noticeParams, openConsortium } from "./consortium-rules.ts";

/**
 * A member organisation's admin takes it out of the consortium; the lead's admins are told.
 * The lead cannot leave: it hands the lead over or dissolves the consortium first.
 */
export async function leaveConsortium(
  ctx: ServiceContext,
  actor: UserActor,
  consortiumId: string,
  organisationId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const consortium = await openConsortium(tx, consortiumId);
    if (organisationId === consortium.leadOrganisationId) throw consortiaErrors.leadCannotLeave();
    if (!(await endMembership(tx, consortium.id, organisationId, ctx.clock.now()))) {
      throw consortiaErrors.memberNotFound();
    }
    await recordConsortiumEvent(tx, ctx.clock, {
      action: "consortium.member_left",
      actorId: actor.userId,
      subjectId: consortium.id,
      payload: { organisationId },
    });
    const organisation = (await organisationSummaries(tx, [organisationId])).get(organisationId);
    await notify(ctx, tx, {
      recipients: await adminsOf(tx, consortium.leadOrganisationId, actor.userId),
      kind: "consortium_member_left",
      params: { ...(await noticeParams(tx, consortium)), organisation: organisation?.name ?? "" },
      link: consortiumLink(consortium.id),
    });
  });
}
