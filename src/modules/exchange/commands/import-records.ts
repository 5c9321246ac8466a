import { randomUUID } from "node:crypto";
import type { ServiceContext } from "../../../core/context.ts";
import { importSolutions, refreshSolutionStatistics } from "../../catalogue/index.ts";
import { importChallenges } from "../../challenges/index.ts";
import { importFundingSource } from "../../funding/index.ts";
import { importAffiliation, importOrganisation } from "../../organisations/index.ts";
import { importReferenceRecord } from "../../references/index.ts";
import { recordImportEvent } from "../audit.ts";
import type { ImportReport } from "../contract.ts";
import { exchangeErrors } from "../errors.ts";
import type { ImportFile } from "../import-file.ts";
import { type OrganisationTarget, planImport } from "../plan.ts";
import { type Importer, scopeOf } from "../policy.ts";
import { lockScope, type RecordKind, rememberRefs } from "../repository.ts";

export interface ImportProgress {
  phase: "validated" | "written";
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Check and run everything, then roll back: the report says what would happen. */
  dryRun: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

/** Thrown inside the transaction of a dry run to roll it back. */
class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super("dry run");
  }
}

const noOutcomes = () => ({ created: 0, updated: 0, unchanged: 0 });

/**
 * Imports a file all-or-nothing: every record is checked first and any problem refuses the
 * whole file (422, every problem listed); then everything is written in one transaction, with
 * the records' own audit events and one `import.completed` event when anything changed.
 * Re-importing the same refs updates those records in place; an unchanged file changes nothing.
 */
export async function importRecords(
  ctx: ServiceContext,
  importer: Importer,
  file: ImportFile,
  options: ImportOptions,
): Promise<ImportReport> {
  const progress = options.onProgress ?? (() => {});
  const records =
    file.organisations.length +
    file.solutions.length +
    file.challenges.length +
    file.references.length +
    file.fundingSources.length;
  const scope = scopeOf(importer);
  const actorId = importer.actorId;
  try {
    const report = await ctx.db.transaction(async (tx) => {
      // Checked inside the transaction, under the scope's lock, so the refs read stay true.
      await lockScope(tx, scope);
      const { problems, plan } = await planImport(tx, importer, file, ctx.clock.now());
      progress({ phase: "validated", done: records, total: records });
      if (problems.length > 0) {
        throw exchangeErrors.importInvalid(
          `${problems.length} problem(s) in ${records} record(s); fix them all and import the file again.`,
          { errors: problems },
        );
      }
      const total = plan.organisations.length + plan.solutions.length + plan.challenges.length;
      const scoped: ServiceContext = { ...ctx, db: tx };
      const now = ctx.clock.now();
      const report: ImportReport = {
        dryRun: options.dryRun,
        format: file.format,
        scope,
        organisations: noOutcomes(),
        solutions: noOutcomes(),
        challenges: noOutcomes(),
        references: noOutcomes(),
        fundingSources: noOutcomes(),
        affiliations: { created: 0 },
        warnings: plan.warnings,
        records: [],
      };
      const refs: Array<{
        kind: RecordKind;
        scope: string;
        ref: string;
        entityId: string;
        createdAt: Date;
      }> = [];
      const organisationIds = new Map<string, string>();
      for (const [index, organisation] of plan.organisations.entries()) {
        const { ref, clusters: _clusters, ...fields } = organisation;
        const { id, outcome } = await importOrganisation(scoped, actorId, fields);
        organisationIds.set(ref, id);
        report.organisations[outcome] += 1;
        report.records.push({ record: "organisation", ref, id, outcome });
        refs.push({ kind: "organisation", scope, ref, entityId: id, createdAt: now });
        if ((index + 1) % 100 === 0) progress({ phase: "written", done: index + 1, total });
      }
      const idOf = (target: OrganisationTarget) =>
        "id" in target ? target.id : organisationIds.get(target.fileRef)!;
      for (const organisation of plan.organisations) {
        for (const cluster of organisation.clusters) {
          const created = await importAffiliation(
            scoped,
            actorId,
            idOf(cluster),
            organisationIds.get(organisation.ref)!,
          );
          if (created) report.affiliations.created += 1;
        }
      }
      progress({ phase: "written", done: plan.organisations.length, total });
      const results = await importSolutions(
        tx,
        ctx.clock,
        actorId,
        plan.solutions.map((solution) => ({
          existingId: solution.existingId,
          providerId: idOf(solution.provider),
          providerKind: solution.providerKind,
          title: solution.record.title,
          summary: solution.record.summary,
          description: solution.record.description,
          sectors: solution.record.sectors,
          capabilities: solution.capabilities,
          trl: solution.record.trl,
          countriesDeployed: solution.record.countriesDeployed,
          // A CSV has no images: an existing solution keeps its own.
          media: file.format === "csv" ? null : solution.record.media,
          referenceLinks: solution.record.referenceLinks,
        })),
        (written) =>
          progress({ phase: "written", done: plan.organisations.length + written, total }),
      );
      for (const [index, result] of results.entries()) {
        const ref = plan.solutions[index]!.ref;
        report.solutions[result.outcome] += 1;
        report.records.push({ record: "solution", ref, id: result.id, outcome: result.outcome });
        refs.push({ kind: "solution", scope, ref, entityId: result.id, createdAt: now });
      }
      const challengeResults = await importChallenges(
        scoped,
        actorId,
        plan.challenges.map(({ ref: _ref, organisation, ...challenge }) => ({
          ...challenge,
          organisationId: idOf(organisation),
        })),
      );
      for (const [index, result] of challengeResults.entries()) {
        const ref = plan.challenges[index]!.ref;
        report.challenges[result.outcome] += 1;
        report.records.push({ record: "challenge", ref, id: result.id, outcome: result.outcome });
        refs.push({ kind: "challenge", scope, ref, entityId: result.id, createdAt: now });
      }
      const solutionIds = new Map(
        plan.solutions.map((solution, index) => [solution.ref, results[index]!.id]),
      );
      for (const reference of plan.references) {
        const { record } = reference;
        const result = await importReferenceRecord(scoped, actorId, {
          existingId: reference.existingId,
          solutionId:
            "id" in reference.solution
              ? reference.solution.id
              : solutionIds.get(reference.solution.fileRef)!,
          content: {
            ...(record.sector ? { sector: record.sector } : {}),
            city:
              "organisation" in reference.city
                ? { organisationId: idOf(reference.city.organisation) }
                : reference.city,
            startedOn: record.startedOn,
            endedOn: record.endedOn ?? null,
            scale: record.scale,
            description: record.description,
            metrics: record.metrics,
          },
        });
        report.references[result.outcome] += 1;
        report.records.push({
          record: "reference",
          ref: reference.ref,
          id: result.id,
          outcome: result.outcome,
        });
        refs.push({
          kind: "reference",
          scope,
          ref: reference.ref,
          entityId: result.id,
          createdAt: now,
        });
      }
      for (const planned of plan.fundingSources) {
        const { ref, funder, ...content } = planned.record;
        const result = await importFundingSource(scoped, actorId, {
          existingId: planned.existingId,
          content: { ...content, funderId: idOf(planned.funder) },
        });
        report.fundingSources[result.outcome] += 1;
        report.records.push({
          record: "funding_source",
          ref,
          id: result.id,
          outcome: result.outcome,
        });
        refs.push({ kind: "funding_source", scope, ref, entityId: result.id, createdAt: now });
      }
      progress({ phase: "written", done: total, total });
      await rememberRefs(tx, refs);
      const changed =
        report.organisations.created +
        report.organisations.updated +
        report.solutions.created +
        report.solutions.updated +
        report.challenges.created +
        report.challenges.updated +
        report.references.created +
        report.references.updated +
        report.fundingSources.created +
        report.fundingSources.updated +
        report.affiliations.created;
      if (changed > 0) {
        await recordImportEvent(tx, ctx.clock, {
          action: "import.completed",
          actorId,
          subjectId: randomUUID(),
          payload: {
            format: file.format,
            scope,
            organisations: report.organisations,
            solutions: report.solutions,
            challenges: report.challenges,
            references: report.references,
            fundingSources: report.fundingSources,
            affiliations: report.affiliations,
            sha256: file.sha256,
          },
        });
      }
      if (options.dryRun) throw new DryRunRollback(report);
      return report;
    });
    // Many new or changed solutions: matchmaking's word statistics are out of date.
    if (report.solutions.created + report.solutions.updated > 0) {
      await refreshSolutionStatistics(ctx.db);
    }
    return report;
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    throw error;
  }
}
