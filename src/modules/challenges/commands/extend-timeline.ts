import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { commonErrors } from "../../../core/http/problem.ts";
import { notify } from "../../notifications/index.ts";
import { recordChallengeEvent } from "../audit.ts";
import type { ExtendTimelineBody } from "../contract.ts";
import { challengeErrors } from "../errors.ts";
import { timelineProblems } from "../lifecycle.ts";
import { followerIds, insertAnnouncement, updateChallengeRow } from "../repository.ts";
import { requireCityMember, visibleChallenge } from "./access.ts";

const fields = ["questionDeadline", "proposalDeadline", "awardDate"] as const;

/**
 * Moves deadlines of a published challenge later. Bidders plan on them, so they never move
 * earlier; each move is announced on the page, audited and sent to followers.
 */
export async function extendTimeline(
  ctx: ServiceContext,
  actor: UserActor,
  challengeId: string,
  input: Omit<ExtendTimelineBody, "reason"> & { reason: string },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { challenge, viewer } = await visibleChallenge(tx, actor, challengeId, { lock: true });
    requireCityMember(viewer);
    if (challenge.status !== "published") throw challengeErrors.timelineLocked();
    const now = ctx.clock.now();
    const earlier: Array<{ field: string; message: string }> = [];
    const changes: Array<{ field: string; from: string; to: string }> = [];
    const next = {
      questionDeadline: challenge.questionDeadline,
      proposalDeadline: challenge.proposalDeadline,
      awardDate: challenge.awardDate,
    };
    for (const field of fields) {
      const given = input[field];
      if (given === undefined) continue;
      const to = new Date(given);
      const from = challenge[field];
      if (from && to.getTime() === from.getTime()) continue;
      if (from && to < from) {
        earlier.push({ field: `body.${field}`, message: "may only move later" });
        continue;
      }
      changes.push({ field, from: from?.toISOString() ?? "", to: to.toISOString() });
      next[field] = to;
    }
    if (earlier.length > 0) throw challengeErrors.deadlineNotLater(undefined, { errors: earlier });
    if (changes.length === 0) {
      throw commonErrors.validationFailed("Give at least one deadline that moves later.", {
        errors: [{ field: "body", message: "no deadline moves later" }],
      });
    }
    // Order still holds; only deadlines that already passed may stay in the past.
    const problems = timelineProblems(next, now, (name) => `body.${name}`).filter(
      (problem) =>
        !(
          problem.message === "must be in the future" &&
          !changes.some((change) => `body.${change.field}` === problem.field)
        ),
    );
    if (problems.length > 0)
      throw challengeErrors.deadlinesInvalid(undefined, { errors: problems });
    await updateChallengeRow(tx, challenge.id, { ...next, updatedAt: now });
    await insertAnnouncement(tx, {
      challengeId: challenge.id,
      kind: "timeline_changed",
      changes,
      reason: input.reason,
      actorId: actor.userId,
      createdAt: now,
    });
    await recordChallengeEvent(tx, ctx.clock, {
      action: "challenge.timeline_extended",
      actorId: actor.userId,
      subjectId: challenge.id,
      payload: { changes, reason: input.reason },
    });
    await notify(ctx, tx, {
      recipients: (await followerIds(tx, challenge.id)).filter((id) => id !== actor.userId),
      kind: "challenge_timeline",
      params: { challenge: challenge.title },
      link: `/challenges/${challenge.id}`,
    });
  });
}
