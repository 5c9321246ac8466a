import { createHash } from "node:crypto";
import type { ServiceContext } from "../../../core/context.ts";
import { recordReferenceEvent } from "../audit.ts";
import { EVIDENCE_FILES_MAX } from "../contract.ts";
import { referencesErrors } from "../errors.ts";
import {
  countEvidence,
  deleteEvidence,
  insertEvidence,
  updateReferenceRow,
} from "../repository.ts";
import {
  afterVerificationChange,
  askCityToVerify,
  lockedReference,
  resetDecision,
  safeFilename,
  sniffEvidence,
} from "./reference-rules.ts";

/**
 * Evidence files of a reference (a report, a letter, a photograph). Adding or removing one
 * changes what the city vouched for, so, like any edit, it takes the reference back to pending.
 * The caller has been authorised for the reference's provider.
 */

export const evidenceTooLarge = () =>
  referencesErrors.evidenceTooLarge(undefined, {
    errors: [{ field: "body", message: "must be at most 10 MB" }],
  });

export async function addEvidence(
  ctx: ServiceContext,
  actorId: string,
  referenceId: string,
  file: { bytes: Buffer; filename: string },
): Promise<{ fileId: string }> {
  const contentType = sniffEvidence(file.bytes);
  if (!contentType) {
    throw referencesErrors.evidenceNotAccepted(undefined, {
      errors: [{ field: "body", message: "is not a PDF, PNG, JPEG or WebP file" }],
    });
  }
  return ctx.db.transaction(async (tx) => {
    const row = await lockedReference(tx, referenceId);
    if ((await countEvidence(tx, row.id)) >= EVIDENCE_FILES_MAX) {
      throw referencesErrors.tooManyEvidenceFiles();
    }
    const now = ctx.clock.now();
    const sha256 = createHash("sha256").update(file.bytes).digest("hex");
    const saved = await insertEvidence(tx, {
      referenceId: row.id,
      filename: safeFilename(file.filename),
      contentType,
      sizeBytes: file.bytes.length,
      sha256,
      bytes: file.bytes,
      uploadedBy: actorId,
      uploadedAt: now,
    });
    const updated = await updateReferenceRow(tx, row.id, resetDecision(row, now));
    if (row.status !== "pending") await askCityToVerify(ctx, tx, updated, actorId);
    await recordReferenceEvent(tx, ctx.clock, {
      action: "reference.evidence_added",
      actorId,
      subjectId: row.id,
      payload: { fileId: saved.id, sha256, contentType, previousStatus: row.status },
    });
    if (row.status === "verified") await afterVerificationChange(tx, ctx.clock, row.solutionId);
    return { fileId: saved.id };
  });
}

export async function removeEvidence(
  ctx: ServiceContext,
  actorId: string,
  referenceId: string,
  fileId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await lockedReference(tx, referenceId);
    if (!(await deleteEvidence(tx, row.id, fileId))) throw referencesErrors.evidenceNotFound();
    const updated = await updateReferenceRow(tx, row.id, resetDecision(row, ctx.clock.now()));
    if (row.status !== "pending") await askCityToVerify(ctx, tx, updated, actorId);
    await recordReferenceEvent(tx, ctx.clock, {
      action: "reference.evidence_removed",
      actorId,
      subjectId: row.id,
      payload: { fileId, previousStatus: row.status },
    });
    if (row.status === "verified") await afterVerificationChange(tx, ctx.clock, row.solutionId);
  });
}
