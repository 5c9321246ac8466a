import type { ServiceContext } from "../../../core/context.ts";
import type { Db } from "../../../core/db/client.ts";
import { recordChallengeEvent } from "../audit.ts";
import type { ChallengeStatus } from "../contract.ts";
import { statusesOf, timelineProblems } from "../lifecycle.ts";
import {
  type ChallengeRow,
  insertChallenge,
  lockChallengeRows,
  updateChallengeRow,
} from "../repository.ts";
import { afterPublication } from "./publication.ts";
import { type ChallengeFields, challengeValues } from "./update-challenge.ts";

/**
 * Challenges brought in by a bulk import (exchange module): a platform moving its challenges
 * over, or a city's drafts prepared in bulk. The same rules as the pages, stated as problems of
 * the file instead of errors: a draft may say anything; a challenge imported as published must
 * be publishable (complete, timeline in order, proposals still open); a challenge that is
 * already public keeps what bidders rely on, so a re-import may not change it.
 */

export interface ImportedChallenge {
  existingId: string | null;
  organisationId: string;
  cityId: string;
  region: string;
  fields: ChallengeFields;
  status: ChallengeStatus;
  /** Kept from the file (an export's), else the time of the import for public challenges. */
  publishedAt: Date | null;
}

export interface ChallengeImportProblem {
  path: PropertyKey[];
  message: string;
}

/**
 * Existing challenges by id, for the checks and the writes, locked until the import's
 * transaction ends: the page's transitions lock the row too, so a challenge cannot be published
 * between the check that it is a draft and the import's change to it.
 */
export async function challengeStates(db: Db, ids: string[]): Promise<Map<string, ChallengeRow>> {
  const rows = await lockChallengeRows(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, row]));
}

/** What bidders and the catalogue read: equal content means nothing to write. */
function contentOf(row: Partial<ChallengeRow>): string {
  const time = (value: Date | null | undefined) => value?.toISOString() ?? null;
  return JSON.stringify([
    row.title,
    row.summary,
    row.description ?? "",
    row.sectors,
    row.capabilities ?? [],
    // jsonb keeps its own key order: compare the values, in the contract's order.
    (row.kpis ?? []).map((kpi) => [kpi.metric, kpi.baseline, kpi.target, kpi.unit]),
    (row.contacts ?? []).map((contact) => [contact.name, contact.role, contact.email]),
    row.budgetMinMinor ?? null,
    row.budgetMaxMinor ?? null,
    row.budgetCurrency ?? null,
    row.minTrl ?? null,
    row.procurementModel,
    time(row.questionDeadline),
    time(row.proposalDeadline),
    time(row.awardDate),
  ]);
}

function valuesOf(challenge: ImportedChallenge) {
  return challengeValues({
    ...challenge.fields,
    description: challenge.fields.description ?? "",
    capabilities: challenge.fields.capabilities ?? [],
    kpis: challenge.fields.kpis ?? [],
    contacts: challenge.fields.contacts ?? [],
    budget: challenge.fields.budget ?? null,
    minTrl: challenge.fields.minTrl ?? null,
    timeline: challenge.fields.timeline ?? {},
  });
}

/** Why the record cannot be imported as it stands: empty when it can. */
export function challengeImportProblems(
  existing: ChallengeRow | undefined,
  challenge: ImportedChallenge,
  now: Date,
): ChallengeImportProblem[] {
  const problems: ChallengeImportProblem[] = [];
  const values = valuesOf(challenge);
  const { procurementModel } = challenge.fields;
  if (!statusesOf(procurementModel).includes(challenge.status)) {
    problems.push({
      path: ["status"],
      message: `is not a step of a ${procurementModel.replaceAll("_", " ")} challenge`,
    });
  }
  if (existing && existing.organisationId !== challenge.organisationId) {
    problems.push({
      path: ["organisation"],
      message: "cannot change: the challenge belongs to another city organisation",
    });
  }
  if (existing && existing.status !== "draft") {
    // Public already: what bidders rely on is fixed, and status changes are announced to
    // followers from the challenge page, not slipped in through a file.
    if (existing.status !== challenge.status) {
      problems.push({
        path: ["status"],
        message: `cannot change by import (it is ${existing.status}); change it on the challenge page`,
      });
    }
    if (contentOf(existing) !== contentOf({ ...existing, ...values })) {
      problems.push({
        path: ["ref"],
        message: `names ${/^[aeiou]/.test(existing.status) ? "an" : "a"} ${existing.status} challenge, whose content is fixed; only a draft changes by import`,
      });
    }
    return problems;
  }
  if (challenge.status === "draft") {
    if (challenge.publishedAt)
      problems.push({ path: ["publishedAt"], message: "is only for public challenges" });
    return problems;
  }
  // Becoming public now: the publication rule of the challenge page.
  if ((challenge.fields.description ?? "").trim().length < 20)
    problems.push({ path: ["description"], message: "must describe the challenge to publish it" });
  if ((challenge.fields.contacts ?? []).length === 0)
    problems.push({ path: ["contacts"], message: "name at least one contact person to publish" });
  const timeline = {
    questionDeadline: values.questionDeadline ?? null,
    proposalDeadline: values.proposalDeadline ?? null,
    awardDate: values.awardDate ?? null,
  };
  // Complete and in order; for a challenge still taking proposals, the deadline is ahead.
  for (const problem of timelineProblems(timeline, new Date(0), (name) => name)) {
    problems.push({ path: ["timeline", problem.field], message: problem.message });
  }
  if (
    challenge.status === "published" &&
    timeline.proposalDeadline &&
    timeline.proposalDeadline <= now
  ) {
    problems.push({
      path: ["timeline", "proposalDeadline"],
      message: "must be in the future for a published challenge (proposals are still open)",
    });
  }
  return problems;
}

export type ImportOutcome = "created" | "updated" | "unchanged";

/**
 * Writes challenges the plan has checked (challengeImportProblems found nothing), each with its
 * audit events; a publication tells the owners of matching saved searches, as on the page.
 */
export async function importChallenges(
  ctx: ServiceContext,
  actorId: string | null,
  challenges: ImportedChallenge[],
): Promise<Array<{ id: string; outcome: ImportOutcome }>> {
  const db = ctx.db;
  const existing = await challengeStates(
    db,
    challenges.flatMap((challenge) => (challenge.existingId ? [challenge.existingId] : [])),
  );
  const results: Array<{ id: string; outcome: ImportOutcome }> = [];
  for (const challenge of challenges) {
    const now = ctx.clock.now();
    const values = valuesOf(challenge);
    const publishedAt = challenge.status === "draft" ? null : (challenge.publishedAt ?? now);
    const current = challenge.existingId ? existing.get(challenge.existingId) : undefined;
    if (!current) {
      const row = await insertChallenge(db, {
        organisationId: challenge.organisationId,
        cityId: challenge.cityId,
        region: challenge.region,
        title: challenge.fields.title,
        summary: challenge.fields.summary,
        description: challenge.fields.description ?? "",
        sectors: challenge.fields.sectors,
        capabilities: challenge.fields.capabilities ?? [],
        kpis: challenge.fields.kpis ?? [],
        contacts: values.contacts ?? [],
        budgetMinMinor: values.budgetMinMinor ?? null,
        budgetMaxMinor: values.budgetMaxMinor ?? null,
        budgetCurrency: values.budgetCurrency ?? null,
        minTrl: challenge.fields.minTrl ?? null,
        procurementModel: challenge.fields.procurementModel,
        status: challenge.status,
        questionDeadline: values.questionDeadline ?? null,
        proposalDeadline: values.proposalDeadline ?? null,
        awardDate: values.awardDate ?? null,
        publishedAt,
        statusChangedAt: now,
        createdBy: actorId,
        createdAt: now,
        updatedAt: now,
      });
      await recordChallengeEvent(db, ctx.clock, {
        action: "challenge.created",
        actorId,
        subjectId: row.id,
        payload: {
          title: row.title,
          organisationId: row.organisationId,
          procurementModel: row.procurementModel,
        },
      });
      if (row.status !== "draft") await recordPublication(ctx, actorId, row, "draft");
      results.push({ id: row.id, outcome: "created" });
      continue;
    }
    const contentChanged = contentOf(current) !== contentOf({ ...current, ...values });
    const statusChanged = current.status !== challenge.status;
    if (!contentChanged && !statusChanged) {
      results.push({ id: current.id, outcome: "unchanged" });
      continue;
    }
    // Only drafts reach here changed (the plan refused changes to public challenges).
    await updateChallengeRow(db, current.id, {
      ...values,
      updatedAt: now,
      ...(statusChanged ? { status: challenge.status, statusChangedAt: now, publishedAt } : {}),
    });
    if (contentChanged) {
      await recordChallengeEvent(db, ctx.clock, {
        action: "challenge.updated",
        actorId,
        subjectId: current.id,
        payload: { fields: ["import"] },
      });
    }
    if (statusChanged) {
      await recordPublication(
        ctx,
        actorId,
        { ...current, title: challenge.fields.title },
        current.status,
        challenge.status,
      );
    }
    results.push({ id: current.id, outcome: "updated" });
  }
  return results;
}

async function recordPublication(
  ctx: ServiceContext,
  actorId: string | null,
  challenge: Pick<ChallengeRow, "id" | "title" | "status">,
  from: ChallengeStatus,
  to: ChallengeStatus = challenge.status,
): Promise<void> {
  const savedSearchMatches = await afterPublication(ctx, ctx.db, challenge);
  await recordChallengeEvent(ctx.db, ctx.clock, {
    action: "challenge.status_changed",
    actorId,
    subjectId: challenge.id,
    payload: { from, to, reason: "import", savedSearchMatches },
  });
}
