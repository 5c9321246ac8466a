import { sniffImageType } from "./images.ts";

/**
 * Documents people attach (proposals, evidence of references, hackathon submissions),
 * recognised by their first bytes, never by their name or declared type: PDF ("%PDF-" at the
 * start), PNG, JPEG and WebP (images.ts). Anything else — office files, archives, SVG, HTML —
 * is refused.
 */
/** The types sniffDocumentType recognises: what a stored document may be downloaded as. */
export const DOCUMENT_TYPES = ["application/pdf", "image/png", "image/jpeg", "image/webp"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export function sniffDocumentType(bytes: Buffer): DocumentType | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).equals(Buffer.from("%PDF-", "latin1"))) {
    return "application/pdf";
  }
  const image = sniffImageType(bytes);
  return image === "image/png" || image === "image/jpeg" || image === "image/webp" ? image : null;
}

/** Keeps an uploaded file's name readable and harmless in a Content-Disposition header. */
export function safeFilename(name: string, fallback: string): string {
  const cleaned = name
    .normalize("NFC")
    .replace(/[\\/]/g, "_")
    .replace(/["\p{Cc}]/gu, "")
    .trim()
    .slice(0, 200);
  return cleaned || fallback;
}
