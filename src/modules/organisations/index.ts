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
import type {
  CreateOrganisationBody,
  MembershipRole,
  OrganisationKind,
  OrganisationSummary,
} from "./contract.ts";
import { presentOrganisationSummary } from "./presenters.ts";
import {
  activeMemberIds,
  activeParentIds,
  currentMembership,
  findCity,
  findOpenAffiliation,
  findOrganisation,
  findOrganisationsByIds,
  insertAffiliation,
  insertMembership,
  insertOrganisationIfSlugFree,
  listCityPlaces,
  listCurrentMembers,
  listCurrentMembersOf,
  lockAffiliation,
  lockOrganisation,
  membershipHistoryOfUsers,
  membershipsOfUser,
  parentIdsSince,
  searchOrganisations,
  slugTaken,
  updateAffiliation,
  updateOrganisation,
} from "./repository.ts";
import { organisationsRoutes } from "./routes.ts";
import { slugCandidates, slugify } from "./slug.ts";

export { ensureC40Cities } from "./cities.ts";
export { canAffiliate } from "./policy.ts";

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
  return (await organisationsOfPeopleSince(db, [{ userId, since }]))[0] ?? [];
}

/**
 * `organisationsOfPersonSince` for many people at once (who asked a page of challenges'
 * questions), in one query: for each ask, in order, the organisations the person belonged to at
 * any time since its `since`.
 */
export async function organisationsOfPeopleSince(
  db: Db,
  asks: Array<{ userId: string; since: Date }>,
): Promise<string[][]> {
  if (asks.length === 0) return [];
  const earliest = new Date(Math.min(...asks.map((ask) => ask.since.getTime())));
  const rows = await membershipHistoryOfUsers(
    db,
    [...new Set(asks.map((ask) => ask.userId))],
    earliest,
  );
  return asks.map(({ userId, since }) => [
    ...new Set(
      rows
        .filter(
          (row) =>
            row.userId === userId &&
            (row.endedAt === null || row.endedAt.getTime() >= since.getTime()),
        )
        .map((row) => row.organisationId),
    ),
  ]);
}

export async function clustersOf(db: Db, organisationId: string): Promise<string[]> {
  return activeParentIds(db, organisationId);
}

/** Clusters the organisations belong to, or belonged to since `since` (conflict-of-interest checks). */
export async function clustersOfSince(
  db: Db,
  organisationIds: string[],
  since: Date,
): Promise<Array<{ clusterId: string; memberId: string }>> {
  return (await parentIdsSince(db, [...new Set(organisationIds)], since)).map((row) => ({
    clusterId: row.parentId,
    memberId: row.memberId,
  }));
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

/**
 * `currentMemberIds` of several organisations in one query (a challenge's bidders): each person
 * once, in the order the organisations are given, as reading them one by one would list them.
 */
export async function currentMemberIdsOfOrganisations(
  db: Db,
  organisationIds: string[],
): Promise<string[]> {
  const ids = [...new Set(organisationIds)];
  const rows = await listCurrentMembersOf(db, ids);
  return [
    ...new Set(
      ids.flatMap((id) => rows.filter((row) => row.organisationId === id).map((row) => row.userId)),
    ),
  ];
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

/**
 * Hackathon to pilot: an organisation founded by a person (its first admin, as when made by
 * hand; unverified until a platform admin checks it) with other people as members at once.
 * Runs inside the caller's transaction when `ctx.db` is one.
 */
export async function foundOrganisationWithMembers(
  ctx: ServiceContext,
  founderId: string,
  input: { name: string; kind: OrganisationKind; country: string; description: string },
  memberIds: string[],
): Promise<{ id: string; slug: string; name: string }> {
  return ctx.db.transaction(async (tx) => {
    const organisation = await createOrganisation({ ...ctx, db: tx }, founderId, {
      ...input,
      cityId: null,
      locality: null,
      website: null,
    });
    for (const userId of new Set(memberIds)) {
      if (userId === founderId) continue;
      await insertMembership(tx, {
        organisationId: organisation.id,
        userId,
        role: "member",
        startedAt: ctx.clock.now(),
      });
      await recordOrganisationEvent(tx, ctx.clock, {
        action: "organisation.member_added",
        actorId: founderId,
        subjectId: organisation.id,
        payload: { userId, role: "member", via: "hackathon_team" },
      });
    }
    return { id: organisation.id, slug: organisation.slug, name: organisation.name };
  });
}

/** Every city by id, with what other modules show and filter on (challenges copy the region). */
export async function cityDirectory(
  db: Db,
): Promise<Map<string, { id: string; name: string; country: string; region: string }>> {
  return new Map((await listCityPlaces(db)).map((city) => [city.id, city]));
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
  return new Map((await listCityPlaces(db)).map((city) => [city.name, city.id]));
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

/** What a bulk import (exchange module) sets on an organisation. */
export interface OrganisationImport {
  /** The organisation to update; null to create one. */
  existingId: string | null;
  name: string;
  kind: OrganisationKind;
  country: string;
  /** The C40 city of a city organisation. */
  cityId: string | null;
  locality: string | null;
  website: string | null;
  description: string;
}

/**
 * Bulk import: creates the organisation (the importing person, when there is one, becomes its
 * first admin, as when creating it by hand; the CLI imports as the platform and adds nobody) or
 * updates the fields that differ. Kind and city never change. Call inside the import's
 * transaction (`ctx.db` is that transaction).
 */
export async function importOrganisation(
  ctx: ServiceContext,
  actorId: string | null,
  input: OrganisationImport,
): Promise<{ id: string; outcome: "created" | "updated" | "unchanged" }> {
  const now = ctx.clock.now();
  if (input.existingId) {
    const current = await findOrganisation(ctx.db, input.existingId);
    if (!current) throw new Error(`organisation ${input.existingId} is gone`);
    const wanted = {
      name: input.name,
      country: current.kind === "city" ? current.country : input.country.toUpperCase(),
      locality: input.locality,
      website: input.website,
      description: input.description,
    };
    const fields = (Object.keys(wanted) as Array<keyof typeof wanted>).filter(
      (field) => wanted[field] !== current[field],
    );
    if (fields.length === 0) return { id: current.id, outcome: "unchanged" };
    await updateOrganisation(ctx.db, current.id, { ...wanted, updatedAt: now });
    await recordOrganisationEvent(ctx.db, ctx.clock, {
      action: "organisation.updated",
      actorId,
      subjectId: current.id,
      payload: { fields },
    });
    return { id: current.id, outcome: "updated" };
  }
  const { existingId: _existingId, ...fields } = input;
  if (actorId) {
    const created = await createOrganisation(ctx, actorId, fields);
    return { id: created.id, outcome: "created" };
  }
  let country = input.country.toUpperCase();
  if (input.kind === "city" && input.cityId) {
    country = (await findCity(ctx.db, input.cityId))?.country ?? country;
  }
  for (const slug of slugCandidates(input.name)) {
    if (await slugTaken(ctx.db, slug)) continue;
    const created = await insertOrganisationIfSlugFree(ctx.db, {
      ...fields,
      slug,
      country,
      cityId: input.kind === "city" ? input.cityId : null,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
    });
    if (!created) continue;
    await recordOrganisationEvent(ctx.db, ctx.clock, {
      action: "organisation.created",
      actorId,
      subjectId: created.id,
      payload: { name: created.name, kind: created.kind, cityId: created.cityId },
    });
    return { id: created.id, outcome: "created" };
  }
  throw new Error(`no free address for ${input.name}`);
}

/**
 * Bulk import: makes `memberId` an active member of the cluster or network `parentId` (the
 * importer may act for both sides); accepts a pending request; false when it was active already.
 */
export async function importAffiliation(
  ctx: ServiceContext,
  actorId: string | null,
  parentId: string,
  memberId: string,
): Promise<boolean> {
  // As proposeAffiliation: the parent locked first, so a proposal of the same pair on the page at
  // the same time waits (or is waited for) instead of failing on the unique index.
  await lockOrganisation(ctx.db, parentId);
  const found = await findOpenAffiliation(ctx.db, parentId, memberId);
  // A pending request locked and read again: accepting or declining it on the page at the same
  // time waits, or is waited for (then it is active, or ended and a new one is made).
  const current = found && (await lockAffiliation(ctx.db, found.id));
  const open = current?.status === "ended" ? undefined : current;
  if (open?.status === "active") return false;
  const now = ctx.clock.now();
  const affiliation =
    open ??
    (await insertAffiliation(ctx.db, {
      parentId,
      memberId,
      status: "active",
      proposedBySide: "platform",
      proposedBy: actorId,
      createdAt: now,
      acceptedAt: now,
    }));
  if (open) await updateAffiliation(ctx.db, open.id, { status: "active", acceptedAt: now });
  const payload = { affiliationId: affiliation.id, parentId, memberId };
  if (!open) {
    await recordOrganisationEvent(ctx.db, ctx.clock, {
      action: "organisation.affiliation_proposed",
      actorId,
      subjectId: memberId,
      payload,
    });
  }
  await recordOrganisationEvent(ctx.db, ctx.clock, {
    action: "organisation.affiliation_accepted",
    actorId,
    subjectId: memberId,
    payload,
  });
  return true;
}

/** Export: every organisation's public fields, its city's name and its active parents' ids. */
export async function organisationsForExport(db: Db): Promise<
  Array<{
    id: string;
    slug: string;
    name: string;
    kind: OrganisationKind;
    country: string;
    cityName: string | null;
    locality: string | null;
    website: string | null;
    description: string;
    parentIds: string[];
  }>
> {
  const all: Awaited<ReturnType<typeof searchOrganisations>>["rows"] = [];
  for (let offset = 0; ; offset += 1_000) {
    const { rows } = await searchOrganisations(db, {}, { limit: 1_000, offset });
    all.push(...rows);
    if (rows.length < 1_000) break;
  }
  const result = [];
  for (const row of all) {
    result.push({
      id: row.id,
      slug: row.slug,
      name: row.name,
      kind: row.kind,
      country: row.country,
      cityName: row.cityName,
      locality: row.locality,
      website: row.website,
      description: row.description,
      parentIds: await activeParentIds(db, row.id),
    });
  }
  return result;
}
