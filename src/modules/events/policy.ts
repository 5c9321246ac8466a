import { type Actor, hasPlatformRole } from "../../core/auth/actor.ts";

/**
 * Who may do what with events.
 *
 * - Published and cancelled events are public; a draft is seen only by its hosts' members and
 *   platform admins (to anyone else it does not exist: 404).
 * - Members of a host organisation manage the event (edit, publish, cancel, see participants);
 *   platform admins too (the secretariat runs network events). Creating an event names host
 *   organisations the creator is a member of (admins may name any).
 * - Any signed-in person registers while registration is open; the online link is shown to
 *   registered participants (not the waitlist) and to the hosts.
 * - 1:1 meetings: registered participants (not the waitlist) publish a profile, see the
 *   directory, request and answer meetings and read their agenda; the hosts (and platform
 *   admins) set up slots and tables, see the directory and run the scheduler.
 * - Outcomes of a workshop or meeting: its hosts (and platform admins) record them once it has
 *   ended; whoever may see the event reads them.
 */

export interface Standing {
  userId: string | null;
  platformAdmin: boolean;
  memberOf: ReadonlySet<string>;
}

export function standingFrom(actor: Actor, organisationIds: string[]): Standing {
  return {
    userId: actor.kind === "user" ? actor.userId : null,
    platformAdmin: hasPlatformRole(actor, "admin"),
    memberOf: new Set(organisationIds),
  };
}

export function managesEvent(standing: Standing, hostIds: readonly string[]): boolean {
  return standing.platformAdmin || hostIds.some((id) => standing.memberOf.has(id));
}

export function seesEvent(
  standing: Standing,
  event: { status: string },
  hostIds: readonly string[],
): boolean {
  return event.status !== "draft" || managesEvent(standing, hostIds);
}

/** Registration is open while the event is published, before its deadline and its start. */
export function registrationOpen(
  event: { status: string; startsAt: Date; registrationDeadline: Date | null },
  now: Date,
): boolean {
  const closesAt = event.registrationDeadline ?? event.startsAt;
  return (
    event.status === "published" &&
    now.getTime() < closesAt.getTime() &&
    now.getTime() < event.startsAt.getTime()
  );
}

export function seesOnlineLink(
  standing: Standing,
  hostIds: readonly string[],
  registration: { status: string } | undefined,
): boolean {
  return managesEvent(standing, hostIds) || registration?.status === "registered";
}

/** The caller's part in an event's 1:1 meetings. */
export function brokerageRole(
  standing: Standing,
  hostIds: readonly string[],
  registration: { status: string } | undefined,
): { participant: boolean; manage: boolean } {
  return {
    participant: registration?.status === "registered",
    manage: managesEvent(standing, hostIds),
  };
}

/** Kinds whose hosts record outcomes (a hackathon has its own gallery; a webinar is one-way). */
export const outcomeKinds: ReadonlySet<string> = new Set(["workshop", "meeting"]);

/** Why outcomes may not be recorded for the event now, or null when they may. */
export function outcomesRefusal(
  standing: Standing,
  event: { kind: string; status: string; endsAt: Date },
  hostIds: readonly string[],
  now: Date,
): "not_host" | "kind" | "not_published" | "not_over" | null {
  if (!managesEvent(standing, hostIds)) return "not_host";
  if (!outcomeKinds.has(event.kind)) return "kind";
  if (event.status !== "published") return "not_published";
  if (now.getTime() < event.endsAt.getTime()) return "not_over";
  return null;
}
