import { and, count, desc, eq, gt, ilike, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../core/db/client.ts";
import { accountTokens, apiTokens, sessions, users } from "./schema.ts";

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return user;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}

/** The user, locked until the transaction ends: two changes of one account's sign-in take turns. */
export async function lockUser(db: Db, id: string): Promise<UserRow | undefined> {
  // "no key update": rows that merely reference the user (sessions, tokens) are not held up.
  const [user] = await db.select().from(users).where(eq(users.id, id)).for("no key update");
  return user;
}

export async function findUsersByIds(db: Db, ids: string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(users).where(inArray(users.id, ids));
}

export async function insertUser(db: Db, user: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(user).returning();
  return row!;
}

export async function updateUser(
  db: Db,
  id: string,
  changes: Partial<typeof users.$inferInsert>,
): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set(changes).where(eq(users.id, id)).returning();
  return row;
}

/**
 * Records an accepted authenticator time step, unless that step (or a later one) was accepted
 * in the meantime: the check and the write are one statement, so two sign-ins racing with the
 * same code cannot both succeed. False when the step is spent.
 */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const claimed = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return claimed.length > 0;
}

/** Strikes a recovery code off, in one statement; false when it is unknown or already used. */
export async function claimRecoveryCode(
  db: Db,
  userId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const claimed = await db
    .update(users)
    .set({
      totpRecoveryHashes: sql`array_remove(${users.totpRecoveryHashes}, ${codeHash})`,
      updatedAt: now,
    })
    .where(and(eq(users.id, userId), sql`${codeHash} = any(${users.totpRecoveryHashes})`))
    .returning({ id: users.id });
  return claimed.length > 0;
}

/** Advisory lock key of the platform's admin set (namespaced like the other modules' keys). */
const PLATFORM_ADMINS_LOCK = sql`7340301`;

/**
 * Serialises changes that could leave the platform without an admin: taken before the user is
 * read, so a second such change waits and then counts the first one's result.
 */
export async function lockPlatformAdmins(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${PLATFORM_ADMINS_LOCK})`);
}

/**
 * Serialises sign-ups of one address (any case): the second waits, then finds the account the
 * first made and answers as for any known address, instead of failing on the unique index.
 */
export async function lockAddress(tx: Db, email: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7340302, hashtext(${email.toLowerCase()}))`);
}

export async function countAdmins(db: Db): Promise<number> {
  const [row] = await db
    .select({ admins: count() })
    .from(users)
    .where(and(sql`'admin' = any(${users.platformRoles})`, isNull(users.disabledAt)));
  return row?.admins ?? 0;
}

export async function searchUsers(
  db: Db,
  options: { q?: string | undefined; limit: number; offset: number },
): Promise<{ rows: UserRow[]; total: number }> {
  const pattern = options.q ? `%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = pattern ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined;
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt), users.id)
      .limit(options.limit)
      .offset(options.offset),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ total: count() }).from(users).where(isNull(users.disabledAt));
  return row?.total ?? 0;
}

// Sessions

export async function insertSession(
  db: Db,
  session: typeof sessions.$inferInsert,
): Promise<SessionRow> {
  const [row] = await db.insert(sessions).values(session).returning();
  return row!;
}

export async function findLiveSessionByTokenHash(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  return row;
}

export async function touchSession(db: Db, id: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
}

export async function updateSession(
  db: Db,
  id: string,
  changes: Partial<typeof sessions.$inferInsert>,
): Promise<void> {
  await db.update(sessions).set(changes).where(eq(sessions.id, id));
}

export async function deleteSessionByTokenHash(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, userId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return deleted.length > 0;
}

export async function deleteSessionsOfUser(
  db: Db,
  userId: string,
  exceptSessionId?: string | null,
): Promise<void> {
  await db
    .delete(sessions)
    .where(
      exceptSessionId
        ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${exceptSessionId}`)
        : eq(sessions.userId, userId),
    );
}

export async function listSessionsOfUser(db: Db, userId: string, now: Date): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        gt(sessions.expiresAt, now),
        eq(sessions.pendingSecondFactor, false),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(sql`${sessions.expiresAt} <= ${now}`);
}

// API tokens

export async function insertApiToken(
  db: Db,
  token: typeof apiTokens.$inferInsert,
): Promise<ApiTokenRow> {
  const [row] = await db.insert(apiTokens).values(token).returning();
  return row!;
}

export async function findApiTokenByHash(
  db: Db,
  tokenHash: string,
): Promise<{ token: ApiTokenRow; user: UserRow } | undefined> {
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, tokenHash));
  return row;
}

export async function listApiTokensOfUser(db: Db, userId: string): Promise<ApiTokenRow[]> {
  return db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(
  db: Db,
  userId: string,
  id: string,
  now: Date,
): Promise<boolean> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return revoked.length > 0;
}

export async function markApiTokenUsed(db: Db, id: string, now: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
}

// One-time account tokens

export type AccountTokenPurpose = (typeof accountTokens.$inferSelect)["purpose"];

export async function insertAccountToken(
  db: Db,
  token: typeof accountTokens.$inferInsert,
): Promise<void> {
  await db.insert(accountTokens).values(token);
}

/** Marks a live token used and returns its user; a used or expired token returns nothing. */
export async function consumeAccountToken(
  db: Db,
  purpose: AccountTokenPurpose,
  tokenHash: string,
  now: Date,
): Promise<string | undefined> {
  const [row] = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.tokenHash, tokenHash),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .returning({ userId: accountTokens.userId });
  return row?.userId;
}

/** A new reset or verification link makes the earlier ones useless. */
export async function retireAccountTokens(
  db: Db,
  userId: string,
  purpose: AccountTokenPurpose,
  now: Date,
): Promise<void> {
  await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.userId, userId),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
      ),
    );
}
