import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { notify } from "../../notifications/index.ts";
import { recordChallengeEvent } from "../audit.ts";
import type { ChallengeStatus } from "../contract.ts";
import { challengeErrors } from "../errors.ts";
import { refuseTransition, type TransitionRefusal } from "../lifecycle.ts";
import {
  type ChallengeRow,
  followerIds,
  insertAnnouncement,
  updateChallengeRow,
} from "../repository.ts";
import { requireCityMember, visibleChallenge } from "./access.ts";
import { afterPublication } from "./publication.ts";

const refusalErrors: Record<
  TransitionRefusal["code"],
  typeof challengeErrors.transitionNotAllowed
> = {
  transition_not_allowed: challengeErrors.transitionNotAllowed,
  challenge_incomplete: challengeErrors.challengeIncomplete,
  deadlines_invalid: challengeErrors.deadlinesInvalid,
  proposal_deadline_not_passed: challengeErrors.proposalDeadlineNotPassed,
  reason_required: challengeErrors.reasonRequired,
};

/**
 * Moves a challenge one step along its model's lifecycle (lifecycle.ts decides which), in one
 * transaction with its audit event, its public announcement and the followers' notification.
 * Publication also tells the owners of matching saved searches.
 */
export async function transitionChallenge(
  ctx: ServiceContext,
  actor: UserActor,
  challengeId: string,
  to: ChallengeStatus,
  reason?: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { challenge, viewer } = await visibleChallenge(tx, actor, challengeId, { lock: true });
    requireCityMember(viewer);
    const now = ctx.clock.now();
    const refusal = refuseTransition(challenge, to, now, reason);
    if (refusal) throw refusalErrors[refusal.code](refusal.detail, { errors: refusal.errors });
    await changeStatus(ctx, tx, actor, challenge, to, reason);
  });
}

/**
 * Takes an awarded challenge back to evaluation: only procurement does this, when its chair
 * cancels the award during the standstill (the lifecycle offers no such step to anyone), in the
 * cancellation's transaction, announced and notified like any status change. A challenge the
 * city has already moved on (piloting) stays where it is.
 */
export async function reopenEvaluation(
  ctx: ServiceContext,
  actor: UserActor,
  challengeId: string,
  reason: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { challenge } = await visibleChallenge(tx, actor, challengeId, { lock: true });
    if (challenge.status !== "awarded") return;
    await changeStatus(ctx, tx, actor, challenge, "evaluation", reason);
  });
}

/** The status change itself, with its announcement, notification and audit event. */
async function changeStatus(
  ctx: ServiceContext,
  tx: ServiceContext["db"],
  actor: UserActor,
  challenge: ChallengeRow,
  to: ChallengeStatus,
  reason: string | undefined,
): Promise<void> {
  const now = ctx.clock.now();
  const from = challenge.status;
  await updateChallengeRow(tx, challenge.id, {
    status: to,
    statusChangedAt: now,
    updatedAt: now,
    ...(to === "published" ? { publishedAt: now } : {}),
  });
  const savedSearchMatches =
    to === "published" ? await afterPublication(ctx, tx, challenge) : undefined;
  if (from !== "draft") {
    // Publication is the first public fact; every later status change is announced.
    await insertAnnouncement(tx, {
      challengeId: challenge.id,
      kind: "status_changed",
      changes: [{ field: "status", from, to }],
      reason: reason?.trim() ?? "",
      actorId: actor.userId,
      createdAt: now,
    });
    await notify(ctx, tx, {
      recipients: (await followerIds(tx, challenge.id)).filter((id) => id !== actor.userId),
      kind: "challenge_status",
      params: { challenge: challenge.title, status: to },
      link: `/challenges/${challenge.id}`,
    });
  }
  await recordChallengeEvent(tx, ctx.clock, {
    action: "challenge.status_changed",
    actorId: actor.userId,
    subjectId: challenge.id,
    payload: {
      from,
      to,
      reason: reason?.trim() || null,
      ...(savedSearchMatches !== undefined ? { savedSearchMatches } : {}),
    },
  });
}

export function publishChallenge(ctx: ServiceContext, actor: UserActor, challengeId: string) {
  return transitionChallenge(ctx, actor, challengeId, "published");
}

export function cancelChallenge(
  ctx: ServiceContext,
  actor: UserActor,
  challengeId: string,
  reason: string,
) {
  return transitionChallenge(ctx, actor, challengeId, "cancelled", reason);
}
