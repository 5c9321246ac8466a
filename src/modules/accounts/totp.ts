import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { hashSecret } from "./secrets.ts";

const PERIOD_SECONDS = 30;

function totpFor(secretBase32: string, label = "account"): TOTP {
  return new TOTP({
    issuer: "City Solutions Platform",
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, email: string): string {
  return totpFor(secretBase32, email).toString();
}

export function currentTotpCode(secretBase32: string, now: Date): string {
  return totpFor(secretBase32).generate({ timestamp: now.getTime() });
}

/**
 * The time step a code belongs to (one step of clock drift either way), or null when wrong.
 * Callers refuse steps at or before the last one accepted, so a code cannot be replayed.
 */
export function matchTotpStep(secretBase32: string, code: string, now: Date): number | null {
  const delta = totpFor(secretBase32).validate({
    token: code,
    timestamp: now.getTime(),
    window: 1,
  });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

/** Ten single-use codes like "k3v9q-2mxpa" for when the phone is lost; stored as hashes. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const codes = Array.from({ length: 10 }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((byte) => alphabet[byte % alphabet.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  return { codes, hashes: codes.map((code) => hashSecret(code)) };
}

export function isRecoveryCodeShape(code: string): boolean {
  return /^[a-z0-9]{5}-[a-z0-9]{5}$/i.test(code);
}
