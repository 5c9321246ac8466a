import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { notify } from "../../notifications/index.ts";
import { currentMemberIds } from "../../organisations/index.ts";
import { recordChallengeEvent } from "../audit.ts";
import { challengeErrors } from "../errors.ts";
import { isCityMember } from "../policy.ts";
import {
  answerClarification,
  type ClarificationRow,
  findClarification,
  followerIds,
  insertClarification,
} from "../repository.ts";
import { requireCityMember, visibleChallenge } from "./access.ts";

/**
 * A provider's question, before the question deadline. The city is told a question came in,
 * never by whom: equal treatment means the answer goes to everyone, anonymised.
 */
export async function askQuestion(
  ctx: ServiceContext,
  actor: UserActor,
  challengeId: string,
  question: string,
): Promise<ClarificationRow> {
  return ctx.db.transaction(async (tx) => {
    const { challenge, viewer } = await visibleChallenge(tx, actor, challengeId, { lock: true });
    if (isCityMember(viewer)) throw challengeErrors.ownChallenge();
    if (challenge.status !== "published") throw challengeErrors.questionsClosed();
    const now = ctx.clock.now();
    if (!challenge.questionDeadline || now >= challenge.questionDeadline) {
      throw challengeErrors.questionDeadlinePassed(
        `Questions closed at ${challenge.questionDeadline?.toISOString() ?? "publication"}.`,
      );
    }
    const clarification = await insertClarification(tx, {
      challengeId: challenge.id,
      question,
      askedBy: actor.userId,
      askedAt: now,
    });
    await recordChallengeEvent(tx, ctx.clock, {
      action: "challenge.question_asked",
      actorId: actor.userId,
      subjectId: challenge.id,
      payload: { clarificationId: clarification.id },
    });
    await notify(ctx, tx, {
      recipients: await currentMemberIds(tx, challenge.organisationId),
      kind: "challenge_question",
      params: { challenge: challenge.title },
      link: `/challenges/${challenge.id}#qa`,
    });
    return clarification;
  });
}

/** The city's answer publishes the question and answer to everyone; followers are told. */
export async function answerQuestion(
  ctx: ServiceContext,
  actor: UserActor,
  challengeId: string,
  clarificationId: string,
  answer: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { challenge, viewer } = await visibleChallenge(tx, actor, challengeId);
    requireCityMember(viewer);
    const clarification = await findClarification(tx, challenge.id, clarificationId);
    if (!clarification) throw challengeErrors.questionNotFound();
    if (clarification.answeredAt) throw challengeErrors.alreadyAnswered();
    await answerClarification(tx, clarification.id, {
      answer,
      answeredBy: actor.userId,
      answeredAt: ctx.clock.now(),
    });
    await recordChallengeEvent(tx, ctx.clock, {
      action: "challenge.question_answered",
      actorId: actor.userId,
      subjectId: challenge.id,
      payload: { clarificationId: clarification.id },
    });
    const recipients = new Set(await followerIds(tx, challenge.id));
    // The asker learns of the answer even without following.
    recipients.add(clarification.askedBy);
    recipients.delete(actor.userId);
    await notify(ctx, tx, {
      recipients: [...recipients],
      kind: "challenge_answer",
      params: { challenge: challenge.title },
      link: `/challenges/${challenge.id}#qa`,
    });
  });
}
