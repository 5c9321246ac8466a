import { randomBytes } from "node:crypto";
import { DAY, MINUTE } from "../../../core/clock.ts";
import { consumeRateLimit, resetRateLimit } from "../../../core/http/rate-limit.ts";
import { accountErrors } from "../errors.ts";
import { decoyPasswordHash, verifyPassword } from "../passwords.ts";
import {
  claimRecoveryCode,
  claimTotpStep,
  deleteSessionByTokenHash,
  findLiveSessionByTokenHash,
  findUserByEmail,
  insertSession,
  type SessionRow,
  type UserRow,
  updateSession,
} from "../repository.ts";
import { hashSecret, newSecret } from "../secrets.ts";
import type { AccountsContext } from "../settings.ts";
import { isRecoveryCodeShape, matchTotpStep } from "../totp.ts";

const SIGN_IN_WINDOW = 15 * MINUTE;
const SECOND_FACTOR_WINDOW = 10 * MINUTE;
const SECOND_FACTOR_ATTEMPTS = 5;

export interface SignedIn {
  status: "signed_in" | "second_factor_required";
  sessionToken: string;
  session: SessionRow;
  user: UserRow;
}

interface ClientInfo {
  ip: string;
  userAgent: string | undefined;
  /** The cookie the browser still had: its session is ended, so a planted one cannot survive sign-in. */
  previousSessionToken: string | undefined;
}

function tooMany(retryAfterSeconds: number) {
  return accountErrors.tooManyAttempts(
    `Wait ${Math.ceil(retryAfterSeconds / 60)} minute(s) before trying again.`,
    { headers: { "retry-after": String(retryAfterSeconds) } },
  );
}

/**
 * Checks e-mail and password under two rate limits (every attempt per client address, failed
 * attempts per account) and starts a new session. With two-factor sign-in on, the session only
 * waits for a code until completeSecondFactor.
 */
export async function signIn(
  ctx: AccountsContext,
  credentials: { email: string; password: string },
  client: ClientInfo,
): Promise<SignedIn> {
  const now = ctx.clock.now();
  const limits = ctx.accounts;
  const perIp = await consumeRateLimit(ctx.db, {
    key: `sign-in:ip:${client.ip}`,
    limit: limits.signInLimitPerIp,
    windowMs: SIGN_IN_WINDOW,
    now,
  });
  if (!perIp.allowed) throw tooMany(perIp.retryAfterSeconds);
  // Every attempt is counted before the password is checked, and a right password clears the
  // count. Counting only after a wrong password let a burst of simultaneous guesses all pass
  // the check before any of them was counted.
  const accountKey = `sign-in:account:${credentials.email.toLowerCase()}`;
  const perAccount = await consumeRateLimit(ctx.db, {
    key: accountKey,
    limit: limits.signInLimitPerAccount,
    windowMs: SIGN_IN_WINDOW,
    now,
  });
  if (!perAccount.allowed) throw tooMany(perAccount.retryAfterSeconds);

  const user = await findUserByEmail(ctx.db, credentials.email);
  const passwordMatches = await verifyPassword(
    credentials.password,
    user?.passwordHash ?? (await decoyPasswordHash()),
  );
  if (!user || !passwordMatches) throw accountErrors.invalidCredentials();
  await resetRateLimit(ctx.db, accountKey);
  if (user.disabledAt) throw accountErrors.accountDisabled();
  if (!user.emailVerifiedAt) {
    throw accountErrors.emailNotVerified("Open the link we e-mailed you, or ask for a new one.");
  }

  if (client.previousSessionToken) {
    await deleteSessionByTokenHash(ctx.db, hashSecret(client.previousSessionToken));
  }
  const needsSecondFactor = user.totpEnabledAt !== null;
  const { token, hash } = newSecret();
  const session = await insertSession(ctx.db, {
    userId: user.id,
    tokenHash: hash,
    csrfToken: randomBytes(24).toString("base64url"),
    pendingSecondFactor: needsSecondFactor,
    secondFactorVerified: false,
    ipAddress: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(
      now.getTime() + (needsSecondFactor ? SECOND_FACTOR_WINDOW : limits.sessionDays * DAY),
    ),
  });
  return {
    status: needsSecondFactor ? "second_factor_required" : "signed_in",
    sessionToken: token,
    session,
    user,
  };
}

/**
 * Completes a two-factor sign-in with an authenticator code (each time step accepted once)
 * or a recovery code (each usable once). The session gets a new token on success.
 */
export async function completeSecondFactor(
  ctx: AccountsContext,
  sessionToken: string | undefined,
  code: string,
): Promise<SignedIn> {
  const now = ctx.clock.now();
  const found = sessionToken
    ? await findLiveSessionByTokenHash(ctx.db, hashSecret(sessionToken), now)
    : undefined;
  if (!found?.session.pendingSecondFactor) throw accountErrors.secondFactorNotPending();
  const { session, user } = found;
  const attempts = await consumeRateLimit(ctx.db, {
    key: `second-factor:${user.id}`,
    limit: SECOND_FACTOR_ATTEMPTS,
    windowMs: SIGN_IN_WINDOW,
    now,
  });
  if (!attempts.allowed) throw tooMany(attempts.retryAfterSeconds);
  if (!user.totpSecret || !user.totpEnabledAt) throw accountErrors.secondFactorInvalid();

  return ctx.db.transaction(async (tx) => {
    // The user row read above may be stale when two sign-ins race with the same code: the
    // claims check "not used yet" and mark it used in one statement, so only one succeeds.
    if (isRecoveryCodeShape(code)) {
      const codeHash = hashSecret(code.toLowerCase());
      if (!(await claimRecoveryCode(tx, user.id, codeHash, now))) {
        throw accountErrors.secondFactorInvalid();
      }
    } else {
      const step = matchTotpStep(user.totpSecret!, code, now);
      if (step === null || !(await claimTotpStep(tx, user.id, step))) {
        throw accountErrors.secondFactorInvalid();
      }
    }
    await resetRateLimit(tx, `second-factor:${user.id}`);
    const { token, hash } = newSecret();
    const changes = {
      tokenHash: hash,
      pendingSecondFactor: false,
      secondFactorVerified: true,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ctx.accounts.sessionDays * DAY),
    };
    await updateSession(tx, session.id, changes);
    return { status: "signed_in", sessionToken: token, session: { ...session, ...changes }, user };
  });
}

export async function signOut(
  ctx: AccountsContext,
  sessionToken: string | undefined,
): Promise<void> {
  if (sessionToken) await deleteSessionByTokenHash(ctx.db, hashSecret(sessionToken));
}
