import { and, eq, getTableColumns, inArray, notInArray } from "drizzle-orm";
import type { Db } from "../../core/db/client.ts";
import { solutionMedia } from "./schema.ts";

/** An uploaded image's record without its bytes. */
export type MediaFileListing = Omit<typeof solutionMedia.$inferSelect, "bytes">;
export type MediaFileRow = typeof solutionMedia.$inferSelect;

const { bytes: _bytes, ...listingColumns } = getTableColumns(solutionMedia);

export async function insertMediaFile(
  db: Db,
  values: typeof solutionMedia.$inferInsert,
): Promise<MediaFileListing> {
  const [row] = await db.insert(solutionMedia).values(values).returning(listingColumns);
  return row!;
}

/** The image with its bytes, when it belongs to that solution. */
export async function findMediaFile(
  db: Db,
  solutionId: string,
  fileId: string,
): Promise<MediaFileRow | undefined> {
  const [row] = await db
    .select()
    .from(solutionMedia)
    .where(and(eq(solutionMedia.id, fileId), eq(solutionMedia.solutionId, solutionId)));
  return row;
}

/** Which of these file ids are images uploaded to that solution. */
export async function existingMediaFileIds(
  db: Db,
  solutionId: string,
  fileIds: string[],
): Promise<Set<string>> {
  if (fileIds.length === 0) return new Set();
  const rows = await db
    .select({ id: solutionMedia.id })
    .from(solutionMedia)
    .where(and(eq(solutionMedia.solutionId, solutionId), inArray(solutionMedia.id, fileIds)));
  return new Set(rows.map((row) => row.id));
}

/** Deletes the solution's images other than `keep`; answers the ids it deleted. */
export async function deleteMediaFilesExcept(
  db: Db,
  solutionId: string,
  keep: string[],
): Promise<string[]> {
  const rows = await db
    .delete(solutionMedia)
    .where(
      and(
        eq(solutionMedia.solutionId, solutionId),
        ...(keep.length ? [notInArray(solutionMedia.id, keep)] : []),
      ),
    )
    .returning({ id: solutionMedia.id });
  return rows.map((row) => row.id).sort();
}

export async function deleteMediaFile(db: Db, fileId: string): Promise<void> {
  await db.delete(solutionMedia).where(eq(solutionMedia.id, fileId));
}
