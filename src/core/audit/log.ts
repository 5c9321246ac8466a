import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { appendAuditEvent } from "./chain.ts";

/**
 * A module's typed audit log: `Events` maps each action to its payload, so a module cannot
 * record an action it has not declared or a payload of the wrong shape.
 */
export function defineAuditLog<Events extends Record<string, Record<string, unknown>>>(
  subjectType: string,
) {
  return async function record<Action extends keyof Events & string>(
    tx: Db,
    clock: Clock,
    entry: { action: Action; actorId: string | null; subjectId: string; payload: Events[Action] },
  ): Promise<void> {
    await appendAuditEvent(tx, clock, {
      action: entry.action,
      actorId: entry.actorId,
      subjectType,
      subjectId: entry.subjectId,
      payload: entry.payload,
    });
  };
}
