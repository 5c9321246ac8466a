import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { commonErrors } from "../../../core/http/problem.ts";
import { addFollow, removeFollow } from "../repository.ts";
import { visibleChallenge } from "./access.ts";

/** Follows a public challenge (its status changes, deadlines and answers are sent to them). */
export async function setFollowing(
  ctx: ServiceContext,
  actor: UserActor,
  challengeId: string,
  following: boolean,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { challenge } = await visibleChallenge(tx, actor, challengeId);
    if (challenge.status === "draft") throw commonErrors.conflict("Drafts cannot be followed.");
    if (following) await addFollow(tx, challenge.id, actor.userId, ctx.clock.now());
    else await removeFollow(tx, challenge.id, actor.userId);
  });
}
