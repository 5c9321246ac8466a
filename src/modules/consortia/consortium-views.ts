import type { Actor } from "../../core/auth/actor.ts";
import type { Db } from "../../core/db/client.ts";
import { challengeNeeds } from "../challenges/index.ts";
import { currentOrganisationsOf, organisationSummaries } from "../organisations/index.ts";
import type { Consortium, ConsortiumSummary } from "./contract.ts";
import { consortiaErrors } from "./errors.ts";
import {
  type ConsortiumParties,
  canSeeConsortium,
  consortiumAbilities,
  nobody,
  type Standing,
  standingFrom,
} from "./policy.ts";
import {
  type ConsortiumRow,
  currentMembersOf,
  findConsortiaByIds,
  findConsortium,
  type InvitationRow,
  invitationsOf,
  type MemberRow,
} from "./repository.ts";
import { presentOrganisation } from "./suggest-teams.ts";

/** The caller's organisations now (none for anonymous callers), and platform role. */
export async function standingOf(db: Db, actor: Actor): Promise<Standing> {
  if (actor.kind !== "user") return nobody;
  const organisations = await currentOrganisationsOf(db, actor.userId);
  return standingFrom(actor, organisations);
}

interface Loaded {
  consortium: ConsortiumRow;
  members: MemberRow[];
  invitations: InvitationRow[];
  parties: ConsortiumParties;
}

function partiesOf(
  consortium: ConsortiumRow,
  members: MemberRow[],
  invitations: InvitationRow[],
): ConsortiumParties {
  return {
    leadOrganisationId: consortium.leadOrganisationId,
    status: consortium.status,
    memberIds: members.map((member) => member.organisationId),
    pending: invitations
      .filter((invitation) => invitation.status === "pending")
      .map((invitation) => ({
        invitationId: invitation.id,
        organisationId: invitation.organisationId,
      })),
  };
}

async function loadMany(db: Db, rows: ConsortiumRow[]): Promise<Loaded[]> {
  const ids = rows.map((row) => row.id);
  const [members, invitations] = await Promise.all([
    currentMembersOf(db, ids),
    invitationsOf(db, ids),
  ]);
  return rows.map((consortium) => {
    const own = members.filter((member) => member.consortiumId === consortium.id);
    const invited = invitations.filter((invitation) => invitation.consortiumId === consortium.id);
    return {
      consortium,
      members: own,
      invitations: invited,
      parties: partiesOf(consortium, own, invited),
    };
  });
}

/** The consortium and what the caller may do; 404 when unknown or not theirs to see. */
export async function visibleConsortium(db: Db, standing: Standing, id: string) {
  const consortium = await findConsortium(db, id);
  if (!consortium) throw consortiaErrors.consortiumNotFound();
  const [loaded] = await loadMany(db, [consortium]);
  if (!loaded || !canSeeConsortium(standing, loaded.parties)) {
    throw consortiaErrors.consortiumNotFound();
  }
  return { ...loaded, abilities: consortiumAbilities(standing, loaded.parties) };
}

export async function presentConsortium(
  db: Db,
  standing: Standing,
  id: string,
): Promise<Consortium> {
  const { consortium, members, invitations, abilities } = await visibleConsortium(db, standing, id);
  const [challenge] = await challengeNeeds(db, [consortium.challengeId]);
  const organisations = await organisationSummaries(db, [
    consortium.leadOrganisationId,
    ...members.map((member) => member.organisationId),
    ...invitations.map((invitation) => invitation.organisationId),
  ]);
  const organisation = (organisationId: string) => {
    const summary = organisations.get(organisationId);
    return summary ? presentOrganisation(summary) : null;
  };
  const lead = organisation(consortium.leadOrganisationId);
  if (!lead) throw consortiaErrors.consortiumNotFound();
  return {
    id: consortium.id,
    name: consortium.name,
    description: consortium.description,
    status: consortium.status,
    origin: consortium.origin,
    challenge: {
      id: consortium.challengeId,
      title: challenge?.title ?? "",
      city: challenge?.city.name ?? "",
      capabilities: challenge?.capabilities ?? [],
    },
    lead,
    members: members.flatMap((member) => {
      const presented = organisation(member.organisationId);
      return presented
        ? [
            {
              organisation: presented,
              role: member.role,
              capabilities: member.capabilities,
              joinedAt: member.joinedAt.toISOString(),
            },
          ]
        : [];
    }),
    invitations: invitations.flatMap((invitation) => {
      const presented = organisation(invitation.organisationId);
      return presented
        ? [
            {
              id: invitation.id,
              organisation: presented,
              role: invitation.role,
              capabilities: invitation.capabilities,
              message: invitation.message,
              status: invitation.status,
              invitedAt: invitation.invitedAt.toISOString(),
              answeredAt: invitation.answeredAt?.toISOString() ?? null,
            },
          ]
        : [];
    }),
    createdAt: consortium.createdAt.toISOString(),
    abilities,
  };
}

/** The consortia among `ids` the caller may see, newest first, as list entries. */
export async function presentVisibleSummaries(
  db: Db,
  standing: Standing,
  ids: string[],
): Promise<ConsortiumSummary[]> {
  const loaded = (await loadMany(db, await findConsortiaByIds(db, ids))).filter((entry) =>
    canSeeConsortium(standing, entry.parties),
  );
  const challenges = new Map(
    (
      await challengeNeeds(db, [...new Set(loaded.map((entry) => entry.consortium.challengeId))])
    ).map((challenge) => [challenge.id, challenge]),
  );
  const leads = await organisationSummaries(
    db,
    loaded.map((entry) => entry.consortium.leadOrganisationId),
  );
  return loaded.flatMap(({ consortium, parties }) => {
    const lead = leads.get(consortium.leadOrganisationId);
    if (!lead) return [];
    const mine = [
      ...parties.memberIds
        .filter((id) => standing.memberOf.has(id))
        .map((organisationId) => ({ organisationId, standing: "member" as const })),
      ...parties.pending
        .filter((invitation) => standing.memberOf.has(invitation.organisationId))
        .map((invitation) => ({
          organisationId: invitation.organisationId,
          standing: "invited" as const,
        })),
    ];
    return [
      {
        id: consortium.id,
        name: consortium.name,
        status: consortium.status,
        challenge: {
          id: consortium.challengeId,
          title: challenges.get(consortium.challengeId)?.title ?? "",
        },
        lead: presentOrganisation(lead),
        memberCount: parties.memberIds.length,
        pendingInvitations: parties.pending.length,
        mine,
        createdAt: consortium.createdAt.toISOString(),
      },
    ];
  });
}
