import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, baseUrl, expectAccessible, openBrowser } from "./browser.ts";

// A city drafts and publishes a challenge; a company finds it by full-text search and a facet
// and asks a question; the city answers; a visitor reads the Q&A without the asker's name.
describe("challenges", () => {
  const password = "Climate-Pilot-2030!";
  const stamp = Date.now().toString(36);
  const title = `Night-time leak detection in district ${stamp}`;
  const question = "Can the pilot use our acoustic loggers on cast-iron mains as well?";
  const answer = "Yes: about a third of the district's mains are cast iron.";
  let city: Browser;
  let company: Browser;
  let visitor: Browser;
  let challengeAddress = "";

  beforeAll(async () => {
    [city, company, visitor] = await Promise.all([openBrowser(), openBrowser(), openBrowser()]);
  });
  afterAll(async () => {
    await Promise.all([city?.close(), company?.close(), visitor?.close()]);
  });

  async function signIn(page: Page, email: string) {
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in" }).last().click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  }

  /** datetime-local values some days ahead, in the browser's zone. */
  function daysAhead(days: number): string {
    const date = new Date(Date.now() + days * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T12:00`;
  }

  it("lets a city official draft a challenge through the form and publish it", async () => {
    const { page } = city;
    await signIn(page, "city@demo.city-solutions.org");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Challenges" })
      .click();
    await page.waitForURL(/\/challenges$/);
    await page.getByRole("link", { name: "Post a challenge" }).click();
    await page.waitForURL(/\/challenges\/new$/);
    await expect.poll(() => page.getByLabel("Title", { exact: true }).count()).toBe(1);

    // Submitting too early shows what is missing, next to the fields and in a summary.
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect
      .poll(() => page.getByRole("alert").getByText("There is a problem").count())
      .toBe(1);
    await expectAccessible(page, "challenge form with problems");

    await page.getByLabel("Title", { exact: true }).fill(title);
    await page
      .getByLabel("Summary")
      .fill("Find leaks in the water network at night, when demand is lowest.");
    await page
      .getByLabel("Description")
      .fill(
        "Water loss is **28 %** in the district.\n\n- night flow monitoring\n- acoustic loggers",
      );
    await page.getByRole("button", { name: "Show preview" }).click();
    await expect
      .poll(() =>
        page.getByRole("region", { name: "Preview of the description" }).locator("strong").count(),
      )
      .toBe(1);
    await page.getByLabel("Water", { exact: true }).check();
    // Required capabilities come from the taxonomy: typed, then chosen from the suggestions.
    const capabilities = page.getByRole("combobox", { name: "Required capabilities" });
    await capabilities.fill("leak detection");
    await expect
      .poll(() => page.getByRole("option", { name: /Leak detection in water networks/ }).count())
      .toBe(1);
    await capabilities.press("Enter");
    await page.getByRole("button", { name: "Add an indicator" }).click();
    await page.getByLabel("Metric").fill("Water loss");
    await page.getByLabel("Baseline").fill("28");
    await page.getByLabel("Target").fill("15");
    await page.getByLabel("Unit").fill("%");
    await page.getByLabel("From").fill("250000");
    await page.getByLabel("Up to").fill("400000");
    await page.getByLabel("Market consultation (RFI)").check();
    await page.getByLabel("Question deadline").fill(daysAhead(10));
    await page.getByLabel("Proposal deadline").fill(daysAhead(20));
    await page.getByLabel("Award date").fill(daysAhead(40));
    await page.getByRole("group", { name: "Contact 1" }).getByLabel("Name").fill("Sofia Lindqvist");
    await page
      .getByRole("group", { name: "Contact 1" })
      .getByLabel("E-mail address")
      .fill("water@copenhagen.example");
    await expectAccessible(page, "challenge form");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.waitForURL(/\/challenges\/[0-9a-f-]{36}$/);
    challengeAddress = new URL(page.url()).pathname;
    await expect.poll(() => page.getByRole("heading", { level: 1, name: title }).count()).toBe(1);
    expect(await page.getByText("Draft", { exact: true }).count()).toBeGreaterThan(0);
    await expectAccessible(page, "draft challenge");

    await page.getByRole("button", { name: "Publish" }).click();
    const dialog = page.getByRole("dialog", { name: "Publish this challenge?" });
    await expectAccessible(page, "publish dialog");
    await dialog.getByRole("button", { name: "Publish" }).click();
    await expect.poll(() => page.getByText("The challenge is now: Open.").count()).toBe(1);
    await expectAccessible(page, "published challenge");
    expect(city.consoleErrors).toEqual([]);
  });

  it("lets a company find it by full-text search and a facet, and ask a question", async () => {
    const { page } = company;
    await signIn(page, "member@demo.city-solutions.org");
    await page.goto(`${baseUrl()}/challenges`);
    await page.getByRole("searchbox", { name: "Search" }).fill(stamp);
    await page.waitForURL((url) => url.searchParams.get("q") === stamp);
    await expect.poll(() => page.getByRole("status").getByText("1 challenge").count()).toBe(1);
    await page.getByRole("checkbox", { name: /^Water \(\d+\)$/ }).check();
    await page.waitForURL((url) => url.searchParams.getAll("sector").includes("water"));
    await expect.poll(() => page.getByRole("link", { name: title }).count()).toBe(1);
    await expectAccessible(page, "catalogue, filtered");

    // The address holds the filters: the back button undoes the facet.
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has("sector"));
    await page.goForward();
    await page.waitForURL((url) => url.searchParams.getAll("sector").includes("water"));

    await page.getByRole("link", { name: title }).click();
    await page.waitForURL((url) => url.pathname === challengeAddress);
    const overview = page.getByRole("tab", { name: "Overview" });
    await expect.poll(() => overview.getAttribute("aria-selected")).toBe("true");
    await expectAccessible(page, "challenge overview");
    // Tabs follow the keyboard, and the address says which one is open.
    await overview.focus();
    await page.keyboard.press("ArrowRight");
    await page.waitForURL((url) => url.hash === "#questions");
    await expect
      .poll(() => page.getByRole("tab", { name: "Q&A" }).getAttribute("aria-selected"))
      .toBe("true");

    await page.getByLabel("Your question").fill(question);
    await page.getByRole("button", { name: "Send question" }).click();
    await expect
      .poll(() => page.getByText("Your question is sent.", { exact: false }).count())
      .toBe(1);
    await expect.poll(() => page.getByText("You asked this").count()).toBe(1);
    await expectAccessible(page, "challenge Q&A, asked");
    expect(company.consoleErrors).toEqual([]);
  });

  it("lets the city answer, and shows the Q&A to a visitor without the asker's name", async () => {
    const { page } = city;
    await page.goto(`${baseUrl()}${challengeAddress}#questions`);
    await expect.poll(() => page.getByText(question).count()).toBe(1);
    expect(await page.getByText("Jonas Weber").count()).toBe(0);
    await expectAccessible(page, "challenge Q&A, for the city");
    await page.getByLabel("Answer", { exact: true }).fill(answer);
    await page.getByRole("button", { name: "Publish answer" }).click();
    await expect
      .poll(() =>
        page.getByRole("region", { name: "Answered questions" }).getByText(answer).count(),
      )
      .toBe(1);
    expect(city.consoleErrors).toEqual([]);

    const reader = visitor.page;
    await reader.goto(`${baseUrl()}${challengeAddress}#questions`);
    await expect.poll(() => reader.getByText(answer).count()).toBe(1);
    expect(await reader.getByText(question).count()).toBe(1);
    const text = await reader.locator("body").textContent();
    expect(text).not.toContain("Jonas Weber");
    expect(text).not.toContain("HydroSense");
    await expectAccessible(reader, "challenge Q&A, for a visitor");
    await reader.getByRole("tab", { name: "Overview" }).click();
    await expect.poll(() => reader.getByRole("table").count()).toBe(1);
    await expectAccessible(reader, "challenge overview, for a visitor");
    expect(visitor.consoleErrors).toEqual([]);
  });
});
