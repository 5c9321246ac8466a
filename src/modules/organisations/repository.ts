import {
  and,
  asc,
  count,
  desc,
  eq,
  ilike,
  inArray,
  isNull,
  ne,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Db } from "../../core/db/client.ts";
import {
  affiliations,
  cities,
  invitations,
  memberships,
  organisationLogos,
  organisations,
} from "./schema.ts";

export type CityRow = typeof cities.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
export type MembershipRow = typeof memberships.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;
export type AffiliationRow = typeof affiliations.$inferSelect;

export interface OrganisationListing extends OrganisationRow {
  cityName: string | null;
  hasLogo: boolean;
}

function listingSelect(db: Db) {
  return db
    .select({
      organisation: organisations,
      cityName: cities.name,
      hasLogo: sql<boolean>`${organisationLogos.organisationId} is not null`,
    })
    .from(organisations)
    .leftJoin(cities, eq(cities.id, organisations.cityId))
    .leftJoin(organisationLogos, eq(organisationLogos.organisationId, organisations.id));
}

function toListing(row: {
  organisation: OrganisationRow;
  cityName: string | null;
  hasLogo: boolean;
}): OrganisationListing {
  return { ...row.organisation, cityName: row.cityName, hasLogo: Boolean(row.hasLogo) };
}

// Cities

export async function upsertCities(
  db: Db,
  rows: Array<Omit<typeof cities.$inferInsert, "id">>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(cities)
    .values(rows)
    .onConflictDoUpdate({
      target: cities.slug,
      set: {
        name: sql`excluded.name`,
        country: sql`excluded.country`,
        region: sql`excluded.region`,
        latitude: sql`excluded.latitude`,
        longitude: sql`excluded.longitude`,
      },
    });
}

export async function listCitiesWithCounts(
  db: Db,
): Promise<Array<CityRow & { organisationCount: number }>> {
  const rows = await db
    .select({ city: cities, organisationCount: count(organisations.id) })
    .from(cities)
    .leftJoin(organisations, eq(organisations.cityId, cities.id))
    .groupBy(cities.id)
    .orderBy(asc(cities.name));
  return rows.map((row) => ({ ...row.city, organisationCount: row.organisationCount }));
}

/** Every city's name and place, without the per-city counts (a plain read of one small table). */
export async function listCityPlaces(
  db: Db,
): Promise<Array<Pick<CityRow, "id" | "name" | "country" | "region">>> {
  return db
    .select({ id: cities.id, name: cities.name, country: cities.country, region: cities.region })
    .from(cities);
}

export async function findCity(db: Db, id: string): Promise<CityRow | undefined> {
  const [row] = await db.select().from(cities).where(eq(cities.id, id));
  return row;
}

// Organisations

/**
 * Inserts the organisation unless its slug is taken, also by a concurrent insert not yet
 * committed (which this one waits for): undefined then, so the caller tries the next slug.
 */
export async function insertOrganisationIfSlugFree(
  db: Db,
  organisation: NewOrganisation,
): Promise<OrganisationRow | undefined> {
  const [row] = await db
    .insert(organisations)
    .values(organisation)
    .onConflictDoNothing({ target: organisations.slug })
    .returning();
  return row;
}

export async function updateOrganisation(
  db: Db,
  id: string,
  changes: Partial<typeof organisations.$inferInsert>,
): Promise<OrganisationRow | undefined> {
  const [row] = await db
    .update(organisations)
    .set(changes)
    .where(eq(organisations.id, id))
    .returning();
  return row;
}

export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, slug));
  return row !== undefined;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** By id or by slug, as both appear in addresses. */
export async function findOrganisation(
  db: Db,
  ref: string,
): Promise<OrganisationListing | undefined> {
  const condition = uuidPattern.test(ref)
    ? eq(organisations.id, ref)
    : eq(organisations.slug, ref.toLowerCase());
  const [row] = await listingSelect(db).where(condition);
  return row ? toListing(row) : undefined;
}

export async function findOrganisationsByIds(
  db: Db,
  ids: string[],
): Promise<OrganisationListing[]> {
  if (ids.length === 0) return [];
  const rows = await listingSelect(db).where(inArray(organisations.id, ids));
  return rows.map(toListing);
}

export interface OrganisationFilter {
  q?: string | undefined;
  kind?: string | undefined;
  country?: string | undefined;
  cityId?: string | undefined;
  verified?: "true" | "false" | undefined;
}

function filterConditions(filter: OrganisationFilter, withKind: boolean): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(ilike(organisations.name, pattern), ilike(organisations.description, pattern))!,
    );
  }
  if (withKind && filter.kind)
    conditions.push(eq(organisations.kind, filter.kind as OrganisationRow["kind"]));
  if (filter.country) conditions.push(eq(organisations.country, filter.country));
  if (filter.cityId) conditions.push(eq(organisations.cityId, filter.cityId));
  if (filter.verified === "true") conditions.push(sql`${organisations.verifiedAt} is not null`);
  if (filter.verified === "false") conditions.push(isNull(organisations.verifiedAt));
  return conditions.length ? and(...conditions) : undefined;
}

export async function searchOrganisations(
  db: Db,
  filter: OrganisationFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: OrganisationListing[]; total: number; kinds: Record<string, number> }> {
  const where = filterConditions(filter, true);
  const [rows, totals, kinds] = await Promise.all([
    listingSelect(db)
      .where(where)
      .orderBy(
        desc(sql`${organisations.verifiedAt} is not null`),
        asc(organisations.name),
        asc(organisations.id),
      )
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(organisations).where(where),
    db
      .select({ kind: organisations.kind, total: count() })
      .from(organisations)
      .where(filterConditions(filter, false))
      .groupBy(organisations.kind),
  ]);
  return {
    rows: rows.map(toListing),
    total: totals[0]?.total ?? 0,
    kinds: Object.fromEntries(kinds.map((row) => [row.kind, row.total])),
  };
}

export async function countOrganisationsByKind(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .select({ kind: organisations.kind, total: count() })
    .from(organisations)
    .groupBy(organisations.kind);
  return Object.fromEntries(rows.map((row) => [row.kind, row.total]));
}

export async function countVerifiedOrganisations(db: Db): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(organisations)
    .where(sql`${organisations.verifiedAt} is not null`);
  return row?.total ?? 0;
}

export async function countCities(db: Db): Promise<{ cities: number; regions: number }> {
  const [row] = await db
    .select({ cities: count(), regions: sql<number>`count(distinct ${cities.region})::int` })
    .from(cities);
  return { cities: row?.cities ?? 0, regions: Number(row?.regions ?? 0) };
}

// Logos

export async function saveLogo(db: Db, logo: typeof organisationLogos.$inferInsert): Promise<void> {
  await db
    .insert(organisationLogos)
    .values(logo)
    .onConflictDoUpdate({
      target: organisationLogos.organisationId,
      set: {
        contentType: logo.contentType,
        bytes: logo.bytes,
        sha256: logo.sha256,
        updatedAt: logo.updatedAt,
      },
    });
}

export async function findLogo(db: Db, organisationId: string) {
  const [row] = await db
    .select()
    .from(organisationLogos)
    .where(eq(organisationLogos.organisationId, organisationId));
  return row;
}

export async function deleteLogo(db: Db, organisationId: string): Promise<void> {
  await db.delete(organisationLogos).where(eq(organisationLogos.organisationId, organisationId));
}

// Memberships

export async function currentMembership(
  db: Db,
  organisationId: string,
  userId: string,
): Promise<MembershipRow | undefined> {
  const [row] = await db
    .select()
    .from(memberships)
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.userId, userId),
        isNull(memberships.endedAt),
      ),
    );
  return row;
}

export async function insertMembership(
  db: Db,
  membership: typeof memberships.$inferInsert,
): Promise<MembershipRow> {
  const [row] = await db.insert(memberships).values(membership).returning();
  return row!;
}

export async function listCurrentMembers(db: Db, organisationId: string): Promise<MembershipRow[]> {
  return listCurrentMembersOf(db, [organisationId]);
}

/** The current members of several organisations in one query: admins first, then by seniority. */
export async function listCurrentMembersOf(
  db: Db,
  organisationIds: string[],
): Promise<MembershipRow[]> {
  if (organisationIds.length === 0) return [];
  return db
    .select()
    .from(memberships)
    .where(and(inArray(memberships.organisationId, organisationIds), isNull(memberships.endedAt)))
    .orderBy(desc(memberships.role), asc(memberships.startedAt));
}

export async function countCurrentMembers(db: Db, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), isNull(memberships.endedAt)));
  return row?.total ?? 0;
}

export async function countAdminsOf(db: Db, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(memberships)
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.role, "admin"),
        isNull(memberships.endedAt),
      ),
    );
  return row?.total ?? 0;
}

export async function countPeople(db: Db): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`count(distinct ${memberships.userId})::int` })
    .from(memberships)
    .where(isNull(memberships.endedAt));
  return Number(row?.total ?? 0);
}

export async function setMembershipRole(
  db: Db,
  id: string,
  role: MembershipRow["role"],
): Promise<void> {
  await db.update(memberships).set({ role }).where(eq(memberships.id, id));
}

export async function endMembership(db: Db, id: string, at: Date): Promise<void> {
  await db.update(memberships).set({ endedAt: at }).where(eq(memberships.id, id));
}

export async function membershipsOfUser(
  db: Db,
  userId: string,
): Promise<Array<{ membership: MembershipRow; organisation: OrganisationListing }>> {
  const rows = await db
    .select({ membership: memberships })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), isNull(memberships.endedAt)));
  const organisationsById = new Map(
    (
      await findOrganisationsByIds(
        db,
        rows.map((row) => row.membership.organisationId),
      )
    ).map((o) => [o.id, o]),
  );
  return rows
    .map((row) => ({
      membership: row.membership,
      organisation: organisationsById.get(row.membership.organisationId)!,
    }))
    .filter((row) => row.organisation)
    .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name));
}

/** Every membership a person held since `since`, ended or not (for conflict-of-interest checks). */
/** Memberships of these people that lasted until `since` or later (or still do). */
export async function membershipHistoryOfUsers(
  db: Db,
  userIds: string[],
  since: Date,
): Promise<MembershipRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select()
    .from(memberships)
    .where(
      and(
        inArray(memberships.userId, userIds),
        or(isNull(memberships.endedAt), sql`${memberships.endedAt} >= ${since}`),
      ),
    );
}

// Invitations

export async function insertInvitation(
  db: Db,
  invitation: typeof invitations.$inferInsert,
): Promise<InvitationRow> {
  const [row] = await db.insert(invitations).values(invitation).returning();
  return row!;
}

export async function findInvitationByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<InvitationRow | undefined> {
  const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
  return row;
}

/**
 * The invitation, locked until the transaction ends: whoever accepts, declines or revokes it
 * waits for any other such change and then sees its outcome (a double-clicked "accept" then
 * finds the invitation accepted instead of failing on the membership's unique index).
 */
export async function lockInvitationByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, tokenHash))
    .for("update");
  return row;
}

/** An invitation of the organisation, locked until the transaction ends. */
export async function lockInvitation(
  db: Db,
  organisationId: string,
  id: string,
): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, id), eq(invitations.organisationId, organisationId)))
    .for("update");
  return row;
}

export async function listInvitations(db: Db, organisationId: string): Promise<InvitationRow[]> {
  return db
    .select()
    .from(invitations)
    .where(eq(invitations.organisationId, organisationId))
    .orderBy(desc(invitations.createdAt))
    .limit(200);
}

export async function updateInvitation(
  db: Db,
  id: string,
  changes: Partial<typeof invitations.$inferInsert>,
): Promise<void> {
  await db.update(invitations).set(changes).where(eq(invitations.id, id));
}

/** A new invitation to the same address replaces any still open. */
export async function revokeOpenInvitations(
  db: Db,
  organisationId: string,
  email: string,
  at: Date,
): Promise<void> {
  await db
    .update(invitations)
    .set({ revokedAt: at })
    .where(
      and(
        eq(invitations.organisationId, organisationId),
        sql`lower(${invitations.email}) = ${email.toLowerCase()}`,
        isNull(invitations.acceptedAt),
        isNull(invitations.declinedAt),
        isNull(invitations.revokedAt),
      ),
    );
}

// Affiliations

export async function insertAffiliation(
  db: Db,
  affiliation: typeof affiliations.$inferInsert,
): Promise<AffiliationRow> {
  const [row] = await db.insert(affiliations).values(affiliation).returning();
  return row!;
}

export async function findAffiliation(db: Db, id: string): Promise<AffiliationRow | undefined> {
  const [row] = await db.select().from(affiliations).where(eq(affiliations.id, id));
  return row;
}

/** The affiliation, locked until the transaction ends (accepting and ending wait for each other). */
export async function lockAffiliation(db: Db, id: string): Promise<AffiliationRow | undefined> {
  const [row] = await db.select().from(affiliations).where(eq(affiliations.id, id)).for("update");
  return row;
}

export async function findOpenAffiliation(
  db: Db,
  parentId: string,
  memberId: string,
): Promise<AffiliationRow | undefined> {
  const [row] = await db
    .select()
    .from(affiliations)
    .where(
      and(
        eq(affiliations.parentId, parentId),
        eq(affiliations.memberId, memberId),
        ne(affiliations.status, "ended"),
      ),
    );
  return row;
}

export async function updateAffiliation(
  db: Db,
  id: string,
  changes: Partial<typeof affiliations.$inferInsert>,
): Promise<void> {
  await db.update(affiliations).set(changes).where(eq(affiliations.id, id));
}

/** Open (pending or active) affiliations where the organisation is either side. */
export async function listOpenAffiliations(
  db: Db,
  organisationId: string,
): Promise<AffiliationRow[]> {
  return db
    .select()
    .from(affiliations)
    .where(
      and(
        or(eq(affiliations.parentId, organisationId), eq(affiliations.memberId, organisationId)),
        ne(affiliations.status, "ended"),
      ),
    )
    .orderBy(desc(affiliations.createdAt));
}

/** Active parents (clusters, networks) of an organisation. */
export async function activeParentIds(db: Db, memberId: string): Promise<string[]> {
  const rows = await db
    .select({ parentId: affiliations.parentId })
    .from(affiliations)
    .where(and(eq(affiliations.memberId, memberId), eq(affiliations.status, "active")));
  return rows.map((row) => row.parentId);
}

/**
 * Clusters (or networks) the organisations belong to now or belonged to since `since`:
 * active affiliations, and ended ones that ended since then (conflict-of-interest checks).
 */
export async function parentIdsSince(
  db: Db,
  memberIds: string[],
  since: Date,
): Promise<Array<{ parentId: string; memberId: string }>> {
  if (memberIds.length === 0) return [];
  return db
    .select({ parentId: affiliations.parentId, memberId: affiliations.memberId })
    .from(affiliations)
    .where(
      and(
        inArray(affiliations.memberId, memberIds),
        or(
          eq(affiliations.status, "active"),
          and(eq(affiliations.status, "ended"), sql`${affiliations.endedAt} >= ${since}`),
        ),
      ),
    );
}

export async function activeMemberIds(db: Db, parentId: string): Promise<string[]> {
  const rows = await db
    .select({ memberId: affiliations.memberId })
    .from(affiliations)
    .where(and(eq(affiliations.parentId, parentId), eq(affiliations.status, "active")));
  return rows.map((row) => row.memberId);
}

/** Serialises changes to one organisation's people (so two admins cannot both step down). */
export async function lockOrganisation(db: Db, id: string): Promise<void> {
  await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, id))
    .for("update");
}
