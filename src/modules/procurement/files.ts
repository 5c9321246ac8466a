import { sniffImageType } from "../../core/files/images.ts";

/**
 * What a proposal may attach, recognised by its first bytes, never by its name or declared
 * type: PDF ("%PDF-" at the start), PNG, JPEG and WebP (core/files/images.ts). Anything else —
 * office files, archives, SVG, HTML — is refused.
 */
export type ProposalFileType = "application/pdf" | "image/png" | "image/jpeg" | "image/webp";

export function sniffProposalFile(bytes: Buffer): ProposalFileType | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).equals(Buffer.from("%PDF-", "latin1"))) {
    return "application/pdf";
  }
  const image = sniffImageType(bytes);
  return image === "image/png" || image === "image/jpeg" || image === "image/webp" ? image : null;
}

/** Keeps the name readable and harmless in a Content-Disposition header. */
export function safeFilename(name: string): string {
  const cleaned = name
    .normalize("NFC")
    .replace(/[\\/]/g, "_")
    .replace(/["\p{Cc}]/gu, "")
    .trim()
    .slice(0, 200);
  return cleaned || "attachment";
}
