import { createHash } from "node:crypto";
import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { recordChallengeEvent } from "../audit.ts";
import { challengeErrors } from "../errors.ts";
import {
  type AttachmentListing,
  deleteAttachment,
  findAttachment,
  insertAttachment,
} from "../repository.ts";
import { requireCityMember, visibleChallenge } from "./access.ts";

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

const startsWith = (bytes: Buffer, signature: number[] | string, offset = 0) => {
  const expected =
    typeof signature === "string" ? Buffer.from(signature, "latin1") : Buffer.from(signature);
  return (
    bytes.length >= offset + expected.length &&
    bytes.subarray(offset, offset + expected.length).equals(expected)
  );
};

/** Every type sniffAttachmentType can answer: what a download may be. */
export const ATTACHMENT_CONTENT_TYPES = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/webp",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "text/csv",
  "text/plain",
] as const;

/**
 * Recognises the file by its content, never by its name or declared type. Office files are
 * zip archives: the name of the first entry's folder (word/, xl/) or [Content_Types].xml plus
 * the file name's extension tells DOCX from XLSX; any other zip is refused.
 */
export function sniffAttachmentType(bytes: Buffer, filename: string): string | null {
  if (startsWith(bytes, "%PDF-")) return "application/pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, "RIFF") && startsWith(bytes, "WEBP", 8)) return "image/webp";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const head = bytes.subarray(0, Math.min(bytes.length, 64 * 1024)).toString("latin1");
    const extension = filename.toLowerCase().split(".").pop();
    if (head.includes("word/") || (extension === "docx" && head.includes("[Content_Types].xml")))
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (head.includes("xl/") || (extension === "xlsx" && head.includes("[Content_Types].xml")))
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    return null;
  }
  // Text: valid UTF-8 with no control characters other than tab, newline and carriage return.
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (bytes.length > 0 && !text.includes("\uFFFD") && !bytes.some(isControlByte)) {
    return filename.toLowerCase().endsWith(".csv") ? "text/csv" : "text/plain";
  }
  return null;
}

// Tab, newline and carriage return are text; other control bytes mean a binary file.
const isControlByte = (byte: number) =>
  byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d;

/** Keeps the name readable and harmless in a Content-Disposition header. */
export function safeFilename(name: string): string {
  const cleaned = name
    .replace(/[\\/]/g, "_")
    .replace(/["\p{Cc}]/gu, "")
    .trim()
    .slice(0, 200);
  return cleaned || "attachment";
}

export async function addAttachment(
  ctx: ServiceContext,
  actor: UserActor,
  challengeId: string,
  input: { filename: string; bytes: Buffer },
): Promise<AttachmentListing> {
  if (input.bytes.length > ATTACHMENT_MAX_BYTES) throw challengeErrors.attachmentTooLarge();
  const filename = safeFilename(input.filename);
  const contentType = sniffAttachmentType(input.bytes, filename);
  if (!contentType) throw challengeErrors.attachmentNotAccepted();
  return ctx.db.transaction(async (tx) => {
    const { challenge, viewer } = await visibleChallenge(tx, actor, challengeId, { lock: true });
    requireCityMember(viewer);
    // Documents may be added after publication (answers often come with one), never removed.
    if (challenge.status !== "draft" && challenge.status !== "published")
      throw challengeErrors.attachmentsLocked("Attachments are added while draft or published.");
    const sha256 = createHash("sha256").update(input.bytes).digest("hex");
    const attachment = await insertAttachment(tx, {
      challengeId: challenge.id,
      filename,
      contentType,
      sizeBytes: input.bytes.length,
      sha256,
      bytes: input.bytes,
      uploadedBy: actor.userId,
      uploadedAt: ctx.clock.now(),
    });
    await recordChallengeEvent(tx, ctx.clock, {
      action: "challenge.attachment_added",
      actorId: actor.userId,
      subjectId: challenge.id,
      payload: {
        attachmentId: attachment.id,
        filename,
        contentType,
        sizeBytes: input.bytes.length,
        sha256,
      },
    });
    return attachment;
  });
}

/** Bidders rely on published documents: they are removed only while the challenge is a draft. */
export async function removeAttachment(
  ctx: ServiceContext,
  actor: UserActor,
  challengeId: string,
  attachmentId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { challenge, viewer } = await visibleChallenge(tx, actor, challengeId, { lock: true });
    requireCityMember(viewer);
    const attachment = await findAttachment(tx, challenge.id, attachmentId);
    if (!attachment) throw challengeErrors.attachmentNotFound();
    if (challenge.status !== "draft") throw challengeErrors.attachmentsLocked();
    await deleteAttachment(tx, attachment.id);
    await recordChallengeEvent(tx, ctx.clock, {
      action: "challenge.attachment_removed",
      actorId: actor.userId,
      subjectId: challenge.id,
      payload: { attachmentId: attachment.id, filename: attachment.filename },
    });
  });
}
