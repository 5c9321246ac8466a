import type { Db } from "../../core/db/client.ts";
import { referenceStates } from "../references/index.ts";
import { BundleReference } from "./contract.ts";
import type { RecordType, SourceRecord } from "./import-file.ts";
import type { OrganisationTarget, PlannedSolution } from "./plan.ts";
import type { Importer } from "./policy.ts";

/**
 * The references of an import file, checked after its solutions: each names a solution of the
 * file or an existing one (of the importer's scope: a cluster's admins, their members'), and a
 * city organisation or a city by name. A ref imported before updates that reference.
 */

export interface PlannedReference {
  ref: string;
  existingId: string | null;
  solution: { fileRef: string } | { id: string };
  city: { organisation: OrganisationTarget } | { name: string; country: string };
  record: BundleReference;
}

/** A solution a reference points at: one of this file, or an existing one, with its provider. */
export type SolutionTarget =
  | { fileRef: string; provider: OrganisationTarget }
  | { id: string; providerId: string };

export async function planReferences(
  db: Db,
  importer: Importer,
  sources: SourceRecord[],
  tools: {
    problem: (
      source: SourceRecord,
      ref: string | null,
      path: PropertyKey[],
      message: string,
    ) => void;
    issues: (source: SourceRecord, ref: string | null, error: import("zod").ZodError) => void;
    /** Refs of references imported before in the importer's scope, and their ids. */
    knownRefs: (refs: string[]) => Promise<Map<string, string>>;
    solution: (reference: string) => Promise<SolutionTarget | null>;
    organisation: (
      reference: string,
    ) => Promise<{ target: OrganisationTarget; kind: string; name: string } | null>;
    /** Cluster importers: whether the organisation is the cluster or one of its members. */
    mayWriteFor: (target: OrganisationTarget) => boolean;
  },
): Promise<PlannedReference[]> {
  const valid: Array<{ source: SourceRecord; record: BundleReference }> = [];
  const seen = new Set<string>();
  for (const source of sources) {
    const rawRef = (source.raw as { ref?: unknown } | null)?.ref;
    const ref = typeof rawRef === "string" ? rawRef.trim() : null;
    if (ref && seen.has(ref))
      tools.problem(source, ref, ["ref"], "repeats the ref of another reference");
    if (ref) seen.add(ref);
    const parsed = BundleReference.safeParse(source.raw);
    if (parsed.success) valid.push({ source, record: parsed.data });
    else tools.issues(source, ref, parsed.error);
  }
  const known = await tools.knownRefs(valid.map((item) => item.record.ref));
  const existing = await referenceStates(db, [...known.values()]);
  const planned: PlannedReference[] = [];
  for (const { source, record } of valid) {
    const say = (path: PropertyKey[], message: string) =>
      tools.problem(source, record.ref, path, message);
    const solution = await tools.solution(record.solution);
    if (!solution) {
      say(["solution"], `${record.solution} is no active solution of this file or of the platform`);
      continue;
    }
    const provider: OrganisationTarget =
      "fileRef" in solution ? solution.provider : { id: solution.providerId };
    if (importer.kind === "cluster" && !tools.mayWriteFor(provider)) {
      say(["solution"], `is not a solution of ${importer.clusterName} or of one of its members`);
    }
    let city: PlannedReference["city"];
    if ("organisation" in record.city) {
      const found = await tools.organisation(record.city.organisation);
      if (found?.kind !== "city") {
        say(
          ["city", "organisation"],
          `${record.city.organisation} is no city organisation of this file or of the platform`,
        );
        continue;
      }
      city = { organisation: found.target };
    } else {
      city = { name: record.city.name, country: record.city.country };
    }
    const existingId = known.get(record.ref) ?? null;
    const state = existingId ? existing.get(existingId) : undefined;
    if (existingId && !state) say(["ref"], "names a reference that was deleted");
    if (state && "id" in solution && state.solutionId !== solution.id) {
      say(["solution"], "cannot change: the reference is of another solution");
    }
    planned.push({
      ref: record.ref,
      existingId: state ? existingId : null,
      solution: "fileRef" in solution ? { fileRef: solution.fileRef } : { id: solution.id },
      city,
      record,
    });
  }
  return planned;
}

export type { PlannedSolution, RecordType };
