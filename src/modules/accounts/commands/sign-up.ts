import { DAY } from "../../../core/clock.ts";
import { queueMail } from "../../../core/mail/mailer.ts";
import { recordAccountEvent } from "../audit.ts";
import type { SignUpBody } from "../contract.ts";
import { accountErrors } from "../errors.ts";
import { accountMail } from "../mail.ts";
import { assessPassword, hashPassword } from "../passwords.ts";
import { findUserByEmail, insertAccountToken, insertUser, lockAddress } from "../repository.ts";
import { newSecret } from "../secrets.ts";
import type { AccountsContext } from "../settings.ts";
import { mayMail } from "./mail-throttle.ts";

export function requireStrongPassword(password: string, userInputs: string[], field: string) {
  const strength = assessPassword(password, userInputs);
  if (!strength.acceptable) {
    throw accountErrors.weakPassword(
      "Use at least 10 characters that are hard to guess: several unrelated words work well.",
      { errors: [{ field, message: `is too easy to guess (${strength.warning ?? "weak"})` }] },
    );
  }
}

/**
 * Creates an unverified account and e-mails a confirmation link. The answer is the same
 * whether or not the address already has an account, so sign-up cannot be used to find out
 * who is registered; the owner of an existing account is told by mail instead.
 */
export async function signUp(
  ctx: AccountsContext,
  input: { email: string; name: string; password: string; locale: "en" | "fr" | "es" },
  clientIp: string,
): Promise<void> {
  requireStrongPassword(input.password, [input.email, input.name], "body.password");
  if (!(await mayMail(ctx, "sign-up", input.email, clientIp))) return;
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await lockAddress(tx, input.email);
    const existing = await findUserByEmail(tx, input.email);
    if (existing) {
      await queueMail(
        tx,
        ctx.clock,
        accountMail("alreadyRegistered", existing, `${ctx.publicUrl}/forgot-password`),
      );
      return;
    }
    const user = await insertUser(tx, {
      email: input.email,
      name: input.name,
      locale: input.locale,
      passwordHash,
      createdAt: now,
      updatedAt: now,
    });
    const { token, hash } = newSecret();
    await insertAccountToken(tx, {
      userId: user.id,
      purpose: "verify_email",
      tokenHash: hash,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 2 * DAY),
    });
    // The token travels in the fragment, which browsers never send to servers or in Referer.
    await queueMail(
      tx,
      ctx.clock,
      accountMail("verify", user, `${ctx.publicUrl}/verify-email#token=${token}`),
    );
    await recordAccountEvent(tx, ctx.clock, {
      action: "account.signed_up",
      actorId: user.id,
      subjectId: user.id,
      payload: { email: user.email },
    });
  });
}

export type { SignUpBody };
