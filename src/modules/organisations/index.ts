/**
 * Organisations: cities, companies, research institutes, clusters, networks and funders; their
 * people (memberships and invitations), cluster and network affiliations, and the C40 city list.
 */
import type { ServiceContext } from "../../core/context.ts";
import type { Db } from "../../core/db/client.ts";
import type { ModuleManifest } from "../../core/module.ts";
import { recordOrganisationEvent } from "./audit.ts";
import { proposeAffiliation } from "./commands/affiliations.ts";
import { createOrganisation } from "./commands/create-organisation.ts";
import type { CreateOrganisationBody, MembershipRole, OrganisationSummary } from "./contract.ts";
import { presentOrganisationSummary } from "./presenters.ts";
import {
  activeMemberIds,
  activeParentIds,
  currentMembership,
  findCity,
  findOrganisation,
  findOrganisationsByIds,
  insertMembership,
  listCitiesWithCounts,
  listCurrentMembers,
  membershipHistoryOfUser,
  membershipsOfUser,
} from "./repository.ts";
import { organisationsRoutes } from "./routes.ts";
import { slugify } from "./slug.ts";

export { ensureC40Cities } from "./cities.ts";

export function organisationsModule(ctx: ServiceContext): ModuleManifest {
  return {
    name: "organisations",
    routes: async (app) => {
      await app.register(organisationsRoutes, { ctx });
    },
  };
}

/** The person's current role in the organisation, if any. */
export async function roleInOrganisation(
  db: Db,
  organisationId: string,
  userId: string,
): Promise<MembershipRole | null> {
  return (await currentMembership(db, organisationId, userId))?.role ?? null;
}

/** Organisations a person belonged to at any time since `since` (conflict-of-interest checks). */
export async function organisationsOfPersonSince(
  db: Db,
  userId: string,
  since: Date,
): Promise<string[]> {
  return [
    ...new Set((await membershipHistoryOfUser(db, userId, since)).map((row) => row.organisationId)),
  ];
}

export async function clustersOf(db: Db, organisationId: string): Promise<string[]> {
  return activeParentIds(db, organisationId);
}

/** Active members (companies, research institutes; clusters of a network) of a cluster or network. */
export async function membersOfCluster(db: Db, clusterId: string): Promise<string[]> {
  return activeMemberIds(db, clusterId);
}

/** Public summaries (as the organisations routes present them) by id; unknown ids are left out. */
export async function organisationSummaries(
  db: Db,
  ids: string[],
): Promise<Map<string, OrganisationSummary>> {
  const rows = await findOrganisationsByIds(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, presentOrganisationSummary(row)]));
}

/** The people who belong to the organisation now (to notify them). */
export async function currentMemberIds(db: Db, organisationId: string): Promise<string[]> {
  return (await listCurrentMembers(db, organisationId)).map((row) => row.userId);
}

/** The organisations a person belongs to now, with their role in each. */
export async function currentOrganisationsOf(
  db: Db,
  userId: string,
): Promise<Array<{ organisationId: string; kind: string; role: MembershipRole }>> {
  return (await membershipsOfUser(db, userId)).map((row) => ({
    organisationId: row.organisation.id,
    kind: row.organisation.kind,
    role: row.membership.role,
  }));
}

export async function organisationExists(
  db: Db,
  ref: string,
): Promise<{ id: string; kind: string; name: string } | null> {
  const organisation = await findOrganisation(db, ref);
  return organisation
    ? { id: organisation.id, kind: organisation.kind, name: organisation.name }
    : null;
}

/** Demo data and tests: an organisation with its admin, verified or not. */
export async function seedOrganisation(
  ctx: ServiceContext,
  adminId: string,
  input: Omit<CreateOrganisationBody, "description"> & { description: string; verified?: boolean },
): Promise<{ id: string; slug: string }> {
  const existing = await findOrganisation(ctx.db, slugify(input.name));
  if (existing) return existing;
  const { verified, ...fields } = input;
  const organisation = await createOrganisation(ctx, adminId, fields, {
    verified: verified ?? false,
    via: "seed",
  });
  return { id: organisation.id, slug: organisation.slug };
}

export async function seedMembership(
  ctx: ServiceContext,
  organisationId: string,
  userId: string,
  role: MembershipRole,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (await currentMembership(tx, organisationId, userId)) return;
    await insertMembership(tx, { organisationId, userId, role, startedAt: ctx.clock.now() });
    await recordOrganisationEvent(tx, ctx.clock, {
      action: "organisation.member_added",
      actorId: null,
      subjectId: organisationId,
      payload: { userId, role, via: "seed" },
    });
  });
}

/** Every city by id, with what other modules show and filter on (challenges copy the region). */
export async function cityDirectory(
  db: Db,
): Promise<Map<string, { id: string; name: string; country: string; region: string }>> {
  return new Map(
    (await listCitiesWithCounts(db)).map((city) => [
      city.id,
      { id: city.id, name: city.name, country: city.country, region: city.region },
    ]),
  );
}

/** The C40 city a city organisation governs; null for other kinds. */
export async function cityOfOrganisation(
  db: Db,
  organisationId: string,
): Promise<{ id: string; name: string; country: string; region: string } | null> {
  const organisation = await findOrganisation(db, organisationId);
  if (!organisation?.cityId) return null;
  const city = await findCity(db, organisation.cityId);
  return city ? { id: city.id, name: city.name, country: city.country, region: city.region } : null;
}

export async function cityIdsByName(db: Db): Promise<Map<string, string>> {
  return new Map((await listCitiesWithCounts(db)).map((city) => [city.name, city.id]));
}

export async function seedAffiliation(
  ctx: ServiceContext,
  actorId: string,
  parentId: string,
  memberId: string,
): Promise<void> {
  await proposeAffiliation(ctx, actorId, { parentId, memberId, side: "platform" }).catch(
    (error: unknown) => {
      if ((error as { code?: string }).code !== "affiliation_exists") throw error;
    },
  );
}
