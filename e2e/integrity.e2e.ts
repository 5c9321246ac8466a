import { afterEach, describe, expect, it } from "vitest";
import { type Browser, baseUrl, expectAccessible, openBrowser } from "./browser.ts";

// An anonymous visitor — a journalist, a losing bidder — checks how a demo challenge is being
// procured: from the challenge's Proposals tab to its integrity page, where every audited step
// shows as intact and the audit chain verifies, then downloads the OCDS release package.
const challengeTitle = "Cloudburst management for Østerbro";

describe("procurement integrity", () => {
  const browsers: Browser[] = [];
  afterEach(async () => {
    for (const browser of browsers.splice(0)) await browser.close();
  });

  it("a visitor reads the integrity record and gets the OCDS package", async () => {
    const visitor = await openBrowser();
    browsers.push(visitor);
    const { page } = visitor;
    await page.goto(`${baseUrl()}/challenges`);
    await page.getByRole("link", { name: challengeTitle }).first().click();
    await page.waitForURL(/\/challenges\/[0-9a-f-]{36}/);
    const tabs = page.getByRole("tablist", { name: "About this challenge" });
    await tabs.getByRole("tab", { name: "Proposals" }).click();

    // By keyboard, from the Proposals tab to the integrity page.
    const link = page.getByRole("link", { name: "Integrity record of this procurement" });
    await expect.poll(() => link.count(), { timeout: 15_000 }).toBe(1);
    await link.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/challenges\/[0-9a-f-]{36}\/integrity$/);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent(), { timeout: 15_000 })
      .toContain(challengeTitle);
    await expect
      .poll(() => page.getByText("The audit chain verifies").count(), { timeout: 15_000 })
      .toBe(1);

    const steps = page.locator(".integrity-timeline > li");
    expect(await steps.count()).toBeGreaterThan(1);
    expect(await steps.filter({ hasText: "Status changed" }).count()).toBeGreaterThan(0);
    // Every step intact, none altered; proposals stay sealed until the award.
    expect(await page.getByText("Altered since recorded").count()).toBe(0);
    expect(await steps.filter({ hasText: "Intact" }).count()).toBe(await steps.count());
    expect(await page.getByText(/Sealed until the award/).count()).toBe(2);
    await expectAccessible(page, "integrity page");

    // The open-data download is a valid-looking OCDS 1.1 package for this challenge.
    const href = await page.getByRole("link", { name: /OCDS 1\.1/ }).getAttribute("href");
    expect(href).toMatch(/\/api\/v1\/challenges\/[0-9a-f-]{36}\/ocds$/);
    const response = await page.request.get(`${baseUrl()}${href}`);
    expect(response.status()).toBe(200);
    const ocds = (await response.json()) as {
      version: string;
      releases: Array<{ ocid: string; tender: { title: string } }>;
    };
    expect(ocds.version).toBe("1.1");
    expect(ocds.releases[0]!.tender.title).toBe(challengeTitle);
    expect(ocds.releases[0]!.ocid).toBe(`ocds-csp000-${href!.split("/")[4]}`);
    expect(visitor.consoleErrors).toEqual([]);
  });
});
