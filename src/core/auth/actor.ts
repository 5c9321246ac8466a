import { commonErrors } from "../http/problem.ts";

/** Platform-wide roles held by secretariat staff, as opposed to roles inside an organisation. */
export const platformRoles = ["admin", "moderator"] as const;
export type PlatformRole = (typeof platformRoles)[number];

export interface AnonymousActor {
  kind: "anonymous";
}

export interface UserActor {
  kind: "user";
  userId: string;
  /** Roles in force for this request: admin powers need a session confirmed with a second factor. */
  platformRoles: PlatformRole[];
  emailVerified: boolean;
  via: "session" | "token";
  sessionId: string | null;
}

export type Actor = AnonymousActor | UserActor;

export const anonymous: AnonymousActor = { kind: "anonymous" };

export function isUser(actor: Actor): actor is UserActor {
  return actor.kind === "user";
}

export function hasPlatformRole(actor: Actor, role: PlatformRole): boolean {
  return actor.kind === "user" && actor.platformRoles.includes(role);
}

/** Throws 401 unless someone is signed in. */
export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== "user") throw commonErrors.unauthenticated();
  return actor;
}

export function requireVerifiedUser(actor: Actor): UserActor {
  const user = requireUser(actor);
  if (!user.emailVerified) throw commonErrors.forbidden("Confirm your e-mail address first.");
  return user;
}

export function requirePlatformRole(actor: Actor, role: PlatformRole): UserActor {
  const user = requireUser(actor);
  if (!user.platformRoles.includes(role)) throw commonErrors.forbidden();
  return user;
}
