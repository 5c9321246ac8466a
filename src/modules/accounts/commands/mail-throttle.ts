import { HOUR } from "../../../core/clock.ts";
import { consumeRateLimit } from "../../../core/http/rate-limit.ts";
import { accountErrors } from "../errors.ts";
import type { AccountsContext } from "../settings.ts";

/** Mails anyone can ask us to send to an address: account confirmation and password reset. */
export type RequestedMail = "sign-up" | "verify" | "reset";

const PER_ADDRESS_PER_HOUR = 5;
const PER_CLIENT_PER_HOUR = 30;

/**
 * Anyone can make the platform mail an address, so that is limited: per client address (a 429,
 * as for sign-in) so nobody sends mail in bulk through us, and per recipient so one inbox is not
 * flooded. The recipient limit is silent — the answer stays the same 202 — because saying
 * "too many mails to this address" would tell whether it has an account.
 * Returns whether the mail may go.
 */
export async function mayMail(
  ctx: AccountsContext,
  purpose: RequestedMail,
  email: string,
  clientIp: string,
): Promise<boolean> {
  const now = ctx.clock.now();
  const perClient = await consumeRateLimit(ctx.db, {
    key: `account-mail:ip:${clientIp}`,
    limit: PER_CLIENT_PER_HOUR,
    windowMs: HOUR,
    now,
  });
  if (!perClient.allowed) {
    throw accountErrors.tooManyAttempts(
      `Wait ${Math.ceil(perClient.retryAfterSeconds / 60)} minute(s) before trying again.`,
      { headers: { "retry-after": String(perClient.retryAfterSeconds) } },
    );
  }
  const perAddress = await consumeRateLimit(ctx.db, {
    key: `account-mail:${purpose}:${email.toLowerCase()}`,
    limit: PER_ADDRESS_PER_HOUR,
    windowMs: HOUR,
    now,
  });
  return perAddress.allowed;
}
