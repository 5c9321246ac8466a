import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import type { Db } from "../../../core/db/client.ts";
import { commonErrors } from "../../../core/http/problem.ts";
import { notify } from "../../notifications/index.ts";
import { recordChallengeEvent } from "../audit.ts";
import { challengeErrors } from "../errors.ts";
import { canModerate } from "../policy.ts";
import {
  findComment,
  findIdea,
  insertReport,
  resolveReports,
  updateComment,
  updateIdea,
} from "../repository-board.ts";
import { visibleChallenge } from "./access.ts";

async function target(tx: Db, challengeId: string, ideaId: string, commentId: string | null) {
  const idea = await findIdea(tx, challengeId, ideaId);
  if (!idea) throw challengeErrors.ideaNotFound();
  if (!commentId) return { idea, item: idea };
  const comment = await findComment(tx, idea.id, commentId);
  if (!comment) throw challengeErrors.commentNotFound();
  return { idea, item: comment };
}

/** Any verified reader may report an idea or comment; moderators see the open count. */
export async function reportContent(
  ctx: ServiceContext,
  actor: UserActor,
  ref: { challengeId: string; ideaId: string; commentId: string | null },
  reason: string,
): Promise<void> {
  if (!actor.emailVerified) throw commonErrors.forbidden("Confirm your e-mail address first.");
  await ctx.db.transaction(async (tx) => {
    const { challenge } = await visibleChallenge(tx, actor, ref.challengeId);
    const { idea } = await target(tx, challenge.id, ref.ideaId, ref.commentId);
    const reportId = await insertReport(tx, {
      ideaId: idea.id,
      commentId: ref.commentId,
      reporterId: actor.userId,
      reason,
      createdAt: ctx.clock.now(),
    });
    await recordChallengeEvent(tx, ctx.clock, {
      action: "challenge.content_reported",
      actorId: actor.userId,
      subjectId: challenge.id,
      payload: { reportId, ideaId: idea.id, commentId: ref.commentId },
    });
  });
}

/**
 * Hides (with a reason, told to the author) or shows again an idea or comment. Platform
 * moderators and admins, and the owning city's admins, may; each decision is audited.
 */
export async function setHidden(
  ctx: ServiceContext,
  actor: UserActor,
  ref: { challengeId: string; ideaId: string; commentId: string | null },
  hidden: { reason: string } | null,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { challenge, viewer } = await visibleChallenge(tx, actor, ref.challengeId);
    if (!canModerate(viewer)) throw commonErrors.forbidden();
    const { idea, item } = await target(tx, challenge.id, ref.ideaId, ref.commentId);
    const now = ctx.clock.now();
    const patch = hidden
      ? { hiddenAt: now, hiddenReason: hidden.reason, hiddenBy: actor.userId }
      : { hiddenAt: null, hiddenReason: null, hiddenBy: null };
    if (ref.commentId) await updateComment(tx, item.id, patch);
    else await updateIdea(tx, idea.id, patch);
    await resolveReports(tx, idea.id, ref.commentId, now);
    if (hidden) {
      await recordChallengeEvent(tx, ctx.clock, {
        action: "challenge.content_hidden",
        actorId: actor.userId,
        subjectId: challenge.id,
        payload: { ideaId: idea.id, commentId: ref.commentId, reason: hidden.reason },
      });
      await notify(ctx, tx, {
        recipients: [item.authorId],
        kind: "content_hidden",
        params: { challenge: challenge.title, reason: hidden.reason },
        link: `/challenges/${challenge.id}#ideas`,
      });
    } else {
      await recordChallengeEvent(tx, ctx.clock, {
        action: "challenge.content_unhidden",
        actorId: actor.userId,
        subjectId: challenge.id,
        payload: { ideaId: idea.id, commentId: ref.commentId },
      });
    }
  });
}
