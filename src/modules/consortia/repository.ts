import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../core/db/client.ts";
import { consortia, consortiumInvitations, consortiumMembers } from "./schema.ts";

export type ConsortiumRow = typeof consortia.$inferSelect;
export type MemberRow = typeof consortiumMembers.$inferSelect;
export type InvitationRow = typeof consortiumInvitations.$inferSelect;

export async function insertConsortium(
  db: Db,
  values: typeof consortia.$inferInsert,
): Promise<ConsortiumRow> {
  const [row] = await db.insert(consortia).values(values).returning();
  return row!;
}

export async function findConsortium(db: Db, id: string): Promise<ConsortiumRow | undefined> {
  const [row] = await db.select().from(consortia).where(eq(consortia.id, id));
  return row;
}

/** The consortium, locked until the transaction ends: changes to one consortium queue up. */
export async function lockConsortium(db: Db, id: string): Promise<ConsortiumRow | undefined> {
  const [row] = await db.select().from(consortia).where(eq(consortia.id, id)).for("update");
  return row;
}

export async function updateConsortium(
  db: Db,
  id: string,
  values: Partial<typeof consortia.$inferInsert>,
): Promise<void> {
  await db.update(consortia).set(values).where(eq(consortia.id, id));
}

export async function findConsortiaByIds(db: Db, ids: string[]): Promise<ConsortiumRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(consortia)
    .where(inArray(consortia.id, ids))
    .orderBy(desc(consortia.createdAt), asc(consortia.id));
}

export async function consortiumIdsOfChallenge(db: Db, challengeId: string): Promise<string[]> {
  const rows = await db
    .select({ id: consortia.id })
    .from(consortia)
    .where(eq(consortia.challengeId, challengeId));
  return rows.map((row) => row.id);
}

/** Consortia the organisations are current members of, or have an open invitation to. */
export async function consortiumIdsOfOrganisations(
  db: Db,
  organisationIds: string[],
): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const members = await db
    .select({ id: consortiumMembers.consortiumId })
    .from(consortiumMembers)
    .where(
      and(
        inArray(consortiumMembers.organisationId, organisationIds),
        isNull(consortiumMembers.leftAt),
      ),
    );
  const invited = await db
    .select({ id: consortiumInvitations.consortiumId })
    .from(consortiumInvitations)
    .where(
      and(
        inArray(consortiumInvitations.organisationId, organisationIds),
        eq(consortiumInvitations.status, "pending"),
      ),
    );
  return [...new Set([...members, ...invited].map((row) => row.id))];
}

/** Current members (not those who left) of the consortia, lead first, then by joining. */
export async function currentMembersOf(db: Db, consortiumIds: string[]): Promise<MemberRow[]> {
  if (consortiumIds.length === 0) return [];
  return db
    .select()
    .from(consortiumMembers)
    .where(
      and(inArray(consortiumMembers.consortiumId, consortiumIds), isNull(consortiumMembers.leftAt)),
    )
    .orderBy(
      sql`case when ${consortiumMembers.role} = 'lead' then 0 else 1 end`,
      asc(consortiumMembers.joinedAt),
      asc(consortiumMembers.organisationId),
    );
}

/** Every organisation that is or ever was a member of the consortia (left ones included). */
export async function membersEverOf(db: Db, consortiumIds: string[]): Promise<MemberRow[]> {
  if (consortiumIds.length === 0) return [];
  return db
    .select()
    .from(consortiumMembers)
    .where(inArray(consortiumMembers.consortiumId, consortiumIds));
}

export async function insertMember(
  db: Db,
  values: typeof consortiumMembers.$inferInsert,
): Promise<MemberRow | undefined> {
  const [row] = await db.insert(consortiumMembers).values(values).onConflictDoNothing().returning();
  return row;
}

/** Ends the organisation's current membership; false when it had none. */
export async function endMembership(
  db: Db,
  consortiumId: string,
  organisationId: string,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(consortiumMembers)
    .set({ leftAt: at })
    .where(
      and(
        eq(consortiumMembers.consortiumId, consortiumId),
        eq(consortiumMembers.organisationId, organisationId),
        isNull(consortiumMembers.leftAt),
      ),
    )
    .returning({ id: consortiumMembers.id });
  return rows.length > 0;
}

export async function setMemberRole(
  db: Db,
  consortiumId: string,
  organisationId: string,
  role: MemberRow["role"],
): Promise<void> {
  await db
    .update(consortiumMembers)
    .set({ role })
    .where(
      and(
        eq(consortiumMembers.consortiumId, consortiumId),
        eq(consortiumMembers.organisationId, organisationId),
        isNull(consortiumMembers.leftAt),
      ),
    );
}

export async function insertInvitation(
  db: Db,
  values: typeof consortiumInvitations.$inferInsert,
): Promise<InvitationRow | undefined> {
  const [row] = await db
    .insert(consortiumInvitations)
    .values(values)
    .onConflictDoNothing()
    .returning();
  return row;
}

/** Invitations of the consortia, newest first (pending ones first). */
export async function invitationsOf(db: Db, consortiumIds: string[]): Promise<InvitationRow[]> {
  if (consortiumIds.length === 0) return [];
  return db
    .select()
    .from(consortiumInvitations)
    .where(inArray(consortiumInvitations.consortiumId, consortiumIds))
    .orderBy(
      sql`case when ${consortiumInvitations.status} = 'pending' then 0 else 1 end`,
      desc(consortiumInvitations.invitedAt),
      asc(consortiumInvitations.id),
    );
}

export async function findInvitation(
  db: Db,
  consortiumId: string,
  invitationId: string,
): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(consortiumInvitations)
    .where(
      and(
        eq(consortiumInvitations.id, invitationId),
        eq(consortiumInvitations.consortiumId, consortiumId),
      ),
    );
  return row;
}

/** Answers a pending invitation; undefined when it is no longer pending. */
export async function closeInvitation(
  db: Db,
  invitationId: string,
  values: { status: "accepted" | "declined" | "withdrawn"; answeredBy: string; answeredAt: Date },
): Promise<InvitationRow | undefined> {
  const [row] = await db
    .update(consortiumInvitations)
    .set(values)
    .where(
      and(eq(consortiumInvitations.id, invitationId), eq(consortiumInvitations.status, "pending")),
    )
    .returning();
  return row;
}

/** Withdraws every pending invitation of the consortium; how many there were. */
export async function withdrawPendingInvitations(
  db: Db,
  consortiumId: string,
  by: string,
  at: Date,
): Promise<InvitationRow[]> {
  return db
    .update(consortiumInvitations)
    .set({ status: "withdrawn", answeredBy: by, answeredAt: at })
    .where(
      and(
        eq(consortiumInvitations.consortiumId, consortiumId),
        eq(consortiumInvitations.status, "pending"),
      ),
    )
    .returning();
}

/** Whether the organisation is a current member or has a pending invitation. */
export async function involvement(
  db: Db,
  consortiumId: string,
  organisationId: string,
): Promise<"member" | "invited" | null> {
  const [member] = await db
    .select({ id: consortiumMembers.id })
    .from(consortiumMembers)
    .where(
      and(
        eq(consortiumMembers.consortiumId, consortiumId),
        eq(consortiumMembers.organisationId, organisationId),
        isNull(consortiumMembers.leftAt),
      ),
    );
  if (member) return "member";
  const [invitation] = await db
    .select({ id: consortiumInvitations.id })
    .from(consortiumInvitations)
    .where(
      and(
        eq(consortiumInvitations.consortiumId, consortiumId),
        eq(consortiumInvitations.organisationId, organisationId),
        eq(consortiumInvitations.status, "pending"),
      ),
    );
  return invitation ? "invited" : null;
}
