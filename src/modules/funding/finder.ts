import type { Actor } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import { readableChallengeNeed } from "../challenges/index.ts";
import { visibleConsortiumMembers } from "../consortia/index.ts";
import type { OrganisationSummary } from "../organisations/contract.ts";
import {
  cityDirectory,
  organisationExists,
  organisationSummaries,
} from "../organisations/index.ts";
import type { FinderMatch, FinderResult } from "./contract.ts";
import { fundingErrors } from "./errors.ts";
import type { Standing } from "./policy.ts";
import { listSources } from "./repository.ts";
import { type Applicant, checkEligibility, fitOf, isOpen } from "./rules.ts";
import { presentSources, todayOf } from "./source-views.ts";

export interface FinderRequest {
  challengeId?: string;
  consortiumId?: string;
  organisationId?: string;
  instrument?: string;
  sector?: string;
  openNow?: "true" | "false";
  sort: "fit" | "deadline";
}

interface Resolved {
  applicant: Applicant;
  head: Omit<FinderResult["applicant"], "organisations">;
  organisations: OrganisationSummary[];
}

/** Who would apply, as the actor may see it (each module's own 404 otherwise). */
async function resolveApplicant(
  ctx: ServiceContext,
  actor: Actor,
  request: FinderRequest,
): Promise<Resolved> {
  const regions = new Map(
    [...(await cityDirectory(ctx.db)).values()].map((city) => [city.country, city.region]),
  );
  const describe = (summaries: OrganisationSummary[]) =>
    summaries.map((summary) => ({
      name: summary.name,
      kind: summary.kind,
      country: summary.country,
      region: regions.get(summary.country) ?? null,
    }));
  if (request.consortiumId) {
    const consortium = await visibleConsortiumMembers(ctx.db, actor, request.consortiumId);
    const need = await readableChallengeNeed(ctx.db, actor, consortium.challengeId).catch(
      () => null,
    );
    const summaries = [...(await organisationSummaries(ctx.db, consortium.memberIds)).values()];
    return {
      applicant: {
        kind: "consortium",
        organisations: describe(summaries),
        sectors: need?.sectors ?? null,
        trl: need?.minTrl ?? null,
      },
      head: { kind: "consortium", id: consortium.id, name: consortium.name },
      organisations: summaries,
    };
  }
  if (request.challengeId) {
    const need = await readableChallengeNeed(ctx.db, actor, request.challengeId);
    const summaries = [...(await organisationSummaries(ctx.db, [need.organisationId])).values()];
    return {
      applicant: {
        kind: "challenge",
        organisations: describe(summaries),
        sectors: need.sectors,
        trl: need.minTrl,
      },
      head: { kind: "challenge", id: need.id, name: need.title },
      organisations: summaries,
    };
  }
  const organisation = await organisationExists(ctx.db, request.organisationId ?? "");
  if (!organisation) throw fundingErrors.organisationNotFound();
  const summaries = [...(await organisationSummaries(ctx.db, [organisation.id])).values()];
  return {
    applicant: {
      kind: "organisation",
      organisations: describe(summaries),
      sectors: null,
      trl: null,
    },
    head: { kind: "organisation", id: organisation.id, name: organisation.name },
    organisations: summaries,
  };
}

/**
 * The funding finder: every source (after the filters) with each of its rules checked against
 * who would apply. Sorted by fit (fewest failed, then fewest unknown, then most passed) or by
 * deadline (soonest first, rolling ones last).
 */
export async function findFunding(
  ctx: ServiceContext,
  actor: Actor,
  standing: Standing,
  request: FinderRequest,
): Promise<FinderResult> {
  const { applicant, head, organisations } = await resolveApplicant(ctx, actor, request);
  const today = todayOf(ctx.clock);
  const rows = (await listSources(ctx.db, { instrument: request.instrument })).filter(
    (row) =>
      (!request.sector || row.sectors.length === 0 || row.sectors.includes(request.sector)) &&
      (request.openNow !== "true" || isOpen(row, today)),
  );
  const presented = new Map(
    (await presentSources(ctx.db, ctx.clock, standing, rows)).map((source) => [source.id, source]),
  );
  const matches: FinderMatch[] = rows.flatMap((row) => {
    const source = presented.get(row.id);
    if (!source) return [];
    const checks = checkEligibility(row, applicant, today);
    return [{ source, checks, ...fitOf(checks) }];
  });
  const byDeadline = (a: FinderMatch, b: FinderMatch) =>
    (a.source.closesOn ?? "9999-12-31").localeCompare(b.source.closesOn ?? "9999-12-31");
  matches.sort((a, b) =>
    request.sort === "deadline"
      ? byDeadline(a, b) || a.source.title.localeCompare(b.source.title)
      : a.failed - b.failed ||
        a.unknown - b.unknown ||
        b.passed - a.passed ||
        byDeadline(a, b) ||
        a.source.title.localeCompare(b.source.title),
  );
  return { applicant: { ...head, organisations }, matches };
}
