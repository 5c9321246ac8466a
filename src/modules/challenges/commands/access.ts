import type { Actor } from "../../../core/auth/actor.ts";
import type { Db } from "../../../core/db/client.ts";
import { roleInOrganisation } from "../../organisations/index.ts";
import { challengeErrors } from "../errors.ts";
import { type ChallengeViewer, canView } from "../policy.ts";
import {
  type ChallengeRow,
  findChallenge,
  lockChallenge,
  shareLockChallenge,
} from "../repository.ts";

/** The actor with their role in the challenge's owning city organisation. */
export async function viewerOf(
  db: Db,
  actor: Actor,
  challenge: Pick<ChallengeRow, "organisationId">,
): Promise<ChallengeViewer> {
  const cityRole =
    actor.kind === "user"
      ? await roleInOrganisation(db, challenge.organisationId, actor.userId)
      : null;
  return { actor, cityRole };
}

/**
 * Loads a challenge the actor may see; a draft the actor may not see is "not found", so its
 * existence is not revealed. With `lock`, the row stays locked until the transaction ends
 * (`"share"`: a shared lock, which other such readers share and a transition waits for).
 */
export async function visibleChallenge(
  db: Db,
  actor: Actor,
  id: string,
  options: { lock?: boolean | "share" } = {},
): Promise<{ challenge: ChallengeRow; viewer: ChallengeViewer }> {
  const challenge =
    options.lock === "share"
      ? await shareLockChallenge(db, id)
      : options.lock
        ? await lockChallenge(db, id)
        : await findChallenge(db, id);
  if (!challenge) throw challengeErrors.challengeNotFound();
  const viewer = await viewerOf(db, actor, challenge);
  if (!canView(viewer, challenge)) throw challengeErrors.challengeNotFound();
  return { challenge, viewer };
}

export function requireCityMember(viewer: ChallengeViewer): void {
  if (viewer.cityRole === null) throw challengeErrors.notCityMember();
}

/** Ordered deadlines among those given (drafts may leave some out; publication needs all). */
export function timelineOrderProblems(
  timeline: {
    questionDeadline?: Date | null;
    proposalDeadline?: Date | null;
    awardDate?: Date | null;
  },
  prefix: string,
): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  const { questionDeadline: q, proposalDeadline: p, awardDate: a } = timeline;
  if (q && p && p <= q)
    problems.push({
      field: `${prefix}.proposalDeadline`,
      message: "must be after the question deadline",
    });
  if (p && a && a <= p)
    problems.push({ field: `${prefix}.awardDate`, message: "must be after the proposal deadline" });
  else if (!p && q && a && a <= q)
    problems.push({ field: `${prefix}.awardDate`, message: "must be after the question deadline" });
  return problems;
}
