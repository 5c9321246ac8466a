import type { Actor } from "../../core/auth/actor.ts";
import type { Clock } from "../../core/clock.ts";
import type { Db } from "../../core/db/client.ts";
import {
  COVER_BROADER,
  COVER_DECLARED,
  COVER_NAMED,
  type SolutionFit,
  type SolutionHeadline,
  scoreSolutionsForNeed,
  solutionHeadlines,
} from "../catalogue/index.ts";
import { type ChallengeNeed, readableChallengeNeed } from "../challenges/index.ts";
import { organisationSummaries } from "../organisations/index.ts";
import type {
  FactorExplanation,
  OrganisationRecommendation,
  Recommendations,
  SolutionRecommendation,
} from "./contract.ts";
import type { NeedContext } from "./need.ts";
import {
  computeAndStoreFits,
  type NeedWording,
  readStoredList,
  servedFits,
} from "./stored-recommendations.ts";
import { PROVIDER_IN_COUNTRY, PROVIDER_IN_REGION, weightsFor } from "./weights.ts";

/**
 * Recommendations for a challenge: the catalogue scores its candidates in the database (ahead
 * of the request, stored-recommendations.ts, or on demand when no stored list holds); here the
 * provider's own place joins the geography factor for the best of them, and every factor is
 * explained.
 */

export interface RecommendationOptions {
  kind: "solutions" | "organisations";
  limit: number;
  includeBelowMinTrl: boolean;
}

/** Candidates scored in the database before the provider's place re-ranks them. */
const POOL_FACTOR = 4;
const MIN_POOL = 40;
/** Organisations are ranked from a wider pool: several of its solutions may match. */
const ORGANISATION_POOL = 200;

interface ScoredSolution {
  fit: SolutionFit;
  score: number;
  geography: number;
  provider: "country" | "region" | "none";
  deployed: "country" | "region" | "none";
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export async function recommendForChallenge(
  db: Db,
  clock: Clock,
  actor: Actor,
  challengeId: string,
  options: RecommendationOptions,
): Promise<Recommendations> {
  const pool =
    options.kind === "solutions"
      ? Math.max(options.limit * POOL_FACTOR, MIN_POOL)
      : Math.max(ORGANISATION_POOL, options.limit * POOL_FACTOR);
  const wanted = { pool, includeBelowMinTrl: options.includeBelowMinTrl };
  // The stored list is read while the actor's right to the challenge is checked; nothing of it
  // is used unless that check passes.
  const [challenge, stored] = await Promise.all([
    readableChallengeNeed(db, actor, challengeId),
    readStoredList(db, challengeId, wanted),
  ]);
  const listed =
    servedFits(stored, challenge) ?? (await computeAndStoreFits(db, clock, challenge, wanted));
  const context = listed.wording;
  const { scored, providers } = await placeProviders(
    db,
    challenge,
    context.requirements,
    listed.regionCountries,
    listed.fits,
  );
  const providerOf = (id: string) => {
    const provider = providers.get(id);
    return {
      id,
      slug: provider?.slug ?? id,
      name: provider?.name ?? "",
      kind: provider?.kind ?? "company",
      country: provider?.country ?? "",
      verified: provider?.verified ?? false,
    };
  };
  const base = {
    challengeId: challenge.id,
    kind: options.kind,
    requirements: context.requirements,
    weights: { ...weightsFor(context.requirements) },
  };
  if (options.kind === "solutions") {
    const shown = scored.slice(0, options.limit);
    const profiles = await headlinesOf(
      db,
      shown.map((item) => item.fit.id),
    );
    const solutions: SolutionRecommendation[] = shown.flatMap((item) => {
      const profile = profiles.get(item.fit.id);
      if (!profile) return [];
      return [
        {
          solution: {
            id: profile.id,
            title: profile.title,
            summary: profile.summary,
            trl: profile.trl,
            provider: providerOf(profile.providerId),
          },
          score: round(item.score),
          belowMinTrl: item.fit.belowMinTrl,
          factors: explain(challenge, context, item),
        },
      ];
    });
    return { ...base, solutions, organisations: [] };
  }
  const byProvider = new Map<string, ScoredSolution[]>();
  for (const item of scored) {
    byProvider.set(item.fit.providerId, [...(byProvider.get(item.fit.providerId) ?? []), item]);
  }
  const ranked = [...byProvider.entries()]
    .map(([providerId, items]) => ({ providerId, items }))
    .sort(
      (a, b) =>
        b.items[0]!.score - a.items[0]!.score ||
        b.items.length - a.items.length ||
        (a.providerId < b.providerId ? -1 : 1),
    )
    .slice(0, options.limit);
  const profiles = await headlinesOf(
    db,
    ranked.flatMap(({ items }) => items.slice(0, 3).map((item) => item.fit.id)),
  );
  const organisations: OrganisationRecommendation[] = ranked.map(({ providerId, items }) => ({
    organisation: providerOf(providerId),
    score: round(items[0]!.score),
    solutions: items.slice(0, 3).map((item) => ({
      id: item.fit.id,
      title: profiles.get(item.fit.id)?.title ?? "",
      score: round(item.score),
    })),
    matchingSolutions: items.length,
    factors: explain(challenge, context, items[0]!),
  }));
  return { ...base, solutions: [], organisations };
}

/** What is shown of the solutions a request names: only those, and only their headlines. */
async function headlinesOf(db: Db, ids: string[]): Promise<Map<string, SolutionHeadline>> {
  return new Map((await solutionHeadlines(db, ids)).map((headline) => [headline.id, headline]));
}

/** The database's scores, with the provider's place added to geography, best first. */
export async function scoreForNeed(
  db: Db,
  challenge: Pick<ChallengeNeed, "city">,
  context: NeedContext,
  pool: number,
): Promise<ScoredSolution[]> {
  const weights = weightsFor(context.requirements);
  const fits = await scoreSolutionsForNeed(db, context.need, weights, pool);
  const { scored } = await placeProviders(
    db,
    challenge,
    context.requirements,
    context.need.regionCountries,
    fits,
  );
  return scored;
}

/** The provider's place added to geography (from its current country), best first. */
async function placeProviders(
  db: Db,
  challenge: Pick<ChallengeNeed, "city">,
  requirements: NeedContext["requirements"],
  regionCountries: string[],
  fits: SolutionFit[],
): Promise<{
  scored: ScoredSolution[];
  providers: Awaited<ReturnType<typeof organisationSummaries>>;
}> {
  const weights = weightsFor(requirements);
  const providers = await organisationSummaries(
    db,
    fits.map((fit) => fit.providerId),
  );
  const country = challenge.city.country;
  const region = new Set(regionCountries);
  const weight = weights.geography;
  const scored = fits
    .map((fit): ScoredSolution => {
      const providerCountry = providers.get(fit.providerId)?.country ?? "";
      const provider =
        providerCountry && providerCountry === country
          ? "country"
          : region.has(providerCountry)
            ? "region"
            : "none";
      const providerValue =
        provider === "country"
          ? PROVIDER_IN_COUNTRY
          : provider === "region"
            ? PROVIDER_IN_REGION
            : 0;
      const geography = Math.max(fit.geography, providerValue);
      const deployed = fit.geography >= 1 ? "country" : fit.geography > 0 ? "region" : "none";
      return {
        fit,
        geography,
        provider,
        deployed,
        score: Math.min(1, Math.max(0, fit.score + weight * (geography - fit.geography))),
      };
    })
    .sort((a, b) => b.score - a.score || (a.fit.id < b.fit.id ? -1 : 1));
  return { scored, providers };
}

function explain(
  challenge: ChallengeNeed,
  context: NeedWording,
  item: ScoredSolution,
): FactorExplanation[] {
  const weights = weightsFor(context.requirements);
  const { fit } = item;
  const words = [
    ...new Set(
      fit.matchedLexemes.flatMap((lexeme) => {
        const word = context.wordOfLexeme.get(lexeme);
        return word ? [word] : [];
      }),
    ),
  ];
  const seenVia = new Set<string>();
  const synonyms = fit.matchedPhrases.flatMap((term) => {
    const via = context.phraseOrigins.get(term) ?? "";
    // A term the challenge itself uses is a shared word, not a synonym.
    if (!via || term.toLowerCase() === via.toLowerCase() || seenVia.has(term)) return [];
    seenVia.add(term);
    return [{ term, via }];
  });
  return [
    {
      factor: "capabilities",
      weight: weights.capabilities,
      value: round(fit.capabilities),
      required: context.requirements.map((requirement, index) => {
        const cover = fit.coverage[index] ?? 0;
        return {
          code: requirement.code,
          cover:
            cover >= COVER_DECLARED
              ? "declared"
              : cover >= COVER_NAMED
                ? "named"
                : cover >= COVER_BROADER
                  ? "broader"
                  : "none",
        };
      }),
      inferred: context.requirements.some((requirement) => requirement.inferred),
    },
    {
      factor: "text",
      weight: weights.text,
      value: round(fit.text),
      words,
      synonyms: synonyms.slice(0, 5),
    },
    {
      factor: "sectors",
      weight: weights.sectors,
      value: round(fit.sectors),
      shared: challenge.sectors.filter((sector) => fit.solutionSectors.includes(sector)),
    },
    {
      factor: "trl",
      weight: weights.trl,
      value: round(fit.trl),
      trl: fit.solutionTrl,
      minTrl: challenge.minTrl,
    },
    {
      factor: "evidence",
      weight: weights.evidence,
      value: round(fit.evidence),
      countries: [...fit.countries].sort(),
      verifiedReferences: fit.verifiedReferences ?? 0,
    },
    {
      factor: "geography",
      weight: weights.geography,
      value: round(item.geography),
      deployed: item.deployed,
      provider: item.provider,
      country: challenge.city.country,
    },
  ];
}
