import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { notify } from "../../notifications/index.ts";
import { recordConsortiumEvent } from "../audit.ts";
import { consortiaErrors } from "../errors.ts";
import { insertInvitation, involvement } from "../repository.ts";
import {
  adminsOf,
  consortiumLink,
  joinableOrganisation,
  noticeParams,
  openConsortium,
  requireCapabilityCodes,
} from "./consortium-rules.ts";

/** The lead invites an organisation, with the role and the capabilities it is to bring. */
export async function inviteOrganisation(
  ctx: ServiceContext,
  actor: UserActor,
  consortiumId: string,
  body: {
    organisationId: string;
    role: "partner" | "subcontractor" | "advisor";
    capabilities: string[];
    message: string;
  },
): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const consortium = await openConsortium(tx, consortiumId);
    const organisation = await joinableOrganisation(tx, body.organisationId, "body.organisationId");
    const already = await involvement(tx, consortium.id, organisation.id);
    if (already === "member") {
      throw consortiaErrors.alreadyMember(undefined, {
        errors: [{ field: "body.organisationId", message: "is a member already" }],
      });
    }
    if (already === "invited") {
      throw consortiaErrors.alreadyInvited(undefined, {
        errors: [{ field: "body.organisationId", message: "has an open invitation already" }],
      });
    }
    await requireCapabilityCodes(tx, body.capabilities, "body.capabilities");
    const invitation = await insertInvitation(tx, {
      consortiumId: consortium.id,
      organisationId: organisation.id,
      role: body.role,
      capabilities: body.capabilities,
      message: body.message,
      invitedBy: actor.userId,
      invitedAt: ctx.clock.now(),
    });
    if (!invitation) throw consortiaErrors.alreadyInvited();
    await recordConsortiumEvent(tx, ctx.clock, {
      action: "consortium.invited",
      actorId: actor.userId,
      subjectId: consortium.id,
      payload: {
        invitationId: invitation.id,
        organisationId: organisation.id,
        role: body.role,
        capabilities: body.capabilities,
      },
    });
    await notify(ctx, tx, {
      recipients: await adminsOf(tx, organisation.id, actor.userId),
      kind: "consortium_invitation",
      params: { ...(await noticeParams(tx, consortium)), organisation: organisation.name },
      link: consortiumLink(consortium.id),
    });
    return invitation.id;
  });
}
