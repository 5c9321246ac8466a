import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, baseUrl, expectAccessible, openBrowser, signIn } from "./browser.ts";

// A city official opens the recommendations of one of the city's challenges, reads why the
// best solution fits, switches to providers, and widens the list below the minimum TRL.
describe("matchmaking", () => {
  let city: Browser;

  beforeAll(async () => {
    city = await openBrowser();
  });
  afterAll(async () => {
    await city?.close();
  });

  it("shows a city official the recommended solutions for a challenge, and why", async () => {
    const { page } = city;
    await signIn(page, "city@demo.city-solutions.org");
    await page.goto(`${baseUrl()}/challenges`);
    await page.getByRole("link", { name: "Cloudburst management for Østerbro" }).first().click();
    await page.waitForURL(/\/challenges\/[0-9a-f-]{36}/);

    // The tabs are keyboard-operated: arrows move from tab to tab.
    const tabs = page.getByRole("tablist", { name: "About this challenge" });
    await tabs.getByRole("tab", { name: "Overview" }).focus();
    for (let step = 0; step < 3; step += 1) await page.keyboard.press("ArrowRight");
    await expect
      .poll(() => tabs.getByRole("tab", { name: "Recommendations" }).getAttribute("aria-selected"))
      .toBe("true");

    const list = page
      .getByRole("list")
      .filter({ has: page.getByRole("meter") })
      .first();
    await expect.poll(() => list.getByRole("listitem").count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByText(/Required capabilities, as the city named them:/).count())
      .toBe(1);
    const first = list.getByRole("listitem").first();
    const fit = first.getByRole("meter");
    const value = Number(await fit.getAttribute("value"));
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThanOrEqual(1);
    await first.getByText("Why").click();
    await expect.poll(() => first.getByText(/covers \d of \d required capabilit/).count()).toBe(1);
    await expect.poll(() => first.getByText(/TRL \d/).count()).toBeGreaterThan(0);
    await expectAccessible(page, "challenge recommendations with an explanation open");

    // Providers instead of solutions, chosen with the keyboard.
    await page.getByRole("radio", { name: "Solutions" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.getByRole("radio", { name: "Providers" }).isChecked()).toBe(true);
    await expect.poll(() => page.getByText(/matching solution/).count()).toBeGreaterThan(0);
    await expectAccessible(page, "recommended providers");

    // Wider: solutions below the minimum TRL are flagged.
    await page.getByRole("radio", { name: "Solutions" }).check();
    const before = await list.getByRole("listitem").count();
    await page.getByLabel("Include solutions below the minimum TRL").check();
    await expect
      .poll(async () => list.getByRole("listitem").count())
      .toBeGreaterThanOrEqual(before);
  });

  it("shows a provider's solution the open challenges it fits, and similar challenges across cities", async () => {
    const { page } = city;
    await page.goto(`${baseUrl()}/challenges`);
    await page
      .getByRole("link", { name: "Heat-network decarbonisation: large heat pumps" })
      .first()
      .click();
    await page.waitForURL(/\/challenges\/[0-9a-f-]{36}/);
    const similar = page.getByRole("region", { name: "Similar challenges in other cities" });
    await expect
      .poll(() =>
        similar.getByRole("link", { name: "Heat-pump retrofits of apartment blocks" }).count(),
      )
      .toBe(1);
    await expectAccessible(page, "challenge overview with similar challenges");

    // From a recommended solution to the open challenges it fits.
    await page.getByRole("tab", { name: "Recommendations" }).click();
    const first = page
      .getByRole("list")
      .filter({ has: page.getByRole("meter") })
      .first();
    await expect.poll(() => first.getByRole("listitem").count()).toBeGreaterThan(0);
    await first.getByRole("listitem").first().getByRole("heading").getByRole("link").click();
    await page.waitForURL(/\/solutions\/[0-9a-f-]{36}/);
    const fits = page.getByRole("region", { name: "Open challenges this solution fits" });
    await expect.poll(() => fits.getByRole("meter").count()).toBeGreaterThan(0);
    await fits.getByText("Why").first().click();
    await expect.poll(() => fits.getByText(/required capabilit/).count()).toBeGreaterThan(0);
    await expectAccessible(page, "solution page with the challenges it fits");
  });
});
