import type { MailMessage } from "./mailer.ts";

/** For the HTML part of mails that build their own markup around plain-text values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A plain mail with one call to action: the text part for every client, and a minimal HTML part
 * with the link as a button. Paragraphs are plain text, escaped.
 */
export function composeMail(options: {
  to: string;
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer: string;
}): MailMessage {
  const text = [
    options.greeting,
    "",
    ...options.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    ...(options.action ? [`${options.action.label}: ${options.action.url}`, ""] : []),
    "--",
    options.footer,
  ].join("\n");
  const html = [
    `<p>${escapeHtml(options.greeting)}</p>`,
    ...options.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    options.action
      ? `<p><a href="${escapeHtml(options.action.url)}">${escapeHtml(options.action.label)}</a></p>`
      : "",
    `<p style="color:#555">${escapeHtml(options.footer)}</p>`,
  ].join("\n");
  return { to: options.to, subject: options.subject, text, html };
}
