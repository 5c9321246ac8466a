import type { Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, baseUrl, expectAccessible, openBrowser, waitForMail } from "./browser.ts";

// A demo researcher signs in, gets a notification, reads it from the bell's page, and chooses
// how another kind reaches her by e-mail in the account area.
describe("notifications", () => {
  let browser: Browser;
  const email = "researcher@demo.city-solutions.org";
  const password = "Climate-Pilot-2030!";

  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows the unread count in the header, lists notifications, and saves delivery choices", async () => {
    const { page } = browser;
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in" }).last().click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    // The demo data already notifies her (she follows demo challenges): start from a clean slate.
    const session = await page.request.get(`${baseUrl()}/api/v1/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const cleared = await page.request.post(`${baseUrl()}/api/v1/me/notifications/read`, {
      data: { all: true },
      headers: { "x-csrf-token": csrfToken },
    });
    expect(cleared.ok()).toBe(true);
    // Every count the page asks for is held back (answered as it was when asked) until the
    // test lets it go: the bell can then learn of new notifications only live, by server-sent
    // events, and a count answered before them must not undo them when it lands late.
    const heldCounts: Array<{ request: Request; release: () => Promise<void> }> = [];
    await page.route("**/api/v1/me/notifications/unread-count", async (route) => {
      const asked = await route.fetch();
      heldCounts.push({
        request: route.request(),
        release: () => route.fulfill({ response: asked }).catch(() => undefined),
      });
    });
    const streaming = page.waitForResponse((response) =>
      response.url().endsWith("/api/v1/me/notifications/stream"),
    );
    await page.reload();
    await streaming;
    await expect.poll(() => heldCounts.length).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByRole("link", { name: "No unread notifications" }).count())
      .toBe(1);

    const answeredBefore = heldCounts.slice();

    // Two notifications arrive through the API the demo offers (the browser's own session).
    for (const kind of ["challenge_status", "challenge_question"]) {
      const sent = await page.request.post(`${baseUrl()}/api/v1/demo/notifications`, {
        data: { kind },
        headers: { "x-csrf-token": csrfToken },
      });
      expect(sent.status()).toBe(201);
    }
    // Questions come by e-mail at once unless she chooses otherwise.
    const mail = await waitForMail(email, /asked a question about “Cooler schoolyards”/);
    expect(mail.text).toContain(`${baseUrl()}/notifications`);

    const bell = page.getByRole("link", { name: "2 unread notifications" });
    await expect.poll(() => bell.count()).toBe(1);
    // The counts held back from before say 0: the page gave up waiting for them when the live
    // count came, so letting them go now changes nothing.
    await page.unroute("**/api/v1/me/notifications/unread-count");
    await Promise.all(heldCounts.map(({ release }) => release()));
    await expect
      .poll(() => answeredBefore.filter(({ request }) => request.failure() !== null).length)
      .toBe(answeredBefore.length);
    expect(await bell.count()).toBe(1);
    await bell.click();
    await page.waitForURL(/\/notifications$/);
    const unreadBadges = page.getByText("Unread", { exact: true });
    await expect.poll(() => unreadBadges.count()).toBe(2);
    await expectAccessible(page, "notifications");

    // Opening one marks it read.
    await page
      .getByRole("link", { name: "“Cooler schoolyards” has a new status." })
      .first()
      .click();
    await expect.poll(() => unreadBadges.count()).toBe(1);
    await expect
      .poll(() => page.getByRole("link", { name: "1 unread notification" }).count())
      .toBe(1);

    await page.getByRole("button", { name: "Mark all as read" }).click();
    await expect
      .poll(() => page.getByRole("link", { name: "No unread notifications" }).count())
      .toBe(1);
    await expect.poll(() => unreadBadges.count()).toBe(0);
    await expectAccessible(page, "notifications, all read");

    await page.getByRole("link", { name: "Choose which e-mails you get" }).click();
    await page.waitForURL(/\/account\/notifications$/);
    const group = page.getByRole("group", { name: "Status changes of challenges I follow" });
    await expect.poll(() => group.count()).toBe(1);
    await group.getByLabel("In a weekly digest").check();
    await page
      .getByRole("group", { name: "New ideas on co-creation boards" })
      .getByLabel("Off — only in the app")
      .check();
    await page.getByRole("button", { name: "Save my choices" }).click();
    await expect.poll(() => page.getByText("Your choices are saved.").count()).toBe(1);
    await expectAccessible(page, "account, e-mail notifications");

    const saved = await page.request.get(`${baseUrl()}/api/v1/me/notification-preferences`);
    const { preferences } = (await saved.json()) as {
      preferences: Array<{ kind: string; delivery: string }>;
    };
    expect(preferences).toContainEqual(
      expect.objectContaining({ kind: "challenge_status", delivery: "weekly" }),
    );
    expect(preferences).toContainEqual(
      expect.objectContaining({ kind: "challenge_idea", delivery: "off" }),
    );

    // The choice survives a reload, and the section is reached from the account navigation.
    await page.goto(`${baseUrl()}/account`);
    await page
      .getByRole("navigation", { name: "Account sections" })
      .getByRole("link", { name: "E-mail notifications" })
      .click();
    await expect
      .poll(() => group.getByLabel("In a weekly digest").isChecked(), { timeout: 10_000 })
      .toBe(true);

    // The header speaks her language of the moment.
    await page.getByLabel("Language").first().selectOption("fr");
    await expect
      .poll(() => page.getByRole("link", { name: "Aucune notification non lue" }).count())
      .toBe(1);
    await page.getByLabel("Langue").first().selectOption("en");
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");

    expect(browser.consoleErrors).toEqual([]);
  });
});
