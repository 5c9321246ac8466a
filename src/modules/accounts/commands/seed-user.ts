import type { PlatformRole } from "../../../core/auth/actor.ts";
import { hashPassword } from "../passwords.ts";
import { findUserByEmail, insertUser, type UserRow } from "../repository.ts";
import type { AccountsContext } from "../settings.ts";

/**
 * Creates a ready-to-use account (verified, with roles and optionally an authenticator secret)
 * for demo data and tests. Not reachable from the API: real accounts go through sign-up.
 */
export async function seedUser(
  ctx: Pick<AccountsContext, "db" | "clock">,
  input: {
    email: string;
    name: string;
    password: string;
    locale?: "en" | "fr" | "es";
    platformRoles?: PlatformRole[];
    totpSecret?: string | null;
    verified?: boolean;
  },
): Promise<UserRow> {
  const existing = await findUserByEmail(ctx.db, input.email);
  if (existing) return existing;
  const now = ctx.clock.now();
  return insertUser(ctx.db, {
    email: input.email,
    name: input.name,
    locale: input.locale ?? "en",
    passwordHash: await hashPassword(input.password),
    emailVerifiedAt: input.verified === false ? null : now,
    platformRoles: input.platformRoles ?? [],
    totpSecret: input.totpSecret ?? null,
    totpEnabledAt: input.totpSecret ? now : null,
    createdAt: now,
    updatedAt: now,
  });
}
