import { DAY } from "../../../core/clock.ts";
import { queueMail } from "../../../core/mail/mailer.ts";
import { recordAccountEvent } from "../audit.ts";
import { accountErrors } from "../errors.ts";
import { accountMail } from "../mail.ts";
import {
  consumeAccountToken,
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

export async function verifyEmail(ctx: AccountsContext, token: string): Promise<{ email: string }> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const userId = await consumeAccountToken(tx, "verify_email", hashSecret(token), now);
    if (!userId) throw accountErrors.tokenInvalid();
    const user = await findUserById(tx, userId);
    if (!user) throw accountErrors.tokenInvalid();
    if (!user.emailVerifiedAt) {
      await updateUser(tx, user.id, { emailVerifiedAt: now, updatedAt: now });
      await recordAccountEvent(tx, ctx.clock, {
        action: "account.email_verified",
        actorId: user.id,
        subjectId: user.id,
        payload: {},
      });
    }
    return { email: user.email };
  });
}

/** Sends a fresh link to an unverified account; says nothing about whether the account exists. */
export async function resendVerification(
  ctx: AccountsContext,
  email: string,
  clientIp: string,
): Promise<void> {
  if (!(await mayMail(ctx, "verify", email, clientIp))) return;
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const user = await findUserByEmail(tx, email);
    if (!user || user.emailVerifiedAt || user.disabledAt) return;
    // Locked: of two requests at once, the second retires the first's link (one live link).
    await lockUser(tx, user.id);
    await retireAccountTokens(tx, user.id, "verify_email", now);
    const { token, hash } = newSecret();
    await insertAccountToken(tx, {
      userId: user.id,
      purpose: "verify_email",
      tokenHash: hash,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 2 * DAY),
    });
    await queueMail(
      tx,
      ctx.clock,
      accountMail("verify", user, `${ctx.publicUrl}/verify-email#token=${token}`),
    );
  });
}
