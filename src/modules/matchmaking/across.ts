import { type Actor, hasPlatformRole } from "../../core/auth/actor.ts";
import type { Db } from "../../core/db/client.ts";
import { commonErrors } from "../../core/http/problem.ts";
import {
  readableSolutionOffer,
  termsOfCapabilities,
  wordsWithLexemes,
} from "../catalogue/index.ts";
import {
  type ChallengeCard,
  challengeCards,
  readableChallengeNeed,
  scoreChallengesForOffer,
  sharedNeedRows,
  similarChallengeRows,
} from "../challenges/index.ts";
import { cityDirectory } from "../organisations/index.ts";
import type {
  ChallengesForSolution,
  FactorExplanation,
  SharedNeeds,
  SimilarChallenges,
} from "./contract.ts";
import { ancestorsOf, needOfChallenge } from "./need.ts";
import { LIKENESS_THRESHOLD, LIKENESS_WEIGHTS, OFFER_WEIGHTS } from "./weights.ts";

/**
 * The other directions: open challenges for a solution (the provider's view), challenges of
 * other cities that ask for the same thing, and the needs several cities share (the
 * secretariat's view of possible buyers' groups).
 */

const round = (value: number) => Math.round(value * 1000) / 1000;

/** A challenge as the lists show it. */
const listed = (card: ChallengeCard) => ({
  id: card.id,
  title: card.title,
  summary: card.summary,
  status: card.status,
  proposalDeadline: card.proposalDeadline,
  city: card.city,
});

const MAX_PHRASES = 80;

export async function challengesForSolution(
  db: Db,
  actor: Actor,
  solutionId: string,
  options: { limit: number; includeBelowMinTrl: boolean },
): Promise<ChallengesForSolution> {
  const solution = await readableSolutionOffer(db, actor, solutionId);
  // Independent reads: side by side on a server's pool.
  const [words, terms, directory] = await Promise.all([
    wordsWithLexemes(db, `${solution.title}. ${solution.summary}`),
    termsOfCapabilities(db, solution.capabilities),
    cityDirectory(db),
  ]);
  const wordOfLexeme = new Map<string, string>();
  for (const { word, lexeme } of words)
    if (!wordOfLexeme.has(lexeme)) wordOfLexeme.set(lexeme, word);
  const phrases = [
    ...new Set(solution.capabilities.flatMap((code) => terms.get(code) ?? [])),
  ].slice(0, MAX_PHRASES);
  const cities = [...directory.values()];
  const deployed = new Set(solution.countriesDeployed);
  const deployedCities = cities.filter((city) => deployed.has(city.country));
  const fits = await scoreChallengesForOffer(
    db,
    {
      lexemes: [...wordOfLexeme.keys()],
      phrases,
      covering: [...new Set(solution.capabilities.flatMap((code) => [code, ...ancestorsOf(code)]))],
      codes: solution.capabilities,
      sectors: solution.sectors,
      trl: solution.trl,
      includeBelowMinTrl: options.includeBelowMinTrl,
      deployedCityIds: deployedCities.map((city) => city.id),
      deployedRegions: [...new Set(deployedCities.map((city) => city.region))],
    },
    OFFER_WEIGHTS,
    options.limit,
  );
  const cards = await challengeCards(
    db,
    fits.map((fit) => fit.id),
  );
  return {
    solutionId: solution.id,
    weights: { ...OFFER_WEIGHTS },
    challenges: fits.flatMap((fit) => {
      const card = cards.get(fit.id);
      if (!card) return [];
      const factors: FactorExplanation[] = [
        {
          factor: "capabilities",
          weight: OFFER_WEIGHTS.capabilities,
          value: round(fit.capabilities),
          required: fit.required.map((code, index) => {
            const cover = fit.coverage[index] ?? 0;
            return {
              code,
              cover: cover >= 1 ? "declared" : cover > 0 ? "broader" : "none",
            };
          }),
          inferred: false,
        },
        {
          factor: "text",
          weight: OFFER_WEIGHTS.text,
          value: round(fit.text),
          words: [],
          synonyms: [],
        },
        {
          factor: "sectors",
          weight: OFFER_WEIGHTS.sectors,
          value: round(fit.sectors),
          shared: fit.sharedSectors,
        },
        {
          factor: "trl",
          weight: OFFER_WEIGHTS.trl,
          value: round(fit.trl),
          trl: solution.trl,
          minTrl: fit.minTrl,
        },
        {
          factor: "geography",
          weight: OFFER_WEIGHTS.geography,
          value: round(fit.geography),
          deployed: fit.geography >= 1 ? "country" : fit.geography > 0 ? "region" : "none",
          provider: "none",
          country: card.city.country,
        },
      ];
      return [
        {
          challenge: listed(card),
          score: round(Math.min(1, Math.max(0, fit.score))),
          belowMinTrl: fit.belowMinTrl,
          factors,
        },
      ];
    }),
  };
}

export async function similarChallenges(
  db: Db,
  actor: Actor,
  challengeId: string,
  limit: number,
): Promise<SimilarChallenges> {
  const challenge = await readableChallengeNeed(db, actor, challengeId);
  const context = await needOfChallenge(db, challenge, { includeBelowMinTrl: true });
  const rows = await similarChallengeRows(
    db,
    {
      challengeId: challenge.id,
      cityId: challenge.city.id,
      codes: context.requirements.map((requirement) => requirement.code),
      lexemes: context.need.lexemes,
      phrases: context.need.phrases,
      sectors: challenge.sectors,
    },
    LIKENESS_WEIGHTS,
    limit,
  );
  const alike = rows.filter((row) => row.score >= LIKENESS_THRESHOLD);
  const cards = await challengeCards(
    db,
    alike.map((row) => row.id),
  );
  return {
    challengeId: challenge.id,
    similar: alike.flatMap((row) => {
      const card = cards.get(row.id);
      if (!card) return [];
      return [
        {
          challenge: listed(card),
          score: round(Math.min(1, row.score)),
          sharedCapabilities: row.sharedCapabilities,
          sharedSectors: row.sharedSectors,
        },
      ];
    }),
  };
}

/** The secretariat's view (platform admins and moderators). */
export async function sharedNeeds(db: Db, actor: Actor): Promise<SharedNeeds> {
  if (actor.kind !== "user") throw commonErrors.unauthenticated();
  if (!hasPlatformRole(actor, "admin") && !hasPlatformRole(actor, "moderator")) {
    throw commonErrors.forbidden("The secretariat's view is for platform admins and moderators.");
  }
  const rows = await sharedNeedRows(db, 2);
  const cards = await challengeCards(
    db,
    rows.flatMap((row) => row.challengeIds),
  );
  const cities = await cityDirectory(db);
  return {
    needs: rows.map((row) => ({
      capability: row.code,
      cities: row.cityIds
        .map((id) => {
          const city = cities.get(id);
          return { id, name: city?.name ?? "", country: city?.country ?? "" };
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
      challenges: row.challengeIds.flatMap((id) => {
        const card = cards.get(id);
        return card ? [listed(card)] : [];
      }),
    })),
  };
}
