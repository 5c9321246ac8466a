import { asc, eq } from "drizzle-orm";
import type { Db } from "../../core/db/client.ts";
import type { NewSolution, SolutionRow } from "./repository.ts";
import { solutionColumns } from "./repository.ts";
import { solutionCapabilities, solutions, solutionVersions } from "./schema.ts";

/** Multi-row writes for bulk imports (exchange module): hundreds of rows per statement. */

const CHUNK = 500;

async function inChunks<Row>(rows: Row[], write: (chunk: Row[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await write(rows.slice(start, start + CHUNK));
  }
}

/** Each row carries its id (chosen by the caller), so nothing needs reading back. */
export async function insertSolutions(
  db: Db,
  rows: Array<NewSolution & { id: string }>,
): Promise<void> {
  await inChunks(rows, (chunk) => db.insert(solutions).values(chunk));
}

export async function insertSolutionCapabilityRows(
  db: Db,
  rows: Array<{ solutionId: string; capabilityCode: string }>,
): Promise<void> {
  await inChunks(rows, (chunk) => db.insert(solutionCapabilities).values(chunk));
}

export async function insertSolutionVersions(
  db: Db,
  rows: Array<typeof solutionVersions.$inferInsert>,
): Promise<void> {
  await inChunks(rows, (chunk) => db.insert(solutionVersions).values(chunk));
}

/** Every active solution, oldest first (the export sorts them by reference afterwards). */
export async function listActiveSolutions(db: Db): Promise<SolutionRow[]> {
  return db
    .select(solutionColumns)
    .from(solutions)
    .where(eq(solutions.status, "active"))
    .orderBy(asc(solutions.createdAt), asc(solutions.id));
}
