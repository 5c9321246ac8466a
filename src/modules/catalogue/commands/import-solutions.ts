import { randomUUID } from "node:crypto";
import { type AuditEventInput, appendAuditEvents } from "../../../core/audit/chain.ts";
import type { Clock } from "../../../core/clock.ts";
import type { Db } from "../../../core/db/client.ts";
import type { SolutionAuditEvents } from "../audit.ts";
import type { MediaItem, ProviderKind } from "../contract.ts";
import { changedFields, contentOf, type SolutionContent } from "../presenters.ts";
import {
  capabilityCodesOf,
  lockSolutionRows,
  replaceSolutionCapabilities,
  updateSolutionRow,
} from "../repository.ts";
import {
  insertSolutionCapabilityRows,
  insertSolutions,
  insertSolutionVersions,
} from "../repository-import.ts";
import { deleteMediaFilesExcept } from "../repository-media.ts";
import { refreshCapabilityTerms } from "../repository-taxonomy.ts";
import { afterSolutionChange } from "./solution-changes.ts";
import { requireKnownCapabilities, requireOwnMedia, uploadedFileIds } from "./solution-rules.ts";

/** One solution of a bulk import: a new one, or the new content of an existing one. */
export interface SolutionImport {
  /** The solution to update; null to add a new one. */
  existingId: string | null;
  providerId: string;
  providerKind: ProviderKind;
  title: string;
  summary: string;
  description: string;
  sectors: string[];
  /** Taxonomy codes (checked here again). */
  capabilities: string[];
  trl: number;
  countriesDeployed: string[];
  /** Null keeps an existing solution's images (a CSV has no column for them). */
  media: MediaItem[] | null;
  referenceLinks: string[];
}

export type SolutionImportOutcome = "created" | "updated" | "unchanged";

function auditEntry<Action extends keyof SolutionAuditEvents & string>(
  action: Action,
  actorId: string | null,
  subjectId: string,
  payload: SolutionAuditEvents[Action],
): AuditEventInput {
  return { action, actorId, subjectType: "solution", subjectId, payload };
}

/**
 * Writes a bulk import's solutions inside the caller's transaction: new ones in multi-row
 * inserts as version 1, changed ones as their next version, unchanged ones not at all. Each
 * creation and edit is audited as `solution.created` / `solution.updated`, as the single-solution
 * commands do. Authorisation and validation are the caller's (the exchange module's) job, but
 * for images of the platform: a media entry naming an uploaded image must name one of that
 * same solution's (a new solution has none), as in an edit; images an edit drops are deleted.
 */
export async function importSolutions(
  tx: Db,
  clock: Clock,
  actorId: string | null,
  items: SolutionImport[],
  onProgress: (written: number) => void = () => {},
): Promise<Array<{ id: string; outcome: SolutionImportOutcome }>> {
  await requireKnownCapabilities(tx, [...new Set(items.flatMap((item) => item.capabilities))]);
  const existingIds = items.flatMap((item) => (item.existingId ? [item.existingId] : []));
  // Locked (the plan locked them already): an edit of one waits, and its version comes after.
  const existing = new Map((await lockSolutionRows(tx, existingIds)).map((row) => [row.id, row]));
  const existingCodes = await capabilityCodesOf(tx, existingIds);
  const now = clock.now();
  const results: Array<{ id: string; outcome: SolutionImportOutcome }> = [];
  const newRows: Parameters<typeof insertSolutions>[1] = [];
  const capabilityRows: Array<{ solutionId: string; capabilityCode: string }> = [];
  const versions: Parameters<typeof insertSolutionVersions>[1] = [];
  const events: AuditEventInput[] = [];
  const termsToRefresh: string[] = [];

  for (const item of items) {
    const content: SolutionContent = {
      title: item.title,
      summary: item.summary,
      description: item.description,
      sectors: item.sectors,
      capabilities: [...item.capabilities].sort(),
      trl: item.trl,
      countriesDeployed: [...new Set(item.countriesDeployed)],
      media: item.media ?? [],
      referenceLinks: item.referenceLinks,
    };
    const current = item.existingId ? existing.get(item.existingId) : undefined;
    if (item.existingId && !current) throw new Error(`solution ${item.existingId} is gone`);
    const mediaRule = {
      field: "media",
      detail: `"${item.title}": images are uploaded to a solution, not imported.`,
    };
    if (!current) {
      if (item.media) await requireOwnMedia(tx, null, item.media, mediaRule);
      const id = randomUUID();
      newRows.push({
        id,
        providerId: item.providerId,
        providerKind: item.providerKind,
        title: content.title,
        summary: content.summary,
        description: content.description,
        sectors: content.sectors,
        trl: content.trl,
        countries: content.countriesDeployed,
        media: content.media,
        referenceLinks: content.referenceLinks,
        version: 1,
        status: "active",
        createdBy: actorId,
        createdAt: now,
        updatedAt: now,
      });
      for (const code of content.capabilities)
        capabilityRows.push({ solutionId: id, capabilityCode: code });
      versions.push({
        solutionId: id,
        version: 1,
        content: { ...content },
        editedBy: actorId,
        editedAt: now,
      });
      events.push(
        auditEntry("solution.created", actorId, id, {
          providerId: item.providerId,
          title: content.title,
          version: 1,
        }),
      );
      termsToRefresh.push(id);
      results.push({ id, outcome: "created" });
      continue;
    }
    const before = contentOf(current, [...(existingCodes.get(current.id) ?? [])].sort());
    if (item.media === null) content.media = before.media;
    const fields = changedFields(before, content);
    if (fields.length === 0) {
      results.push({ id: current.id, outcome: "unchanged" });
      continue;
    }
    let removedFiles: string[] = [];
    if (fields.includes("media")) {
      await requireOwnMedia(tx, current.id, content.media, mediaRule);
      removedFiles = await deleteMediaFilesExcept(tx, current.id, uploadedFileIds(content.media));
    }
    const version = current.version + 1;
    await updateSolutionRow(tx, current.id, {
      title: content.title,
      summary: content.summary,
      description: content.description,
      sectors: content.sectors,
      trl: content.trl,
      countries: content.countriesDeployed,
      media: content.media,
      referenceLinks: content.referenceLinks,
      version,
      updatedAt: now,
    });
    if (fields.includes("capabilities")) {
      await replaceSolutionCapabilities(tx, current.id, content.capabilities);
      termsToRefresh.push(current.id);
    }
    versions.push({
      solutionId: current.id,
      version,
      content: { ...content },
      editedBy: actorId,
      editedAt: now,
    });
    events.push(
      auditEntry("solution.updated", actorId, current.id, {
        providerId: current.providerId,
        version,
        fields,
        ...(removedFiles.length ? { removedFiles } : {}),
      }),
    );
    results.push({ id: current.id, outcome: "updated" });
  }

  // Progress counts every solution handled: edits (done above) and inserts, chunk by chunk.
  onProgress(items.length - newRows.length);
  for (let start = 0; start < newRows.length; start += 500) {
    await insertSolutions(tx, newRows.slice(start, start + 500));
    onProgress(items.length - newRows.length + Math.min(start + 500, newRows.length));
  }
  await insertSolutionCapabilityRows(tx, capabilityRows);
  await insertSolutionVersions(tx, versions);
  for (let start = 0; start < termsToRefresh.length; start += 1_000) {
    await refreshCapabilityTerms(tx, { solutionIds: termsToRefresh.slice(start, start + 1_000) });
  }
  await appendAuditEvents(tx, clock, events);
  await afterSolutionChange(
    tx,
    clock,
    results.filter((result) => result.outcome !== "unchanged").map((result) => result.id),
  );
  return results;
}
