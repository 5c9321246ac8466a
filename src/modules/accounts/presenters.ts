import { rolesInForce } from "./commands/authenticate.ts";
import type { AdminUser, ApiTokenSummary, CurrentUser, SessionSummary } from "./contract.ts";
import type { ApiTokenRow, SessionRow, UserRow } from "./repository.ts";

function locale(value: string): CurrentUser["locale"] {
  return value === "fr" || value === "es" ? value : "en";
}

/** `session` is null when the caller came with an API token, whose roles are those of the account. */
export function presentCurrentUser(user: UserRow, session: SessionRow | null): CurrentUser {
  const secondFactorVerified = session?.secondFactorVerified ?? false;
  const rolesAsAuthenticated = rolesInForce(user, session ? secondFactorVerified : true);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: locale(user.locale),
    emailVerified: user.emailVerifiedAt !== null,
    platformRoles: user.platformRoles.filter(
      (role): role is "admin" | "moderator" => role === "admin" || role === "moderator",
    ),
    twoFactorEnabled: user.totpEnabledAt !== null,
    twoFactorRequired:
      user.platformRoles.includes("admin") && !rolesAsAuthenticated.includes("admin"),
    secondFactorVerified,
  };
}

export function presentSessionSummary(
  session: SessionRow,
  currentSessionId: string | null,
): SessionSummary {
  return {
    id: session.id,
    current: session.id === currentSessionId,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    ipAddress: session.ipAddress,
    userAgent: session.userAgent,
  };
}

export function presentApiToken(token: ApiTokenRow): ApiTokenSummary {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}

export function presentAdminUser(user: UserRow): AdminUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    emailVerified: user.emailVerifiedAt !== null,
    platformRoles: user.platformRoles.filter(
      (role): role is "admin" | "moderator" => role === "admin" || role === "moderator",
    ),
    twoFactorEnabled: user.totpEnabledAt !== null,
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt.toISOString(),
  };
}
