import { type Actor, hasPlatformRole } from "../../core/auth/actor.ts";
import type { ChallengeAbilities } from "./contract.ts";
import {
  availableTransitions,
  coCreationOpen,
  type LifecycleFacts,
  questionsOpen,
} from "./lifecycle.ts";

/** Who is looking at a challenge: the actor and their role in the owning city organisation. */
export interface ChallengeViewer {
  actor: Actor;
  cityRole: "member" | "admin" | null;
}

export const isCityMember = (viewer: ChallengeViewer) => viewer.cityRole !== null;
const isVerified = (actor: Actor) => actor.kind === "user" && actor.emailVerified;

/** Drafts are the city's working copy: invisible (404) to all but its members and admins. */
export function canView(viewer: ChallengeViewer, challenge: { status: string }): boolean {
  return (
    challenge.status !== "draft" || isCityMember(viewer) || hasPlatformRole(viewer.actor, "admin")
  );
}

/** Platform moderators and admins, and the owning city's admins, moderate the board. */
export function canModerate(viewer: ChallengeViewer): boolean {
  return (
    hasPlatformRole(viewer.actor, "admin") ||
    hasPlatformRole(viewer.actor, "moderator") ||
    viewer.cityRole === "admin"
  );
}

/** Who asked is for the secretariat only: not even the city sees it (equal treatment). */
export function canSeeAskers(viewer: ChallengeViewer): boolean {
  return hasPlatformRole(viewer.actor, "admin");
}

/** Unanswered questions: the city (to answer them) and the secretariat. */
export function canSeeUnanswered(viewer: ChallengeViewer): boolean {
  return isCityMember(viewer) || hasPlatformRole(viewer.actor, "admin");
}

export function challengeAbilities(
  viewer: ChallengeViewer,
  challenge: LifecycleFacts,
  now: Date,
): ChallengeAbilities {
  const member = isCityMember(viewer);
  const verified = isVerified(viewer.actor);
  const isPublic = challenge.status !== "draft";
  return {
    edit: member && challenge.status === "draft",
    extendTimeline: member && challenge.status === "published",
    transitions: member ? availableTransitions(challenge, now) : [],
    ask: verified && !member && questionsOpen(challenge, now),
    answer: member && isPublic,
    contribute: verified && coCreationOpen(challenge, now),
    moderate: isPublic && canModerate(viewer),
    follow: verified && isPublic,
    seeAskers: canSeeAskers(viewer),
  };
}
