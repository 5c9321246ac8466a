/**
 * Challenges: what cities ask the market for, their lifecycle per procurement model, the public
 * catalogue, clarifications (anonymised Q&A), the co-creation board, follows, saved searches and
 * attachments. See docs/challenges.md.
 */

import type { Actor } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import type { Db } from "../../core/db/client.ts";
import type { ModuleManifest } from "../../core/module.ts";
import { cityDirectory, cityOfOrganisation } from "../organisations/index.ts";
import { viewerOf, visibleChallenge } from "./commands/access.ts";
import type { ProcurementModel } from "./contract.ts";
import { challengeErrors } from "./errors.ts";
import { canView } from "./policy.ts";
import {
  type ChallengeRow,
  clarificationsByChallenge,
  findChallenge,
  findChallengeRows,
  listPublicChallengesAfter,
} from "./repository.ts";
import { challengesRoutes } from "./routes.ts";

export function challengesModule(ctx: ServiceContext): ModuleManifest {
  return {
    name: "challenges",
    routes: async (app) => {
      await app.register(challengesRoutes, { ctx });
    },
  };
}
export {
  type ChallengeImportProblem,
  challengeImportProblems,
  challengeStates,
  type ImportedChallenge,
  importChallenges,
} from "./commands/import-challenges.ts";
export { CHALLENGE_PUBLISHED_JOB } from "./commands/publication.ts";
/**
 * Moves a challenge along its lifecycle (procurement's award moves it to "awarded"; cancelling
 * the award during the standstill takes it back to evaluation). Procurement registers a guard
 * (guardTransitions) that keeps an awarded challenge there while its standstill runs.
 */
export {
  guardTransitions,
  reopenEvaluation,
  type TransitionGuard,
  transitionChallenge,
} from "./commands/transition-challenge.ts";
/** Procurement's plan sets a draft's model and deadlines through the same command as the form. */
export { updateDraft } from "./commands/update-challenge.ts";
export { listPublicChallenges } from "./repository.ts";
export {
  type ChallengeFit,
  type ChallengeLikeness,
  type OfferWeights,
  type SolutionOffer,
  scoreChallengesForOffer,
  sharedNeedRows,
  similarChallengeRows,
} from "./repository-matching.ts";

/** How other modules show a public challenge in a list: title, status and city. */
export interface ChallengeCard {
  id: string;
  title: string;
  summary: string;
  status: string;
  minTrl: number | null;
  proposalDeadline: string | null;
  city: { id: string; name: string; country: string };
}

export async function challengeCards(db: Db, ids: string[]): Promise<Map<string, ChallengeCard>> {
  const rows = (await findChallengeRows(db, [...new Set(ids)])).filter(
    (row) => row.status !== "draft",
  );
  const cities = await cityDirectory(db);
  return new Map(
    rows.map((row) => {
      const city = cities.get(row.cityId);
      return [
        row.id,
        {
          id: row.id,
          title: row.title,
          summary: row.summary,
          status: row.status,
          minTrl: row.minTrl,
          proposalDeadline: row.proposalDeadline?.toISOString() ?? null,
          city: { id: row.cityId, name: city?.name ?? "", country: city?.country ?? "" },
        },
      ];
    }),
  );
}

/** Whether the id names a challenge anyone may read (published or later; drafts are private). */
export async function isPublicChallenge(db: Db, id: string): Promise<boolean> {
  const [row] = await findChallengeRows(db, [id]);
  return row !== undefined && row.status !== "draft";
}
export { seedDemoChallenges } from "./seed-demo-challenges.ts";

/** What matchmaking reads of a challenge: what it asks for, how mature, and where. */
export interface ChallengeNeed {
  id: string;
  organisationId: string;
  status: string;
  title: string;
  summary: string;
  description: string;
  sectors: string[];
  capabilities: string[];
  minTrl: number | null;
  city: { id: string; name: string; country: string; region: string };
}

/** The challenge's need, when the actor may read the challenge (else the challenge's 404). */
export async function readableChallengeNeed(
  db: Db,
  actor: Actor,
  id: string,
): Promise<ChallengeNeed> {
  const challenge = await findChallenge(db, id);
  if (!challenge) throw challengeErrors.challengeNotFound();
  // The city is read beside the actor's role (one round trip, not two); shown only if allowed.
  const [viewer, need] = await Promise.all([viewerOf(db, actor, challenge), needOf(db, challenge)]);
  if (!canView(viewer, challenge)) throw challengeErrors.challengeNotFound();
  return need;
}

/** Needs of challenges by id, whoever may read them: for the platform's own work (alerts, benches). */
export async function challengeNeeds(db: Db, ids: string[]): Promise<ChallengeNeed[]> {
  const rows = await findChallengeRows(db, [...new Set(ids)]);
  return Promise.all(rows.map((row) => needOf(db, row)));
}

async function needOf(db: Db, challenge: ChallengeRow): Promise<ChallengeNeed> {
  const city = (await cityOfOrganisation(db, challenge.organisationId)) ?? {
    id: challenge.cityId,
    name: "",
    country: "",
    region: challenge.region,
  };
  return {
    id: challenge.id,
    organisationId: challenge.organisationId,
    status: challenge.status,
    title: challenge.title,
    summary: challenge.summary,
    description: challenge.description,
    sectors: challenge.sectors,
    capabilities: challenge.capabilities,
    minTrl: challenge.minTrl,
    city,
  };
}

/** What procurement reads of a challenge: its owner, status and proposal deadline. */
export interface ChallengeProcurementFacts {
  id: string;
  title: string;
  /** The owning city organisation. */
  organisationId: string;
  status: string;
  proposalDeadline: Date | null;
  procurementModel: ProcurementModel;
  questionDeadline: Date | null;
  awardDate: Date | null;
}

const procurementFactsOf = (row: ChallengeRow): ChallengeProcurementFacts => ({
  id: row.id,
  title: row.title,
  organisationId: row.organisationId,
  status: row.status,
  proposalDeadline: row.proposalDeadline,
  procurementModel: row.procurementModel,
  questionDeadline: row.questionDeadline,
  awardDate: row.awardDate,
});

/**
 * The challenge's procurement facts when the actor may read it (else the challenge's 404).
 * With `lock`, the challenge row stays locked until the transaction ends, so its status and
 * deadlines cannot change under a submission.
 */
export async function readableProcurementFacts(
  db: Db,
  actor: Actor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ChallengeProcurementFacts> {
  const { challenge } = await visibleChallenge(db, actor, id, options);
  return procurementFactsOf(challenge);
}

/** Procurement facts by id, whoever may read them: for the platform's own checks. */
export async function procurementFacts(
  db: Db,
  ids: string[],
): Promise<Map<string, ChallengeProcurementFacts>> {
  const rows = await findChallengeRows(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, procurementFactsOf(row)]));
}

/**
 * What transparency (OCDS, the integrity page) publishes of a public challenge: its terms,
 * timeline and Q&A. `askedBy` is for the platform's own use (publishing enquirers once the
 * procurement allows it); it is never presented as it is.
 */
export interface PublicChallengeRecord {
  id: string;
  organisationId: string;
  cityId: string;
  title: string;
  summary: string;
  description: string;
  sectors: string[];
  capabilities: string[];
  budget: { minMinor: number; maxMinor: number; currency: string } | null;
  minTrl: number | null;
  procurementModel: string;
  status: string;
  questionDeadline: Date | null;
  proposalDeadline: Date | null;
  awardDate: Date | null;
  publishedAt: Date | null;
  statusChangedAt: Date;
  updatedAt: Date;
  clarifications: Array<{
    id: string;
    question: string;
    answer: string | null;
    askedBy: string;
    askedAt: Date;
    answeredAt: Date | null;
  }>;
}

/**
 * Public challenges (never drafts) with their Q&A: some by id, or a page of all of them, oldest
 * first, after the challenge `after` (from the start when null).
 */
export async function publicChallengeRecords(
  db: Db,
  which: { ids: string[] } | { after: string | null; limit: number },
): Promise<PublicChallengeRecord[]> {
  const rows = (
    "ids" in which
      ? await findChallengeRows(db, [...new Set(which.ids)])
      : await listPublicChallengesAfter(db, which.after, which.limit)
  ).filter((row) => row.status !== "draft");
  const clarifications = await clarificationsByChallenge(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    organisationId: row.organisationId,
    cityId: row.cityId,
    title: row.title,
    summary: row.summary,
    description: row.description,
    sectors: row.sectors,
    capabilities: row.capabilities,
    budget:
      row.budgetMinMinor !== null && row.budgetMaxMinor !== null && row.budgetCurrency !== null
        ? {
            minMinor: row.budgetMinMinor,
            maxMinor: row.budgetMaxMinor,
            currency: row.budgetCurrency,
          }
        : null,
    minTrl: row.minTrl,
    procurementModel: row.procurementModel,
    status: row.status,
    questionDeadline: row.questionDeadline,
    proposalDeadline: row.proposalDeadline,
    awardDate: row.awardDate,
    publishedAt: row.publishedAt,
    statusChangedAt: row.statusChangedAt,
    updatedAt: row.updatedAt,
    clarifications: (clarifications.get(row.id) ?? []).map((clarification) => ({
      id: clarification.id,
      question: clarification.question,
      answer: clarification.answer,
      askedBy: clarification.askedBy,
      askedAt: clarification.askedAt,
      answeredAt: clarification.answeredAt,
    })),
  }));
}
