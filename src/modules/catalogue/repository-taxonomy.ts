import { asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../core/db/client.ts";
import { capabilities, solutionCapabilities, solutions } from "./schema.ts";

/** Queries of the capability taxonomy: codes, their hierarchy, labels and synonyms. */

export type CapabilityRow = typeof capabilities.$inferSelect;

export async function upsertBuiltInCapabilities(
  db: Db,
  rows: Array<typeof capabilities.$inferInsert>,
): Promise<void> {
  if (rows.length === 0) return;
  // Only what the platform ships is replaced; admins' synonyms (added_synonyms) are kept.
  await db
    .insert(capabilities)
    .values(rows)
    .onConflictDoUpdate({
      target: capabilities.code,
      set: {
        parentCode: sql`excluded.parent_code`,
        labels: sql`excluded.labels`,
        synonyms: sql`excluded.synonyms`,
        builtIn: sql`true`,
        position: sql`excluded.position`,
      },
    });
}

export async function listCapabilities(db: Db): Promise<CapabilityRow[]> {
  return db.select().from(capabilities).orderBy(asc(capabilities.position), asc(capabilities.code));
}

export async function findCapability(db: Db, code: string): Promise<CapabilityRow | undefined> {
  const [row] = await db.select().from(capabilities).where(eq(capabilities.code, code));
  return row;
}

/** The capability, locked until the transaction ends (two admins adding synonyms at once). */
export async function lockCapability(db: Db, code: string): Promise<CapabilityRow | undefined> {
  const [row] = await db
    .select()
    .from(capabilities)
    .where(eq(capabilities.code, code))
    .for("update");
  return row;
}

/** Inserts unless the code exists (also concurrently): undefined then. */
export async function insertCapabilityIfNew(
  db: Db,
  row: typeof capabilities.$inferInsert,
): Promise<CapabilityRow | undefined> {
  const [inserted] = await db.insert(capabilities).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function nextCapabilityPosition(db: Db): Promise<number> {
  const [row] = await db
    .select({ next: sql<number>`coalesce(max(${capabilities.position}), 0)::int + 1` })
    .from(capabilities);
  return Number(row?.next ?? 1);
}

export async function setAddedSynonyms(
  db: Db,
  code: string,
  addedSynonyms: Record<string, string[]>,
): Promise<void> {
  await db.update(capabilities).set({ addedSynonyms }).where(eq(capabilities.code, code));
}

export async function existingCapabilityCodes(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .select({ code: capabilities.code })
    .from(capabilities)
    .where(inArray(capabilities.code, codes));
  return new Set(rows.map((row) => row.code));
}

/** The codes and every code below them in the hierarchy. */
export async function descendantCodes(db: Db, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await queryRows<{ code: string }>(
    db,
    sql`with recursive tree(code) as (
          select code from ${capabilities} where code in ${codes}
          union
          select c.code from ${capabilities} c join tree on c.parent_code = tree.code
        )
        select code from tree`,
  );
  return rows.map((row) => row.code);
}

export async function capabilityLabels(
  db: Db,
  codes: string[],
): Promise<Map<string, Record<string, string>>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: capabilities.code, labels: capabilities.labels })
    .from(capabilities)
    .where(inArray(capabilities.code, codes));
  return new Map(rows.map((row) => [row.code, row.labels]));
}

/** Every label and synonym (shipped and added, all languages) of the capability aliased `c`. */
const termsOfCapability = sql`(
  select value from jsonb_each_text(c.labels)
  union all select jsonb_array_elements_text(value) from jsonb_each(c.synonyms)
  union all select jsonb_array_elements_text(value) from jsonb_each(c.added_synonyms)
)`;

/**
 * Rewrites the capability terms the search column reads, for the given solutions or for every
 * solution carrying the given capability (after its synonyms changed).
 */
export async function refreshCapabilityTerms(
  db: Db,
  which: { solutionIds: string[] } | { capabilityCode: string },
): Promise<void> {
  let scope: SQL;
  if ("solutionIds" in which) {
    if (which.solutionIds.length === 0) return;
    scope = sql`s.id in ${which.solutionIds}`;
  } else {
    scope = sql`s.id in (select solution_id from ${solutionCapabilities} where capability_code = ${which.capabilityCode})`;
  }
  await db.execute(sql`
    update ${solutions} s set capability_terms = coalesce((
      select string_agg(t.term, ' ')
      from ${solutionCapabilities} sc
      join ${capabilities} c on c.code = sc.capability_code
      cross join lateral ${termsOfCapability} as t(term)
      where sc.solution_id = s.id
    ), '')
    where ${scope}`);
}

/**
 * For each tag, the codes whose code, label or synonym (any language) is the same term once
 * case, accents and punctuation are set aside.
 */
export async function codesMatchingTerms(
  db: Db,
  tags: string[],
): Promise<Array<{ key: string; code: string }>> {
  if (tags.length === 0) return [];
  const tagList = sql.join(
    tags.map((tag) => sql`${tag}`),
    sql`, `,
  );
  return queryRows<{ key: string; code: string }>(
    db,
    sql`select distinct k.key, c.code
        from (select catalogue_term_key(tag) as key from unnest(array[${tagList}]::text[]) as tag) k
        join ${capabilities} c on
          catalogue_term_key(c.code) = k.key
          or exists (select 1 from ${termsOfCapability} as t(term) where catalogue_term_key(t.term) = k.key)
        where k.key <> ''`,
  );
}

/**
 * Codes one of whose labels (any language) starts with the key as whole words: "stormwater"
 * names "Stormwater and cloudburst management", "district heating" names "District heating and
 * cooling". Keys are as termKeys computes them.
 */
export async function codesByLabelStart(
  db: Db,
  keys: string[],
): Promise<Array<{ key: string; code: string }>> {
  if (keys.length === 0) return [];
  const keyList = sql.join(
    keys.map((key) => sql`${key}`),
    sql`, `,
  );
  return queryRows<{ key: string; code: string }>(
    db,
    sql`select distinct k.key, c.code
        from unnest(array[${keyList}]::text[]) as k(key)
        join ${capabilities} c on exists (
          select 1 from jsonb_each_text(c.labels) as l(locale, label)
          where catalogue_term_key(l.label) like k.key || ' %'
        )`,
  );
}

/** The comparison key of each text, as codesMatchingTerms computes it. */
export async function termKeys(db: Db, texts: string[]): Promise<string[]> {
  if (texts.length === 0) return [];
  const list = sql.join(
    texts.map((text) => sql`${text}`),
    sql`, `,
  );
  const rows = await queryRows<{ key: string }>(
    db,
    sql`select catalogue_term_key(x) as key from unnest(array[${list}]::text[]) with ordinality as u(x, n) order by n`,
  );
  return rows.map((row) => row.key);
}

/**
 * Capabilities one of whose labels or synonyms appears in the text as whole words, with all
 * their terms: what a search for "cloudburst" should also look for.
 */
export async function capabilitiesMentionedIn(
  db: Db,
  text: string,
): Promise<Array<{ code: string; terms: string[] }>> {
  const rows = await queryRows<{ code: string; terms: string[] }>(
    db,
    sql`select c.code, array(select t.term from ${termsOfCapability} as t(term)) as terms
        from ${capabilities} c
        cross join (select ' ' || catalogue_term_key(${text}) || ' ' as text_key) typed
        where exists (
          select 1 from unnest(c.term_keys) as k(term_key)
          where strpos(typed.text_key, ' ' || k.term_key || ' ') > 0
        )
        order by c.code`,
  );
  return rows.map((row) => ({ code: row.code, terms: parseTextArray(row.terms) }));
}

/** PGlite and node-postgres both parse text[]; kept defensive for the literal form. */
function parseTextArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  return value
    .replace(/^\{|\}$/g, "")
    .split(",")
    .filter(Boolean)
    .map((item) => item.replace(/^"|"$/g, ""));
}

/**
 * A fingerprint of the taxonomy's codes, parents, labels and synonyms: what a challenge's need
 * and the solutions' capability terms are read from. It changes when an admin adds a capability
 * or synonyms, or a release ships new ones.
 */
export async function taxonomyFingerprint(db: Db): Promise<string> {
  const [row] = await queryRows<{ fingerprint: string | null }>(
    db,
    sql`select md5(string_agg(c.code || '|' || coalesce(c.parent_code, '') || '|' || c.labels::text
                              || '|' || c.synonyms::text || '|' || c.added_synonyms::text, E'\n' order by c.code))
          as fingerprint
        from ${capabilities} c`,
  );
  return row?.fingerprint ?? "";
}
