import type { ServiceContext } from "../../../core/context.ts";
import { recordReferenceEvent } from "../audit.ts";
import type { CreateReferenceBody } from "../contract.ts";
import { CreateReferenceBody as CreateReferenceSchema } from "../contract.ts";
import { insertReference, replaceMetrics } from "../repository.ts";
import {
  activeSolution,
  askCityToVerify,
  metricRows,
  resolveCity,
  sectorFor,
} from "./reference-rules.ts";

/**
 * The provider states a deployment of its solution: pending until the city verifies it (a city
 * that is not on the platform cannot, so such a reference stays unverified). The caller has
 * been authorised for the solution's provider.
 */
export async function createReference(
  ctx: ServiceContext,
  actorId: string | null,
  solutionId: string,
  input: CreateReferenceBody,
  via: "api" | "import" | "seed" = "api",
): Promise<{ id: string }> {
  const body = CreateReferenceSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const solution = await activeSolution(tx, solutionId);
    const sector = sectorFor(solution, body.sector);
    const city = await resolveCity(tx, body.city);
    const now = ctx.clock.now();
    const row = await insertReference(tx, {
      solutionId: solution.id,
      providerId: solution.providerId,
      sector,
      ...city,
      startedOn: body.startedOn,
      endedOn: body.endedOn ?? null,
      scale: body.scale,
      description: body.description,
      createdBy: actorId,
      createdAt: now,
      updatedAt: now,
    });
    await replaceMetrics(tx, row.id, metricRows(body.metrics));
    await recordReferenceEvent(tx, ctx.clock, {
      action: "reference.created",
      actorId,
      subjectId: row.id,
      payload: {
        solutionId: solution.id,
        providerId: solution.providerId,
        cityOrganisationId: city.cityOrganisationId,
        cityName: city.cityName,
        country: city.country,
        via,
      },
    });
    // A bulk import tells nobody: the city finds its references to verify on its page.
    if (via !== "import") await askCityToVerify(ctx, tx, row, actorId);
    return { id: row.id };
  });
}
