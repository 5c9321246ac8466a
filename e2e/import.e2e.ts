import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { type Browser, baseUrl, expectAccessible, openBrowser } from "./browser.ts";

// The bulk import journey: the Nordic Cleantech Cluster's manager imports a CSV of two solutions
// for a member (FloodGuard Urban) with one bad row, reads the error report, fixes the row,
// imports, curates a portfolio with an imported solution and shares it with Copenhagen, whose
// official then reads it.
const password = "Climate-Pilot-2030!";
const stamp = Date.now().toString(36);
const goodTitle = `Green roof retention kit ${stamp}`;
const otherTitle = `Permeable paving sensors ${stamp}`;
const portfolioTitle = `Imported pilots ${stamp}`;

function csv(trl: string): Buffer {
  const lines = [
    "ref,organisation,title,summary,sectors,capabilities,trl,countries",
    `roof-${stamp},floodguard-urban,${goodTitle},Modular green roof trays that hold back the first 30 mm of a cloudburst.,adaptation;water,pluvial flooding,7,NL;DK`,
    `paving-${stamp},floodguard-urban,${otherTitle},Moisture sensors under permeable paving report how much rain the street absorbs.,water,,${trl},NL`,
  ];
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).last().click();
  await expect
    .poll(() => new URL(page.url()).pathname.startsWith("/sign-in"), { timeout: 15_000 })
    .toBe(false);
  await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
}

const heading = (page: Page, name: string) => page.getByRole("heading", { name, level: 1 });

describe("bulk import of a cluster's solutions", () => {
  let browser: Browser | undefined;
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  it("a cluster manager imports a CSV, fixes its bad row, and curates a shared portfolio", async () => {
    browser = await openBrowser();
    const { page } = browser;
    await signIn(page, "cluster@demo.city-solutions.org");
    await page.goto(`${baseUrl()}/portfolios`);
    await page.getByRole("link", { name: "Import solutions" }).click();
    await page.waitForURL(/\/import$/);
    await expect.poll(() => heading(page, "Import solutions").count()).toBe(1);
    await expect
      .poll(() => page.getByRole("link", { name: "Download the current catalogue as CSV" }).count())
      .toBe(1);
    await expectAccessible(page, "import page");

    // One bad row: TRL 12. Nothing is imported; the report names the line and the field.
    const file = page.getByLabel("File", { exact: true });
    await file.setInputFiles({ name: "solutions.csv", mimeType: "text/csv", buffer: csv("12") });
    await page.getByRole("button", { name: "Import", exact: true }).click();
    const report = page.getByRole("heading", { name: "Error report", level: 2 });
    await expect.poll(() => report.count()).toBe(1);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe("Error report");
    await expect.poll(() => page.getByText("1 problem; nothing was imported.").count()).toBe(1);
    const problems = page.getByRole("table", { name: "Problems of the file" });
    const row = problems.getByRole("row").filter({ hasText: "Line 3" });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.getByRole("cell", { name: "trl", exact: true }).count()).toBe(1);
    await expectAccessible(page, "import error report");

    // Fixed: checked first (nothing written), then imported.
    await file.setInputFiles({ name: "solutions.csv", mimeType: "text/csv", buffer: csv("6") });
    await page.getByRole("button", { name: "Check" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "The file has no problems" }).count())
      .toBe(1);
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "The file is imported" }).count())
      .toBe(1);
    const counts = page.getByRole("table", { name: "Records per kind" });
    const solutions = counts.getByRole("row").filter({ hasText: "Solutions" });
    await expect.poll(() => solutions.getByRole("cell").first().textContent()).toBe("2");
    // Each record written links to its page.
    const written = page.getByRole("table", { name: "Records created or updated" });
    await expect
      .poll(() => written.getByRole("link", { name: `Solution roof-${stamp}` }).count())
      .toBe(1);
    await expectAccessible(page, "import done");
    expect(
      await written.getByRole("link", { name: `Solution roof-${stamp}` }).getAttribute("href"),
    ).toMatch(/^\/solutions\/[0-9a-f-]{36}$/);

    // A portfolio of the imported solution, shared with Copenhagen.
    await page.getByRole("link", { name: "Curate a portfolio" }).click();
    await page.waitForURL(/\/portfolios$/);
    await expect.poll(() => heading(page, "Portfolios").count()).toBe(1);
    await page.getByLabel("Title").fill(portfolioTitle);
    await page.getByLabel("Theme").fill("Rain retention on roofs and streets");
    await page.getByRole("button", { name: "Create portfolio" }).click();
    await page.waitForURL(/\/portfolios\/[0-9a-f-]{36}$/);
    await expect.poll(() => heading(page, portfolioTitle).count()).toBe(1);

    await page.getByRole("searchbox", { name: "Find a solution" }).fill("green roof retention");
    const choice = page.getByLabel("Solution", { exact: true });
    const option = `${goodTitle} (FloodGuard Urban)`;
    await expect.poll(() => choice.locator("option", { hasText: option }).count()).toBe(1);
    await choice.selectOption({ label: option });
    await page.getByRole("button", { name: "Add to portfolio" }).click();
    const items = page.getByRole("list", { name: "Solutions in this portfolio" });
    await expect.poll(() => items.getByRole("link", { name: goodTitle }).count()).toBe(1);

    await page.getByRole("searchbox", { name: "Find a city organisation" }).fill("Copenhagen");
    const city = page.getByLabel("City organisation", { exact: true });
    await expect.poll(() => city.locator("option").count()).toBeGreaterThan(1);
    await city.selectOption({ index: 1 });
    await page.getByRole("button", { name: "Share portfolio" }).click();
    await expect.poll(() => page.getByRole("link", { name: /City of Copenhagen/ }).count()).toBe(1);
    await expectAccessible(page, "portfolio of imported solutions");

    // Chromium logs every 4xx answer; the one refusal of the bad file is expected, nothing else.
    const refused = "Failed to load resource: the server responded with a status of 422";
    expect(browser.consoleErrors.filter((error) => error.startsWith(refused))).toHaveLength(1);
    expect(browser.consoleErrors.filter((error) => !error.startsWith(refused))).toEqual([]);
  });

  it("the city official reads the shared portfolio with the imported solution", async () => {
    browser = await openBrowser();
    const { page } = browser;
    await signIn(page, "city@demo.city-solutions.org");
    await page.goto(`${baseUrl()}/portfolios`);
    const link = page.getByRole("link", { name: portfolioTitle });
    await expect.poll(() => link.count()).toBe(1);
    await expectAccessible(page, "portfolios of the city");
    await link.click();
    await expect.poll(() => heading(page, portfolioTitle).count()).toBe(1);
    await expect.poll(() => page.getByRole("link", { name: goodTitle }).count()).toBe(1);
    await expectAccessible(page, "shared portfolio, city view");
    await page.getByRole("link", { name: goodTitle }).click();
    await expect.poll(() => heading(page, goodTitle).count()).toBe(1);
    await expectAccessible(page, "imported solution");

    expect(browser.consoleErrors).toEqual([]);
  });
});
