import { composeMail, escapeHtml } from "../../core/mail/compose.ts";
import type { MailMessage } from "../../core/mail/mailer.ts";
import type { NotificationKind } from "./contract.ts";
import { fillTemplate, mailTexts, notificationLine, textLocaleOf } from "./texts.ts";

export interface MailRecipient {
  email: string;
  name: string;
  locale: string;
}

export interface MailedNotification {
  kind: NotificationKind;
  params: Record<string, string>;
  link: string;
}

/** A digest lists at most this many; the rest wait in the app (a digest is not an archive). */
export const DIGEST_LIST_LIMIT = 50;

const preferencesPath = "/account/notifications";

function absolute(publicUrl: string, link: string): string {
  return `${publicUrl.replace(/\/$/, "")}${link.startsWith("/") ? link : `/${link}`}`;
}

/** One notification, mailed at once to someone who wants this kind immediately. */
export function immediateMail(
  recipient: MailRecipient,
  notification: MailedNotification,
  publicUrl: string,
): MailMessage {
  const locale = textLocaleOf(recipient.locale);
  const text = mailTexts[locale];
  const line = notificationLine(locale, notification.kind, notification.params);
  return composeMail({
    to: recipient.email,
    // The sentence without its full stop reads as a subject.
    subject: line.replace(/[.。]\s*$/, ""),
    greeting: fillTemplate(text.greeting, { name: recipient.name }),
    paragraphs: [line],
    action: { label: text.open, url: absolute(publicUrl, notification.link) },
    footer: `${fillTemplate(text.preferences, { url: absolute(publicUrl, preferencesPath) })}\n${text.footer}`,
  });
}

/**
 * The daily or weekly digest: one line and link per notification. Its HTML is built here (a
 * list of links), so every param is escaped on the way in; the text part is left as written.
 */
export function digestMail(
  recipient: MailRecipient,
  cadence: "daily" | "weekly",
  notifications: MailedNotification[],
  publicUrl: string,
): MailMessage {
  const locale = textLocaleOf(recipient.locale);
  const text = mailTexts[locale];
  const listed = notifications.slice(0, DIGEST_LIST_LIMIT);
  const more = notifications.length - listed.length;
  const items = listed.map((notification) => ({
    line: notificationLine(locale, notification.kind, notification.params),
    url: absolute(publicUrl, notification.link),
  }));
  const greeting = fillTemplate(text.greeting, { name: recipient.name });
  const moreLine = more > 0 ? fillTemplate(text.more, { count: String(more) }) : null;
  const allUrl = absolute(publicUrl, "/notifications");
  const preferences = fillTemplate(text.preferences, {
    url: absolute(publicUrl, preferencesPath),
  });
  const plain = [
    greeting,
    "",
    text.digestIntro,
    "",
    ...items.flatMap((item) => [`- ${item.line}`, `  ${item.url}`]),
    ...(moreLine ? ["", moreLine] : []),
    "",
    `${text.allNotifications}: ${allUrl}`,
    "",
    "--",
    preferences,
    text.footer,
  ].join("\n");
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(text.digestIntro)}</p>`,
    "<ul>",
    ...items.map(
      (item) => `<li><a href="${escapeHtml(item.url)}">${escapeHtml(item.line)}</a></li>`,
    ),
    "</ul>",
    moreLine ? `<p>${escapeHtml(moreLine)}</p>` : "",
    `<p><a href="${escapeHtml(allUrl)}">${escapeHtml(text.allNotifications)}</a></p>`,
    `<p style="color:#555">${escapeHtml(preferences)}<br>${escapeHtml(text.footer)}</p>`,
  ].join("\n");
  return {
    to: recipient.email,
    subject: cadence === "daily" ? text.dailySubject : text.weeklySubject,
    text: plain,
    html,
  };
}
