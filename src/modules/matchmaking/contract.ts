import { z } from "zod";
import { Uuid } from "../../core/http/contract.ts";

/**
 * Recommendations: solutions (or their providers) for a challenge, each with a score in [0, 1]
 * and, per factor, its weight, its value and what it rests on, so that pages can say why in
 * plain words. Shared by the server and the web pages.
 */

export const RecommendationsQuery = z.strictObject({
  kind: z.enum(["solutions", "organisations"]).default("solutions"),
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(50, "must be at most 50")
    .default(10),
  /** Show solutions below the challenge's minimum TRL too (flagged). */
  belowMinTrl: z.enum(["true", "false"]).default("false"),
});

const factorBase = { weight: z.number(), value: z.number() };

export const FactorExplanation = z
  .discriminatedUnion("factor", [
    z.object({
      factor: z.literal("capabilities"),
      ...factorBase,
      /**
       * Each required capability and how the solution covers it: a code it declares (the
       * capability or one below it), the capability named in its text, a broader code only, or
       * not at all.
       */
      required: z.array(
        z.object({
          code: z.string(),
          cover: z.enum(["declared", "named", "broader", "none"]),
        }),
      ),
      /** The city named none: these were read from the challenge's text. */
      inferred: z.boolean(),
    }),
    z.object({
      factor: z.literal("text"),
      ...factorBase,
      /** The challenge's words the solution uses too. */
      words: z.array(z.string()),
      /** Synonyms the solution uses, each with the challenge's term it stands for. */
      synonyms: z.array(z.object({ term: z.string(), via: z.string() })),
    }),
    z.object({ factor: z.literal("sectors"), ...factorBase, shared: z.array(z.string()) }),
    z.object({
      factor: z.literal("trl"),
      ...factorBase,
      trl: z.number().int(),
      minTrl: z.number().int().nullable(),
    }),
    z.object({
      factor: z.literal("evidence"),
      ...factorBase,
      /** The countries the provider lists it as deployed in. */
      countries: z.array(z.string()),
      /** How many cities verified a reference of it (each counts twice a listed country). */
      verifiedReferences: z.number().int(),
    }),
    z.object({
      factor: z.literal("geography"),
      ...factorBase,
      /** Deployed in the city's country, or elsewhere in its region. */
      deployed: z.enum(["country", "region", "none"]),
      /** The provider is based in the city's country, or elsewhere in its region. */
      provider: z.enum(["country", "region", "none"]),
      country: z.string(),
    }),
  ])
  .meta({ id: "FactorExplanation" });
export type FactorExplanation = z.infer<typeof FactorExplanation>;

export const RecommendedProvider = z.object({
  id: Uuid,
  slug: z.string(),
  name: z.string(),
  kind: z.string(),
  country: z.string(),
  verified: z.boolean(),
});

export const SolutionRecommendation = z
  .object({
    solution: z.object({
      id: Uuid,
      title: z.string(),
      summary: z.string(),
      trl: z.number().int(),
      provider: RecommendedProvider,
    }),
    score: z.number().min(0).max(1),
    belowMinTrl: z.boolean(),
    factors: z.array(FactorExplanation),
  })
  .meta({ id: "SolutionRecommendation" });
export type SolutionRecommendation = z.infer<typeof SolutionRecommendation>;

export const OrganisationRecommendation = z
  .object({
    organisation: RecommendedProvider,
    /** Its best solution's score. */
    score: z.number().min(0).max(1),
    /** Its matching solutions, best first (up to 3), the first one explained. */
    solutions: z.array(z.object({ id: Uuid, title: z.string(), score: z.number() })),
    matchingSolutions: z.number().int(),
    factors: z.array(FactorExplanation),
  })
  .meta({ id: "OrganisationRecommendation" });
export type OrganisationRecommendation = z.infer<typeof OrganisationRecommendation>;

export const Recommendations = z
  .object({
    challengeId: Uuid,
    kind: z.enum(["solutions", "organisations"]),
    /** What the challenge requires, as matched: named by the city or read from its text. */
    requirements: z.array(z.object({ code: z.string(), inferred: z.boolean() })),
    weights: z.record(z.string(), z.number()),
    solutions: z.array(SolutionRecommendation),
    organisations: z.array(OrganisationRecommendation),
  })
  .meta({ id: "Recommendations" });
export type Recommendations = z.infer<typeof Recommendations>;

export const SolutionRecommendationsQuery = z.strictObject({
  limit: RecommendationsQuery.shape.limit,
  belowMinTrl: RecommendationsQuery.shape.belowMinTrl,
});

export const RecommendedChallenge = z
  .object({
    challenge: z.object({
      id: Uuid,
      title: z.string(),
      summary: z.string(),
      status: z.string(),
      proposalDeadline: z.string().nullable(),
      city: z.object({ id: Uuid, name: z.string(), country: z.string() }),
    }),
    score: z.number().min(0).max(1),
    belowMinTrl: z.boolean(),
    factors: z.array(FactorExplanation),
  })
  .meta({ id: "RecommendedChallenge" });
export type RecommendedChallenge = z.infer<typeof RecommendedChallenge>;

export const ChallengesForSolution = z
  .object({
    solutionId: Uuid,
    weights: z.record(z.string(), z.number()),
    challenges: z.array(RecommendedChallenge),
  })
  .meta({ id: "ChallengesForSolution" });
export type ChallengesForSolution = z.infer<typeof ChallengesForSolution>;

export const SimilarChallenge = z
  .object({
    challenge: RecommendedChallenge.shape.challenge,
    score: z.number().min(0).max(1),
    /** The capabilities both ask for (this challenge's codes). */
    sharedCapabilities: z.array(z.string()),
    sharedSectors: z.array(z.string()),
  })
  .meta({ id: "SimilarChallenge" });
export type SimilarChallenge = z.infer<typeof SimilarChallenge>;

export const SimilarChallenges = z
  .object({ challengeId: Uuid, similar: z.array(SimilarChallenge) })
  .meta({ id: "SimilarChallenges" });
export type SimilarChallenges = z.infer<typeof SimilarChallenges>;

export const SimilarQuery = z.strictObject({ limit: RecommendationsQuery.shape.limit });

/** A need several cities share: the start of a buyers' group. */
export const SharedNeed = z
  .object({
    capability: z.string(),
    cities: z.array(z.object({ id: Uuid, name: z.string(), country: z.string() })),
    challenges: z.array(RecommendedChallenge.shape.challenge),
  })
  .meta({ id: "SharedNeed" });
export type SharedNeed = z.infer<typeof SharedNeed>;

export const SharedNeeds = z.object({ needs: z.array(SharedNeed) }).meta({ id: "SharedNeeds" });
export type SharedNeeds = z.infer<typeof SharedNeeds>;
