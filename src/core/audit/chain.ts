import { asc, desc, gt, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { canonicalJson, sha256Hex } from "./canonical.ts";
import { auditEvents, auditPending } from "./schema.ts";

export const GENESIS_HASH = "0".repeat(64);

// Every appender takes this transaction-scoped lock, so no two rows ever share a prev_hash.
const AUDIT_APPEND_LOCK_KEY = 7_340_002;

/** What a module records; the chain adds sequence, time and hashes. */
export interface AuditEventInput {
  action: string;
  actorId: string | null;
  subjectType: string;
  subjectId: string;
  payload?: Record<string, unknown>;
}

export interface AuditEventRow {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  payload: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export function hashAuditEvent(row: Omit<AuditEventRow, "hash">): string {
  const body = canonicalJson({
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    payload: row.payload,
  });
  return sha256Hex(`${row.prevHash}\n${body}`);
}

/** Transactions that hold the append lock already: a second event skips the round trip. */
const lockHolders = new WeakSet<object>();

async function lockChain(tx: Db): Promise<void> {
  if (lockHolders.has(tx)) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_APPEND_LOCK_KEY})`);
  // Only a transaction keeps the lock to its end; a bare connection loses it at once.
  if (tx instanceof PgTransaction) lockHolders.add(tx);
}

/**
 * Records one event. Call it inside the transaction that makes the change it records, so the
 * change and its record commit or roll back together.
 *
 * The event waits in audit_pending until the transaction commits; a deferred trigger (migration
 * 0024) then takes the chain's lock, gives it the next sequence number and hash (in SQL, by
 * hashAuditEvent's formula) and moves it to audit_events. So the chain is in commit order, and
 * its lock is held only while a transaction commits: writers no longer queue behind each other's
 * round trips, only behind each other's commits. Inside the transaction the event is not yet in
 * audit_events.
 */
export async function appendAuditEvent(
  tx: Db,
  clock: Clock,
  event: AuditEventInput,
): Promise<void> {
  await appendAuditEventsOfOneChange(tx, clock, [event]);
}

/**
 * Records the events of one change (an organisation created and its founder made admin) in one
 * multi-row insert: one round trip instead of one per event. Linked at commit in this order, as
 * the deferred trigger fires for the rows in the order they were inserted.
 */
export async function appendAuditEventsOfOneChange(
  tx: Db,
  clock: Clock,
  events: AuditEventInput[],
): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(auditPending).values(events.map((event) => pendingRowOf(clock, event)));
}

function pendingRowOf(clock: Clock, event: AuditEventInput) {
  // Round-trip the payload through canonical JSON so what is hashed is what jsonb gives back.
  const payload = JSON.parse(canonicalJson(event.payload ?? {})) as Record<string, unknown>;
  const occurredAt = clock.now();
  // The hashed body with the sequence number left out: keys are sorted, so "seq" sits between
  // "payload" and "subjectId", and its last such occurrence is the top-level one (the payload
  // comes before it, and strings cannot hold an unescaped quote).
  const body = canonicalJson({
    occurredAt: occurredAt.toISOString(),
    actorId: event.actorId,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    payload,
    seq: 0,
  });
  const at = body.lastIndexOf(',"seq":0,"subjectId":');
  return {
    occurredAt,
    actorId: event.actorId,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    payload,
    bodyBeforeSeq: `${body.slice(0, at)},"seq":`,
    bodyAfterSeq: body.slice(at + ',"seq":0'.length),
  };
}

/**
 * Appends many events at once, in order, under one lock and in multi-row inserts: the same chain
 * as appending them one by one, for bulk imports that record thousands of changes.
 */
export async function appendAuditEvents(
  tx: Db,
  clock: Clock,
  events: AuditEventInput[],
): Promise<void> {
  if (events.length === 0) return;
  await lockChain(tx);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows: AuditEventRow[] = [];
  for (const event of events) {
    seq += 1;
    const unhashed = {
      seq,
      occurredAt: clock.now(),
      actorId: event.actorId,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      payload: JSON.parse(canonicalJson(event.payload ?? {})) as Record<string, unknown>,
      prevHash,
    };
    const row = { ...unhashed, hash: hashAuditEvent(unhashed) };
    rows.push(row);
    prevHash = row.hash;
  }
  for (let start = 0; start < rows.length; start += 1_000) {
    await tx.insert(auditEvents).values(rows.slice(start, start + 1_000));
  }
}

export interface ChainBreak {
  seq: number;
  reason: string;
}

export interface ChainScan {
  count: number;
  last: { seq: number; hash: string } | null;
  firstBreak: ChainBreak | null;
  /** Hash recorded at each sequence asked for in `remember` (for checkpoint checks). */
  remembered: Map<number, string>;
}

/**
 * Walks the chain in sequence order, in pages, recomputing every hash. Stops at the first
 * broken link: a gap in sequence, a prev_hash that is not the previous row's hash, or a hash
 * that does not match the row.
 */
export async function scanAuditChain(
  db: Db,
  options: { remember?: Set<number>; pageSize?: number } = {},
): Promise<ChainScan> {
  const pageSize = options.pageSize ?? 5_000;
  const remembered = new Map<number, string>();
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  let count = 0;
  // Start below 1: a row numbered 0 or less is not part of the chain, yet it would show in an
  // object's history. Scanning from 1 never saw such rows, so a forged one passed verification.
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const page = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, after))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    for (const row of page) {
      const event = row as AuditEventRow;
      if (event.seq < 1) {
        return {
          count,
          last: null,
          firstBreak: {
            seq: event.seq,
            reason: `a row numbered ${event.seq} is outside the chain, which starts at 1`,
          },
          remembered,
        };
      }
      if (event.seq !== expectedSeq) {
        return {
          count,
          last: count ? { seq: expectedSeq - 1, hash: previousHash } : null,
          firstBreak: {
            seq: expectedSeq,
            reason: `sequence ${expectedSeq} is missing (next row is ${event.seq})`,
          },
          remembered,
        };
      }
      if (event.prevHash !== previousHash) {
        return {
          count,
          last: count ? { seq: expectedSeq - 1, hash: previousHash } : null,
          firstBreak: { seq: event.seq, reason: "prev_hash does not match the previous row" },
          remembered,
        };
      }
      if (hashAuditEvent(event) !== event.hash) {
        return {
          count,
          last: count ? { seq: expectedSeq - 1, hash: previousHash } : null,
          firstBreak: { seq: event.seq, reason: "hash does not match the row's content" },
          remembered,
        };
      }
      if (options.remember?.has(event.seq)) remembered.set(event.seq, event.hash);
      previousHash = event.hash;
      expectedSeq += 1;
      count += 1;
    }
    if (page.length < pageSize) break;
    after = page[page.length - 1]!.seq;
  }
  return {
    count,
    last: count ? { seq: expectedSeq - 1, hash: previousHash } : null,
    firstBreak: null,
    remembered,
  };
}

export async function latestAuditEvent(db: Db): Promise<{ seq: number; hash: string } | null> {
  const [last] = await db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return last ?? null;
}
