import type { Clock } from "../../../core/clock.ts";
import type { ServiceContext } from "../../../core/context.ts";
import type { Db } from "../../../core/db/client.ts";
import { safeFilename as safeName, sniffDocumentType } from "../../../core/files/documents.ts";
import { enqueueJob } from "../../../core/jobs/outbox.ts";
import { SOLUTION_CHANGED_JOB, solutionProfiles } from "../../catalogue/index.ts";
import { notify } from "../../notifications/index.ts";
import {
  cityOfOrganisation,
  currentMemberIds,
  organisationExists,
  organisationSummaries,
} from "../../organisations/index.ts";
import { FIXED_UNITS, type MetricInput } from "../contract.ts";
import { referencesErrors } from "../errors.ts";
import { lockReference, type ReferenceRow } from "../repository.ts";

/** Rules the references commands share: the solution, the city, outcomes, resets, re-scoring. */

/** The active solution with its provider and sectors (404 when there is none). */
export async function activeSolution(db: Db, solutionId: string) {
  const [solution] = await solutionProfiles(db, [solutionId]);
  if (!solution) throw referencesErrors.solutionNotFound();
  return solution;
}

export async function lockedReference(tx: Db, id: string): Promise<ReferenceRow> {
  const row = await lockReference(tx, id);
  if (!row) throw referencesErrors.referenceNotFound();
  return row;
}

export type CityInput = { organisationId: string } | { name: string; country: string };

/** Where the reference is: a city organisation's C40 city, or a named city (not a member). */
export async function resolveCity(db: Db, city: CityInput, field = "body.city") {
  if (!("organisationId" in city)) {
    return { cityOrganisationId: null, cityId: null, cityName: city.name, country: city.country };
  }
  const organisation = await organisationExists(db, city.organisationId);
  if (organisation?.kind !== "city") {
    throw referencesErrors.cityNotFound(undefined, {
      errors: [{ field: `${field}.organisationId`, message: "is not a city organisation" }],
    });
  }
  const governed = await cityOfOrganisation(db, organisation.id);
  if (!governed) {
    throw referencesErrors.cityNotFound(undefined, {
      errors: [{ field: `${field}.organisationId`, message: "is not tied to a C40 city" }],
    });
  }
  return {
    cityOrganisationId: organisation.id,
    cityId: governed.id,
    cityName: governed.name,
    country: governed.country,
  };
}

/** The sector asked for, which must be the solution's; by default the solution's first. */
export function sectorFor(solution: { sectors: string[] }, asked: string | undefined): string {
  const sector = asked ?? solution.sectors[0];
  if (!sector || !solution.sectors.includes(sector)) {
    throw referencesErrors.sectorNotOfSolution(undefined, {
      errors: [{ field: "body.sector", message: `must be one of ${solution.sectors.join(", ")}` }],
    });
  }
  return sector;
}

/** Outcomes as stored: the fixed kinds carry their own unit, so sums never mix units. */
export function metricRows(metrics: MetricInput[]) {
  return metrics.map((metric) =>
    metric.kind === "custom"
      ? {
          kind: metric.kind,
          label: metric.label ?? "",
          unit: metric.unit ?? "",
          value: metric.value,
        }
      : { kind: metric.kind, label: "", unit: FIXED_UNITS[metric.kind], value: metric.value },
  );
}

/** What any change of content does to the verification: back to pending, decision cleared. */
export function resetDecision(row: ReferenceRow, now: Date) {
  return {
    status: "pending" as const,
    rejectionReason: null,
    decidedBy: null,
    decidedAt: null,
    revision: row.revision + 1,
    updatedAt: now,
  };
}

/**
 * A verified reference appeared or went: matchmaking's evidence of its solution changed, so the
 * catalogue's `solution.changed` job re-scores it in the stored recommendation lists (and none
 * is served until it has run), in the same transaction as the change.
 */
export async function afterVerificationChange(
  tx: Db,
  clock: Clock,
  solutionId: string,
): Promise<void> {
  await enqueueJob(tx, clock, {
    kind: SOLUTION_CHANGED_JOB,
    payload: { solutionIds: [solutionId] },
  });
}

/** Evidence a reference may hold: the documents core/files/documents.ts recognises by content. */
export const sniffEvidence = sniffDocumentType;

/** Keeps the name readable and harmless in a Content-Disposition header. */
export const safeFilename = (name: string) => safeName(name, "evidence");

/**
 * Tells the people of the referenced city's organisation (not the one acting) that a reference
 * awaits their verification: a new one, or one a change sent back to them.
 */
export async function askCityToVerify(
  ctx: ServiceContext,
  tx: Db,
  row: ReferenceRow,
  actorId: string | null,
): Promise<void> {
  if (!row.cityOrganisationId) return;
  const recipients = (await currentMemberIds(tx, row.cityOrganisationId)).filter(
    (id) => id !== actorId,
  );
  if (recipients.length === 0) return;
  await notify(ctx, tx, {
    recipients,
    kind: "reference_to_verify",
    params: { ...(await namesOf(tx, row)), city: row.cityName },
    link: `/references/${row.id}`,
  });
}

/** Tells the provider's people how the city decided. */
export async function tellProvider(
  ctx: ServiceContext,
  tx: Db,
  row: ReferenceRow,
  actorId: string,
  decision: { verified: true } | { verified: false; reason: string },
): Promise<void> {
  const recipients = (await currentMemberIds(tx, row.providerId)).filter((id) => id !== actorId);
  if (recipients.length === 0) return;
  const names = await namesOf(tx, row);
  await notify(ctx, tx, {
    recipients,
    kind: decision.verified ? "reference_verified" : "reference_rejected",
    params: {
      solution: names.solution,
      city: row.cityName,
      ...(decision.verified ? {} : { reason: decision.reason }),
    },
    link: `/references/${row.id}`,
  });
}

async function namesOf(tx: Db, row: ReferenceRow) {
  const [solution] = await solutionProfiles(tx, [row.solutionId]);
  const provider = (await organisationSummaries(tx, [row.providerId])).get(row.providerId);
  return { solution: solution?.title ?? "", provider: provider?.name ?? "" };
}
