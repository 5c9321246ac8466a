import { recordAccountEvent } from "../audit.ts";
import type { TotpEnabled, TotpSetup } from "../contract.ts";
import { accountErrors } from "../errors.ts";
import { verifyPassword } from "../passwords.ts";
import { findUserById, lockUser, updateSession, updateUser } from "../repository.ts";
import type { AccountsContext } from "../settings.ts";
import { matchTotpStep, newRecoveryCodes, newTotpSecret, totpUri } from "../totp.ts";

/** Starts enrolment: a new secret to scan; nothing changes until a code from it is confirmed. */
export async function beginTwoFactorSetup(
  ctx: AccountsContext,
  userId: string,
): Promise<TotpSetup> {
  return ctx.db.transaction(async (tx) => {
    // Locked: enabling at the same moment must not find its secret replaced once it is on.
    const user = await lockUser(tx, userId);
    if (!user) throw accountErrors.notFound();
    // A conflict, not a wrong code: a 401 here would read as "your session has ended".
    if (user.totpEnabledAt) throw accountErrors.twoFactorAlreadyOn();
    const secret = newTotpSecret();
    await updateUser(tx, user.id, { totpSecret: secret, updatedAt: ctx.clock.now() });
    return { secret, otpauthUrl: totpUri(secret, user.email) };
  });
}

/**
 * Turns two-factor sign-in on once the person proves the app works, and marks this session as
 * second-factor verified (they just proved it). Returns recovery codes, shown once.
 */
export async function enableTwoFactor(
  ctx: AccountsContext,
  userId: string,
  sessionId: string | null,
  code: string,
): Promise<TotpEnabled> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    // Locked: of two confirmations at once, the second finds it on (409) instead of replacing
    // the recovery codes the first has just shown.
    const user = await lockUser(tx, userId);
    if (!user) throw accountErrors.notFound();
    if (!user.totpSecret) throw accountErrors.twoFactorNotSetUp();
    if (user.totpEnabledAt) throw accountErrors.twoFactorAlreadyOn();
    const step = matchTotpStep(user.totpSecret, code, now);
    if (step === null) {
      throw accountErrors.secondFactorInvalid(undefined, {
        errors: [{ field: "body.code", message: "does not match the authenticator app" }],
      });
    }
    const recovery = newRecoveryCodes();
    await updateUser(tx, user.id, {
      totpEnabledAt: now,
      totpLastStep: step,
      totpRecoveryHashes: recovery.hashes,
      updatedAt: now,
    });
    if (sessionId) await updateSession(tx, sessionId, { secondFactorVerified: true });
    await recordAccountEvent(tx, ctx.clock, {
      action: "account.two_factor_enabled",
      actorId: user.id,
      subjectId: user.id,
      payload: {},
    });
    return { recoveryCodes: recovery.codes };
  });
}

/** Turns two-factor sign-in off after checking the password; platform admins must keep it. */
export async function disableTwoFactor(
  ctx: AccountsContext,
  userId: string,
  password: string,
): Promise<void> {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw accountErrors.notFound();
  if (user.platformRoles.includes("admin")) throw accountErrors.twoFactorRequiredForAdmins();
  if (!(await verifyPassword(password, user.passwordHash))) {
    throw accountErrors.invalidCredentials("The password is wrong.", {
      errors: [{ field: "body.password", message: "is wrong" }],
    });
  }
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await updateUser(tx, user.id, {
      totpSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
      totpRecoveryHashes: [],
      updatedAt: now,
    });
    await recordAccountEvent(tx, ctx.clock, {
      action: "account.two_factor_disabled",
      actorId: user.id,
      subjectId: user.id,
      payload: {},
    });
  });
}
