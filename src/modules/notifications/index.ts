/**
 * Notifications: in-app notifications with an unread count, and their e-mail delivery per kind
 * (immediately, daily digest, weekly digest or off). Other modules raise notifications through
 * notify(), inside their own transaction; the texts of every kind live here.
 */
import type { ServiceContext } from "../../core/context.ts";
import type { Db } from "../../core/db/client.ts";
import type { ModuleManifest } from "../../core/module.ts";
import { notifyRecipients } from "./commands/notify.ts";
import { sendDueDigests } from "./commands/send-digests.ts";
import type { NotificationKind } from "./contract.ts";
import { type Listen, UnreadCountFeed } from "./live-counts.ts";
import { notificationsRoutes } from "./routes.ts";

export type { NotificationKind } from "./contract.ts";
export { sendDueDigests };

export function notificationsModule(
  ctx: ServiceContext,
  options: { listen?: Listen } = {},
): ModuleManifest {
  // Live counts need the database's LISTEN (the app's database handle); without it, pages poll.
  const feed = options.listen ? new UnreadCountFeed(ctx.db, options.listen) : null;
  return {
    name: "notifications",
    routes: async (app) => {
      await app.register(notificationsRoutes, { ctx, feed });
      app.addHook("onClose", async () => {
        await feed?.close();
      });
    },
    // Every app process runs housekeeping; sendDueDigests is safe to run concurrently.
    housekeeping: async () => {
      await sendDueDigests(ctx);
    },
  };
}

/**
 * Notifies each distinct recipient in-app and, for those who want this kind immediately, queues
 * an e-mail in their language — all inside the caller's transaction `tx`, so a rolled-back
 * change notifies nobody. `params` are plain strings put into the kind's text (see texts.ts):
 * `challenge` (its title) for every kind, and `search` (the saved search's name) for
 * saved_search_match. `link` is a path inside the web app, e.g. `/challenges/<id>#qa`.
 */
export async function notify(
  ctx: ServiceContext,
  tx: Db,
  input: {
    recipients: string[];
    kind: NotificationKind;
    params: Record<string, string>;
    link: string;
  },
): Promise<void> {
  await notifyRecipients(ctx, tx, input);
}
