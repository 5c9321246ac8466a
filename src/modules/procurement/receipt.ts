import { canonicalJson, sha256Hex } from "../../core/audit/canonical.ts";
import { RECEIPT_FORMAT, type Receipt } from "./contract.ts";

/**
 * The receipt's hash: SHA-256 over the canonical form of one revision, so that anyone holding
 * the content can recompute it and the platform recomputes it from what it stored (never
 * trusting a stored hash alone). docs/procurement.md has a worked example.
 *
 * The canonical form is the UTF-8 bytes of the JSON value below with object keys sorted at every
 * level, no whitespace and JSON.stringify's string escaping:
 *
 *   { "format": "csp-proposal/1", "proposalId", "challengeId", "revision", "submittedAt" (ISO
 *     8601 UTC with milliseconds), "sections": [{ "key", "text" }] sorted by key (empty optional
 *     sections left out), "price": { "amountMinor", "currency" }, "attachments": [{ "name",
 *     "sha256" (hex of the file's bytes), "sizeBytes" }] sorted by sha256, then name }
 */
export const CANONICAL_FORMAT = "csp-proposal/1";

export interface RevisionContent {
  proposalId: string;
  challengeId: string;
  revision: number;
  submittedAt: Date;
  sections: Array<{ key: string; text: string }>;
  price: { amountMinor: number; currency: string };
  attachments: Array<{ name: string; sha256: string; sizeBytes: number }>;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function canonicalRevision(content: RevisionContent): string {
  return canonicalJson({
    format: CANONICAL_FORMAT,
    proposalId: content.proposalId,
    challengeId: content.challengeId,
    revision: content.revision,
    submittedAt: content.submittedAt.toISOString(),
    sections: [...content.sections]
      .sort((a, b) => byCodeUnits(a.key, b.key))
      .map((section) => ({ key: section.key, text: section.text })),
    price: { amountMinor: content.price.amountMinor, currency: content.price.currency },
    attachments: [...content.attachments]
      .sort((a, b) => byCodeUnits(a.sha256, b.sha256) || byCodeUnits(a.name, b.name))
      .map((file) => ({ name: file.name, sha256: file.sha256, sizeBytes: file.sizeBytes })),
  });
}

export function revisionSha256(content: RevisionContent): string {
  return sha256Hex(Buffer.from(canonicalRevision(content), "utf8"));
}

export function receiptOf(
  revision: Pick<RevisionContent, "proposalId" | "challengeId" | "revision" | "submittedAt">,
  sha256: string,
): Receipt {
  return {
    format: RECEIPT_FORMAT,
    proposalId: revision.proposalId,
    challengeId: revision.challengeId,
    revision: revision.revision,
    submittedAt: revision.submittedAt.toISOString(),
    algorithm: "SHA-256",
    sha256,
  };
}
