import type { ServiceContext } from "../../../core/context.ts";
import { recordSolutionEvent } from "../audit.ts";
import type { UpdateSolutionBody } from "../contract.ts";
import { catalogueErrors } from "../errors.ts";
import { changedFields, contentOf, type SolutionContent } from "../presenters.ts";
import {
  capabilityCodesOf,
  insertSolutionVersion,
  lockSolution,
  replaceSolutionCapabilities,
  updateSolutionRow,
} from "../repository.ts";
import { deleteMediaFilesExcept } from "../repository-media.ts";
import { refreshCapabilityTerms } from "../repository-taxonomy.ts";
import { afterSolutionChange, MATCHED_FIELDS } from "./solution-changes.ts";
import { requireKnownCapabilities, requireOwnMedia, uploadedFileIds } from "./solution-rules.ts";

/**
 * Edits a solution: the changed content becomes the next version; every earlier version stays
 * readable in solution_versions. An edit that changes nothing makes no version. The media list
 * may keep, reorder and redescribe the solution's uploaded images and drop some (their files are
 * deleted with the edit); it cannot name images it does not have (they come by upload).
 */
export async function updateSolution(
  ctx: ServiceContext,
  actorId: string,
  solutionId: string,
  patch: UpdateSolutionBody,
): Promise<{ version: number; fields: string[] }> {
  return ctx.db.transaction(async (tx) => {
    const solution = await lockSolution(tx, solutionId);
    if (!solution) throw catalogueErrors.solutionNotFound();
    if (solution.status === "archived") throw catalogueErrors.solutionArchived();
    if (patch.baseVersion !== undefined && patch.baseVersion !== solution.version) {
      throw catalogueErrors.versionConflict(
        `You edited version ${patch.baseVersion}; it is at version ${solution.version} now.`,
      );
    }
    const codes = (await capabilityCodesOf(tx, [solution.id])).get(solution.id) ?? [];
    const before = contentOf(solution, codes);
    const { baseVersion: _baseVersion, ...changes } = patch;
    const after: SolutionContent = { ...before };
    for (const [field, value] of Object.entries(changes)) {
      if (value !== undefined) (after as unknown as Record<string, unknown>)[field] = value;
    }
    after.countriesDeployed = [...new Set(after.countriesDeployed)];
    const fields = changedFields(before, after);
    if (fields.length === 0) return { version: solution.version, fields };
    if (fields.includes("capabilities")) await requireKnownCapabilities(tx, after.capabilities);
    let removedFiles: string[] = [];
    if (fields.includes("media")) {
      await requireOwnMedia(tx, solution.id, after.media);
      removedFiles = await deleteMediaFilesExcept(tx, solution.id, uploadedFileIds(after.media));
    }
    const now = ctx.clock.now();
    const version = solution.version + 1;
    await updateSolutionRow(tx, solution.id, {
      title: after.title,
      summary: after.summary,
      description: after.description,
      sectors: after.sectors,
      trl: after.trl,
      countries: after.countriesDeployed,
      media: after.media,
      referenceLinks: after.referenceLinks,
      version,
      updatedAt: now,
    });
    if (fields.includes("capabilities")) {
      await replaceSolutionCapabilities(tx, solution.id, after.capabilities);
      await refreshCapabilityTerms(tx, { solutionIds: [solution.id] });
    }
    await insertSolutionVersion(tx, {
      solutionId: solution.id,
      version,
      content: { ...after },
      editedBy: actorId,
      editedAt: now,
    });
    await recordSolutionEvent(tx, ctx.clock, {
      action: "solution.updated",
      actorId,
      subjectId: solution.id,
      payload: {
        providerId: solution.providerId,
        version,
        fields,
        ...(removedFiles.length ? { removedFiles } : {}),
      },
    });
    if (fields.some((field) => MATCHED_FIELDS.includes(field))) {
      await afterSolutionChange(tx, ctx.clock, [solution.id]);
    }
    return { version, fields };
  });
}
