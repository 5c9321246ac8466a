import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../core/db/client.ts";
import { importRefs, type recordKinds } from "./schema.ts";

export type RecordKind = (typeof recordKinds)[number];

/** The ids the scope's refs name, for the refs that are known. */
export async function idsOfRefs(
  db: Db,
  kind: RecordKind,
  scope: string,
  refs: string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const unique = [...new Set(refs)];
  for (let start = 0; start < unique.length; start += 1_000) {
    const rows = await db
      .select({ ref: importRefs.ref, entityId: importRefs.entityId })
      .from(importRefs)
      .where(
        and(
          eq(importRefs.kind, kind),
          eq(importRefs.scope, scope),
          inArray(importRefs.ref, unique.slice(start, start + 1_000)),
        ),
      );
    for (const row of rows) found.set(row.ref, row.entityId);
  }
  return found;
}

/** Records the refs not known yet (a known ref keeps the record it named). */
export async function rememberRefs(
  db: Db,
  rows: Array<{ kind: RecordKind; scope: string; ref: string; entityId: string; createdAt: Date }>,
): Promise<void> {
  for (let start = 0; start < rows.length; start += 1_000) {
    await db
      .insert(importRefs)
      .values(rows.slice(start, start + 1_000))
      .onConflictDoNothing();
  }
}

/** Every ref of a kind, whatever the scope: the export picks one per record. */
export async function allRefs(
  db: Db,
  kind: RecordKind,
): Promise<Array<{ scope: string; ref: string; entityId: string }>> {
  return db
    .select({ scope: importRefs.scope, ref: importRefs.ref, entityId: importRefs.entityId })
    .from(importRefs)
    .where(eq(importRefs.kind, kind))
    .orderBy(asc(importRefs.scope), asc(importRefs.ref));
}

/**
 * Serialises imports into one scope until the transaction ends: of two imports of the same new
 * refs at once, the second waits and then finds the first's records to update.
 */
export async function lockScope(db: Db, scope: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(7340101, hashtext(${scope}))`);
}
