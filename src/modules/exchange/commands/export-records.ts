import type { Db } from "../../../core/db/client.ts";
import { activeSolutionsForExport } from "../../catalogue/index.ts";
import { listPublicChallenges } from "../../challenges/index.ts";
import { cityDirectory, organisationsForExport } from "../../organisations/index.ts";
import { referencesForExport } from "../../references/index.ts";
import { BUNDLE_FORMAT } from "../contract.ts";
import { writeSolutionsCsv } from "../csv-solutions.ts";
import { allRefs, type RecordKind } from "../repository.ts";

/**
 * The public catalogue as a bundle (or the solutions as CSV): every organisation, every
 * active solution, every public (non-draft) challenge and every verified reference, each under a stable ref (the platform's ref from earlier imports, else a
 * cluster's when no other record uses it, else the record's id), sorted by ref, fields in a
 * fixed order, so that exporting twice gives the same bytes.
 */

const byRef = <Item extends { ref: string }>(a: Item, b: Item) =>
  a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;

async function refsFor(db: Db, kind: RecordKind, ids: string[]): Promise<Map<string, string>> {
  const preferred = new Map<string, { ref: string; platform: boolean }>();
  for (const row of await allRefs(db, kind)) {
    const platform = row.scope === "platform";
    const current = preferred.get(row.entityId);
    if (!current || (platform && !current.platform)) {
      preferred.set(row.entityId, { ref: row.ref, platform });
    }
  }
  const uses = new Map<string, number>();
  for (const id of ids) {
    const ref = preferred.get(id)?.ref ?? id;
    uses.set(ref, (uses.get(ref) ?? 0) + 1);
  }
  return new Map(
    ids.map((id) => {
      const ref = preferred.get(id)?.ref;
      return [id, ref && uses.get(ref) === 1 ? ref : id];
    }),
  );
}

export async function exportBundle(db: Db) {
  const organisations = await organisationsForExport(db);
  const organisationRefs = await refsFor(
    db,
    "organisation",
    organisations.map((organisation) => organisation.id),
  );
  const solutions = await activeSolutionsForExport(db);
  const solutionRefs = await refsFor(
    db,
    "solution",
    solutions.map((solution) => solution.id),
  );
  const challenges = await listPublicChallenges(db);
  const challengeRefs = await refsFor(
    db,
    "challenge",
    challenges.map((challenge) => challenge.id),
  );
  const references = (await referencesForExport(db)).filter((reference) =>
    solutionRefs.has(reference.solutionId),
  );
  const referenceRefs = await refsFor(
    db,
    "reference",
    references.map((reference) => reference.id),
  );
  const cities = await cityDirectory(db);
  const refOf = (id: string) => organisationRefs.get(id) ?? id;
  const time = (value: Date | null) => value?.toISOString();
  return {
    format: BUNDLE_FORMAT,
    organisations: organisations
      .map((organisation) => ({
        ref: refOf(organisation.id),
        name: organisation.name,
        kind: organisation.kind,
        country: organisation.country,
        locality: organisation.locality,
        website: organisation.website,
        description: organisation.description,
        city: organisation.kind === "city" ? organisation.cityName : null,
        clusters: organisation.parentIds.map(refOf).sort(),
      }))
      .sort(byRef),
    solutions: solutions
      .map((solution) => ({
        ref: solutionRefs.get(solution.id) ?? solution.id,
        organisation: refOf(solution.providerId),
        title: solution.title,
        summary: solution.summary,
        description: solution.description,
        sectors: solution.sectors,
        capabilities: solution.capabilities,
        trl: solution.trl,
        countriesDeployed: solution.countriesDeployed,
        media: solution.media.map((item) => ({ url: item.url, alt: item.alt })),
        referenceLinks: solution.referenceLinks,
      }))
      .sort(byRef),
    challenges: challenges
      .map((challenge) => ({
        ref: challengeRefs.get(challenge.id) ?? challenge.id,
        organisation: refOf(challenge.organisationId),
        city: cities.get(challenge.cityId)?.name ?? null,
        status: challenge.status,
        publishedAt: time(challenge.publishedAt) ?? null,
        title: challenge.title,
        summary: challenge.summary,
        description: challenge.description,
        sectors: challenge.sectors,
        capabilities: challenge.capabilities,
        kpis: challenge.kpis.map((kpi) => ({
          metric: kpi.metric,
          baseline: kpi.baseline,
          target: kpi.target,
          unit: kpi.unit,
        })),
        budget:
          challenge.budgetCurrency !== null
            ? {
                minMinor: challenge.budgetMinMinor ?? 0,
                maxMinor: challenge.budgetMaxMinor ?? 0,
                currency: challenge.budgetCurrency,
              }
            : null,
        minTrl: challenge.minTrl,
        procurementModel: challenge.procurementModel,
        timeline: {
          questionDeadline: time(challenge.questionDeadline),
          proposalDeadline: time(challenge.proposalDeadline),
          awardDate: time(challenge.awardDate),
        },
        contacts: challenge.contacts.map((contact) => ({
          name: contact.name,
          role: contact.role,
          email: contact.email,
        })),
      }))
      .sort(byRef),
    // Verified ones only (the public ones); on import they await their city's verification.
    references: references
      .map((reference) => ({
        ref: referenceRefs.get(reference.id) ?? reference.id,
        solution: solutionRefs.get(reference.solutionId) ?? reference.solutionId,
        sector: reference.sector,
        city:
          "organisationId" in reference.city
            ? { organisation: refOf(reference.city.organisationId) }
            : reference.city,
        startedOn: reference.startedOn,
        endedOn: reference.endedOn,
        scale: reference.scale,
        description: reference.description,
        metrics: reference.metrics,
      }))
      .sort(byRef),
  };
}

export type ExportedBundle = Awaited<ReturnType<typeof exportBundle>>;

/** Two-space indented JSON with a final newline. */
export function bundleText(bundle: ExportedBundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

export async function exportText(db: Db, format: "bundle" | "csv"): Promise<string> {
  const bundle = await exportBundle(db);
  return format === "bundle" ? bundleText(bundle) : writeSolutionsCsv(bundle.solutions);
}
