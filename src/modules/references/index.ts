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
import type { CreateReferenceBody } from "./contract.ts";
import { listAllReferences, metricsOf, verifiedCitiesOf } from "./repository.ts";
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

export { decideReference } from "./commands/decide-reference.ts";
export { standingFrom as referenceStanding } from "./policy.ts";

/** Export (exchange module): every reference with its outcomes, verified or not. */
export async function referencesForExport(db: Db) {
  const rows = await listAllReferences(db);
  const metrics = await metricsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    solutionId: row.solutionId,
    sector: row.sector,
    city: row.cityOrganisationId
      ? { organisationId: row.cityOrganisationId }
      : { name: row.cityName, country: row.country },
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
    status: row.status,
  }));
}
