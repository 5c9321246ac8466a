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
import type { Db } from "../../core/db/client.ts";
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
