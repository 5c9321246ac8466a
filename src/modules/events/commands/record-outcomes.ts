import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import type { Db } from "../../../core/db/client.ts";
import { solutionProfiles } from "../../catalogue/index.ts";
import { challengeCards } from "../../challenges/index.ts";
import { recordEventEvent } from "../audit.ts";
import type { OutcomesDetails } from "../contract-outcomes.ts";
import { eventsErrors } from "../errors.ts";
import { outcomesRefusal, type Standing, seesEvent } from "../policy.ts";
import { hostsOf, lockEvent } from "../repository.ts";
import { findOutcomes, saveOutcomes } from "../repository-outcomes.ts";

/** Linked challenges must be published (or later) and solutions active in the catalogue. */
async function checkLinks(db: Db, body: OutcomesDetails): Promise<void> {
  const challenges = await challengeCards(db, body.challengeIds);
  const challengeProblems = body.challengeIds.flatMap((id, index) =>
    challenges.has(id)
      ? []
      : [{ field: `body.challengeIds.${index}`, message: "is no published challenge" }],
  );
  if (challengeProblems.length) {
    throw eventsErrors.challengeNotFound(undefined, { errors: challengeProblems });
  }
  const solutions = new Set(
    (await solutionProfiles(db, body.solutionIds)).map((solution) => solution.id),
  );
  const solutionProblems = body.solutionIds.flatMap((id, index) =>
    solutions.has(id)
      ? []
      : [{ field: `body.solutionIds.${index}`, message: "is no public catalogue solution" }],
  );
  if (solutionProblems.length) {
    throw eventsErrors.solutionNotFound(undefined, { errors: solutionProblems });
  }
}

/**
 * The hosts record (or revise) what came out of a workshop or meeting once it has ended. The
 * whole record is replaced; the audit event names the parts that changed.
 */
export async function recordOutcomes(
  ctx: ServiceContext,
  actor: UserActor,
  standing: Standing,
  eventId: string,
  body: OutcomesDetails,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    const hostIds = event ? ((await hostsOf(tx, [eventId])).get(eventId) ?? []) : [];
    if (!event || !seesEvent(standing, event, hostIds)) throw eventsErrors.eventNotFound();
    const now = ctx.clock.now();
    const refusal = outcomesRefusal(standing, event, hostIds, now);
    if (refusal === "not_host") throw eventsErrors.notHost();
    if (refusal === "kind") throw eventsErrors.outcomesNotForKind();
    if (refusal === "not_published") throw eventsErrors.eventNotPublished();
    if (refusal === "not_over") throw eventsErrors.eventNotOver();
    await checkLinks(tx, body);
    const stored = await findOutcomes(tx, eventId);
    // jsonb keeps keys in its own order: compare ideas field by field.
    const before = stored && {
      ...stored,
      ideas: stored.ideas.map((idea) => ({ title: idea.title, text: idea.text })),
    };
    const next = {
      eventId,
      notes: body.notes,
      ideas: body.ideas.map((idea) => ({ title: idea.title, text: idea.text })),
      challengeIds: body.challengeIds,
      solutionIds: body.solutionIds,
      recordedAt: stored?.recordedAt ?? now,
      updatedAt: now,
      updatedBy: actor.userId,
    };
    const fields = (["notes", "ideas", "challengeIds", "solutionIds"] as const).filter(
      (key) => JSON.stringify(next[key]) !== JSON.stringify(before?.[key]),
    );
    await saveOutcomes(tx, next);
    await recordEventEvent(tx, ctx.clock, {
      action: "event.outcomes_recorded",
      actorId: actor.userId,
      subjectId: eventId,
      payload: {
        fields,
        ideas: next.ideas.length,
        challengeIds: next.challengeIds,
        solutionIds: next.solutionIds,
      },
    });
  });
}
