/**
 * Matchmaking: explainable recommendations between challenges and solutions (and their
 * providers). The catalogue scores candidates in the database; this module decides what the
 * factors weigh (weights.ts), what a challenge asks for (need.ts) and how each result is
 * explained. See docs/matchmaking.md.
 */
import type { Actor } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import type { Db } from "../../core/db/client.ts";
import type { ModuleManifest } from "../../core/module.ts";
import {
  COVER_BROADER,
  COVER_DECLARED,
  COVER_NAMED,
  SOLUTION_CHANGED_JOB,
  solutionProfiles,
} from "../catalogue/index.ts";
import {
  CHALLENGE_PUBLISHED_JOB,
  type ChallengeNeed,
  challengeNeeds,
  readableChallengeNeed,
} from "../challenges/index.ts";
import { challengeMatchAlerts } from "./alerts.ts";
import { needOfChallenge, type Requirement } from "./need.ts";
import { scoreForNeed } from "./recommend.ts";
import { matchmakingRoutes } from "./routes.ts";
import {
  mergeSolutionChanges,
  RECOMMENDATIONS_REFRESH_JOB,
  refreshChallengeList,
} from "./stored-recommendations.ts";

export function matchmakingModule(ctx: ServiceContext): ModuleManifest {
  const refresh = async (challengeId: string) => {
    const [challenge] = await challengeNeeds(ctx.db, [challengeId]);
    await refreshChallengeList(ctx.db, ctx.clock, challenge, challengeId);
  };
  const alerts = challengeMatchAlerts(ctx);
  return {
    name: "matchmaking",
    routes: async (app) => {
      await app.register(matchmakingRoutes, { ctx });
    },
    jobs: {
      // The list first: a retry after a failed alert must not tell anyone twice.
      [CHALLENGE_PUBLISHED_JOB]: async (job) => {
        await refresh(String(job.payload.challengeId ?? ""));
        await alerts(job);
      },
      [RECOMMENDATIONS_REFRESH_JOB]: (job) => refresh(String(job.payload.challengeId ?? "")),
      [SOLUTION_CHANGED_JOB]: (job) =>
        mergeSolutionChanges(
          ctx.db,
          ctx.clock,
          (job.payload.solutionIds as string[] | undefined) ?? [],
        ),
    },
  };
}
export { challengesForSolution } from "./across.ts";
export { needOfChallenge, type Requirement } from "./need.ts";
export { recommendForChallenge, scoreForNeed } from "./recommend.ts";
export {
  computeChallengeList,
  deleteStoredRecommendations,
  mergeSolutionChanges,
  refreshChallengeList,
  STORED_POOL,
  storedFitsAreFresh,
} from "./stored-recommendations.ts";
export { RECOMMENDATION_WEIGHTS } from "./weights.ts";

/** How a provider covers one requirement: a code it declares, named in its text, broader, none. */
export type RequirementCover = "declared" | "named" | "broader" | "none";

export function requirementCoverOf(value: number): RequirementCover {
  return value >= COVER_DECLARED
    ? "declared"
    : value >= COVER_NAMED
      ? "named"
      : value >= COVER_BROADER
        ? "broader"
        : "none";
}

const COVER_RANK: Record<RequirementCover, number> = {
  declared: 3,
  named: 2,
  broader: 1,
  none: 0,
};

/** One provider organisation's standing for a challenge, from its solutions that fit it. */
export interface ProviderCoverage {
  organisationId: string;
  /** Its best solution's score (at or above the challenge's minimum TRL); null when none. */
  fit: number | null;
  /** Per requirement: the strongest cover among those solutions, and the solution giving it. */
  cover: Array<{ cover: RequirementCover; solutionId: string | null }>;
  /** Per requirement: cover by its solutions below the minimum TRL only (the gap analysis). */
  belowMinTrl: Array<{ cover: RequirementCover; solutionId: string | null; trl: number | null }>;
  /** Based in the challenge city's country, elsewhere in its region, or neither. */
  place: "country" | "region" | "none";
}

export interface ChallengeCoverage {
  challenge: ChallengeNeed;
  requirements: Requirement[];
  providers: ProviderCoverage[];
  /** Titles of the solutions named in `cover` and `belowMinTrl`. */
  solutionTitles: Map<string, string>;
}

/** Solutions scored to find the providers: wide, since one provider may cover one rare need. */
const COVERAGE_POOL = 1_000;

/**
 * For the consortium builder: per provider organisation whose solutions fit the challenge (the
 * best `pool` solutions, below the minimum TRL included and kept apart), its best fit and how
 * it covers each requirement. The challenge's 404 when the actor may not read it.
 */
export async function providerCoverageForChallenge(
  db: Db,
  actor: Actor,
  challengeId: string,
  options: { pool?: number } = {},
): Promise<ChallengeCoverage> {
  const challenge = await readableChallengeNeed(db, actor, challengeId);
  const context = await needOfChallenge(db, challenge, { includeBelowMinTrl: true });
  const scored = await scoreForNeed(db, challenge, context, options.pool ?? COVERAGE_POOL);
  const count = context.requirements.length;
  const providers = new Map<string, ProviderCoverage>();
  const named = new Set<string>();
  for (const item of scored) {
    const { fit } = item;
    let provider = providers.get(fit.providerId);
    if (!provider) {
      provider = {
        organisationId: fit.providerId,
        fit: null,
        cover: Array.from({ length: count }, () => ({ cover: "none", solutionId: null })),
        belowMinTrl: Array.from({ length: count }, () => ({
          cover: "none",
          solutionId: null,
          trl: null,
        })),
        place: item.provider,
      };
      providers.set(fit.providerId, provider);
    }
    if (!fit.belowMinTrl && (provider.fit === null || item.score > provider.fit)) {
      provider.fit = item.score;
    }
    fit.coverage.forEach((value, index) => {
      const cover = requirementCoverOf(value);
      const slot = fit.belowMinTrl ? provider.belowMinTrl[index]! : provider.cover[index]!;
      if (COVER_RANK[cover] > COVER_RANK[slot.cover]) {
        slot.cover = cover;
        slot.solutionId = fit.id;
        if ("trl" in slot) slot.trl = fit.solutionTrl;
        named.add(fit.id);
      }
    });
  }
  const solutionTitles = new Map(
    (await solutionProfiles(db, [...named])).map((profile) => [profile.id, profile.title]),
  );
  return {
    challenge,
    requirements: context.requirements,
    providers: [...providers.values()],
    solutionTitles,
  };
}
