import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  inArray,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { type Db, queryRows } from "../../core/db/client.ts";
import { referenceEvidence, referenceMetrics, solutionReferences } from "./schema.ts";

export type ReferenceRow = typeof solutionReferences.$inferSelect;
export type MetricRow = typeof referenceMetrics.$inferSelect;
export type EvidenceRow = typeof referenceEvidence.$inferSelect;
export type EvidenceListing = Omit<EvidenceRow, "bytes">;

const { bytes: _bytes, ...evidenceListingColumns } = getTableColumns(referenceEvidence);

export async function insertReference(
  db: Db,
  values: typeof solutionReferences.$inferInsert,
): Promise<ReferenceRow> {
  const [row] = await db.insert(solutionReferences).values(values).returning();
  return row!;
}

export async function updateReferenceRow(
  db: Db,
  id: string,
  values: Partial<typeof solutionReferences.$inferInsert>,
): Promise<ReferenceRow> {
  const [row] = await db
    .update(solutionReferences)
    .set(values)
    .where(eq(solutionReferences.id, id))
    .returning();
  return row!;
}

/** The reference, locked for the change being made (two edits or decisions never interleave). */
export async function lockReference(db: Db, id: string): Promise<ReferenceRow | undefined> {
  const [row] = await db
    .select()
    .from(solutionReferences)
    .where(eq(solutionReferences.id, id))
    .for("update");
  return row;
}

export async function findReference(db: Db, id: string): Promise<ReferenceRow | undefined> {
  const [row] = await db.select().from(solutionReferences).where(eq(solutionReferences.id, id));
  return row;
}

export async function referencesByIds(db: Db, ids: string[]): Promise<ReferenceRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(solutionReferences).where(inArray(solutionReferences.id, ids));
}

export async function deleteReferenceRow(db: Db, id: string): Promise<void> {
  await db.delete(solutionReferences).where(eq(solutionReferences.id, id));
}

/** References of a solution, of a provider's solutions, or in a city's organisation, newest first. */
export async function listReferences(
  db: Db,
  filter: { solutionId?: string; providerId?: string; cityOrganisationId?: string },
): Promise<ReferenceRow[]> {
  const conditions: SQL[] = [];
  if (filter.solutionId) conditions.push(eq(solutionReferences.solutionId, filter.solutionId));
  if (filter.providerId) conditions.push(eq(solutionReferences.providerId, filter.providerId));
  if (filter.cityOrganisationId) {
    conditions.push(eq(solutionReferences.cityOrganisationId, filter.cityOrganisationId));
  }
  return db
    .select()
    .from(solutionReferences)
    .where(and(...conditions))
    .orderBy(desc(solutionReferences.startedOn), asc(solutionReferences.id));
}

export async function listAllReferences(db: Db): Promise<ReferenceRow[]> {
  return db
    .select()
    .from(solutionReferences)
    .orderBy(asc(solutionReferences.createdAt), asc(solutionReferences.id));
}

export async function replaceMetrics(
  db: Db,
  referenceId: string,
  metrics: Array<Omit<typeof referenceMetrics.$inferInsert, "referenceId" | "position">>,
): Promise<void> {
  await db.delete(referenceMetrics).where(eq(referenceMetrics.referenceId, referenceId));
  if (metrics.length === 0) return;
  await db
    .insert(referenceMetrics)
    .values(metrics.map((metric, position) => ({ ...metric, referenceId, position })));
}

export async function metricsOf(db: Db, referenceIds: string[]): Promise<MetricRow[]> {
  if (referenceIds.length === 0) return [];
  return db
    .select()
    .from(referenceMetrics)
    .where(inArray(referenceMetrics.referenceId, referenceIds))
    .orderBy(asc(referenceMetrics.referenceId), asc(referenceMetrics.position));
}

export async function evidenceListingsOf(
  db: Db,
  referenceIds: string[],
): Promise<EvidenceListing[]> {
  if (referenceIds.length === 0) return [];
  return db
    .select(evidenceListingColumns)
    .from(referenceEvidence)
    .where(inArray(referenceEvidence.referenceId, referenceIds))
    .orderBy(asc(referenceEvidence.uploadedAt), asc(referenceEvidence.id));
}

export async function countEvidence(db: Db, referenceId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(referenceEvidence)
    .where(eq(referenceEvidence.referenceId, referenceId));
  return row?.n ?? 0;
}

export async function insertEvidence(
  db: Db,
  values: typeof referenceEvidence.$inferInsert,
): Promise<EvidenceListing> {
  const [row] = await db.insert(referenceEvidence).values(values).returning(evidenceListingColumns);
  return row!;
}

export async function findEvidence(
  db: Db,
  referenceId: string,
  fileId: string,
): Promise<EvidenceRow | undefined> {
  const [row] = await db
    .select()
    .from(referenceEvidence)
    .where(and(eq(referenceEvidence.id, fileId), eq(referenceEvidence.referenceId, referenceId)));
  return row;
}

export async function deleteEvidence(
  db: Db,
  referenceId: string,
  fileId: string,
): Promise<boolean> {
  const rows = await db
    .delete(referenceEvidence)
    .where(and(eq(referenceEvidence.id, fileId), eq(referenceEvidence.referenceId, referenceId)))
    .returning({ id: referenceEvidence.id });
  return rows.length > 0;
}

/** References visible without standing or through it: verified ones, and the parties' own. */
export function visibleTo(memberOf: string[]): SQL {
  const own = memberOf.length
    ? [
        inArray(solutionReferences.providerId, memberOf),
        inArray(solutionReferences.cityOrganisationId, memberOf),
      ]
    : [];
  return or(eq(solutionReferences.status, "verified"), ...own)!;
}

/**
 * For matchmaking's evidence factor, inside its own statement: how many distinct cities have
 * verified a reference of the solution whose id `solutionId` is (a column of the caller's query).
 */
export function verifiedCitiesOf(solutionId: SQL): SQL<number> {
  return sql<number>`(select count(distinct r.city_organisation_id)
    from ${solutionReferences} r
    where r.solution_id = ${solutionId} and r.status = 'verified')`;
}

export interface ImpactFilter {
  cityOrganisationId?: string;
  providerId?: string;
  sector?: string;
}

const impactConditions = (filter: ImpactFilter) => sql`r.status = 'verified'
    ${filter.cityOrganisationId ? sql`and r.city_organisation_id = ${filter.cityOrganisationId}::uuid` : sql``}
    ${filter.providerId ? sql`and r.provider_id = ${filter.providerId}::uuid` : sql``}
    ${filter.sector ? sql`and r.sector = ${filter.sector}` : sql``}`;

/**
 * Verified outcomes summed by sector, year, kind and unit (custom ones by label too), never
 * across units. Outcomes are yearly: a reference counts in every calendar year of its period,
 * up to `untilYear` while it runs.
 */
export async function sumVerifiedImpact(
  db: Db,
  filter: ImpactFilter,
  untilYear: number,
): Promise<
  Array<{ sector: string; year: number; kind: string; label: string; unit: string; value: number }>
> {
  const rows = await queryRows<{
    sector: string;
    year: number;
    kind: string;
    label: string;
    unit: string;
    value: number;
  }>(
    db,
    sql`
    select r.sector, y.year::int as year, m.kind, m.label, m.unit, sum(m.value)::float8 as value
    from ${solutionReferences} r
    join ${referenceMetrics} m on m.reference_id = r.id
    cross join lateral generate_series(
      extract(year from r.started_on)::int,
      least(${untilYear}::int, coalesce(extract(year from r.ended_on)::int, ${untilYear}::int))
    ) as y(year)
    where ${impactConditions(filter)}
    group by r.sector, y.year, m.kind, m.label, m.unit
    order by r.sector, y.year, m.kind, m.label, m.unit`,
  );
  return rows.map((row) => ({ ...row, year: Number(row.year), value: Number(row.value) }));
}

/** Verified references by C40 city (for the map), with how many each city verified. */
export async function countVerifiedByCity(
  db: Db,
  filter: ImpactFilter,
): Promise<Array<{ cityId: string; verified: number }>> {
  const rows = await queryRows<{ cityId: string; verified: number }>(
    db,
    sql`
    select r.city_id as "cityId", count(*)::int as verified
    from ${solutionReferences} r
    where ${impactConditions(filter)} and r.city_id is not null
    group by r.city_id
    order by r.city_id`,
  );
  return rows.map((row) => ({ cityId: row.cityId, verified: Number(row.verified) }));
}
