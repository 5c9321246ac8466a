import type { Db } from "../../core/db/client.ts";
import {
  capabilitiesNamedIn,
  capabilityDescendants,
  type SolutionNeed,
  termsOfCapabilities,
  wordsWithLexemes,
} from "../catalogue/index.ts";
import type { ChallengeNeed } from "../challenges/index.ts";
import { cityDirectory } from "../organisations/index.ts";

/**
 * What a challenge asks for, in the terms the catalogue's scoring understands, and what the
 * explanations need to say it in the challenge's own words.
 */

/** A capability the challenge requires: named by the city, or read from its text. */
export interface Requirement {
  code: string;
  inferred: boolean;
}

export interface NeedContext {
  need: SolutionNeed;
  requirements: Requirement[];
  /** The challenge's own word for each stem ("citi" → "city"), for explanations. */
  wordOfLexeme: Map<string, string>;
  /** For each synonym phrase searched: the challenge's term (or capability) it stands for. */
  phraseOrigins: Map<string, string>;
}

/** Inferred requirements at most: a long text names many things, the title and summary few. */
const MAX_INFERRED = 5;
/** A requirement's own terms (labels, synonyms) looked for in solutions' text, at most. */
const MAX_REQUIREMENT_TERMS = 60;
/** Synonym phrases searched at most. */
const MAX_PHRASES = 80;

/** Markdown marks and links are not words of the need. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/[*_`#>[\]|~]/g, " ");
}

/** Codes are their parent's code and one more segment: "water.leak-detection" → ["water"]. */
export function ancestorsOf(code: string): string[] {
  const parts = code.split(".");
  return parts.slice(0, -1).map((_, index) => parts.slice(0, index + 1).join("."));
}

const isSectorRoot = (code: string) => !code.includes(".");

export async function needOfChallenge(
  db: Db,
  challenge: ChallengeNeed,
  options: { includeBelowMinTrl: boolean },
): Promise<NeedContext> {
  const headline = `${challenge.title}. ${challenge.summary}`;
  const fullText = `${headline}\n${plainText(challenge.description)}`;
  // Capabilities the text names: from the headline first (what the challenge is about), then
  // the description; sector roots ("Energy") say no more than the sectors do.
  const namedInHeadline = (await capabilitiesNamedIn(db, headline)).filter(
    (named) => !isSectorRoot(named.code),
  );
  const namedInText = (await capabilitiesNamedIn(db, fullText)).filter(
    (named) => !isSectorRoot(named.code),
  );
  const explicit = challenge.capabilities;
  // A guess from the text is kept only within the sectors the city chose: "recycled" water is
  // not waste sorting when the challenge is about water.
  const inSectors = (named: { code: string }) =>
    challenge.sectors.includes(named.code.split(".")[0] ?? "");
  const headlineGuesses = namedInHeadline.filter(inSectors);
  const inferred = (headlineGuesses.length > 0 ? headlineGuesses : namedInText.filter(inSectors))
    .slice(0, MAX_INFERRED)
    .map((named) => named.code);
  const requirements: Requirement[] =
    explicit.length > 0
      ? explicit.map((code) => ({ code, inferred: false }))
      : inferred.map((code) => ({ code, inferred: true }));

  const requirementCodes = requirements.map((requirement) => requirement.code);
  // One after another: this runs inside the list's transaction, on one connection.
  const needRequirements: Array<{
    code: string;
    covering: string[];
    partial: string[];
    terms: string[];
  }> = [];
  for (const code of requirementCodes) {
    const covering = await capabilityDescendants(db, [code]);
    const terms = await termsOfCapabilities(db, covering);
    needRequirements.push({
      code,
      covering,
      partial: ancestorsOf(code),
      terms: [...new Set(covering.flatMap((covered) => terms.get(covered) ?? []))].slice(
        0,
        MAX_REQUIREMENT_TERMS,
      ),
    });
  }

  // Synonym phrases: every term of the capabilities required or named, each remembered with
  // the challenge's word (or the required capability) that brought it in.
  const origins = new Map<string, string>();
  for (const named of [...namedInHeadline, ...namedInText]) {
    if (!origins.has(named.code)) origins.set(named.code, named.term);
  }
  const phraseCodes = [...new Set([...requirementCodes, ...origins.keys()])];
  const terms = await termsOfCapabilities(db, phraseCodes);
  const phraseOrigins = new Map<string, string>();
  for (const code of phraseCodes) {
    for (const term of terms.get(code) ?? []) {
      if (phraseOrigins.size >= MAX_PHRASES) break;
      if (!phraseOrigins.has(term)) phraseOrigins.set(term, origins.get(code) ?? code);
    }
  }

  const words = await wordsWithLexemes(db, headline);
  const wordOfLexeme = new Map<string, string>();
  for (const { word, lexeme } of words) {
    if (!wordOfLexeme.has(lexeme)) wordOfLexeme.set(lexeme, word);
  }

  const cities = [...(await cityDirectory(db)).values()];
  const country = challenge.city.country || null;
  const regionCountries = [
    ...new Set(
      cities
        .filter((city) => city.region === challenge.city.region && city.country !== country)
        .map((city) => city.country),
    ),
  ];
  return {
    need: {
      lexemes: [...wordOfLexeme.keys()],
      phrases: [...phraseOrigins.keys()],
      requirements: needRequirements,
      sectors: challenge.sectors,
      minTrl: challenge.minTrl,
      includeBelowMinTrl: options.includeBelowMinTrl,
      country,
      regionCountries,
      excludeProviders: [],
    },
    requirements,
    wordOfLexeme,
    phraseOrigins,
  };
}
