import type { ServiceContext } from "../../../core/context.ts";
import type { Db } from "../../../core/db/client.ts";
import { queueMail } from "../../../core/mail/mailer.ts";
import { findPeople } from "../../accounts/index.ts";
import { defaultDelivery, type NotificationKind } from "../contract.ts";
import { immediateMail } from "../mail.ts";
import { announceNotifications, chosenDeliveries, insertNotifications } from "../repository.ts";

export interface NotifyInput {
  recipients: string[];
  kind: NotificationKind;
  params: Record<string, string>;
  /** A path inside the web app, e.g. /challenges/<id>#qa. */
  link: string;
}

/**
 * One in-app notification per distinct recipient; an e-mail at once for those who want this
 * kind immediately. Runs in the caller's transaction, so a change that rolls back notifies
 * nobody and a committed one never loses its notifications.
 */
export async function notifyRecipients(
  ctx: ServiceContext,
  tx: Db,
  input: NotifyInput,
): Promise<void> {
  const recipients = [...new Set(input.recipients)];
  if (recipients.length === 0) return;
  if (!input.link.startsWith("/") || input.link.startsWith("//")) {
    // Links are paths inside the app; mails prefix the public address. Anything else is a bug.
    throw new Error(`notification link must be a path inside the app: ${input.link}`);
  }
  const now = ctx.clock.now();
  const chosen = await chosenDeliveries(tx, recipients, input.kind);
  const wantsItNow = recipients.filter(
    (userId) => (chosen.get(userId) ?? defaultDelivery[input.kind]) === "immediately",
  );
  const people = await findPeople(tx, wantsItNow);
  // Unconfirmed addresses get no mail: the platform does not write to addresses nobody proved.
  const mailed = new Set(wantsItNow.filter((userId) => people.get(userId)?.emailVerified));

  await insertNotifications(
    tx,
    recipients.map((userId) => ({
      userId,
      kind: input.kind,
      params: input.params,
      link: input.link,
      createdAt: now,
      emailedAt: mailed.has(userId) ? now : null,
    })),
  );
  // Open pages of these people, on any app process, update their unread count at commit.
  await announceNotifications(tx, recipients);
  for (const userId of mailed) {
    const person = people.get(userId)!;
    await queueMail(tx, ctx.clock, immediateMail(person, input, ctx.publicUrl));
  }
}
