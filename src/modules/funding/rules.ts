import type { RuleCheck, RuleName, RuleOutcome } from "./contract.ts";
import type { SourceRow } from "./repository.ts";

/**
 * The eligibility rules of a funding source, checked one by one against who would apply: a
 * consortium's current members, a challenge's city, or one organisation. Every rule the source
 * states is shown, with its outcome and why; a rule the platform cannot decide is "unknown"
 * with its reason, never silently passed.
 */

export interface ApplicantOrganisation {
  name: string;
  kind: string;
  country: string;
  /** The country's region as the city list names it; null when the platform does not know it. */
  region: string | null;
}

export interface Applicant {
  kind: "challenge" | "consortium" | "organisation";
  organisations: ApplicantOrganisation[];
  /** The sectors of the challenge answered; null when there is no challenge to compare. */
  sectors: string[] | null;
  /** The challenge's minimum TRL; null when not stated. */
  trl: number | null;
}

type Source = Pick<
  SourceRow,
  | "sectors"
  | "minTrl"
  | "maxTrl"
  | "eligibleKinds"
  | "eligibleCountries"
  | "eligibleRegions"
  | "opensOn"
  | "closesOn"
  | "minPartners"
  | "minCountries"
  | "minSmallCompanyShare"
>;

const check = (
  rule: RuleName,
  outcome: RuleOutcome,
  reason: string,
  params: Record<string, string | number>,
  explanation: string,
): RuleCheck => ({
  rule,
  outcome,
  reason,
  explanation,
  params: Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)])),
});

const list = (values: string[]) => values.join(", ");

export function isOpen(source: Pick<Source, "opensOn" | "closesOn">, today: string): boolean {
  return (
    (!source.opensOn || source.opensOn <= today) && (!source.closesOn || today <= source.closesOn)
  );
}

export function checkEligibility(source: Source, applicant: Applicant, today: string): RuleCheck[] {
  const checks: RuleCheck[] = [];
  const who =
    applicant.kind === "consortium"
      ? "the consortium"
      : applicant.kind === "challenge"
        ? "the city"
        : "the organisation";

  if (source.opensOn && today < source.opensOn) {
    checks.push(
      check(
        "open",
        "failed",
        "opens_later",
        { date: source.opensOn },
        `Opens on ${source.opensOn}.`,
      ),
    );
  } else if (source.closesOn && today > source.closesOn) {
    checks.push(
      check("open", "failed", "closed", { date: source.closesOn }, `Closed on ${source.closesOn}.`),
    );
  } else if (source.closesOn) {
    checks.push(
      check(
        "open",
        "passed",
        "open_until",
        { date: source.closesOn },
        `Open until ${source.closesOn}.`,
      ),
    );
  } else {
    checks.push(check("open", "passed", "rolling", {}, "Open all year (rolling)."));
  }

  if (source.sectors.length > 0) {
    if (applicant.sectors === null) {
      checks.push(
        check(
          "sectors",
          "unknown",
          "no_challenge",
          { sectors: list(source.sectors) },
          `Funds ${list(source.sectors)}; without a challenge there is no sector to compare.`,
        ),
      );
    } else {
      const shared = source.sectors.filter((sector) => applicant.sectors?.includes(sector));
      checks.push(
        shared.length > 0
          ? check(
              "sectors",
              "passed",
              "sectors_shared",
              { sectors: list(shared) },
              `Funds ${list(shared)}, a sector of the challenge.`,
            )
          : check(
              "sectors",
              "failed",
              "sectors_apart",
              { sectors: list(source.sectors), theirs: list(applicant.sectors) },
              `Funds ${list(source.sectors)}; the challenge is in ${list(applicant.sectors)}.`,
            ),
      );
    }
  }

  if (source.minTrl !== null || source.maxTrl !== null) {
    const range = `${source.minTrl ?? 1}–${source.maxTrl ?? 9}`;
    if (applicant.trl === null) {
      checks.push(
        check(
          "trl",
          "unknown",
          "trl_unstated",
          { range },
          `Needs TRL ${range}; no TRL is stated to compare.`,
        ),
      );
    } else {
      const within = applicant.trl >= (source.minTrl ?? 1) && applicant.trl <= (source.maxTrl ?? 9);
      checks.push(
        check(
          "trl",
          within ? "passed" : "failed",
          within ? "trl_within" : "trl_outside",
          { range, trl: applicant.trl },
          `Needs TRL ${range}; the challenge asks for TRL ${applicant.trl}.`,
        ),
      );
    }
  }

  if (source.eligibleKinds.length > 0) {
    const outside = applicant.organisations.filter(
      (organisation) => !source.eligibleKinds.includes(organisation.kind),
    );
    checks.push(
      outside.length === 0
        ? check(
            "organisation_kinds",
            "passed",
            "kinds_eligible",
            { kinds: list(source.eligibleKinds) },
            `Open to ${list(source.eligibleKinds)}; every organisation is one.`,
          )
        : check(
            "organisation_kinds",
            "failed",
            "kinds_outside",
            {
              kinds: list(source.eligibleKinds),
              names: list(
                outside.map((organisation) => `${organisation.name} (${organisation.kind})`),
              ),
            },
            `Open to ${list(source.eligibleKinds)}; not ${list(outside.map((organisation) => `${organisation.name} (${organisation.kind})`))}.`,
          ),
    );
  }

  const places = [...source.eligibleCountries, ...source.eligibleRegions];
  if (places.length > 0) {
    const outside: string[] = [];
    const undecided: string[] = [];
    for (const organisation of applicant.organisations) {
      if (source.eligibleCountries.includes(organisation.country)) continue;
      if (organisation.region && source.eligibleRegions.includes(organisation.region)) continue;
      if (!organisation.region && source.eligibleRegions.length > 0)
        undecided.push(organisation.name);
      else outside.push(`${organisation.name} (${organisation.country})`);
    }
    if (outside.length > 0) {
      checks.push(
        check(
          "location",
          "failed",
          "location_outside",
          { places: list(places), names: list(outside) },
          `Open to organisations in ${list(places)}; not ${list(outside)}.`,
        ),
      );
    } else if (undecided.length > 0) {
      checks.push(
        check(
          "location",
          "unknown",
          "region_unknown",
          { places: list(places), names: list(undecided) },
          `Open to organisations in ${list(places)}; the platform does not know the region of ${list(undecided)}.`,
        ),
      );
    } else {
      checks.push(
        check(
          "location",
          "passed",
          "location_within",
          { places: list(places) },
          `Open to organisations in ${list(places)}; every organisation is.`,
        ),
      );
    }
  }

  const consortium = applicant.kind === "consortium";
  const notConsortium = (rule: RuleName, needs: string) =>
    check(
      rule,
      "unknown",
      "needs_consortium",
      { needs },
      `${needs}: checked against a consortium, and ${who} is not one.`,
    );

  if (source.minPartners !== null) {
    const needs = `Needs ${source.minPartners} partners`;
    const count = applicant.organisations.length;
    checks.push(
      !consortium
        ? notConsortium("min_partners", needs)
        : check(
            "min_partners",
            count >= source.minPartners ? "passed" : "failed",
            "partners",
            { needed: source.minPartners, count },
            `Needs ${source.minPartners} partners, the consortium has ${count}.`,
          ),
    );
  }

  if (source.minCountries !== null) {
    const needs = `Needs partners from ${source.minCountries} countries`;
    const countries = [
      ...new Set(applicant.organisations.map((organisation) => organisation.country)),
    ].sort();
    checks.push(
      !consortium
        ? notConsortium("min_countries", needs)
        : check(
            "min_countries",
            countries.length >= source.minCountries ? "passed" : "failed",
            "countries",
            { needed: source.minCountries, count: countries.length, countries: list(countries) },
            `Needs partners from ${source.minCountries} countries, the consortium has ${countries.length} (${list(countries)}).`,
          ),
    );
  }

  if (source.minSmallCompanyShare !== null) {
    // The organisations module records no company size, so this rule cannot be decided.
    checks.push(
      check(
        "small_company_share",
        "unknown",
        "size_unrecorded",
        { share: source.minSmallCompanyShare },
        `Needs ${source.minSmallCompanyShare}% small or medium-sized companies; the platform does not record company size.`,
      ),
    );
  }
  return checks;
}

/** Rules passed over rules stated, for sorting by fit. */
export function fitOf(checks: RuleCheck[]): {
  passed: number;
  failed: number;
  unknown: number;
  fit: number;
} {
  const count = (outcome: RuleOutcome) =>
    checks.filter((ruleCheck) => ruleCheck.outcome === outcome).length;
  const passed = count("passed");
  return {
    passed,
    failed: count("failed"),
    unknown: count("unknown"),
    fit: checks.length ? passed / checks.length : 1,
  };
}
