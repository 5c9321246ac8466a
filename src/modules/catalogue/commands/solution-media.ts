import { createHash, randomUUID } from "node:crypto";
import type { ServiceContext } from "../../../core/context.ts";
import type { Db } from "../../../core/db/client.ts";
import { sniffImageType } from "../../../core/files/images.ts";
import { recordSolutionEvent } from "../audit.ts";
import {
  type MediaItem,
  SOLUTION_MEDIA_MAX_BYTES,
  SOLUTION_MEDIA_MAX_COUNT,
  solutionMediaPath,
  uploadedMediaOf,
} from "../contract.ts";
import { catalogueErrors } from "../errors.ts";
import { contentOf } from "../presenters.ts";
import {
  capabilityCodesOf,
  insertSolutionVersion,
  lockSolution,
  type SolutionRow,
  updateSolutionRow,
} from "../repository.ts";
import { deleteMediaFile, existingMediaFileIds, insertMediaFile } from "../repository-media.ts";

/**
 * Images uploaded to a solution. Each upload or removal changes the solution's media list, so
 * it makes the next version of the solution, as any edit does, and is audited with it.
 */

const notAnImage = () =>
  catalogueErrors.mediaNotAccepted(undefined, {
    errors: [{ field: "body", message: "is not a PNG, JPEG, WebP or GIF image" }],
  });

export const mediaTooLarge = () =>
  catalogueErrors.mediaTooLarge(undefined, {
    errors: [{ field: "body", message: "must be at most 5 MB" }],
  });

/** An active solution, locked until the transaction ends. */
async function lockActiveSolution(tx: Db, solutionId: string): Promise<SolutionRow> {
  const solution = await lockSolution(tx, solutionId);
  if (!solution) throw catalogueErrors.solutionNotFound();
  if (solution.status === "archived") throw catalogueErrors.solutionArchived();
  return solution;
}

/** Writes the solution's new media list as its next version; answers that version. */
async function saveMediaList(
  tx: Db,
  now: Date,
  actorId: string,
  solution: SolutionRow,
  media: MediaItem[],
): Promise<number> {
  const version = solution.version + 1;
  await updateSolutionRow(tx, solution.id, { media, version, updatedAt: now });
  const codes = (await capabilityCodesOf(tx, [solution.id])).get(solution.id) ?? [];
  await insertSolutionVersion(tx, {
    solutionId: solution.id,
    version,
    content: { ...contentOf({ ...solution, media }, codes) },
    editedBy: actorId,
    editedAt: now,
  });
  return version;
}

/**
 * Stores an image (recognised by its bytes: PNG, JPEG, WebP or GIF, at most 5 MB) under a new
 * id and adds it, with its alternative text, at the end of the solution's media list.
 */
export async function addSolutionMedia(
  ctx: ServiceContext,
  actorId: string,
  solutionId: string,
  input: { bytes: Buffer; alt: string },
): Promise<{ fileId: string; version: number }> {
  if (input.bytes.length > SOLUTION_MEDIA_MAX_BYTES) throw mediaTooLarge();
  const contentType = sniffImageType(input.bytes);
  if (!contentType) throw notAnImage();
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  return ctx.db.transaction(async (tx) => {
    const solution = await lockActiveSolution(tx, solutionId);
    if (solution.media.length >= SOLUTION_MEDIA_MAX_COUNT) {
      throw catalogueErrors.mediaFull("Remove an image before adding another.");
    }
    const now = ctx.clock.now();
    const fileId = randomUUID();
    await insertMediaFile(tx, {
      id: fileId,
      solutionId: solution.id,
      contentType,
      sizeBytes: input.bytes.length,
      sha256,
      bytes: input.bytes,
      uploadedBy: actorId,
      uploadedAt: now,
    });
    const media = [
      ...solution.media,
      { url: solutionMediaPath(solution.id, fileId), alt: input.alt },
    ];
    const version = await saveMediaList(tx, now, actorId, solution, media);
    await recordSolutionEvent(tx, ctx.clock, {
      action: "solution.media_added",
      actorId,
      subjectId: solution.id,
      payload: {
        providerId: solution.providerId,
        version,
        fileId,
        contentType,
        sizeBytes: input.bytes.length,
        sha256,
        alt: input.alt,
      },
    });
    return { fileId, version };
  });
}

/** Takes an uploaded image out of the media list and deletes its file. */
export async function removeSolutionMedia(
  ctx: ServiceContext,
  actorId: string,
  solutionId: string,
  fileId: string,
): Promise<{ version: number }> {
  return ctx.db.transaction(async (tx) => {
    const solution = await lockActiveSolution(tx, solutionId);
    if (!(await existingMediaFileIds(tx, solution.id, [fileId])).has(fileId)) {
      throw catalogueErrors.mediaNotFound();
    }
    const media = solution.media.filter((item) => uploadedMediaOf(item.url)?.fileId !== fileId);
    const version = await saveMediaList(tx, ctx.clock.now(), actorId, solution, media);
    await deleteMediaFile(tx, fileId);
    await recordSolutionEvent(tx, ctx.clock, {
      action: "solution.media_removed",
      actorId,
      subjectId: solution.id,
      payload: { providerId: solution.providerId, version, fileId },
    });
    return { version };
  });
}
