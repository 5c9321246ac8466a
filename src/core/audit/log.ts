import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { appendAuditEvent, appendAuditEventsOfOneChange } from "./chain.ts";

/** One entry of a module's audit log: an action it declared, with that action's payload. */
export type AuditEntry<Events extends Record<string, Record<string, unknown>>> = {
  [Action in keyof Events & string]: {
    action: Action;
    actorId: string | null;
    subjectId: string;
    payload: Events[Action];
  };
}[keyof Events & string];

/**
 * A module's typed audit log: `Events` maps each action to its payload, so a module cannot
 * record an action it has not declared or a payload of the wrong shape. `record.all` records
 * the several events of one change in one insert, in the order given.
 */
export function defineAuditLog<Events extends Record<string, Record<string, unknown>>>(
  subjectType: string,
) {
  async function record<Action extends keyof Events & string>(
    tx: Db,
    clock: Clock,
    entry: { action: Action; actorId: string | null; subjectId: string; payload: Events[Action] },
  ): Promise<void> {
    await appendAuditEvent(tx, clock, { ...entry, subjectType });
  }
  async function all(tx: Db, clock: Clock, entries: AuditEntry<Events>[]): Promise<void> {
    await appendAuditEventsOfOneChange(
      tx,
      clock,
      entries.map((entry) => ({ ...entry, subjectType })),
    );
  }
  return Object.assign(record, { all });
}
