import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { type Browser, baseUrl, expectAccessible, openBrowser, signIn } from "./browser.ts";

// HydroSense's founder (a demo company admin) submits a sealed proposal to Copenhagen's
// cloudburst challenge — sections, a price and a PDF — gets a receipt, downloads it and has it
// verified. The Copenhagen official then opens the same Proposals tab and sees only the count:
// neither the bidder nor a word of what it wrote. Axe checks every view on the way.
const challengeTitle = "Cloudburst management for Østerbro";
const marker = `Sponge streets and leak-aware valves ${Date.now().toString(36)}`;

/** The challenge's Proposals tab, reached from the catalogue. */
async function openProposalsTab(page: Page) {
  await page.goto(`${baseUrl()}/challenges`);
  await page.getByRole("link", { name: challengeTitle }).first().click();
  await page.waitForURL(/\/challenges\/[0-9a-f-]{36}/);
  const tabs = page.getByRole("tablist", { name: "About this challenge" });
  await tabs.getByRole("tab", { name: "Proposals" }).click();
  await expect
    .poll(() => tabs.getByRole("tab", { name: "Proposals" }).getAttribute("aria-selected"))
    .toBe("true");
  await expect
    .poll(() => page.getByText(/^Proposal deadline: /).count(), { timeout: 15_000 })
    .toBe(1);
}

const pdf = Buffer.from(
  "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

describe("procurement", () => {
  const browsers: Browser[] = [];
  afterEach(async () => {
    for (const browser of browsers.splice(0)) await browser.close();
  });

  it("a company submits a sealed proposal and gets a receipt; the city sees only the count", async () => {
    const bidder = await openBrowser();
    browsers.push(bidder);
    const { page } = bidder;
    await signIn(page, "founder@demo.city-solutions.org");
    await openProposalsTab(page);
    await expect
      .poll(() => page.getByRole("heading", { name: "Submit a proposal" }).count())
      .toBe(1);
    const chooser = page.getByLabel("Submit for");
    if ((await chooser.count()) > 0) {
      await chooser.selectOption({ label: "HydroSense Analytics" });
    }

    // The default form's sections, the price and a PDF.
    await page.getByLabel("Approach and solution").fill(`${marker}: approach.`);
    await page.getByLabel("Team and references").fill(`${marker}: team.`);
    await page.getByLabel("Work plan and milestones").fill(`${marker}: plan.`);
    await page.getByLabel("Price rationale").fill(`${marker}: price.`);
    await page.getByLabel("Amount").fill("1250000.50");
    await page.getByLabel("Add a file").setInputFiles({
      name: "hydrosense-annex.pdf",
      mimeType: "application/pdf",
      buffer: pdf,
    });
    await page.getByRole("button", { name: "Upload the file" }).click();
    await expect
      .poll(() =>
        page.getByRole("button", { name: "Remove hydrosense-annex.pdf from the proposal" }).count(),
      )
      .toBe(1);
    await expectAccessible(page, "proposal form");

    // Submitted with the keyboard: the receipt is shown, and downloads as JSON.
    await page.getByRole("button", { name: "Submit the proposal" }).focus();
    await page.keyboard.press("Enter");
    const confirmation = page
      .getByRole("status")
      .filter({ hasText: "Your proposal is submitted." });
    await expect.poll(() => confirmation.count(), { timeout: 15_000 }).toBe(1);
    const hash = (await confirmation.locator(".receipt__hash").textContent())?.trim() ?? "";
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      confirmation.getByRole("button", { name: "Download the receipt (JSON)" }).click(),
    ]);
    const receipt = JSON.parse(readFileSync((await download.path())!, "utf8")) as {
      sha256: string;
      revision: number;
      proposalId: string;
    };
    expect(receipt).toMatchObject({ sha256: hash, revision: 1, format: "csp-proposal-receipt/1" });
    await expect
      .poll(() =>
        page.getByRole("heading", { name: "Your proposal for HydroSense Analytics" }).count(),
      )
      .toBe(1);
    await expectAccessible(page, "proposals tab with the bidder's receipt");

    // The bidder has the receipt verified (before the deadline, only the bidder can).
    await page.getByRole("link", { name: "Verify a receipt" }).click();
    await page.waitForURL(/\/proposals\/verify$/);
    await page.getByLabel("Receipt (JSON)").fill(JSON.stringify(receipt));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect
      .poll(() => page.getByText("The receipt matches the stored proposal.").count())
      .toBe(1);
    await expectAccessible(page, "receipt verified");
    expect(bidder.consoleErrors).toEqual([]);

    // The city official: the count, the deadline, nothing about who or what.
    const city = await openBrowser();
    browsers.push(city);
    await signIn(city.page, "city@demo.city-solutions.org");
    await openProposalsTab(city.page);
    const panel = city.page.getByRole("tabpanel");
    await expect
      .poll(() => panel.getByText(/^\d+ proposals? received so far$/).count(), { timeout: 15_000 })
      .toBe(1);
    const text = (await panel.textContent()) ?? "";
    expect(text).not.toContain("HydroSense");
    expect(text).not.toContain(marker);
    expect(text).not.toContain(hash);
    await expectAccessible(city.page, "proposals tab, the city's view");

    // Nor can the city verify the receipt before the deadline: to it, the receipt is unknown.
    await city.page.goto(`${baseUrl()}/proposals/verify`);
    await city.page.getByLabel("Receipt (JSON)").fill(JSON.stringify(receipt));
    await city.page.getByRole("button", { name: "Verify" }).click();
    await expect
      .poll(() => city.page.getByText(/^No proposal revision matches this receipt/).count())
      .toBe(1);
    expect(city.consoleErrors.filter((line) => !line.includes("404"))).toEqual([]);
  });
});
