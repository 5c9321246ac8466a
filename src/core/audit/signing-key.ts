import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sha256Hex } from "./canonical.ts";

export interface AuditSigner {
  keyId: string;
  /** SubjectPublicKeyInfo PEM, published so that anyone can check checkpoint signatures. */
  publicKeyPem: string;
  sign(message: string): string;
  verify(message: string, signatureBase64: string): boolean;
}

export function generateSigningKeyPem(): string {
  const { privateKey } = generateKeyPairSync("ed25519");
  return privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

function parsePrivateKey(text: string): KeyObject {
  const trimmed = text.trim();
  const pem = trimmed.startsWith("-----")
    ? trimmed
    : Buffer.from(trimmed, "base64").toString("utf8");
  if (pem.startsWith("-----")) return createPrivateKey(pem);
  return createPrivateKey({ key: Buffer.from(trimmed, "base64"), format: "der", type: "pkcs8" });
}

export function signerFromPrivateKey(text: string): AuditSigner {
  const privateKey = parsePrivateKey(text);
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new Error("AUDIT_SIGNING_KEY must be an Ed25519 private key");
  }
  const publicKey = createPublicKey(privateKey);
  const publicDer = publicKey.export({ type: "spki", format: "der" });
  return {
    keyId: sha256Hex(publicDer).slice(0, 16),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    sign: (message) => sign(null, Buffer.from(message), privateKey).toString("base64"),
    verify: (message, signature) =>
      verify(null, Buffer.from(message), publicKey, Buffer.from(signature, "base64")),
  };
}

/** Checks a signature with only the published public key, as an outsider would. */
export function verifyWithPublicKey(
  publicKeyPem: string,
  message: string,
  signatureBase64: string,
): boolean {
  return verify(
    null,
    Buffer.from(message),
    createPublicKey(publicKeyPem),
    Buffer.from(signatureBase64, "base64"),
  );
}

/**
 * The configured key, or one kept in the data folder (made on first use) for the embedded
 * database and demo mode. A production PostgreSQL deployment must configure its key, so that
 * every app process signs with the same one.
 */
export function loadAuditSigner(options: {
  configuredKey: string | undefined;
  dataDir: string;
  allowGenerated: boolean;
}): AuditSigner {
  if (options.configuredKey) return signerFromPrivateKey(options.configuredKey);
  if (!options.allowGenerated) {
    throw new Error(
      "AUDIT_SIGNING_KEY is required with DATABASE_URL outside demo mode. Make one with `csp audit keygen`.",
    );
  }
  const path = join(options.dataDir, "audit-signing-key.pem");
  if (!existsSync(path)) {
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(path, generateSigningKeyPem(), { mode: 0o600 });
    chmodSync(path, 0o600);
  }
  return signerFromPrivateKey(readFileSync(path, "utf8"));
}
