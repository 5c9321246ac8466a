import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import type { PasswordStrength } from "./contract.ts";

// scrypt cost: 2^15 iterations of 8-block mixing (~64 MiB, ~100 ms): OWASP's recommended floor.
const COST = { N: 2 ** 15, r: 8, p: 1, maxmem: 128 * 1024 * 1024 } satisfies ScryptOptions;
const KEY_LENGTH = 64;

function derive(password: string, salt: Buffer, cost: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, cost, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$hash`, so the cost can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64"), key.toString("base64")].join(
    "$",
  );
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const key = await derive(password, Buffer.from(salt, "base64"), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: COST.maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of a random password: unknown e-mails cost the same time as known ones. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return decoyHash;
}

// Feedback comes back as message keys; the web app translates them.
const keysOf = <T extends Record<string, string>>(messages: T) =>
  Object.fromEntries(Object.keys(messages).map((key) => [key, key])) as T;

const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: {
    warnings: keysOf(english.translations.warnings),
    suggestions: keysOf(english.translations.suggestions),
    timeEstimation: english.translations.timeEstimation,
  },
});

export const MIN_PASSWORD_LENGTH = 10;
export const MIN_PASSWORD_SCORE = 3;

/** The person's own words (parts of the e-mail and the name), three characters or longer. */
function ownWords(userInputs: string[]): string[] {
  const words = userInputs
    .flatMap((input) => input.toLowerCase().split(/[^\p{L}\p{N}]+/u))
    .filter((word) => word.length >= 3);
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

/**
 * Refuses short passwords and those a cracker would guess soon: common passwords, words,
 * keyboard patterns, dates, and anything built from the person's own e-mail or name.
 */
export function assessPassword(password: string, userInputs: string[] = []): PasswordStrength {
  const inputs = userInputs
    .flatMap((input) => [input, ...input.split("@"), ...input.split(/[@.\s_+-]+/)])
    .filter(Boolean);
  const candidate = password.slice(0, 200);
  const result = estimator.check(candidate, inputs);
  const tooShort = password.length < MIN_PASSWORD_LENGTH;
  // zxcvbn prices each of the person's words as cheap but the glue between them ("-", "2026",
  // "@") as random, so "fontaine-marguerite-2026" for marguerite.fontaine@… scored as strong.
  // What is left once the person's own words are taken out must be strong on its own.
  let remainder = candidate.toLowerCase();
  for (const word of ownWords(userInputs)) remainder = remainder.replaceAll(word, " ");
  const builtFromOwnWords =
    remainder !== candidate.toLowerCase() &&
    estimator.check(remainder.trim(), []).score < MIN_PASSWORD_SCORE;
  return {
    score: builtFromOwnWords ? Math.min(result.score, MIN_PASSWORD_SCORE - 1) : result.score,
    acceptable: !tooShort && !builtFromOwnWords && result.score >= MIN_PASSWORD_SCORE,
    warning: tooShort
      ? "tooShort"
      : builtFromOwnWords
        ? "userInputs"
        : result.feedback.warning || null,
    suggestions: result.feedback.suggestions,
  };
}
