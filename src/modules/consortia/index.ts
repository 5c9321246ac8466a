/**
 * Consortia: the builder that suggests teams of organisations covering a challenge's needs
 * (team-builder.ts, fed by matchmaking), and the consortia organisations form to answer a
 * challenge — a lead, members with roles and the capabilities each brings, invitations. See
 * docs/consortia.md.
 */
import type { Actor } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import type { Db } from "../../core/db/client.ts";
import type { ModuleManifest } from "../../core/module.ts";
import { standingOf, visibleConsortium } from "./consortium-views.ts";
import {
  consortiumIdsOfOrganisations,
  currentMembersOf,
  findConsortiaByIds,
  membersEverOf,
} from "./repository.ts";
import { consortiaRoutes } from "./routes.ts";

export function consortiaModule(ctx: ServiceContext): ModuleManifest {
  return {
    name: "consortia",
    routes: async (app) => {
      await app.register(consortiaRoutes, { ctx });
    },
  };
}
export { buildTeams, type TeamCandidate, type TeamSuggestion } from "./team-builder.ts";

/** What procurement needs of a consortium that bids: its challenge, lead and current members. */
export interface ConsortiumBidder {
  id: string;
  name: string;
  challengeId: string;
  status: "forming" | "dissolved";
  leadOrganisationId: string;
  /** Current member organisations (lead included). */
  memberIds: string[];
}

/** Consortia by id, as bidders; unknown ids are left out. */
export async function consortiumBidders(
  db: Db,
  ids: string[],
): Promise<Map<string, ConsortiumBidder>> {
  const rows = await findConsortiaByIds(db, [...new Set(ids)]);
  const members = await currentMembersOf(
    db,
    rows.map((row) => row.id),
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        name: row.name,
        challengeId: row.challengeId,
        status: row.status,
        leadOrganisationId: row.leadOrganisationId,
        memberIds: members
          .filter((member) => member.consortiumId === row.id)
          .map((member) => member.organisationId),
      },
    ]),
  );
}

/** The consortia the organisations are current members of (not merely invited to), as bidders. */
export async function consortiaOfMembers(
  db: Db,
  organisationIds: string[],
): Promise<ConsortiumBidder[]> {
  const ids = await consortiumIdsOfOrganisations(db, organisationIds);
  return [...(await consortiumBidders(db, ids)).values()].filter((consortium) =>
    consortium.memberIds.some((id) => organisationIds.includes(id)),
  );
}

/**
 * Every organisation that is or was a member of each consortium, by consortium: a past member
 * still counts for conflict-of-interest checks (procurement).
 */
export async function consortiumMemberHistory(
  db: Db,
  consortiumIds: string[],
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  for (const row of await membersEverOf(db, [...new Set(consortiumIds)])) {
    result.set(row.consortiumId, [...(result.get(row.consortiumId) ?? []), row.organisationId]);
  }
  return result;
}

/** Impact figures: a count of forming consortia (never who is in them). */
export { countFormingConsortia } from "./repository-counts.ts";

/**
 * The funding finder: a consortium's challenge and current members (lead included), when the
 * actor may see the consortium (else the consortium's 404: who teams up with whom stays private).
 */
export async function visibleConsortiumMembers(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ id: string; name: string; challengeId: string; memberIds: string[] }> {
  const { consortium, members } = await visibleConsortium(db, await standingOf(db, actor), id);
  return {
    id: consortium.id,
    name: consortium.name,
    challengeId: consortium.challengeId,
    memberIds: members.map((member) => member.organisationId),
  };
}
