import { asc, desc, sql } from "drizzle-orm";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { canonicalJson } from "./canonical.ts";
import { type ChainBreak, latestAuditEvent, scanAuditChain } from "./chain.ts";
import { auditCheckpoints } from "./schema.ts";
import type { AuditSigner } from "./signing-key.ts";

export interface AuditCheckpoint {
  seq: number;
  hash: string;
  signedAt: Date;
  keyId: string;
  signature: string;
}

/** The exact bytes a checkpoint signature covers. */
export function checkpointMessage(checkpoint: {
  seq: number;
  hash: string;
  signedAt: Date;
}): string {
  return canonicalJson({
    seq: checkpoint.seq,
    hash: checkpoint.hash,
    signedAt: checkpoint.signedAt.toISOString(),
  });
}

const CHECKPOINT_LOCK_KEY = 7_340_003;

/** Signs the chain's head unless it is already checkpointed. Returns the new checkpoint, if any. */
export async function createAuditCheckpoint(
  db: Db,
  clock: Clock,
  signer: AuditSigner,
): Promise<AuditCheckpoint | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CHECKPOINT_LOCK_KEY})`);
    const head = await latestAuditEvent(tx);
    if (!head) return null;
    const [previous] = await tx
      .select({ seq: auditCheckpoints.seq })
      .from(auditCheckpoints)
      .orderBy(desc(auditCheckpoints.seq))
      .limit(1);
    if (previous && previous.seq >= head.seq) return null;
    const signedAt = clock.now();
    const checkpoint: AuditCheckpoint = {
      seq: head.seq,
      hash: head.hash,
      signedAt,
      keyId: signer.keyId,
      signature: signer.sign(checkpointMessage({ ...head, signedAt })),
    };
    await tx.insert(auditCheckpoints).values(checkpoint);
    return checkpoint;
  });
}

export async function listAuditCheckpoints(db: Db, limit = 1000): Promise<AuditCheckpoint[]> {
  return db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.seq)).limit(limit);
}

export interface AuditVerification {
  ok: boolean;
  count: number;
  head: { seq: number; hash: string } | null;
  checkpointsChecked: number;
  firstBreak: ChainBreak | null;
}

/**
 * Verifies the whole chain, then that it extends every checkpoint: each checkpoint's signature
 * is valid and the chain still has the signed hash at the signed sequence. Checkpoints held by
 * outsiders can be passed in too; a truncated or rewritten chain cannot match them.
 */
export async function verifyAuditChain(
  db: Db,
  signer: Pick<AuditSigner, "keyId" | "verify">,
  externalCheckpoints: AuditCheckpoint[] = [],
): Promise<AuditVerification> {
  const stored = await db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.seq));
  const checkpoints = [...stored, ...externalCheckpoints];
  const scan = await scanAuditChain(db, { remember: new Set(checkpoints.map((c) => c.seq)) });
  let firstBreak = scan.firstBreak;
  let lastGoodSeq = 0;
  for (const checkpoint of checkpoints.sort((a, b) => a.seq - b.seq)) {
    if (firstBreak && checkpoint.seq >= firstBreak.seq) break;
    let problem: string | null = null;
    let brokenSeq = lastGoodSeq + 1;
    if (checkpoint.keyId !== signer.keyId) {
      problem = `checkpoint ${checkpoint.seq} is signed with unknown key ${checkpoint.keyId}`;
      brokenSeq = checkpoint.seq;
    } else if (!signer.verify(checkpointMessage(checkpoint), checkpoint.signature)) {
      problem = `checkpoint ${checkpoint.seq} has an invalid signature`;
      brokenSeq = checkpoint.seq;
    } else if (!scan.remembered.has(checkpoint.seq)) {
      // Not the row after the head: rows can be removed from the middle and the rest renumbered
      // and rehashed, which looks exactly like a cut tail. Only rows up to the last matching
      // checkpoint are proven, so the break is the row after it (as for a rewrite below).
      const end = scan.last?.seq ?? 0;
      problem =
        `the chain ends at sequence ${end} but checkpoint ${checkpoint.seq} was signed: ` +
        `rows ${lastGoodSeq + 1}..${checkpoint.seq} were removed or rewritten`;
    } else if (scan.remembered.get(checkpoint.seq) !== checkpoint.hash) {
      problem = `the chain differs from signed checkpoint ${checkpoint.seq}: rows ${lastGoodSeq + 1}..${checkpoint.seq} were rewritten`;
    }
    if (problem) {
      // A consistently rewritten chain shows only at a checkpoint; the first row that may have
      // changed is the one after the last checkpoint that still matches.
      firstBreak = { seq: brokenSeq, reason: problem };
      break;
    }
    lastGoodSeq = checkpoint.seq;
  }
  return {
    ok: firstBreak === null,
    count: scan.count,
    head: scan.last,
    checkpointsChecked: checkpoints.length,
    firstBreak,
  };
}
