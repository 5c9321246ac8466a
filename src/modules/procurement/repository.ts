import { and, asc, count, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../core/db/client.ts";
import {
  proposalFiles,
  proposalForms,
  proposalRevisionAttachments,
  proposalRevisions,
  proposals,
} from "./schema.ts";

/**
 * Queries of the procurement tables. Proposal rows are read only by sealed-proposals.ts (the
 * seal) and by the commands after it let them through; nothing else imports the readers here.
 */

export type ProposalRow = typeof proposals.$inferSelect;
export type RevisionRow = typeof proposalRevisions.$inferSelect;
export type FormRow = typeof proposalForms.$inferSelect;
/** A file's facts without its bytes. */
export type FileListing = Omit<typeof proposalFiles.$inferSelect, "bytes">;
export type FileRow = typeof proposalFiles.$inferSelect;

export interface BidderKey {
  kind: "organisation" | "consortium";
  id: string;
}

// The form

export async function findForm(db: Db, challengeId: string): Promise<FormRow | undefined> {
  const [row] = await db
    .select()
    .from(proposalForms)
    .where(eq(proposalForms.challengeId, challengeId));
  return row;
}

export async function saveForm(db: Db, values: typeof proposalForms.$inferInsert): Promise<void> {
  await db
    .insert(proposalForms)
    .values(values)
    .onConflictDoUpdate({
      target: proposalForms.challengeId,
      set: { sections: values.sections, updatedBy: values.updatedBy, updatedAt: values.updatedAt },
    });
}

// Proposals

export async function proposalsOfChallenge(db: Db, challengeId: string): Promise<ProposalRow[]> {
  return db
    .select()
    .from(proposals)
    .where(eq(proposals.challengeId, challengeId))
    .orderBy(asc(proposals.createdAt), asc(proposals.id));
}

/** The proposals of some challenges in one query, each challenge's as `proposalsOfChallenge`. */
export async function proposalsOfChallenges(
  db: Db,
  challengeIds: string[],
): Promise<Map<string, ProposalRow[]>> {
  const result = new Map<string, ProposalRow[]>();
  if (challengeIds.length === 0) return result;
  const rows = await db
    .select()
    .from(proposals)
    .where(inArray(proposals.challengeId, [...new Set(challengeIds)]))
    .orderBy(asc(proposals.createdAt), asc(proposals.id));
  for (const row of rows) {
    const list = result.get(row.challengeId);
    if (list) list.push(row);
    else result.set(row.challengeId, [row]);
  }
  return result;
}

export async function proposalsByIds(db: Db, ids: string[]): Promise<ProposalRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(proposals).where(inArray(proposals.id, ids));
}

/** The bidders' proposals, to any challenge, newest first. */
export async function proposalsOfBidders(db: Db, bidders: BidderKey[]): Promise<ProposalRow[]> {
  if (bidders.length === 0) return [];
  return db
    .select()
    .from(proposals)
    .where(
      or(
        ...bidders.map((bidder) =>
          and(eq(proposals.bidderKind, bidder.kind), eq(proposals.bidderId, bidder.id)),
        ),
      ),
    )
    .orderBy(sql`${proposals.updatedAt} desc`, asc(proposals.id));
}

/** The proposal, locked until the transaction ends: changes to one proposal queue up. */
export async function lockProposal(db: Db, id: string): Promise<ProposalRow | undefined> {
  const [row] = await db.select().from(proposals).where(eq(proposals.id, id)).for("update");
  return row;
}

export async function countLiveProposals(db: Db, challengeId: string): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(proposals)
    .where(and(eq(proposals.challengeId, challengeId), eq(proposals.status, "submitted")));
  return row?.value ?? 0;
}

export async function liveProposalOf(
  db: Db,
  challengeId: string,
  bidder: BidderKey,
): Promise<ProposalRow | undefined> {
  const [row] = await db
    .select()
    .from(proposals)
    .where(
      and(
        eq(proposals.challengeId, challengeId),
        eq(proposals.bidderKind, bidder.kind),
        eq(proposals.bidderId, bidder.id),
        eq(proposals.status, "submitted"),
      ),
    );
  return row;
}

export async function insertProposal(
  db: Db,
  values: typeof proposals.$inferInsert,
): Promise<ProposalRow> {
  const [row] = await db.insert(proposals).values(values).returning();
  return row!;
}

export async function updateProposal(
  db: Db,
  id: string,
  values: Partial<typeof proposals.$inferInsert>,
): Promise<void> {
  await db.update(proposals).set(values).where(eq(proposals.id, id));
}

// Revisions

export async function insertRevision(
  db: Db,
  values: typeof proposalRevisions.$inferInsert,
): Promise<RevisionRow> {
  const [row] = await db.insert(proposalRevisions).values(values).returning();
  return row!;
}

/** Every revision of the proposals, oldest first. */
export async function revisionsOf(db: Db, proposalIds: string[]): Promise<RevisionRow[]> {
  if (proposalIds.length === 0) return [];
  return db
    .select()
    .from(proposalRevisions)
    .where(inArray(proposalRevisions.proposalId, proposalIds))
    .orderBy(asc(proposalRevisions.proposalId), asc(proposalRevisions.revision));
}

export async function findRevision(
  db: Db,
  proposalId: string,
  revision: number,
): Promise<RevisionRow | undefined> {
  const [row] = await db
    .select()
    .from(proposalRevisions)
    .where(
      and(eq(proposalRevisions.proposalId, proposalId), eq(proposalRevisions.revision, revision)),
    );
  return row;
}

// Files

const listingColumns = {
  id: proposalFiles.id,
  challengeId: proposalFiles.challengeId,
  bidderKind: proposalFiles.bidderKind,
  bidderId: proposalFiles.bidderId,
  filename: proposalFiles.filename,
  contentType: proposalFiles.contentType,
  sizeBytes: proposalFiles.sizeBytes,
  sha256: proposalFiles.sha256,
  uploadedBy: proposalFiles.uploadedBy,
  uploadedAt: proposalFiles.uploadedAt,
};

export async function insertFile(
  db: Db,
  values: typeof proposalFiles.$inferInsert,
): Promise<FileListing> {
  const [row] = await db.insert(proposalFiles).values(values).returning(listingColumns);
  return row!;
}

/** The bidder's files for the challenge among `ids` (others are left out). */
export async function bidderFiles(
  db: Db,
  challengeId: string,
  bidder: BidderKey,
  ids: string[],
): Promise<FileListing[]> {
  if (ids.length === 0) return [];
  return db
    .select(listingColumns)
    .from(proposalFiles)
    .where(
      and(
        inArray(proposalFiles.id, ids),
        eq(proposalFiles.challengeId, challengeId),
        eq(proposalFiles.bidderKind, bidder.kind),
        eq(proposalFiles.bidderId, bidder.id),
      ),
    );
}

export async function insertAttachments(
  db: Db,
  revisionId: string,
  fileIds: string[],
): Promise<void> {
  if (fileIds.length === 0) return;
  await db
    .insert(proposalRevisionAttachments)
    .values(fileIds.map((fileId, position) => ({ revisionId, position, fileId })));
}

/** The files each revision attaches, in order, by revision id. */
export async function attachmentsOf(
  db: Db,
  revisionIds: string[],
): Promise<Map<string, FileListing[]>> {
  const result = new Map<string, FileListing[]>(revisionIds.map((id) => [id, []]));
  if (revisionIds.length === 0) return result;
  const rows = await db
    .select({ revisionId: proposalRevisionAttachments.revisionId, file: listingColumns })
    .from(proposalRevisionAttachments)
    .innerJoin(proposalFiles, eq(proposalFiles.id, proposalRevisionAttachments.fileId))
    .where(inArray(proposalRevisionAttachments.revisionId, revisionIds))
    .orderBy(asc(proposalRevisionAttachments.position));
  for (const row of rows) result.get(row.revisionId)?.push(row.file);
  return result;
}

/** The file with its bytes, when a revision of the proposal attaches it. */
export async function attachedFile(
  db: Db,
  proposalId: string,
  fileId: string,
): Promise<FileRow | undefined> {
  const [row] = await db
    .select({ file: proposalFiles })
    .from(proposalFiles)
    .innerJoin(
      proposalRevisionAttachments,
      eq(proposalRevisionAttachments.fileId, proposalFiles.id),
    )
    .innerJoin(proposalRevisions, eq(proposalRevisions.id, proposalRevisionAttachments.revisionId))
    .where(and(eq(proposalFiles.id, fileId), eq(proposalRevisions.proposalId, proposalId)))
    .limit(1);
  return row?.file;
}

/** Deletes uploaded files no revision attaches, uploaded before `before`; how many. */
export async function deleteUnattachedFiles(db: Db, before: Date): Promise<number> {
  const rows = await db
    .delete(proposalFiles)
    .where(
      and(
        lt(proposalFiles.uploadedAt, before),
        sql`not exists (select 1 from ${proposalRevisionAttachments} where ${proposalRevisionAttachments.fileId} = ${proposalFiles.id})`,
      ),
    )
    .returning({ id: proposalFiles.id });
  return rows.length;
}
