import type { UserActor } from "../../../core/auth/actor.ts";
import { MINUTE } from "../../../core/clock.ts";
import type { ServiceContext } from "../../../core/context.ts";
import type { Db } from "../../../core/db/client.ts";
import { commonErrors } from "../../../core/http/problem.ts";
import { notify } from "../../notifications/index.ts";
import { currentMemberIds } from "../../organisations/index.ts";
import { recordChallengeEvent } from "../audit.ts";
import { challengeErrors } from "../errors.ts";
import { coCreationOpen } from "../lifecycle.ts";
import { type ChallengeRow, followerIds } from "../repository.ts";
import {
  addVote,
  findComment,
  findIdea,
  insertComment,
  insertIdea,
  removeVote,
  updateComment,
  updateIdea,
} from "../repository-board.ts";
import { visibleChallenge } from "./access.ts";

/** Authors may fix what they wrote for a while; after that others have read and answered it. */
export const EDITING_WINDOW_MS = 30 * MINUTE;

async function openBoard(ctx: ServiceContext, tx: Db, actor: UserActor, challengeId: string) {
  if (!actor.emailVerified) throw commonErrors.forbidden("Confirm your e-mail address first.");
  // Shared lock: posts go on side by side, but a status change waits for them (and they for
  // it), so nothing is posted on a board that is closing.
  const { challenge, viewer } = await visibleChallenge(tx, actor, challengeId, { lock: "share" });
  if (!coCreationOpen(challenge, ctx.clock.now())) throw challengeErrors.boardClosed();
  return { challenge, viewer };
}

async function ideaOf(tx: Db, challenge: ChallengeRow, ideaId: string) {
  const idea = await findIdea(tx, challenge.id, ideaId);
  if (!idea) throw challengeErrors.ideaNotFound();
  return idea;
}

function requireEditable(
  ctx: ServiceContext,
  actor: UserActor,
  item: { authorId: string; createdAt: Date; hiddenAt: Date | null },
) {
  if (item.authorId !== actor.userId) throw commonErrors.forbidden("Only the author edits it.");
  if (item.hiddenAt) throw challengeErrors.editingWindowClosed("It was hidden by a moderator.");
  if (ctx.clock.now().getTime() > item.createdAt.getTime() + EDITING_WINDOW_MS)
    throw challengeErrors.editingWindowClosed();
}

export async function postIdea(
  ctx: ServiceContext,
  actor: UserActor,
  challengeId: string,
  input: { title: string; body: string },
): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const { challenge } = await openBoard(ctx, tx, actor, challengeId);
    const idea = await insertIdea(tx, {
      challengeId: challenge.id,
      authorId: actor.userId,
      ...input,
      createdAt: ctx.clock.now(),
    });
    await recordChallengeEvent(tx, ctx.clock, {
      action: "challenge.idea_posted",
      actorId: actor.userId,
      subjectId: challenge.id,
      payload: { ideaId: idea.id },
    });
    const recipients = new Set([
      ...(await currentMemberIds(tx, challenge.organisationId)),
      ...(await followerIds(tx, challenge.id)),
    ]);
    recipients.delete(actor.userId);
    await notify(ctx, tx, {
      recipients: [...recipients],
      kind: "challenge_idea",
      params: { challenge: challenge.title },
      link: `/challenges/${challenge.id}#ideas`,
    });
    return idea.id;
  });
}

export async function editIdea(
  ctx: ServiceContext,
  actor: UserActor,
  challengeId: string,
  ideaId: string,
  patch: { title?: string | undefined; body?: string | undefined },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { challenge } = await openBoard(ctx, tx, actor, challengeId);
    const idea = await ideaOf(tx, challenge, ideaId);
    requireEditable(ctx, actor, idea);
    await updateIdea(tx, idea.id, {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.body !== undefined ? { body: patch.body } : {}),
      editedAt: ctx.clock.now(),
    });
    await recordChallengeEvent(tx, ctx.clock, {
      action: "challenge.idea_edited",
      actorId: actor.userId,
      subjectId: challenge.id,
      payload: { ideaId: idea.id },
    });
  });
}

/** One vote per person per idea; voting again is a no-op, and it can be taken back. */
export async function setVote(
  ctx: ServiceContext,
  actor: UserActor,
  challengeId: string,
  ideaId: string,
  voted: boolean,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { challenge } = await openBoard(ctx, tx, actor, challengeId);
    const idea = await ideaOf(tx, challenge, ideaId);
    if (idea.hiddenAt) throw challengeErrors.ideaNotFound();
    if (voted) await addVote(tx, idea.id, actor.userId, ctx.clock.now());
    else await removeVote(tx, idea.id, actor.userId);
  });
}

export async function postComment(
  ctx: ServiceContext,
  actor: UserActor,
  challengeId: string,
  ideaId: string,
  body: string,
): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const { challenge } = await openBoard(ctx, tx, actor, challengeId);
    const idea = await ideaOf(tx, challenge, ideaId);
    if (idea.hiddenAt) throw challengeErrors.ideaNotFound();
    const comment = await insertComment(tx, {
      ideaId: idea.id,
      authorId: actor.userId,
      body,
      createdAt: ctx.clock.now(),
    });
    await recordChallengeEvent(tx, ctx.clock, {
      action: "challenge.comment_posted",
      actorId: actor.userId,
      subjectId: challenge.id,
      payload: { ideaId: idea.id, commentId: comment.id },
    });
    return comment.id;
  });
}

export async function editComment(
  ctx: ServiceContext,
  actor: UserActor,
  challengeId: string,
  ideaId: string,
  commentId: string,
  body: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { challenge } = await openBoard(ctx, tx, actor, challengeId);
    const idea = await ideaOf(tx, challenge, ideaId);
    const comment = await findComment(tx, idea.id, commentId);
    if (!comment) throw challengeErrors.commentNotFound();
    requireEditable(ctx, actor, comment);
    await updateComment(tx, comment.id, { body, editedAt: ctx.clock.now() });
    await recordChallengeEvent(tx, ctx.clock, {
      action: "challenge.comment_edited",
      actorId: actor.userId,
      subjectId: challenge.id,
      payload: { ideaId: idea.id, commentId: comment.id },
    });
  });
}
