import type { Actor } from "../../core/auth/actor.ts";
import type { Db } from "../../core/db/client.ts";
import { type ProviderCoverage, providerCoverageForChallenge } from "../matchmaking/index.ts";
import { organisationSummaries } from "../organisations/index.ts";
import { JOINABLE_KINDS } from "./commands/consortium-rules.ts";
import type {
  ConsortiumOrganisation,
  PartialTeam,
  SuggestedTeam,
  TeamSuggestions,
} from "./contract.ts";
import {
  buildTeams,
  MAX_REQUIREMENTS,
  type ProposedTeam,
  TEAM_WEIGHTS,
  type TeamCandidate,
} from "./team-builder.ts";

/**
 * Suggested teams for a challenge: matchmaking says, per provider organisation, its fit and how
 * its solutions cover each requirement; the builder combines them; here every team is
 * explained — who covers what, through which solution, and what only each member brings.
 *
 * "Verified" is, until a references module exists, the organisation's verification by the
 * platform; deployments (countries where its solutions run) already count in each member's
 * fit, through matchmaking's evidence and geography factors.
 */

const round = (value: number) => Math.round(value * 1000) / 1000;

export function presentOrganisation(summary: ConsortiumOrganisation): ConsortiumOrganisation {
  return {
    id: summary.id,
    slug: summary.slug,
    name: summary.name,
    kind: summary.kind,
    country: summary.country,
    verified: summary.verified,
  };
}

export async function suggestTeams(
  db: Db,
  actor: Actor,
  challengeId: string,
  k: number,
): Promise<TeamSuggestions> {
  const coverage = await providerCoverageForChallenge(db, actor, challengeId);
  const { challenge, solutionTitles } = coverage;
  const tooManyRequirements = coverage.requirements.length > MAX_REQUIREMENTS;
  const requirements = coverage.requirements.slice(0, MAX_REQUIREMENTS);
  const codes = requirements.map((requirement) => requirement.code);
  const summaries = await organisationSummaries(
    db,
    coverage.providers.map((provider) => provider.organisationId),
  );
  const eligible = coverage.providers.filter((provider) => {
    const summary = summaries.get(provider.organisationId);
    return (
      summary !== undefined &&
      JOINABLE_KINDS.has(summary.kind) &&
      provider.organisationId !== challenge.organisationId
    );
  });
  const byId = new Map(eligible.map((provider) => [provider.organisationId, provider]));
  const candidates: TeamCandidate[] = eligible.flatMap((provider) =>
    provider.fit === null
      ? []
      : [
          {
            id: provider.organisationId,
            fit: provider.fit,
            cover: provider.cover.slice(0, codes.length).map((entry) => entry.cover),
            local: provider.place,
            verified: summaries.get(provider.organisationId)?.verified ?? false,
          },
        ],
  );
  const result = buildTeams(codes.length, candidates, { k });

  const solution = (id: string | null) => (id ? { id, title: solutionTitles.get(id) ?? "" } : null);
  const presentTeam = (team: ProposedTeam): SuggestedTeam => {
    const members = team.members.map((id) => byId.get(id)!);
    return {
      score: round(team.score),
      parts: {
        fit: round(team.parts.fit),
        coverage: round(team.parts.coverage),
        verified: round(team.parts.verified),
        local: round(team.parts.local),
      },
      members: members.map((member) => ({
        organisation: presentOrganisation(summaries.get(member.organisationId)!),
        fit: round(member.fit ?? 0),
        place: member.place,
        covers: codes.map((code, index) => ({
          code,
          cover: member.cover[index]!.cover,
          solution: solution(member.cover[index]!.solutionId),
        })),
        brings: codes.filter(
          (_, index) =>
            member.cover[index]!.cover !== "none" &&
            members.every((other) => other === member || other.cover[index]!.cover === "none"),
        ),
      })),
      coverage: codes.map((code, index) => ({ code, cover: team.coverage[index]! })),
    };
  };

  const gap = result.gap && {
    uncovered: result.gap.uncovered.map((index) => ({
      code: codes[index]!,
      belowMinTrl: belowMinTrlFor(eligible, index).flatMap((provider) => {
        const slot = provider.belowMinTrl[index]!;
        const summary = summaries.get(provider.organisationId);
        if (!summary || !slot.solutionId) return [];
        return [
          {
            organisation: presentOrganisation(summary),
            solution: {
              id: slot.solutionId,
              title: solutionTitles.get(slot.solutionId) ?? "",
              trl: slot.trl ?? 0,
            },
          },
        ];
      }),
    })),
    closest: result.gap.closest.map(
      (team): PartialTeam => ({
        ...presentTeam(team),
        covered: team.covered.map((index) => codes[index]!),
        missing: team.missing.map((index) => codes[index]!),
      }),
    ),
  };

  return {
    challengeId: challenge.id,
    requirements,
    minTrl: challenge.minTrl,
    country: challenge.city.country,
    weights: {
      fit: TEAM_WEIGHTS.fit / 100,
      coverage: TEAM_WEIGHTS.coverage / 100,
      verified: TEAM_WEIGHTS.verified / 100,
      local: TEAM_WEIGHTS.local / 100,
    },
    candidates: candidates.length,
    localCandidates: candidates.some(
      (candidate) =>
        candidate.local !== "none" && candidate.cover.some((cover) => cover !== "none"),
    ),
    teams: result.teams.map(presentTeam),
    singles: result.singles.map(presentTeam),
    gap,
    tooManyRequirements,
  };
}

/** Providers whose solutions cover the requirement only below the minimum TRL (best first). */
function belowMinTrlFor(providers: ProviderCoverage[], index: number): ProviderCoverage[] {
  return providers
    .filter(
      (provider) =>
        provider.belowMinTrl[index]!.cover !== "none" && provider.cover[index]!.cover === "none",
    )
    .sort(
      (a, b) =>
        (b.belowMinTrl[index]!.trl ?? 0) - (a.belowMinTrl[index]!.trl ?? 0) ||
        (a.organisationId < b.organisationId ? -1 : 1),
    )
    .slice(0, 5);
}
