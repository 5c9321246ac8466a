import { createTestPlatform, type TestPlatform } from "../../../app/testing.ts";
import type { MailMessage } from "../../../core/mail/mailer.ts";
import type { TestClient } from "../../../core/testing/http-client.ts";
import type { Delivery, NotificationKind } from "../contract.ts";
import { notify } from "../index.ts";

/** Builders for the notifications tests: people, their choices, and notifications raised. */

/** A test platform; it remembers every 5xx answer so suites can assert there were none. */
export type WatchedPlatform = TestPlatform;
export const watchedPlatform = createTestPlatform;

export interface Person {
  client: TestClient;
  userId: string;
  email: string;
}

let sequence = 0;
export function uniqueTitle(label = "Challenge"): string {
  sequence += 1;
  return `${label} ${sequence}`;
}

/** Raises notifications as another module would: through notify(), in a transaction. */
export async function raise(
  platform: TestPlatform,
  recipients: string[],
  kind: NotificationKind,
  params: Record<string, string> = { challenge: uniqueTitle() },
  link = "/challenges/example#qa",
): Promise<void> {
  await platform.ctx.db.transaction((tx) =>
    notify(platform.ctx, tx, { recipients, kind, params, link }),
  );
}

/** Sets a person's delivery for some kinds through the API. */
export async function choose(
  person: Person,
  preferences: Partial<Record<NotificationKind, Delivery>>,
): Promise<void> {
  const response = await person.client.put("/api/v1/me/notification-preferences", {
    preferences: Object.entries(preferences).map(([kind, delivery]) => ({ kind, delivery })),
  });
  if (response.status !== 200) {
    throw new Error(`preferences not saved: ${JSON.stringify(response.body)}`);
  }
}

/** A signed-in person with a confirmed address, speaking the given language. */
export async function personSpeaking(
  platform: TestPlatform,
  locale?: "en" | "fr" | "es",
): Promise<Person> {
  const person = await platform.signedIn();
  if (locale) {
    const saved = await person.client.patch("/api/v1/me", { locale });
    if (saved.status !== 200) throw new Error(`locale not saved: ${saved.status}`);
  }
  return person;
}

/** Mails sent to an address so far, after running every due job. */
export async function mailsTo(platform: TestPlatform, address: string): Promise<MailMessage[]> {
  await platform.runJobs();
  return platform.mailer.sent.filter((mail) => mail.to.toLowerCase() === address.toLowerCase());
}
