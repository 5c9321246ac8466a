import type { Db } from "../../core/db/client.ts";
import { mapTagsToCapabilities, solutionStates } from "../catalogue/index.ts";
import {
  challengeImportProblems,
  challengeStates,
  type ImportedChallenge,
} from "../challenges/index.ts";
import { fundingSourceFunders } from "../funding/index.ts";
import type { OrganisationKind } from "../organisations/contract.ts";
import {
  canAffiliate,
  cityDirectory,
  cityOfOrganisation,
  membersOfCluster,
  organisationExists,
  organisationSummaries,
} from "../organisations/index.ts";
import {
  BundleChallenge,
  BundleFundingSource,
  BundleOrganisation,
  BundleSolution,
  type ImportProblem,
} from "./contract.ts";
import {
  type ImportFile,
  issueProblems,
  locate,
  type RecordType,
  type SourceRecord,
} from "./import-file.ts";
import { type PlannedReference, planReferences } from "./plan-references.ts";

/** A funding source of the file, its funder resolved (a funder organisation). */
export interface PlannedFundingSource {
  ref: string;
  existingId: string | null;
  funder: OrganisationTarget;
  record: BundleFundingSource;
}

import { type Importer, scopeOf } from "./policy.ts";
import { idsOfRefs } from "./repository.ts";

/**
 * Checks a whole import file before anything is written: every record's fields, refs unique
 * per kind, every reference resolvable (to a record of the file, a ref of an earlier import,
 * or an existing organisation's address or id), kinds that fit, capabilities that map onto the
 * taxonomy, and the importer's right to each record. Returns every problem, or the plan.
 */

/** An organisation a record points at: one of this file, or one that exists. */
export type OrganisationTarget = { fileRef: string } | { id: string };

export interface PlannedOrganisation {
  ref: string;
  existingId: string | null;
  name: string;
  kind: OrganisationKind;
  country: string;
  cityId: string | null;
  locality: string | null;
  website: string | null;
  description: string;
  clusters: OrganisationTarget[];
}

export interface PlannedSolution {
  ref: string;
  existingId: string | null;
  provider: OrganisationTarget;
  providerKind: "company" | "research" | "cluster";
  record: BundleSolution;
  capabilities: string[];
}

/** A challenge, its organisation still possibly a record of the file. */
export interface PlannedChallenge extends Omit<ImportedChallenge, "organisationId"> {
  ref: string;
  organisation: OrganisationTarget;
}

export interface ImportPlan {
  organisations: PlannedOrganisation[];
  solutions: PlannedSolution[];
  challenges: PlannedChallenge[];
  references: PlannedReference[];
  fundingSources: PlannedFundingSource[];
  warnings: ImportProblem[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOTTED_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;
const providerKinds = ["company", "research", "cluster"] as const;
const MAX_CAPABILITIES = 30;

interface Checked<Record> {
  source: SourceRecord;
  record: Record;
}

export async function planImport(
  db: Db,
  importer: Importer,
  file: ImportFile,
  now: Date,
): Promise<{ problems: ImportProblem[]; plan: ImportPlan }> {
  const scope = scopeOf(importer);
  const problems: ImportProblem[] = [...file.problems];
  const warnings: ImportProblem[] = [];
  const problem = (
    type: RecordType,
    source: SourceRecord,
    ref: string | null,
    path: PropertyKey[],
    message: string,
  ) => problems.push(locate(file, type, source, ref, path, message));

  // 1. Each record on its own, and refs unique per kind.
  const check = <
    Schema extends
      | typeof BundleOrganisation
      | typeof BundleSolution
      | typeof BundleChallenge
      | typeof BundleFundingSource,
  >(
    type: RecordType,
    schema: Schema,
    sources: SourceRecord[],
  ) => {
    const valid: Array<Checked<ReturnType<Schema["parse"]>>> = [];
    const seen = new Map<string, SourceRecord>();
    for (const source of sources) {
      const rawRef = (source.raw as { ref?: unknown } | null)?.ref;
      const ref = typeof rawRef === "string" ? rawRef.trim() : null;
      if (ref) {
        const first = seen.get(ref);
        if (first) {
          problem(
            type,
            source,
            ref,
            ["ref"],
            `repeats the ref of ${file.format === "csv" ? `line ${first.line}` : `record ${first.index}`}`,
          );
        } else {
          seen.set(ref, source);
        }
      }
      const parsed = schema.safeParse(source.raw);
      if (parsed.success)
        valid.push({ source, record: parsed.data as ReturnType<Schema["parse"]> });
      else problems.push(...issueProblems(file, type, source, ref, parsed.error));
    }
    return valid;
  };
  const organisations = check("organisation", BundleOrganisation, file.organisations);
  const solutions = check("solution", BundleSolution, file.solutions);
  const challenges = check("challenge", BundleChallenge, file.challenges);
  if (importer.kind === "cluster") {
    for (const { source, record } of challenges) {
      problem(
        "challenge",
        source,
        record.ref,
        [],
        "a cluster's admins import no challenges; challenges are a city's",
      );
    }
  }

  // 2. What the refs and references name.
  const fileOrganisations = new Map(organisations.map((item) => [item.record.ref, item.record]));
  const organisationRefs = await idsOfRefs(db, "organisation", scope, [
    ...organisations.map((item) => item.record.ref),
    ...organisations.flatMap((item) => item.record.clusters),
    ...solutions.map((item) => item.record.organisation),
    ...challenges.map((item) => item.record.organisation),
  ]);
  const solutionRefs = await idsOfRefs(
    db,
    "solution",
    scope,
    solutions.map((item) => item.record.ref),
  );
  const existingOrganisations = new Map<
    string,
    { id: string; kind: string; name: string } | null
  >();
  const lookUp = async (reference: string) => {
    if (existingOrganisations.has(reference)) return existingOrganisations.get(reference) ?? null;
    const mapped = organisationRefs.get(reference);
    const found = mapped
      ? (await organisationSummaries(db, [mapped])).get(mapped)
      : await organisationExists(db, reference);
    const summary = found ? { id: found.id, kind: found.kind, name: found.name } : null;
    existingOrganisations.set(reference, summary);
    return summary;
  };
  /** The existing organisation a record of the file updates: its ref's, or the one its id names. */
  const existingIdOf = new Map<string, string>();
  for (const { record } of organisations) {
    const mapped = organisationRefs.get(record.ref);
    if (mapped) existingIdOf.set(record.ref, mapped);
    else if (UUID.test(record.ref)) {
      const found = await organisationExists(db, record.ref);
      if (found) existingIdOf.set(record.ref, found.id);
    }
  }
  /** A reference to an organisation: a record of this file first, then an existing one. */
  const resolve = async (
    reference: string,
  ): Promise<{ target: OrganisationTarget; kind: string; name: string } | null> => {
    const inFile = fileOrganisations.get(reference);
    if (inFile) {
      const id = existingIdOf.get(reference);
      return { target: id ? { id } : { fileRef: reference }, kind: inFile.kind, name: inFile.name };
    }
    const existing = await lookUp(reference);
    return existing
      ? { target: { id: existing.id }, kind: existing.kind, name: existing.name }
      : null;
  };
  const clusterMembers =
    importer.kind === "cluster"
      ? new Set(await membersOfCluster(db, importer.clusterId))
      : new Set<string>();
  const cities = await cityDirectory(db);
  const cityByName = new Map([...cities.values()].map((city) => [city.name.toLowerCase(), city]));

  // 3. Organisations.
  const plannedOrganisations: PlannedOrganisation[] = [];
  for (const { source, record } of organisations) {
    const ref = record.ref;
    const say = (path: PropertyKey[], message: string) =>
      problem("organisation", source, ref, path, message);
    const existingId = existingIdOf.get(ref) ?? null;
    const existing = existingId
      ? (await organisationSummaries(db, [existingId])).get(existingId)
      : undefined;
    let cityId: string | null = null;
    if (record.kind === "city") {
      const city = record.city
        ? (cities.get(record.city) ?? cityByName.get(record.city.toLowerCase()))
        : undefined;
      if (!record.city)
        say(["city"], "is required for a city organisation (a C40 city's name or id)");
      else if (!city) say(["city"], `${record.city} is not a C40 city`);
      else cityId = city.id;
      if (existing && city && existing.cityName !== city.name)
        say(["city"], `cannot change (it is ${existing.cityName})`);
    } else if (record.city) {
      say(["city"], "is only for city organisations");
    }
    if (existing && existing.kind !== record.kind)
      say(["kind"], `cannot change (it is a ${existing.kind})`);
    const clusters: OrganisationTarget[] = [];
    for (const [index, reference] of record.clusters.entries()) {
      const parent = await resolve(reference);
      if (!parent) {
        say(["clusters", index], `${reference} is no organisation of this file or of the platform`);
        continue;
      }
      if (reference === ref || !canAffiliate(record.kind, parent.kind as OrganisationKind)) {
        say(
          ["clusters", index],
          `a ${record.kind} organisation cannot join ${parent.name} (a ${parent.kind})`,
        );
        continue;
      }
      clusters.push(parent.target);
    }
    if (importer.kind === "cluster") {
      if (record.kind !== "company" && record.kind !== "research") {
        say(
          ["kind"],
          "a cluster's admins import only companies and research institutes (their members)",
        );
      }
      const ownCluster = clusters.some(
        (target) => "id" in target && target.id === importer.clusterId,
      );
      if (!ownCluster)
        say(
          ["clusters"],
          `must include your cluster (${importer.clusterName}): a cluster's admins import its members`,
        );
      for (const [index, target] of clusters.entries()) {
        if (!("id" in target) || target.id !== importer.clusterId) {
          say(["clusters", index], `only ${importer.clusterName} (your cluster) may be named`);
        }
      }
      if (existing && !clusterMembers.has(existing.id)) {
        say(
          ["ref"],
          `names ${existing.name}, which is not a member of ${importer.clusterName}; only its own admins or platform admins may change it`,
        );
      }
    }
    plannedOrganisations.push({
      ref,
      existingId,
      name: record.name,
      kind: record.kind,
      country: record.country,
      cityId,
      locality: record.locality ?? null,
      website: record.website ?? null,
      description: record.description,
      clusters,
    });
  }

  // 4. Solutions: provider, existing solution, capabilities.
  const states = await solutionStates(db, [
    ...solutionRefs.values(),
    ...solutions.map((item) => item.record.ref).filter((ref) => UUID.test(ref)),
  ]);
  // Capabilities of solutions and challenges: codes, or free text mapped onto the taxonomy.
  const entries = [
    ...new Set([...solutions, ...challenges].flatMap((item) => item.record.capabilities)),
  ];
  const mapped = new Map(
    (await mapTagsToCapabilities(db, entries)).map((row) => [row.tag, row.codes]),
  );
  /** A code that is none is a problem; free text that matches nothing, a warning. */
  const codesOf = (type: RecordType, source: SourceRecord, ref: string, list: string[]) => {
    const codes = new Set<string>();
    for (const [index, entry] of list.entries()) {
      const found = mapped.get(entry) ?? [];
      const path = ["capabilities", index];
      if (found.length > 0) for (const code of found) codes.add(code);
      else if (DOTTED_CODE.test(entry))
        problem(type, source, ref, path, `${entry} is not a capability code`);
      else
        warnings.push(
          locate(file, type, source, ref, path, `"${entry}" matches no capability; left out`),
        );
    }
    return codes;
  };
  const plannedSolutions: PlannedSolution[] = [];
  for (const { source, record } of solutions) {
    const ref = record.ref;
    const say = (path: PropertyKey[], message: string) =>
      problem("solution", source, ref, path, message);
    const provider = await resolve(record.organisation);
    const providerKind = providerKinds.find((kind) => kind === provider?.kind);
    if (!provider)
      say(
        ["organisation"],
        `${record.organisation} is no organisation of this file or of the platform`,
      );
    else if (!providerKind)
      say(
        ["organisation"],
        `${provider.name} is a ${provider.kind} organisation; solutions belong to a company, research institute or cluster`,
      );
    let existingId = solutionRefs.get(ref) ?? null;
    if (!existingId && UUID.test(ref) && states.has(ref)) existingId = ref;
    const state = existingId ? states.get(existingId) : undefined;
    if (state?.status === "archived")
      say(["ref"], "names an archived solution; restore it before importing it again");
    if (
      state &&
      provider &&
      !("id" in provider.target && provider.target.id === state.providerId)
    ) {
      say(["organisation"], "cannot change: the solution belongs to another organisation");
    }
    if (importer.kind === "cluster" && provider && "id" in provider.target) {
      const id = provider.target.id;
      if (id !== importer.clusterId && !clusterMembers.has(id)) {
        say(
          ["organisation"],
          `${provider.name} is not a member of ${importer.clusterName}; a cluster's admins import their members' solutions`,
        );
      }
    }
    const codes = codesOf("solution", source, ref, record.capabilities);
    if (codes.size > MAX_CAPABILITIES)
      say(["capabilities"], `map onto ${codes.size} capabilities; at most ${MAX_CAPABILITIES}`);
    if (provider && providerKind) {
      plannedSolutions.push({
        ref,
        existingId,
        provider: provider.target,
        providerKind,
        record,
        capabilities: [...codes].sort(),
      });
    }
  }
  // 5. Challenges: a city organisation, its city, capabilities, the lifecycle's rules.
  const challengeRefs = await idsOfRefs(
    db,
    "challenge",
    scope,
    challenges.map((item) => item.record.ref),
  );
  const challengeRows = await challengeStates(db, [
    ...challengeRefs.values(),
    ...challenges.map((item) => item.record.ref).filter((ref) => UUID.test(ref)),
  ]);
  const plannedChallenges: PlannedChallenge[] = [];
  for (const { source, record } of challenges) {
    const ref = record.ref;
    const say = (path: PropertyKey[], message: string) =>
      problem("challenge", source, ref, path, message);
    const owner = await resolve(record.organisation);
    let city: { id: string; name: string; region: string } | null = null;
    if (!owner) {
      say(
        ["organisation"],
        `${record.organisation} is no organisation of this file or of the platform`,
      );
    } else if (owner.kind !== "city") {
      say(
        ["organisation"],
        `${owner.name} is a ${owner.kind} organisation; challenges belong to a city organisation`,
      );
    } else if ("fileRef" in owner.target || existingIdOf.has(record.organisation)) {
      const planned = plannedOrganisations.find((item) => item.ref === record.organisation);
      const found = planned?.cityId ? cities.get(planned.cityId) : undefined;
      city = found ?? null;
    } else {
      city = await cityOfOrganisation(db, owner.target.id);
    }
    if (owner?.kind === "city" && record.city && city) {
      const named = cities.get(record.city) ?? cityByName.get(record.city.toLowerCase());
      if (!named) say(["city"], `${record.city} is not a C40 city`);
      else if (named.id !== city.id)
        say(["city"], `is not the city of ${owner.name} (${city.name})`);
    }
    let existingId = challengeRefs.get(ref) ?? null;
    if (!existingId && UUID.test(ref) && challengeRows.has(ref)) existingId = ref;
    const codes = codesOf("challenge", source, ref, record.capabilities);
    if (owner?.kind !== "city" || !city) continue;
    const {
      ref: _ref,
      organisation: _organisation,
      city: _city,
      status,
      publishedAt,
      ...fields
    } = record;
    const planned: PlannedChallenge = {
      ref,
      existingId,
      organisation: owner.target,
      cityId: city.id,
      region: city.region,
      fields: { ...fields, capabilities: [...codes].sort() },
      status,
      publishedAt: publishedAt ? new Date(publishedAt) : null,
    };
    const existing = existingId ? challengeRows.get(existingId) : undefined;
    // A new organisation of the file has no id yet: it owns only new challenges.
    const organisationId = "id" in owner.target ? owner.target.id : "";
    for (const found of challengeImportProblems(existing, { ...planned, organisationId }, now)) {
      say(found.path, found.message);
    }
    plannedChallenges.push(planned);
  }

  // 6. References: a solution of the file or an active one, a city organisation or a named city.
  const solutionOfFile = new Map(plannedSolutions.map((item) => [item.ref, item]));
  const plannedReferences = await planReferences(db, importer, file.references, {
    problem: (source, ref, path, message) => problem("reference", source, ref, path, message),
    issues: (source, ref, error) =>
      problems.push(...issueProblems(file, "reference", source, ref, error)),
    knownRefs: (refs) => idsOfRefs(db, "reference", scope, refs),
    solution: async (reference) => {
      const inFile = solutionOfFile.get(reference);
      if (inFile) {
        return inFile.existingId
          ? { id: inFile.existingId, providerId: states.get(inFile.existingId)!.providerId }
          : { fileRef: inFile.ref, provider: inFile.provider };
      }
      const id =
        (await idsOfRefs(db, "solution", scope, [reference])).get(reference) ??
        (UUID.test(reference) ? reference : null);
      const state = id ? (await solutionStates(db, [id])).get(id) : undefined;
      return id && state?.status === "active" ? { id, providerId: state.providerId } : null;
    },
    organisation: resolve,
    mayWriteFor: (target) =>
      importer.kind !== "cluster" ||
      !("id" in target) ||
      target.id === importer.clusterId ||
      clusterMembers.has(target.id),
  });

  // 7. Funding sources: platform importers only; the funder a funder organisation.
  const plannedFundingSources: PlannedFundingSource[] = [];
  const fundingSources = check("funding_source", BundleFundingSource, file.fundingSources);
  const knownSources = await idsOfRefs(
    db,
    "funding_source",
    scope,
    fundingSources.map((entry) => entry.record.ref),
  );
  const sourceFunders = await fundingSourceFunders(db, [...knownSources.values()]);
  for (const { source, record } of fundingSources) {
    const say = (path: PropertyKey[], message: string) =>
      problem("funding_source", source, record.ref, path, message);
    if (importer.kind === "cluster") {
      say([], "a cluster's admins import no funding sources; funders publish their own");
      continue;
    }
    const funder = await resolve(record.funder);
    if (funder?.kind !== "funder") {
      say(["funder"], `${record.funder} is no funder organisation of this file or of the platform`);
      continue;
    }
    const existingId = knownSources.get(record.ref) ?? null;
    const currentFunder = existingId ? sourceFunders.get(existingId) : undefined;
    if (existingId && !currentFunder) say(["ref"], "names a funding source that was deleted");
    if (currentFunder && "id" in funder.target && currentFunder !== funder.target.id) {
      say(["funder"], "cannot change: the source is another funder's");
    }
    plannedFundingSources.push({
      ref: record.ref,
      existingId: currentFunder ? existingId : null,
      funder: funder.target,
      record,
    });
  }

  return {
    problems,
    plan: {
      organisations: plannedOrganisations,
      solutions: plannedSolutions,
      challenges: plannedChallenges,
      references: plannedReferences,
      fundingSources: plannedFundingSources,
      warnings,
    },
  };
}
