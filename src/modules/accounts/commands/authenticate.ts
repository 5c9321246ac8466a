import {
  type Actor,
  anonymous,
  type PlatformRole,
  platformRoles,
} from "../../../core/auth/actor.ts";
import type { Credentials } from "../../../core/auth/session-cookie.ts";
import { MINUTE } from "../../../core/clock.ts";
import {
  findApiTokenByHash,
  findLiveSessionByTokenHash,
  markApiTokenUsed,
  type SessionRow,
  touchSession,
  type UserRow,
} from "../repository.ts";
import { API_TOKEN_PREFIX, hashSecret } from "../secrets.ts";
import type { AccountsContext } from "../settings.ts";

/** Writes of last-seen times are spaced out: one per session per few minutes, not per request. */
const TOUCH_INTERVAL = 5 * MINUTE;

/**
 * Roles in force: admin powers need two-factor sign-in, confirmed in this session (or, for an
 * API token, an account with two-factor on, since creating the token needed such a session).
 */
export function rolesInForce(user: UserRow, secondFactorVerified: boolean): PlatformRole[] {
  return user.platformRoles.filter(
    (role): role is PlatformRole =>
      (platformRoles as readonly string[]).includes(role) &&
      (role !== "admin" || (secondFactorVerified && user.totpEnabledAt !== null)),
  );
}

export interface Authentication {
  actor: Actor;
  csrfToken: string | null;
  session: SessionRow | null;
  user: UserRow | null;
}

const nobody: Authentication = { actor: anonymous, csrfToken: null, session: null, user: null };

export async function authenticate(
  ctx: AccountsContext,
  credentials: Credentials,
): Promise<Authentication> {
  const now = ctx.clock.now();
  if (credentials.bearerToken?.startsWith(API_TOKEN_PREFIX)) {
    const found = await findApiTokenByHash(ctx.db, hashSecret(credentials.bearerToken));
    if (!found) return nobody;
    const { token, user } = found;
    if (token.revokedAt || (token.expiresAt && token.expiresAt <= now) || user.disabledAt)
      return nobody;
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_INTERVAL) {
      await markApiTokenUsed(ctx.db, token.id, now);
    }
    return {
      actor: {
        kind: "user",
        userId: user.id,
        platformRoles: rolesInForce(user, true),
        emailVerified: user.emailVerifiedAt !== null,
        via: "token",
        sessionId: null,
      },
      csrfToken: null,
      session: null,
      user,
    };
  }
  if (!credentials.sessionToken) return nobody;
  const found = await findLiveSessionByTokenHash(ctx.db, hashSecret(credentials.sessionToken), now);
  if (!found || found.user.disabledAt) return nobody;
  const { session, user } = found;
  if (session.pendingSecondFactor) return { ...nobody, session, user };
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL) {
    await touchSession(ctx.db, session.id, now);
  }
  return {
    actor: {
      kind: "user",
      userId: user.id,
      platformRoles: rolesInForce(user, session.secondFactorVerified),
      emailVerified: user.emailVerifiedAt !== null,
      via: "session",
      sessionId: session.id,
    },
    csrfToken: session.csrfToken,
    session,
    user,
  };
}
