import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { notify } from "../../notifications/index.ts";
import { organisationSummaries } from "../../organisations/index.ts";
import { recordConsortiumEvent } from "../audit.ts";
import { consortiaErrors } from "../errors.ts";
import { closeInvitation, findInvitation, insertMember } from "../repository.ts";
import { adminsOf, consortiumLink, noticeParams, openConsortium } from "./consortium-rules.ts";

/**
 * The invited organisation's admin accepts (it joins with the role and capabilities offered)
 * or declines; either way the lead's admins are told. Withdrawing is the lead's.
 */
export async function answerInvitation(
  ctx: ServiceContext,
  actor: UserActor,
  consortiumId: string,
  invitationId: string,
  answer: "accepted" | "declined" | "withdrawn",
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const consortium = await openConsortium(tx, consortiumId);
    const invitation = await findInvitation(tx, consortium.id, invitationId);
    if (!invitation) throw consortiaErrors.invitationNotFound();
    const now = ctx.clock.now();
    const closed = await closeInvitation(tx, invitation.id, {
      status: answer,
      answeredBy: actor.userId,
      answeredAt: now,
    });
    if (!closed) throw consortiaErrors.invitationAnswered();
    const payload = { invitationId: invitation.id, organisationId: invitation.organisationId };
    if (answer === "withdrawn") {
      await recordConsortiumEvent(tx, ctx.clock, {
        action: "consortium.invitation_withdrawn",
        actorId: actor.userId,
        subjectId: consortium.id,
        payload,
      });
      return;
    }
    if (answer === "accepted") {
      const member = await insertMember(tx, {
        consortiumId: consortium.id,
        organisationId: invitation.organisationId,
        role: invitation.role,
        capabilities: invitation.capabilities,
        joinedAt: now,
      });
      if (!member) throw consortiaErrors.alreadyMember();
      await recordConsortiumEvent(tx, ctx.clock, {
        action: "consortium.invitation_accepted",
        actorId: actor.userId,
        subjectId: consortium.id,
        payload: { ...payload, role: invitation.role, capabilities: invitation.capabilities },
      });
    } else {
      await recordConsortiumEvent(tx, ctx.clock, {
        action: "consortium.invitation_declined",
        actorId: actor.userId,
        subjectId: consortium.id,
        payload,
      });
    }
    const organisation = (await organisationSummaries(tx, [invitation.organisationId])).get(
      invitation.organisationId,
    );
    await notify(ctx, tx, {
      recipients: await adminsOf(tx, consortium.leadOrganisationId, actor.userId),
      kind: answer === "accepted" ? "consortium_accepted" : "consortium_declined",
      params: { ...(await noticeParams(tx, consortium)), organisation: organisation?.name ?? "" },
      link: consortiumLink(consortium.id),
    });
  });
}
