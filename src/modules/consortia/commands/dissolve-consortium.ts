import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { notify } from "../../notifications/index.ts";
import { recordConsortiumEvent } from "../audit.ts";
import { currentMembersOf, updateConsortium, withdrawPendingInvitations } from "../repository.ts";
import { adminsOf, consortiumLink, noticeParams, openConsortium } from "./consortium-rules.ts";

/**
 * The lead dissolves the consortium: open invitations are withdrawn, the members stay on record
 * (it remains readable to them, marked dissolved), and their admins are told.
 */
export async function dissolveConsortium(
  ctx: ServiceContext,
  actor: UserActor,
  consortiumId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const consortium = await openConsortium(tx, consortiumId);
    const now = ctx.clock.now();
    const withdrawn = await withdrawPendingInvitations(tx, consortium.id, actor.userId, now);
    await updateConsortium(tx, consortium.id, {
      status: "dissolved",
      dissolvedAt: now,
      updatedAt: now,
    });
    await recordConsortiumEvent(tx, ctx.clock, {
      action: "consortium.dissolved",
      actorId: actor.userId,
      subjectId: consortium.id,
      payload: { withdrawnInvitations: withdrawn.length },
    });
    const members = await currentMembersOf(tx, [consortium.id]);
    const recipients: string[] = [];
    for (const organisationId of [
      ...members.map((member) => member.organisationId),
      ...withdrawn.map((invitation) => invitation.organisationId),
    ]) {
      recipients.push(...(await adminsOf(tx, organisationId, actor.userId)));
    }
    await notify(ctx, tx, {
      recipients,
      kind: "consortium_dissolved",
      params: await noticeParams(tx, consortium),
      link: consortiumLink(consortium.id),
    });
  });
}
