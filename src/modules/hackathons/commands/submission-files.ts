import { createHash } from "node:crypto";
import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import type { Db } from "../../../core/db/client.ts";
import { safeFilename, sniffDocumentType } from "../../../core/files/documents.ts";
import { recordHackathonEvent } from "../audit.ts";
import { SUBMISSION_FILE_MAX_BYTES, SUBMISSION_FILES_PER_TEAM } from "../contract.ts";
import { hackathonErrors } from "../errors.ts";
import { teamScene } from "../hackathon-views.ts";
import { submissionsOpen } from "../policy.ts";
import {
  deleteFile,
  type FileListing,
  filesOf,
  findFile,
  findHackathon,
  insertFile,
  teamOfPerson,
} from "../repository.ts";
import { lockOpenHackathon } from "./team-rules.ts";

export const fileTooLarge = () => hackathonErrors.fileTooLarge();

/**
 * Whether the actor may add a file to the team's submission now (a member, before the
 * deadline): checked before the body is read, and again in the transaction.
 */
export async function authoriseUpload(db: Db, actor: UserActor, teamId: string, now: Date) {
  const { event, standing } = await teamScene(db, actor, teamId);
  if (standing.teamId !== teamId) throw hackathonErrors.notTeamMember();
  const hackathon = await findHackathon(db, event.id);
  if (!hackathon || !submissionsOpen(hackathon, now)) throw hackathonErrors.submissionsClosed();
}

/**
 * Adds a file to the team's submission. What it is comes from its first bytes, as for
 * proposals (procurement's check: PDF, PNG, JPEG or WebP), never from its name or declared type.
 */
export async function addSubmissionFile(
  ctx: ServiceContext,
  actor: UserActor,
  teamId: string,
  input: { filename: string; bytes: Buffer },
): Promise<FileListing> {
  if (input.bytes.length > SUBMISSION_FILE_MAX_BYTES) throw fileTooLarge();
  const contentType = sniffDocumentType(input.bytes);
  if (!contentType) {
    throw hackathonErrors.fileNotAccepted(undefined, {
      errors: [{ field: "body", message: "is not a PDF, PNG, JPEG or WebP file" }],
    });
  }
  const { event } = await teamScene(ctx.db, actor, teamId);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await lockOpenHackathon(tx, event, now);
    if ((await teamOfPerson(tx, event.id, actor.userId)) !== teamId) {
      throw hackathonErrors.notTeamMember();
    }
    const files = (await filesOf(tx, [teamId])).get(teamId) ?? [];
    if (files.length >= SUBMISSION_FILES_PER_TEAM) throw hackathonErrors.tooManyFiles();
    const file = await insertFile(tx, {
      teamId,
      filename: safeFilename(input.filename, "submission"),
      contentType,
      sizeBytes: input.bytes.length,
      sha256: createHash("sha256").update(input.bytes).digest("hex"),
      bytes: input.bytes,
      uploadedBy: actor.userId,
      uploadedAt: now,
    });
    await recordHackathonEvent(tx, ctx.clock, {
      action: "hackathon.file_added",
      actorId: actor.userId,
      subjectId: event.id,
      payload: { teamId, fileId: file.id, sha256: file.sha256 },
    });
    return file;
  });
}

export async function removeSubmissionFile(
  ctx: ServiceContext,
  actor: UserActor,
  teamId: string,
  fileId: string,
): Promise<void> {
  const { event, standing } = await teamScene(ctx.db, actor, teamId);
  if (standing.teamId !== teamId) throw hackathonErrors.notTeamMember();
  await ctx.db.transaction(async (tx) => {
    await lockOpenHackathon(tx, event, ctx.clock.now());
    if ((await teamOfPerson(tx, event.id, actor.userId)) !== teamId) {
      throw hackathonErrors.notTeamMember();
    }
    if (!(await findFile(tx, teamId, fileId))) throw hackathonErrors.fileNotFound();
    await deleteFile(tx, teamId, fileId);
    await recordHackathonEvent(tx, ctx.clock, {
      action: "hackathon.file_removed",
      actorId: actor.userId,
      subjectId: event.id,
      payload: { teamId, fileId },
    });
  });
}
