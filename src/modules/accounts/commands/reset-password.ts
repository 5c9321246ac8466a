import { HOUR } from "../../../core/clock.ts";
import { queueMail } from "../../../core/mail/mailer.ts";
import { recordAccountEvent } from "../audit.ts";
import { accountErrors } from "../errors.ts";
import { accountMail } from "../mail.ts";
import { hashPassword } from "../passwords.ts";
import {
  consumeAccountToken,
  deleteSessionsOfUser,
  findUserByEmail,
  findUserById,
  insertAccountToken,
  lockUser,
  retireAccountTokens,
  updateUser,
} from "../repository.ts";
import { hashSecret, newSecret } from "../secrets.ts";
import type { AccountsContext } from "../settings.ts";
import { mayMail } from "./mail-throttle.ts";
import { requireStrongPassword } from "./sign-up.ts";

/** Mails a one-hour, single-use link; the answer never says whether the address is known. */
export async function requestPasswordReset(
  ctx: AccountsContext,
  email: string,
  clientIp: string,
): Promise<void> {
  if (!(await mayMail(ctx, "reset", email, clientIp))) return;
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const user = await findUserByEmail(tx, email);
    if (!user || user.disabledAt) return;
    // Locked: of two requests at once, the second retires the first's link (one live link).
    await lockUser(tx, user.id);
    await retireAccountTokens(tx, user.id, "reset_password", now);
    const { token, hash } = newSecret();
    await insertAccountToken(tx, {
      userId: user.id,
      purpose: "reset_password",
      tokenHash: hash,
      createdAt: now,
      expiresAt: new Date(now.getTime() + HOUR),
    });
    await queueMail(
      tx,
      ctx.clock,
      accountMail("reset", user, `${ctx.publicUrl}/reset-password#token=${token}`),
    );
  });
}

/**
 * Sets the new password, ends every session (whoever knew the old password is signed out),
 * and proves the mailbox: an unverified address becomes verified.
 */
export async function resetPassword(
  ctx: AccountsContext,
  input: { token: string; password: string },
): Promise<void> {
  const tokenHash = hashSecret(input.token);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const userId = await consumeAccountToken(tx, "reset_password", tokenHash, now);
    const user = userId ? await findUserById(tx, userId) : undefined;
    if (!user || user.disabledAt) throw accountErrors.tokenInvalid();
    requireStrongPassword(input.password, [user.email, user.name], "body.password");
    await updateUser(tx, user.id, {
      passwordHash: await hashPassword(input.password),
      emailVerifiedAt: user.emailVerifiedAt ?? now,
      updatedAt: now,
    });
    await deleteSessionsOfUser(tx, user.id);
    await recordAccountEvent(tx, ctx.clock, {
      action: "account.password_reset",
      actorId: user.id,
      subjectId: user.id,
      payload: {},
    });
  });
}
