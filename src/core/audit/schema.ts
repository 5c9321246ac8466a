import {
  bigint,
  bigserial,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Append-only, hash-chained record of every state change that matters. A trigger (migration
 * 0001) refuses UPDATE, DELETE and TRUNCATE; each row's hash covers the row and the previous hash.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull(),
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (table) => [
    index("audit_events_subject_idx").on(table.subjectType, table.subjectId, table.seq),
    index("audit_events_actor_idx").on(table.actorId, table.seq),
  ],
);

/**
 * Events a transaction has recorded and not yet committed. At commit a deferred trigger
 * (migration 0024) links each to the chain's head in commit order and moves it to audit_events,
 * so the chain's lock is held only while the transaction commits. Empty between transactions.
 */
export const auditPending = pgTable("audit_pending", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull(),
  actorId: uuid("actor_id"),
  action: text("action").notNull(),
  subjectType: text("subject_type").notNull(),
  subjectId: text("subject_id").notNull(),
  payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
  /** The hashed body's canonical JSON around the sequence number the trigger gives it. */
  bodyBeforeSeq: text("body_before_seq").notNull(),
  bodyAfterSeq: text("body_after_seq").notNull(),
});

/** Signed statements "the chain had this hash at this sequence", published for outsiders to keep. */
export const auditCheckpoints = pgTable("audit_checkpoints", {
  seq: bigint("seq", { mode: "number" }).primaryKey(),
  hash: text("hash").notNull(),
  signedAt: timestamp("signed_at", { withTimezone: true, mode: "date" }).notNull(),
  keyId: text("key_id").notNull(),
  signature: text("signature").notNull(),
});
