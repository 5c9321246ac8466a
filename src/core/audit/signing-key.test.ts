import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  generateSigningKeyPem,
  loadAuditSigner,
  signerFromPrivateKey,
  verifyWithPublicKey,
} from "./signing-key.ts";

describe("audit signing key", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "csp-key-"));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it("signs messages that the published public key alone verifies", () => {
    const signer = signerFromPrivateKey(generateSigningKeyPem());
    const signature = signer.sign("a message");
    expect(signer.verify("a message", signature)).toBe(true);
    expect(verifyWithPublicKey(signer.publicKeyPem, "a message", signature)).toBe(true);
    expect(verifyWithPublicKey(signer.publicKeyPem, "another message", signature)).toBe(false);
    const other = signerFromPrivateKey(generateSigningKeyPem());
    expect(verifyWithPublicKey(other.publicKeyPem, "a message", signature)).toBe(false);
    expect(other.keyId).not.toBe(signer.keyId);
  });

  it("accepts the key as PEM, base64 of the PEM, or base64 DER", () => {
    const { privateKey } = generateKeyPairSync("ed25519");
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const der = privateKey.export({ type: "pkcs8", format: "der" });
    const ids = [pem, Buffer.from(pem).toString("base64"), der.toString("base64")].map(
      (text) => signerFromPrivateKey(text).keyId,
    );
    expect(new Set(ids).size).toBe(1);
  });

  it("refuses a key that is not Ed25519", () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(() => signerFromPrivateKey(pem)).toThrow(/Ed25519/);
  });

  it("keeps a generated key in the data folder, private, and reuses it", () => {
    const first = loadAuditSigner({ configuredKey: undefined, dataDir, allowGenerated: true });
    const path = join(dataDir, "audit-signing-key.pem");
    expect(existsSync(path)).toBe(true);
    expect(statSync(path).mode & 0o077).toBe(0);
    const again = loadAuditSigner({ configuredKey: undefined, dataDir, allowGenerated: true });
    expect(again.keyId).toBe(first.keyId);
    expect(readFileSync(path, "utf8")).toContain("PRIVATE KEY");
  });

  it("uses the configured key over a kept one, and requires one when it may not generate", () => {
    const configured = generateSigningKeyPem();
    const signer = loadAuditSigner({ configuredKey: configured, dataDir, allowGenerated: true });
    expect(signer.keyId).toBe(signerFromPrivateKey(configured).keyId);
    expect(existsSync(join(dataDir, "audit-signing-key.pem"))).toBe(false);
    expect(() =>
      loadAuditSigner({ configuredKey: undefined, dataDir, allowGenerated: false }),
    ).toThrow(/AUDIT_SIGNING_KEY/);
  });
});
