import { createHash, randomBytes } from "node:crypto";

/** A random bearer secret; only its SHA-256 is stored, so a database leak yields no sessions. */
export function newSecret(prefix = ""): { token: string; hash: string } {
  const token = `${prefix}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashSecret(token) };
}

export function hashSecret(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const API_TOKEN_PREFIX = "csp_pat_";
