/**
 * Notifications: in-app notifications and their e-mail delivery (immediately or in digests).
 * Other modules raise notifications through notify(), inside their own transaction.
 */
import type { ServiceContext } from "../../core/context.ts";
import type { Db } from "../../core/db/client.ts";
import type { NotificationKind } from "./contract.ts";

/**
 * Notifies each distinct recipient in-app and, for those who want this kind immediately, queues
 * an e-mail — all inside the caller's transaction, so a rolled-back change notifies nobody.
 */
export async function notify(
  _ctx: ServiceContext,
  _tx: Db,
  _input: {
    recipients: string[];
    kind: NotificationKind;
    params: Record<string, string>;
    link: string;
  },
): Promise<void> {
  // Placeholder until the module lands; the signature is final.
}
