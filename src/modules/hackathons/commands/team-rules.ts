import type { Db } from "../../../core/db/client.ts";
import type { EventFacts } from "../../events/index.ts";
import { hackathonErrors } from "../errors.ts";
import { submissionsOpen } from "../policy.ts";
import { type HackathonRow, lockHackathon } from "../repository.ts";

/**
 * Team changes happen while the event is published and submissions are open: locks the
 * hackathon (so the deadline or the announcement cannot pass half-way) and checks both.
 */
export async function lockOpenHackathon(
  tx: Db,
  event: EventFacts,
  now: Date,
): Promise<HackathonRow> {
  return requireOpenHackathon(event, await lockHackathon(tx, event.id), now);
}

/**
 * The state half of lockOpenHackathon, for commands that must check who asks between taking the
 * lock and telling the state (409s only for those who may act): the hackathon, set up and open.
 */
export function requireOpenHackathon(
  event: EventFacts,
  hackathon: HackathonRow | undefined,
  now: Date,
): HackathonRow {
  if (!hackathon) throw hackathonErrors.notSetUp();
  if (event.status !== "published") throw hackathonErrors.eventNotPublished();
  if (hackathon.winnersAnnouncedAt) throw hackathonErrors.resultsAnnounced();
  if (!submissionsOpen(hackathon, now)) throw hackathonErrors.submissionsClosed();
  return hackathon;
}

/** A team's challenge is one the event links to. */
export function requireLinkedChallenge(event: EventFacts, challengeId: string | null | undefined) {
  if (challengeId && !event.challengeIds.includes(challengeId)) {
    throw hackathonErrors.challengeNotLinked(undefined, {
      errors: [{ field: "body.challengeId", message: "is not one of the event's challenges" }],
    });
  }
}

/** Postgres' unique violation: the index is the last guard when two requests race. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } }).code;
  const causeCode = (error as { cause?: { code?: string } }).cause?.code;
  return code === "23505" || causeCode === "23505";
}
