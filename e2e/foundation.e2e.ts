import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Browser,
  baseUrl,
  expectAccessible,
  linkIn,
  openBrowser,
  waitForMail,
} from "./browser.ts";

// A newcomer's first visit, as a person does it: create an account, confirm the address from the
// e-mail, sign in, add their organisation, invite a colleague, and read the site in French.
describe("a newcomer joins the platform", () => {
  let browser: Browser;
  const stamp = Date.now().toString(36);
  const email = `amara.${stamp}@e2e.example.org`;
  const colleague = `luis.${stamp}@e2e.example.org`;
  const password = "tidal-lantern-orchard-quietly";
  const organisationName = `Harbour Heat Systems ${stamp}`;

  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("signs up, confirms the e-mail, signs in, adds an organisation, invites, switches language", async () => {
    const { page } = browser;

    await page.goto(baseUrl());
    await expect.poll(() => page.locator("h1").first().textContent()).toBeTruthy();
    await expectAccessible(page, "home");

    await page.getByRole("link", { name: "Create an account" }).first().click();
    await page.waitForURL(/\/sign-up/);
    await page.getByLabel("Full name").fill("Amara Okafor");
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await expectAccessible(page, "sign-up");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "Check your e-mail" }).count())
      .toBe(1);

    const confirmation = await waitForMail(email, /confirm/i);
    await page.goto(linkIn(confirmation));
    await expect
      .poll(() => page.getByText(`${email} is confirmed.`).count(), { timeout: 15_000 })
      .toBe(1);
    await expectAccessible(page, "verify e-mail");

    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await expectAccessible(page, "sign-in");
    await page.getByRole("button", { name: "Sign in" }).last().click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));

    await page.goto(`${baseUrl()}/organisations/new`);
    await page.getByLabel("Name", { exact: true }).fill(organisationName);
    await page.getByLabel("Company", { exact: true }).check();
    await page.getByLabel("Country").selectOption("DK");
    await page.getByLabel("Town or city").fill("Aarhus");
    await page.getByLabel("Website").fill("https://harbour-heat.example.org");
    await page.getByLabel("Description").fill("Heat pumps that recover heat from harbour water.");
    await expectAccessible(page, "add organisation");
    await page.getByRole("button", { name: "Add organisation" }).click();
    await page.waitForURL(/\/organisations\/harbour-heat-systems/);
    await expect
      .poll(() => page.getByRole("heading", { name: organisationName }).count())
      .toBeGreaterThan(0);
    await expectAccessible(page, "organisation profile");

    await page.getByRole("textbox", { name: "E-mail address" }).fill(colleague);
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect.poll(() => page.getByText(`Invitation sent to ${colleague}.`).count()).toBe(1);
    const invitation = await waitForMail(colleague, /invit/i);
    expect(linkIn(invitation)).toContain("/invitations");
    await expectAccessible(page, "organisation with invitation");

    await page.getByLabel("Language").first().selectOption("fr");
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("fr");
    await expect
      .poll(() => page.getByRole("button", { name: "Envoyer l'invitation" }).count())
      .toBeGreaterThan(0);
    await page.reload();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("fr");
    await expectAccessible(page, "organisation in French");

    expect(browser.consoleErrors).toEqual([]);
  });

  it("shows the directory and the demo mailbox to a visitor, accessibly", async () => {
    const { page } = browser;
    await page.goto(`${baseUrl()}/organisations`);
    await expect
      .poll(() => page.locator("article, li a[href^='/organisations/']").count())
      .toBeGreaterThan(5);
    await expectAccessible(page, "organisation directory");
    await page.goto(`${baseUrl()}/dev/mail`);
    await expect.poll(() => page.locator("h1").first().textContent()).toBeTruthy();
    await expectAccessible(page, "demo mailbox");
  });

  it("serves React's production build, even when built under a test runner", async () => {
    const html = await (await fetch(baseUrl())).text();
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map(
      (match) => match[1],
    );
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const code = await (await fetch(`${baseUrl()}${script}`)).text();
      expect(code, script).not.toContain("is deprecated in plain JavaScript React classes");
    }
  });
});
