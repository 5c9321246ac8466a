import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import type { Db } from "../../../core/db/client.ts";
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
  standstill_running: challengeErrors.standstillRunning,
};

/**
 * A rule of another module on a challenge's step, asked in the step's transaction under the
 * challenge's row lock (so what it reads cannot change before the step is written): why the step
 * must be refused, or null. Modules that depend on challenges register theirs here, since
 * challenges may not import them — procurement's award standstill is one.
 */
export type TransitionGuard = (
  tx: Db,
  step: { challengeId: string; from: ChallengeStatus; to: ChallengeStatus; now: Date },
) => Promise<TransitionRefusal | null>;

const guards = new Set<TransitionGuard>();

/** Adds a guard to every later step (once, however often it is registered). */
export function guardTransitions(guard: TransitionGuard): void {
  guards.add(guard);
}

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
    const refusal =
      refuseTransition(challenge, to, now, reason) ??
      (await guardedRefusal(tx, { challengeId: challenge.id, from: challenge.status, to, now }));
    if (refusal) {
      throw refusalErrors[refusal.code](refusal.detail, {
        errors: refusal.errors,
        ...(refusal.params ? { params: refusal.params } : {}),
      });
    }
    await changeStatus(ctx, tx, actor, challenge, to, reason);
  });
}

/** The first registered guard's refusal of the step, if any. */
export async function guardedRefusal(
  tx: Db,
  step: Parameters<TransitionGuard>[1],
): Promise<TransitionRefusal | null> {
  for (const guard of guards) {
    const refusal = await guard(tx, step);
    if (refusal) return refusal;
  }
  return null;
}

/**
 * Takes an awarded challenge back to evaluation: only procurement does this, when its chair
 * cancels the award during the standstill (the lifecycle offers no such step to anyone), in the
 * cancellation's transaction, announced and notified like any status change. A challenge that
 * is not `awarded` stays where it is: the city may cancel it during the standstill, but not move
 * it on to piloting or implemented (procurement's standstill guard).
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
