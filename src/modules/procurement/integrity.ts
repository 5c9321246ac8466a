import { asc, count, eq, or, sql } from "drizzle-orm";
import { hashAuditEvent } from "../../core/audit/chain.ts";
import { auditEvents } from "../../core/audit/schema.ts";
import type { Db } from "../../core/db/client.ts";
import { conflictDeclarations, evaluationAwards } from "./schema-evaluation.ts";

/**
 * The public integrity record of a challenge's procurement: every audited step about it (each
 * re-hashed, so a reader sees that the stored event still matches its hash), how many receipts
 * were issued, and the conflict-of-interest declarations in numbers. What would reveal proposals
 * while the procurement runs — their events, declarations and scores name proposals, contacts
 * name bidders — is held back until the award, when the process is public anyway.
 */

/** Steps that name a proposal or a bidder: published once the procurement is decided. */
const SEALED_ACTIONS = new Set([
  "evaluation.declared",
  "evaluation.scored",
  "evaluation.contact_recorded",
]);
const SEALED_SUBJECTS = new Set(["proposal"]);

/** Payload fields safe and useful to show, per action; everything else stays in the audit log. */
const SHOWN_DETAILS: Record<string, string[]> = {
  "challenge.status_changed": ["from", "to", "reason"],
  "challenge.timeline_extended": ["reason"],
  "evaluation.awarded": ["standstillEndsAt"],
  "evaluation.award_cancelled": ["reason"],
  "proposal.submitted": ["revision", "sha256"],
  "proposal.revised": ["revision", "sha256"],
  "proposal.withdrawn": ["revision"],
  "evaluation.declared": ["verdict", "detected"],
};

export interface IntegrityStep {
  seq: number;
  occurredAt: string;
  action: string;
  details: Record<string, string>;
  hash: string;
  prevHash: string;
  /** The stored event still hashes to its recorded hash. */
  intact: boolean;
}

export interface IntegrityRecord {
  decided: boolean;
  steps: IntegrityStep[];
  /** Steps held back until the award (their number is not shown either). */
  sealedStepsHidden: boolean;
  /** Receipts issued (submissions and revisions); null until decided. */
  receiptsIssued: number | null;
  conflicts: {
    declarations: number;
    noConflict: number;
    declaredConflicts: number;
    detectedConflicts: number;
  } | null;
}

const DECIDED_STATUSES = new Set(["awarded", "piloting", "implemented"]);

export async function integrityRecord(
  db: Db,
  challenge: { id: string; status: string },
): Promise<IntegrityRecord> {
  const [award] = await db
    .select({ challengeId: evaluationAwards.challengeId })
    .from(evaluationAwards)
    .where(eq(evaluationAwards.challengeId, challenge.id));
  const decided = award !== undefined || DECIDED_STATUSES.has(challenge.status);
  // The challenge's own events (its subject is the challenge) and those of its parts, which
  // carry the challenge in their payload (proposals).
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      or(
        eq(auditEvents.subjectId, challenge.id),
        sql`${auditEvents.payload} ->> 'challengeId' = ${challenge.id}`,
      ),
    )
    .orderBy(asc(auditEvents.seq));
  const sealed = (row: (typeof rows)[number]) =>
    SEALED_SUBJECTS.has(row.subjectType) || SEALED_ACTIONS.has(row.action);
  const shown = decided ? rows : rows.filter((row) => !sealed(row));
  const steps = shown.map((row) => ({
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    action: row.action,
    details: detailsOf(row.action, row.payload),
    hash: row.hash,
    prevHash: row.prevHash,
    intact: hashAuditEvent(row) === row.hash,
  }));
  return {
    decided,
    steps,
    sealedStepsHidden: !decided,
    receiptsIssued: decided
      ? rows.filter(
          (row) => row.action === "proposal.submitted" || row.action === "proposal.revised",
        ).length
      : null,
    conflicts: decided ? await conflictSummary(db, challenge.id) : null,
  };
}

function detailsOf(action: string, payload: Record<string, unknown>): Record<string, string> {
  const details: Record<string, string> = {};
  for (const key of SHOWN_DETAILS[action] ?? []) {
    const value = payload[key];
    if (value !== undefined && value !== null) details[key] = String(value);
  }
  return details;
}

async function conflictSummary(db: Db, challengeId: string) {
  const rows = await db
    .select({
      verdict: conflictDeclarations.verdict,
      detected: conflictDeclarations.detected,
      n: count(),
    })
    .from(conflictDeclarations)
    .where(eq(conflictDeclarations.challengeId, challengeId))
    .groupBy(conflictDeclarations.verdict, conflictDeclarations.detected);
  const summary = { declarations: 0, noConflict: 0, declaredConflicts: 0, detectedConflicts: 0 };
  for (const row of rows) {
    summary.declarations += row.n;
    if (row.detected) summary.detectedConflicts += row.n;
    else if (row.verdict === "conflict") summary.declaredConflicts += row.n;
    else summary.noConflict += row.n;
  }
  return summary;
}
