import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const baseUrl = () => inject("baseUrl");

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console errors and CSP violations seen so far. */
  consoleErrors: string[];
  close(): Promise<void>;
}

/** A fresh Chromium profile per journey (Debian's /usr/bin/chromium, never a downloaded browser). */
export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "csp-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    locale: "en-GB",
    viewport: { width: 1280, height: 900 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  return {
    context,
    page,
    consoleErrors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Runs axe on the page as it is and fails on any serious or critical violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const severe = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
  expect(severe, `axe violations on ${label}`).toEqual([]);
}

interface DevMail {
  to: string;
  subject: string;
  text: string;
}

/** The newest demo-mode mail to an address, waiting for the outbox to send it. */
export async function waitForMail(to: string, subjectPattern: RegExp): Promise<DevMail> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl()}/api/v1/dev/mail?to=${encodeURIComponent(to)}`);
    const { mails } = (await response.json()) as { mails: DevMail[] };
    const mail = mails.find((candidate) => subjectPattern.test(candidate.subject));
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail to ${to} matching ${subjectPattern}`);
}

export function linkIn(mail: DevMail): string {
  const link = mail.text.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error(`no link in mail "${mail.subject}"`);
  return link;
}

/**
 * The demo admin signs in with the code the page shows, and a code is accepted once: two
 * journeys signing in as the admin within one 30-second step would have the second refused.
 * Waiting for a fresh step (before the code is shown) keeps each sign-in's code its own.
 */
export async function waitForFreshTotpStep(): Promise<void> {
  const step = 30_000;
  await new Promise((resolve) => setTimeout(resolve, step - (Date.now() % step) + 500));
}

/** Every demo account's password (src/app/demo.ts). */
export const DEMO_PASSWORD = "Climate-Pilot-2030!";

/**
 * Signs a demo account in and reads the pages in English whatever its profile's language. The
 * admin confirms with the second-factor code demo mode shows, on a fresh step (see above).
 */
export async function signIn(
  page: Page,
  email: string,
  options: { admin?: boolean } = {},
): Promise<void> {
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  if (options.admin) await waitForFreshTotpStep();
  await page.getByRole("button", { name: "Sign in" }).last().click();
  if (options.admin) {
    await page.getByRole("button", { name: "Use this code" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
  }
  await expect
    .poll(() => new URL(page.url()).pathname.startsWith("/sign-in"), { timeout: 15_000 })
    .toBe(false);
  if ((await page.locator("html").getAttribute("lang")) !== "en") {
    await page
      .getByLabel(/^(Idioma|Langue)$/)
      .first()
      .selectOption("en");
  }
  await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
}

/** Opens an event from the events list by keyboard and waits for its page. */
export async function openEvent(page: Page, title: string): Promise<void> {
  await page.goto(`${baseUrl()}/events`);
  const link = page.getByRole("link", { name: title });
  await expect.poll(() => link.count(), { timeout: 15_000 }).toBe(1);
  await link.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
  await expect
    .poll(() => page.getByRole("heading", { level: 1, name: title }).count(), {
      timeout: 15_000,
    })
    .toBe(1);
}

/** Presses the one button of that name with the keyboard, once it shows. */
export async function pressButton(page: Page, name: string | RegExp): Promise<void> {
  const button = page.getByRole("button", { name, exact: typeof name === "string" });
  await expect.poll(() => button.count(), { timeout: 15_000 }).toBe(1);
  await button.focus();
  await page.keyboard.press("Enter");
}

/** An API answer as the page got it. */
export interface Call<T> {
  status: number;
  body: T;
}

/**
 * A call to the API from the page, as the signed-in person (with the anti-forgery token), for
 * set-up the journey is not about. `raw` sends a body that is not JSON.
 */
export async function callApi<T>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
  raw?: { type: string; text: string },
): Promise<Call<T>> {
  return page.evaluate(
    async ({ method, path, body, raw }) => {
      const session = await (await fetch("/api/v1/session")).json();
      const response = await fetch(path, {
        method,
        headers: {
          "content-type": raw?.type ?? "application/json",
          ...(session.csrfToken ? { "x-csrf-token": session.csrfToken } : {}),
        },
        ...(raw ? { body: raw.text } : body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json().catch(() => null)) as T };
    },
    { method, path, body, raw },
  );
}

/** The id of the signed-in person's organisation of this kind. */
export async function organisationOf(page: Page, kind: string): Promise<string> {
  const mine = await callApi<{
    memberships: Array<{ organisation: { id: string; kind: string } }>;
  }>(page, "GET", "/api/v1/me/organisations");
  const id = mine.body.memberships.find((row) => row.organisation.kind === kind)?.organisation.id;
  expect(id, `an organisation of kind ${kind}`).toMatch(/^[0-9a-f-]{36}$/);
  return id!;
}
