/**
 * References: deployments of catalogue solutions in cities, stated by the provider with typed
 * outcomes and evidence, verified or rejected by the city's own people. Verified references
 * count in matchmaking's evidence factor and in the impact figures. See docs/references.md.
 */
import type { SQL } from "drizzle-orm";
import type { ServiceContext } from "../../core/context.ts";
import type { Db } from "../../core/db/client.ts";
import type { ModuleManifest } from "../../core/module.ts";
import { createReference } from "./commands/create-reference.ts";
import { metricRows } from "./commands/reference-rules.ts";
import { updateReference } from "./commands/update-reference.ts";
import { type CreateReferenceBody, CreateReferenceBody as ReferenceContent } from "./contract.ts";
import {
  findReference,
  listAllReferences,
  metricsOf,
  referencesByIds,
  verifiedCitiesOf,
} from "./repository.ts";
import { referencesRoutes } from "./routes.ts";

export function referencesModule(ctx: ServiceContext): ModuleManifest {
  return {
    name: "references",
    routes: async (app) => {
      await app.register(referencesRoutes, { ctx });
    },
  };
}

/**
 * For the catalogue's matcher, inside its statement: the number of distinct cities that verified
 * a reference of the solution whose id is `solutionId` (a column of that statement). A reference
 * changing state queues `solution.changed`, so stored recommendation lists are re-scored.
 */
export function verifiedReferenceCities(solutionId: SQL): SQL<number> {
  return verifiedCitiesOf(solutionId);
}

/**
 * Bulk import and demo data: a reference written on the provider's behalf, pending (the city
 * verifies it on the platform). The solution must be active; the city an organisation or named.
 */
export async function importReference(
  ctx: ServiceContext,
  actorId: string | null,
  solutionId: string,
  input: CreateReferenceBody,
  via: "import" | "seed",
): Promise<{ id: string }> {
  return createReference(ctx, actorId, solutionId, input, via);
}

/** Bulk import: the solution each existing reference is of, by id (deleted ones left out). */
export async function referenceStates(
  db: Db,
  ids: string[],
): Promise<Map<string, { solutionId: string }>> {
  const rows = await referencesByIds(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, { solutionId: row.solutionId }]));
}

/**
 * Bulk import of one reference: created pending, or an existing one updated when its content
 * differs (which, like any edit, takes a decided reference back to pending), else unchanged.
 */
export async function importReferenceRecord(
  ctx: ServiceContext,
  actorId: string | null,
  record: { existingId: string | null; solutionId: string; content: CreateReferenceBody },
): Promise<{ id: string; outcome: "created" | "updated" | "unchanged" }> {
  if (!record.existingId) {
    const { id } = await createReference(ctx, actorId, record.solutionId, record.content, "import");
    return { id, outcome: "created" };
  }
  const content = ReferenceContent.parse(record.content);
  const current = await findReference(ctx.db, record.existingId);
  if (!current) throw new Error(`reference ${record.existingId} is gone`);
  const metrics = (await metricsOf(ctx.db, [current.id])).map((metric) => ({
    kind: metric.kind,
    label: metric.label,
    unit: metric.unit,
    value: metric.value,
  }));
  const city =
    "organisationId" in content.city
      ? current.cityOrganisationId === content.city.organisationId
      : current.cityOrganisationId === null &&
        current.cityName === content.city.name &&
        current.country === content.city.country;
  const same =
    city &&
    (content.sector === undefined || content.sector === current.sector) &&
    content.startedOn === current.startedOn &&
    (content.endedOn ?? null) === current.endedOn &&
    content.scale === current.scale &&
    content.description === current.description &&
    JSON.stringify(metricRows(content.metrics)) === JSON.stringify(metrics);
  if (same) return { id: current.id, outcome: "unchanged" };
  await updateReference(ctx, actorId, current.id, content);
  return { id: current.id, outcome: "updated" };
}

export { decideReference } from "./commands/decide-reference.ts";
export { standingFrom as referenceStanding } from "./policy.ts";
/** Impact figures (insights): verified outcomes by sector and year, never across units. */
export {
  countVerifiedByCity,
  type ImpactFilter,
  sumVerifiedImpact,
} from "./repository.ts";
export { seedDemoReferences } from "./seed-demo-references.ts";

/** Export (exchange module): the verified references (the public ones) with their outcomes. */
export async function referencesForExport(db: Db) {
  const rows = (await listAllReferences(db)).filter((row) => row.status === "verified");
  const metrics = await metricsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    solutionId: row.solutionId,
    sector: row.sector,
    city: (row.cityOrganisationId
      ? { organisationId: row.cityOrganisationId }
      : { name: row.cityName, country: row.country }) as
      | { organisationId: string }
      | { name: string; country: string },
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    scale: row.scale,
    description: row.description,
    metrics: metrics
      .filter((metric) => metric.referenceId === row.id)
      .map((metric) =>
        metric.kind === "custom"
          ? { kind: metric.kind, value: metric.value, label: metric.label, unit: metric.unit }
          : { kind: metric.kind, value: metric.value },
      ),
  }));
}
