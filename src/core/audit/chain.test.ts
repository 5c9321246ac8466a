import { asc, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../clock.ts";
import type { DatabaseHandle, Db } from "../db/client.ts";
import { createTestDatabase, testEngine } from "../testing/database.ts";
import {
  type AuditEventRow,
  appendAuditEvent,
  appendAuditEventsOfOneChange,
  GENESIS_HASH,
  hashAuditEvent,
  scanAuditChain,
} from "./chain.ts";
import { type AuditCheckpoint, createAuditCheckpoint, verifyAuditChain } from "./checkpoints.ts";
import { auditCheckpoints, auditEvents } from "./schema.ts";
import { generateSigningKeyPem, signerFromPrivateKey } from "./signing-key.ts";

const signer = signerFromPrivateKey(generateSigningKeyPem());
const otherSigner = signerFromPrivateKey(generateSigningKeyPem());

/** Appends `count` events, each in its own transaction as a command would, one second apart. */
async function appendEvents(db: Db, clock: ManualClock, count: number, label = "event") {
  for (let index = 0; index < count; index++) {
    clock.advance(1_000);
    await db.transaction((tx) =>
      appendAuditEvent(tx, clock, {
        action: `test.${label}`,
        actorId: null,
        subjectType: "test",
        subjectId: `${label}-${index}`,
        payload: { index, label, nested: { b: [1, 2, { c: "three" }], a: true } },
      }),
    );
  }
}

async function storedRows(db: Db): Promise<AuditEventRow[]> {
  return (await db.select().from(auditEvents).orderBy(asc(auditEvents.seq))) as AuditEventRow[];
}

/**
 * Runs `work` as an attacker with the table owner's rights would: the append-only triggers are
 * switched off for the transaction (session_replication_role = replica skips ordinary triggers).
 */
async function asAttacker(db: Db, work: (tx: Db) => Promise<void>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await work(tx);
  });
}

/**
 * Rewrites the chain from `fromSeq` on so it is self-consistent again: every later row gets a
 * prev_hash and hash recomputed with the platform's own hashing, as a careful attacker would.
 */
async function rewriteConsistently(tx: Db, rows: AuditEventRow[], fromSeq: number) {
  let previous = rows.find((row) => row.seq === fromSeq - 1)?.hash ?? GENESIS_HASH;
  for (const row of rows.filter((candidate) => candidate.seq >= fromSeq)) {
    const unhashed = { ...row, prevHash: previous };
    const hash = hashAuditEvent(unhashed);
    await tx
      .update(auditEvents)
      .set({ payload: row.payload, prevHash: previous, hash })
      .where(eq(auditEvents.seq, row.seq));
    previous = hash;
  }
}

/** The database's own error, whichever driver wrapped it. */
async function databaseError(work: Promise<unknown>): Promise<{ message: string; code?: string }> {
  try {
    await work;
  } catch (error) {
    let current: unknown = error;
    while (current instanceof Error) {
      const withCode = current as Error & { code?: string; cause?: unknown };
      if (withCode.code && /^[0-9A-Z]{5}$/.test(withCode.code)) {
        return { message: withCode.message, code: withCode.code };
      }
      if (!withCode.cause) return { message: withCode.message };
      current = withCode.cause;
    }
    return { message: String(error) };
  }
  throw new Error("the database accepted the statement");
}

describe("appending to the audit chain", () => {
  let database: DatabaseHandle;
  const clock = new ManualClock();
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it("numbers events 1..n and links each to the hash of the one before", async () => {
    await appendEvents(database.db, clock, 5);
    const rows = await storedRows(database.db);
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    for (let index = 1; index < rows.length; index++) {
      expect(rows[index]!.prevHash).toBe(rows[index - 1]!.hash);
    }
    expect(new Set(rows.map((row) => row.hash)).size).toBe(5);
    const verification = await verifyAuditChain(database.db, signer);
    expect(verification).toMatchObject({ ok: true, count: 5, firstBreak: null });
    expect(verification.head).toEqual({ seq: 5, hash: rows[4]!.hash });
  });

  it("keeps no trace of an event whose transaction rolled back, and the chain goes on", async () => {
    const before = await storedRows(database.db);
    await expect(
      database.db.transaction(async (tx) => {
        await appendAuditEvent(tx, clock, {
          action: "test.rolled_back",
          actorId: null,
          subjectType: "test",
          subjectId: "rolled-back",
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await storedRows(database.db)).toEqual(before);

    await appendEvents(database.db, clock, 1, "after-rollback");
    const rows = await storedRows(database.db);
    expect(rows.map((row) => row.action)).not.toContain("test.rolled_back");
    const last = rows[rows.length - 1]!;
    expect(last.seq).toBe(before.length + 1);
    expect(last.prevHash).toBe(before[before.length - 1]!.hash);
    expect(await verifyAuditChain(database.db, signer)).toMatchObject({ ok: true });
  });

  it("links the events of one change, inserted together, in the order given", async () => {
    const before = await storedRows(database.db);
    const subjects = ["first", "second", "third", "fourth"];
    await database.db.transaction(async (tx) => {
      // Interleaved with a single append in the same transaction: the order is the calls' order.
      await appendAuditEventsOfOneChange(
        tx,
        clock,
        subjects.slice(0, 3).map((subjectId, index) => ({
          action: "test.together",
          actorId: null,
          subjectType: "test",
          subjectId,
          payload: { index },
        })),
      );
      await appendAuditEvent(tx, clock, {
        action: "test.together",
        actorId: null,
        subjectType: "test",
        subjectId: "fourth",
      });
    });
    const added = (await storedRows(database.db)).slice(before.length);
    expect(added.map((row) => row.subjectId)).toEqual(subjects);
    expect(added.map((row) => row.seq)).toEqual([1, 2, 3, 4].map((n) => before.length + n));
    expect(added[0]!.prevHash).toBe(before.at(-1)!.hash);
    expect(await verifyAuditChain(database.db, signer)).toMatchObject({ ok: true });
  });

  it("hashes what the database gives back, for any JSON payload", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
        async (payload) => {
          await database.db.transaction((tx) =>
            appendAuditEvent(tx, clock, {
              action: "test.arbitrary",
              actorId: null,
              subjectType: "test",
              subjectId: "arbitrary",
              payload,
            }),
          );
        },
      ),
      {
        numRuns: 40,
        // The hash is computed in SQL around the top-level "seq": payloads holding the same keys.
        examples: [
          [{ seq: 0, subjectId: "x", inner: { seq: 7, subjectId: '","seq":0,"subjectId":' } }],
          [{ "café ☕": "naïve 😀", 'quote"d': "line\nbreak" }],
        ],
      },
    );
    const scan = await scanAuditChain(database.db);
    expect(scan.firstBreak).toBeNull();
    expect(scan.count).toBe((await storedRows(database.db)).length);
  });

  it("verifies across pages of the scan", async () => {
    const scan = await scanAuditChain(database.db, { pageSize: 2 });
    expect(scan.firstBreak).toBeNull();
    expect(scan.count).toBe((await storedRows(database.db)).length);
  });

  describe("the database refuses changes to the chain", () => {
    beforeAll(async () => {
      await createAuditCheckpoint(database.db, clock, signer);
    });

    it.each([
      ["UPDATE audit_events", sql`update audit_events set action = 'test.changed' where seq = 2`],
      ["DELETE FROM audit_events", sql`delete from audit_events where seq = 2`],
      ["TRUNCATE audit_events", sql`truncate audit_events`],
      ["UPDATE audit_checkpoints", sql`update audit_checkpoints set hash = 'x'`],
      ["DELETE FROM audit_checkpoints", sql`delete from audit_checkpoints`],
      ["TRUNCATE audit_checkpoints", sql`truncate audit_checkpoints`],
    ])("%s", async (_statement, statement) => {
      const eventsBefore = await storedRows(database.db);
      const checkpointsBefore = await database.db.select().from(auditCheckpoints);
      expect(checkpointsBefore.length).toBeGreaterThan(0);
      const error = await databaseError(database.db.execute(statement));
      expect(error.message).toMatch(/append-only/);
      expect(error.code).toBe("42501"); // insufficient_privilege
      expect(await storedRows(database.db)).toEqual(eventsBefore);
      expect(await database.db.select().from(auditCheckpoints)).toEqual(checkpointsBefore);
    });
  });
});

describe("tampering with the audit chain is caught", () => {
  let database: DatabaseHandle;
  let clock: ManualClock;
  let db: Db;
  beforeEach(async () => {
    database = await createTestDatabase();
    db = database.db;
    clock = new ManualClock();
    await appendEvents(db, clock, 8);
  });
  afterEach(() => database.close());

  it("starts from an intact chain", async () => {
    await createAuditCheckpoint(db, clock, signer);
    expect(await verifyAuditChain(db, signer)).toMatchObject({
      ok: true,
      count: 8,
      checkpointsChecked: 1,
    });
  });

  it("(a) a payload edited without touching the hashes", async () => {
    await asAttacker(db, async (tx) => {
      await tx
        .update(auditEvents)
        .set({ payload: { index: 99, label: "forged" } })
        .where(eq(auditEvents.seq, 4));
    });
    const result = await verifyAuditChain(db, signer);
    expect(result.ok).toBe(false);
    expect(result.firstBreak?.seq).toBe(4);
    expect(result.count).toBe(3);
  });

  it("(a') an edited actor or time, not only the payload", async () => {
    await asAttacker(db, async (tx) => {
      await tx
        .update(auditEvents)
        .set({ occurredAt: new Date("2020-01-01T00:00:00Z") })
        .where(eq(auditEvents.seq, 6));
    });
    expect((await verifyAuditChain(db, signer)).firstBreak?.seq).toBe(6);
  });

  it("(b) an edit with every later hash recomputed, by a checkpoint signed before it", async () => {
    clock.advance(1_000);
    await createAuditCheckpoint(db, clock, signer); // at 8
    const rows = await storedRows(db);
    rows[4]!.payload = { ...rows[4]!.payload, label: "rewritten" }; // seq 5
    await asAttacker(db, (tx) => rewriteConsistently(tx, rows, 5));

    // The rewritten chain is self-consistent: only the signed checkpoint shows the change.
    expect((await scanAuditChain(db)).firstBreak).toBeNull();
    const result = await verifyAuditChain(db, signer);
    expect(result.ok).toBe(false);
    // Nothing before the checkpoint is known good, so any row from 1 may have changed.
    expect(result.firstBreak?.seq).toBe(1);
    expect(result.firstBreak?.reason).toMatch(/checkpoint 8/);
  });

  it("(b') a consistent rewrite between two checkpoints names the row after the good one", async () => {
    // A fresh chain: a checkpoint at 3, three more events, a checkpoint at 6, two more.
    await database.close();
    database = await createTestDatabase();
    db = database.db;
    await appendEvents(db, clock, 3);
    await createAuditCheckpoint(db, clock, signer);
    await appendEvents(db, clock, 3);
    await createAuditCheckpoint(db, clock, signer);
    await appendEvents(db, clock, 2);
    const rows = await storedRows(db);
    rows[4]!.payload = { forged: true }; // seq 5, between the checkpoints
    await asAttacker(db, (tx) => rewriteConsistently(tx, rows, 5));

    const result = await verifyAuditChain(db, signer);
    expect(result.ok).toBe(false);
    expect(result.firstBreak?.seq).toBe(4);
    expect(result.firstBreak?.reason).toMatch(/checkpoint 6/);
  });

  it("(c) a row deleted from the middle", async () => {
    await asAttacker(db, async (tx) => {
      await tx.delete(auditEvents).where(eq(auditEvents.seq, 5));
    });
    const result = await verifyAuditChain(db, signer);
    expect(result.ok).toBe(false);
    expect(result.firstBreak?.seq).toBe(5);
    expect(result.count).toBe(4);
  });

  it("(c') a row deleted and its successors renumbered and rehashed, by a checkpoint", async () => {
    await createAuditCheckpoint(db, clock, signer); // at 8
    const rows = (await storedRows(db)).filter((row) => row.seq !== 3);
    const renumbered = rows.map((row, index) => ({ ...row, seq: index + 1 }));
    await asAttacker(db, async (tx) => {
      await tx.delete(auditEvents);
      let previous = GENESIS_HASH;
      for (const row of renumbered) {
        const hash = hashAuditEvent({ ...row, prevHash: previous });
        await tx.insert(auditEvents).values({ ...row, prevHash: previous, hash });
        previous = hash;
      }
    });
    expect((await scanAuditChain(db)).firstBreak).toBeNull();
    const result = await verifyAuditChain(db, signer);
    expect(result.ok).toBe(false);
    // Rows 3..7 changed, yet this looks exactly like a cut tail: no row after the last matching
    // checkpoint (none here) can be vouched for, so the break is at 1, not at 8.
    expect(result.firstBreak?.seq).toBe(1);
    expect(result.firstBreak?.reason).toMatch(/checkpoint 8/);
  });

  it("(d) the last rows deleted after a checkpoint (a truncated tail)", async () => {
    await createAuditCheckpoint(db, clock, signer); // at 8
    await asAttacker(db, async (tx) => {
      await tx.delete(auditEvents).where(sql`${auditEvents.seq} >= 6`);
    });
    expect((await scanAuditChain(db)).firstBreak).toBeNull();
    const result = await verifyAuditChain(db, signer);
    expect(result.ok).toBe(false);
    expect(result.count).toBe(5);
    // Rows 1..5 are not covered by a checkpoint that still matches: see (c').
    expect(result.firstBreak?.seq).toBe(1);
    expect(result.firstBreak?.reason).toMatch(/ends at sequence 5 .*checkpoint 8/);
  });

  it("(d') a truncated tail between two checkpoints names the first removed row", async () => {
    await database.close();
    database = await createTestDatabase();
    db = database.db;
    await appendEvents(db, clock, 5);
    await createAuditCheckpoint(db, clock, signer); // at 5
    await appendEvents(db, clock, 3);
    await createAuditCheckpoint(db, clock, signer); // at 8
    await asAttacker(db, async (tx) => {
      await tx.delete(auditEvents).where(sql`${auditEvents.seq} >= 6`);
    });
    const result = await verifyAuditChain(db, signer);
    expect(result.ok).toBe(false);
    expect(result.firstBreak?.seq).toBe(6);
  });

  it("(e) two rows swapped (reordered)", async () => {
    await asAttacker(db, async (tx) => {
      await tx.update(auditEvents).set({ seq: -3 }).where(eq(auditEvents.seq, 3));
      await tx.update(auditEvents).set({ seq: 3 }).where(eq(auditEvents.seq, 6));
      await tx.update(auditEvents).set({ seq: 6 }).where(eq(auditEvents.seq, -3));
    });
    const rows = await storedRows(db);
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const result = await verifyAuditChain(db, signer);
    expect(result.ok).toBe(false);
    expect(result.firstBreak?.seq).toBe(3);
  });

  it("(e') a forged row numbered outside the chain", async () => {
    const [first] = await storedRows(db);
    for (const seq of [0, -5]) {
      await asAttacker(db, async (tx) => {
        await tx.delete(auditEvents).where(sql`${auditEvents.seq} < 1`);
        const forged = { ...first!, seq, subjectId: "someone", payload: { forged: true } };
        await tx.insert(auditEvents).values({ ...forged, hash: hashAuditEvent(forged) });
      });
      const result = await verifyAuditChain(db, signer);
      expect(result.ok).toBe(false);
      expect(result.firstBreak?.seq).toBe(seq);
    }
  });

  it("(f) the whole table truncated after a checkpoint", async () => {
    await createAuditCheckpoint(db, clock, signer);
    await asAttacker(db, async (tx) => {
      await tx.execute(sql`truncate audit_events`);
    });
    expect(await storedRows(db)).toEqual([]);
    const result = await verifyAuditChain(db, signer);
    expect(result.ok).toBe(false);
    expect(result.count).toBe(0);
    expect(result.firstBreak?.seq).toBe(1);
  });

  it("(g) a forged checkpoint: bad signature", async () => {
    const made = await createAuditCheckpoint(db, clock, signer);
    const signature = Buffer.from(made!.signature, "base64");
    signature[0] = signature[0]! ^ 0xff;
    await asAttacker(db, async (tx) => {
      await tx
        .update(auditCheckpoints)
        .set({ signature: signature.toString("base64") })
        .where(eq(auditCheckpoints.seq, made!.seq));
    });
    const result = await verifyAuditChain(db, signer);
    expect(result.ok).toBe(false);
    expect(result.firstBreak?.seq).toBe(8);
    expect(result.firstBreak?.reason).toMatch(/signature/);
  });

  it("(g') a forged checkpoint: signed with another key, whichever key id it claims", async () => {
    const rows = await storedRows(db);
    const head = rows[rows.length - 1]!;
    const signedAt = clock.now();
    const message = JSON.stringify({
      hash: head.hash,
      seq: head.seq,
      signedAt: signedAt.toISOString(),
    });
    // The forger re-signs a rewritten head with a key of their own.
    await db.insert(auditCheckpoints).values({
      seq: head.seq,
      hash: head.hash,
      signedAt,
      keyId: otherSigner.keyId,
      signature: otherSigner.sign(message),
    });
    const foreignKey = await verifyAuditChain(db, signer);
    expect(foreignKey.ok).toBe(false);
    expect(foreignKey.firstBreak?.seq).toBe(8);

    await asAttacker(db, async (tx) => {
      await tx.update(auditCheckpoints).set({ keyId: signer.keyId });
    });
    const claimedKey = await verifyAuditChain(db, signer);
    expect(claimedKey.ok).toBe(false);
    expect(claimedKey.firstBreak?.seq).toBe(8);
  });

  it("(g'') a checkpoint claiming a head the chain never had", async () => {
    const signedAt = clock.now();
    const fake = { seq: 12, hash: "f".repeat(64), signedAt };
    const message = JSON.stringify({
      hash: fake.hash,
      seq: fake.seq,
      signedAt: signedAt.toISOString(),
    });
    await db
      .insert(auditCheckpoints)
      .values({ ...fake, keyId: signer.keyId, signature: otherSigner.sign(message) });
    const result = await verifyAuditChain(db, signer);
    expect(result.ok).toBe(false);
  });

  it("(h) checkpoints kept outside catch a rewrite whose stored checkpoints were deleted", async () => {
    await createAuditCheckpoint(db, clock, signer); // at 8
    // An outsider keeps what GET /api/v1/audit/checkpoints published.
    const kept: AuditCheckpoint[] = structuredClone(await db.select().from(auditCheckpoints));
    await appendEvents(db, clock, 2, "later");

    const rows = await storedRows(db);
    rows[1]!.payload = { index: 1, label: "rewritten" }; // seq 2
    await asAttacker(db, async (tx) => {
      await rewriteConsistently(tx, rows, 2);
      await tx.delete(auditCheckpoints);
    });

    // Inside the database everything looks fine now...
    expect(await verifyAuditChain(db, signer)).toMatchObject({ ok: true, count: 10 });
    // ...but not against the checkpoint kept outside.
    const result = await verifyAuditChain(db, signer, kept);
    expect(result.ok).toBe(false);
    expect(result.firstBreak?.seq).toBe(1);
    expect(result.checkpointsChecked).toBe(1);
  });

  it("(h') outside checkpoints of an intact chain verify", async () => {
    await createAuditCheckpoint(db, clock, signer);
    const kept = structuredClone(await db.select().from(auditCheckpoints));
    await appendEvents(db, clock, 3, "later");
    await createAuditCheckpoint(db, clock, signer);
    const result = await verifyAuditChain(db, signer, kept);
    expect(result).toMatchObject({ ok: true, count: 11, checkpointsChecked: 3 });
  });
});

describe("checkpoints", () => {
  let database: DatabaseHandle;
  const clock = new ManualClock();
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it("signs nothing for an empty chain, the head once, and each new head", async () => {
    expect(await createAuditCheckpoint(database.db, clock, signer)).toBeNull();
    await appendEvents(database.db, clock, 3);
    const first = await createAuditCheckpoint(database.db, clock, signer);
    expect(first).toMatchObject({ seq: 3, keyId: signer.keyId });
    expect(first!.hash).toBe((await storedRows(database.db))[2]!.hash);
    expect(await createAuditCheckpoint(database.db, clock, signer)).toBeNull();
    await appendEvents(database.db, clock, 2);
    expect((await createAuditCheckpoint(database.db, clock, signer))?.seq).toBe(5);
    expect(await verifyAuditChain(database.db, signer)).toMatchObject({
      ok: true,
      count: 5,
      checkpointsChecked: 2,
    });
  });

  it("makes one checkpoint of a head however many processes try at once", async () => {
    await appendEvents(database.db, clock, 1);
    const made = await Promise.all(
      Array.from({ length: 6 }, () => createAuditCheckpoint(database.db, clock, signer)),
    );
    expect(made.filter((checkpoint) => checkpoint !== null)).toHaveLength(1);
    const stored = await database.db.select().from(auditCheckpoints);
    expect(stored.map((checkpoint) => checkpoint.seq).sort()).toEqual([3, 5, 6]);
  });
});

describe.runIf(testEngine() === "postgres")("concurrent writers (PostgreSQL)", () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it("50 parallel transactions make 50 linked rows, no two on the same predecessor", async () => {
    const clock = new ManualClock();
    await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        database.db.transaction(async (tx) => {
          // Some work in the transaction before and after the append, as a command does.
          await tx.execute(sql`select pg_sleep(0.001)`);
          await appendAuditEvent(tx, clock, {
            action: "test.concurrent",
            actorId: null,
            subjectType: "test",
            subjectId: `writer-${index}`,
          });
          await tx.execute(sql`select pg_sleep(0.001)`);
        }),
      ),
    );
    const rows = await storedRows(database.db);
    expect(rows).toHaveLength(50);
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(rows.map((row) => row.prevHash)).size).toBe(50);
    expect(new Set(rows.map((row) => row.subjectId)).size).toBe(50);
    expect(await verifyAuditChain(database.db, signer)).toMatchObject({ ok: true, count: 50 });
  });
});
