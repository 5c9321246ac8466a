-- A transaction records its audit events in audit_pending; when it commits, this deferred
-- trigger links each, in the order recorded, to the chain's head and moves it to audit_events.
-- The chain's lock is taken here, at commit, and held only until the commit is durable, instead
-- of from the event's insert to the commit with the application's round trips in between.
-- The hash is hashAuditEvent's (src/core/audit/chain.ts): sha256 of the previous hash, a newline
-- and the canonical JSON body, whose sequence number is filled in here.
CREATE FUNCTION "audit_link_pending"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(7340002);
  -- A statement after the lock: in READ COMMITTED it sees the head the last holder committed.
  SELECT seq, hash INTO head_seq, head_hash FROM audit_events ORDER BY seq DESC LIMIT 1;
  IF NOT FOUND THEN
    head_seq := 0;
    head_hash := repeat('0', 64);
  END IF;
  INSERT INTO audit_events
    (seq, occurred_at, actor_id, action, subject_type, subject_id, payload, prev_hash, hash)
  VALUES (
    head_seq + 1, NEW.occurred_at, NEW.actor_id, NEW.action, NEW.subject_type, NEW.subject_id,
    NEW.payload, head_hash,
    encode(sha256(convert_to(
      head_hash || E'\n' || NEW.body_before_seq || (head_seq + 1)::text || NEW.body_after_seq,
      'UTF8')), 'hex'));
  DELETE FROM audit_pending WHERE id = NEW.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "audit_pending_link_at_commit"
  AFTER INSERT ON "audit_pending" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "audit_link_pending"();
