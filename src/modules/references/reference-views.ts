import type { Actor } from "../../core/auth/actor.ts";
import type { Db } from "../../core/db/client.ts";
import { renderMarkdown } from "../../core/text/markdown.ts";
import { solutionProfiles } from "../catalogue/index.ts";
import type { Sector } from "../challenges/contract.ts";
import { currentOrganisationsOf, organisationSummaries } from "../organisations/index.ts";
import { evidencePath, type Reference } from "./contract.ts";
import { referencesErrors } from "./errors.ts";
import {
  canSeeDecision,
  canSeeReference,
  nobody,
  referenceAbilities,
  type Standing,
  standingFrom,
} from "./policy.ts";
import { evidenceListingsOf, findReference, metricsOf, type ReferenceRow } from "./repository.ts";

/** The caller's organisations now (none for anonymous callers). */
export async function standingOf(db: Db, actor: Actor): Promise<Standing> {
  if (actor.kind !== "user") return nobody;
  const organisations = await currentOrganisationsOf(db, actor.userId);
  return standingFrom(
    actor,
    organisations.map((row) => row.organisationId),
  );
}

/** The reference if the caller may see it (else 404, as if it did not exist). */
export async function visibleReference(
  db: Db,
  standing: Standing,
  id: string,
): Promise<ReferenceRow> {
  const row = await findReference(db, id);
  if (!row || !canSeeReference(standing, row)) throw referencesErrors.referenceNotFound();
  return row;
}

/**
 * The references the caller may see, presented; those of solutions no longer active (archived)
 * are left out, as their solutions are.
 */
export async function presentReferences(
  db: Db,
  standing: Standing,
  rows: ReferenceRow[],
): Promise<Reference[]> {
  const visible = rows.filter((row) => canSeeReference(standing, row));
  if (visible.length === 0) return [];
  const ids = visible.map((row) => row.id);
  const [solutions, metrics, evidence, organisations] = await Promise.all([
    solutionProfiles(
      db,
      visible.map((row) => row.solutionId),
    ),
    metricsOf(db, ids),
    evidenceListingsOf(db, ids),
    organisationSummaries(
      db,
      visible.flatMap((row) => [
        row.providerId,
        ...(row.cityOrganisationId ? [row.cityOrganisationId] : []),
      ]),
    ),
  ]);
  const titles = new Map(solutions.map((solution) => [solution.id, solution.title]));
  const result: Reference[] = [];
  for (const row of visible) {
    const title = titles.get(row.solutionId);
    const provider = organisations.get(row.providerId);
    if (title === undefined || !provider) continue;
    result.push({
      id: row.id,
      solution: { id: row.solutionId, title },
      provider,
      sector: row.sector as Sector,
      city: {
        organisation: row.cityOrganisationId
          ? (organisations.get(row.cityOrganisationId) ?? null)
          : null,
        cityId: row.cityId,
        name: row.cityName,
        country: row.country,
      },
      startedOn: row.startedOn,
      endedOn: row.endedOn,
      scale: row.scale,
      description: row.description,
      descriptionHtml: renderMarkdown(row.description),
      metrics: metrics
        .filter((metric) => metric.referenceId === row.id)
        .map((metric) => ({
          kind: metric.kind,
          label: metric.label,
          value: metric.value,
          unit: metric.unit,
        })),
      evidence: evidence
        .filter((file) => file.referenceId === row.id)
        .map((file) => ({
          id: file.id,
          filename: file.filename,
          contentType: file.contentType,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          url: evidencePath(row.id, file.id),
          uploadedAt: file.uploadedAt.toISOString(),
        })),
      status: row.status,
      rejectionReason: canSeeDecision(standing, row) ? row.rejectionReason : null,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      revision: row.revision,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      abilities: referenceAbilities(standing, row),
    });
  }
  return result;
}

export async function presentReference(db: Db, standing: Standing, id: string): Promise<Reference> {
  const row = await visibleReference(db, standing, id);
  const [presented] = await presentReferences(db, standing, [row]);
  if (!presented) throw referencesErrors.referenceNotFound();
  return presented;
}
