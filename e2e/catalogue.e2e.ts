import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import {
  type Browser,
  baseUrl,
  expectAccessible,
  openBrowser,
  waitForFreshTotpStep,
} from "./browser.ts";

// The catalogue journey: a start-up founder adds a solution, choosing capabilities by typing a
// synonym in the taxonomy picker, and finds it by search and by a capability facet; the Nordic
// Cleantech Cluster's manager curates a portfolio of member solutions (the founder's company is
// not a member, FloodGuard Urban is) and shares it with Copenhagen, whose official then reads it.
const password = "Climate-Pilot-2030!";
const stamp = Date.now().toString(36);
const solutionTitle = `Cloudburst sensor grid ${stamp}`;
const portfolioTitle = `Cloudburst pilots ${stamp}`;

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).last().click();
  await expect
    .poll(() => new URL(page.url()).pathname.startsWith("/sign-in"), { timeout: 15_000 })
    .toBe(false);
  // The page takes the language of the person's profile (the demo founder's is Spanish, unless
  // a journey that ran before switched it); this journey reads it in English.
  const profileLocale = await page.evaluate(async () => {
    const profile = (await (await fetch("/api/v1/me")).json()) as { locale: string };
    return profile.locale;
  });
  await expect.poll(() => page.locator("html").getAttribute("lang")).toBe(profileLocale);
  if (profileLocale !== "en") {
    await page
      .getByLabel(/^(Idioma|Langue)$/)
      .first()
      .selectOption("en");
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
  }
}

const heading = (page: Page, name: string) => page.getByRole("heading", { name, level: 1 });

/** A 24×16 PNG (blue over green): what the founder uploads. */
const sensorPhoto = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAABgAAAAQCAIAAACDRijCAAAAHklEQVR4nGOQqzhBFcQwatCINkgkSoMqaNSgEW0QAEIudxCjuabTAAAAAElFTkSuQmCC",
  "base64",
);

/** The image was loaded and decoded (the page's content security policy let it in). */
const displayed = (image: ReturnType<Page["locator"]>) =>
  image.evaluate((element) => {
    const img = element as HTMLImageElement;
    return img.complete && img.naturalWidth === 24;
  });

describe("solution catalogue and cluster portfolios", () => {
  let browser: Browser | undefined;
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  it("a founder adds a solution through the taxonomy picker and finds it in the catalogue", async () => {
    browser = await openBrowser();
    const { page } = browser;
    await signIn(page, "founder@demo.city-solutions.org");

    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Solutions" })
      .click();
    await page.waitForURL(/\/solutions$/);
    await page.getByRole("link", { name: "Add a solution" }).first().click();
    await page.waitForURL(/\/solutions\/new$/);
    await expect.poll(() => heading(page, "Add a solution").count()).toBe(1);

    await page.getByLabel("Title").fill(solutionTitle);
    await page
      .getByLabel("Summary")
      .fill(
        "Low-cost level sensors in drains warn the city minutes before a cloudburst floods a street.",
      );
    await page
      .getByLabel("Description")
      .fill("Sensors clip into **existing drains**.\n\n- Solar powered\n- Open data");
    await page.getByRole("group", { name: "Sectors" }).getByLabel("Climate adaptation").check();
    await page.getByRole("group", { name: "Sectors" }).getByLabel("Water").check();

    // A synonym, typed: the picker offers the capability with its place in the tree.
    const picker = page.getByRole("combobox", { name: "Capabilities" });
    await picker.fill("cloudburst");
    const stormwater = page.getByRole("option", {
      name: /Climate adaptation › Stormwater and cloudburst management/,
    });
    await expect.poll(() => stormwater.count()).toBe(1);
    await expect.poll(() => picker.getAttribute("aria-expanded")).toBe("true");
    await expectAccessible(page, "solution form with the taxonomy picker open");
    await picker.press("Enter");
    const chosen = page.getByRole("list", { name: "Chosen capabilities" });
    await expect
      .poll(() =>
        chosen.getByText("Climate adaptation › Stormwater and cloudburst management").count(),
      )
      .toBe(1);
    // Another, by keyboard only.
    await picker.fill("sensor");
    await expect.poll(() => page.getByRole("option").count()).toBeGreaterThan(0);
    await picker.press("ArrowDown");
    await picker.press("Enter");
    await expect.poll(() => chosen.getByRole("listitem").count()).toBe(2);
    // And one removed again with its chip's button.
    await chosen
      .getByRole("button", { name: /^Remove / })
      .last()
      .click();
    await expect.poll(() => chosen.getByRole("listitem").count()).toBe(1);

    await page.getByLabel("Readiness (TRL)").selectOption("7");
    await page.getByLabel("Country", { exact: true }).selectOption("DK");
    await page.getByRole("button", { name: "Add country" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Remove Denmark" }).count()).toBe(1);
    await page.getByLabel("Reference links").fill("https://hydrosense.example/cases/copenhagen");
    await expectAccessible(page, "solution form filled in");
    await page.getByRole("button", { name: "Add solution" }).click();

    await page.waitForURL(/\/solutions\/[0-9a-f-]{36}$/);
    const solutionAddress = page.url();
    await expect.poll(() => heading(page, solutionTitle).count()).toBe(1);
    await expect
      .poll(() => page.getByRole("link", { name: "Stormwater and cloudburst management" }).count())
      .toBe(1);
    await expect.poll(() => page.getByText("Prototype demonstrated in operation").count()).toBe(1);
    await expect.poll(() => page.getByRole("link", { name: "Edit solution" }).count()).toBe(1);
    await expectAccessible(page, "solution page");

    // Images are uploaded from the edit form, each with its description, and saved at once.
    await page.getByRole("link", { name: "Edit solution" }).click();
    await page.waitForURL(/\/edit$/);
    await expect.poll(() => heading(page, "Edit solution").count()).toBe(1);
    await expect
      .poll(() =>
        page.getByRole("list", { name: "Chosen capabilities" }).getByRole("listitem").count(),
      )
      .toBe(1);
    const images = page.getByRole("list", { name: "Images of this solution" });
    const upload = async (name: string, alt: string) => {
      await page
        .getByLabel("Image file")
        .setInputFiles({ name, mimeType: "image/png", buffer: sensorPhoto });
      await expect
        .poll(() =>
          page.getByRole("figure", { name: "The chosen image, not uploaded yet" }).count(),
        )
        .toBe(1);
      // Typed and sent from the keyboard: Enter in the description uploads the image.
      await page.getByLabel("Description of the image").fill(alt);
      await page.getByLabel("Description of the image").press("Enter");
      await expect
        .poll(() =>
          page
            .getByRole("status")
            .filter({ hasText: `Image added: ${alt}` })
            .count(),
        )
        .toBe(1);
    };
    await page.getByRole("button", { name: "Upload image" }).click();
    await expect.poll(() => page.getByText("Choose an image file").count()).toBe(1);
    await upload("drain-sensor.png", "Level sensor clipped inside a storm drain");
    await upload("spare.png", "A spare sensor on a workbench");
    await expect.poll(() => images.getByRole("figure").count()).toBe(2);
    const uploaded = images.getByRole("figure", {
      name: "Level sensor clipped inside a storm drain",
    });
    await expect.poll(() => displayed(uploaded.locator("img"))).toBe(true);
    await expectAccessible(page, "solution edit form with uploaded images");
    await page.getByRole("button", { name: "Remove image: A spare sensor on a workbench" }).click();
    await expect
      .poll(() =>
        page
          .getByRole("status")
          .filter({ hasText: "Image removed: A spare sensor on a workbench" })
          .count(),
      )
      .toBe(1);
    await expect.poll(() => images.getByRole("figure").count()).toBe(1);

    // An edit after them makes the next version; the history lists every one.
    await page
      .getByLabel("Summary")
      .fill(
        "Low-cost level sensors in drains warn the city ten minutes before a cloudburst floods a street.",
      );
    await expectAccessible(page, "solution edit form");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(/\/solutions\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText(/ten minutes before a cloudburst/).count()).toBe(1);
    const photo = page
      .getByRole("region", { name: "Images" })
      .getByRole("img", { name: "Level sensor clipped inside a storm drain" });
    await expect.poll(() => photo.count()).toBe(1);
    await expect.poll(() => displayed(photo)).toBe(true);
    await expectAccessible(page, "solution page with an image");
    await page.getByText("Show every version").click();
    // Created, two images added, one removed, the summary edited.
    await expect
      .poll(() => page.getByRole("list", { name: "Version history" }).getByRole("listitem").count())
      .toBe(5);

    // Found by full-text search…
    await page.goto(`${baseUrl()}/solutions`);
    await expect
      .poll(() =>
        page
          .getByRole("status")
          .filter({ hasText: /\d+ solutions/ })
          .count(),
      )
      .toBe(1);
    await expectAccessible(page, "catalogue");
    // Twelve at a time; the next ones come after the last (keyset cursor).
    const cards = page.getByRole("list", { name: "Solutions found" }).locator(":scope > li");
    await expect.poll(() => cards.count()).toBe(12);
    await page.getByRole("button", { name: /^Show more solutions/ }).click();
    await expect.poll(() => cards.count()).toBeGreaterThan(12);
    await page.getByRole("searchbox", { name: "Search" }).fill(`sensor grid ${stamp}`);
    await page.waitForURL(/q=sensor/);
    const result = page.getByRole("link", { name: solutionTitle });
    await expect.poll(() => result.count()).toBe(1);
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "1 solution" }).count())
      .toBe(1);

    // …and by a capability facet, a narrower one under its parent.
    await page.getByRole("button", { name: "Clear all filters" }).click();
    await page.waitForURL((url) => url.search === "");
    await page.getByRole("button", { name: "Narrower capabilities of Climate adaptation" }).click();
    const facet = page.getByLabel(/^Stormwater and cloudburst management \(\d+\)$/);
    await facet.click();
    await page.waitForURL(/capability=adaptation\.stormwater/);
    await expect.poll(() => facet.isChecked()).toBe(true);
    await expect.poll(() => result.count()).toBe(1);
    await expect
      .poll(() => page.getByRole("link", { name: "NightWatch acoustic leak detection" }).count())
      .toBe(0);
    await expectAccessible(page, "catalogue filtered by capability");

    // The provider's profile lists it.
    await page.goto(solutionAddress);
    await page.getByRole("link", { name: "HydroSense Analytics" }).first().click();
    await page.waitForURL(/\/organisations\//);
    await expect
      .poll(() =>
        page
          .getByRole("region", { name: "Solutions" })
          .getByRole("link", { name: solutionTitle })
          .count(),
      )
      .toBe(1);

    // A trial over: the founder archives it, and it leaves the public catalogue (which also
    // leaves the demo's providers as the other journeys expect them).
    await page.goto(solutionAddress);
    await page.getByRole("button", { name: "Archive", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Archive solution" }).click();
    await expect
      .poll(() => page.getByText("Archived", { exact: true }).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);

    expect(browser.consoleErrors).toEqual([]);
  });

  it("a cluster manager curates a portfolio of member solutions and shares it with a city", async () => {
    browser = await openBrowser();
    const { page } = browser;
    await signIn(page, "cluster@demo.city-solutions.org");
    await page.goto(`${baseUrl()}/portfolios`);
    await expect.poll(() => heading(page, "Portfolios").count()).toBe(1);
    await expect.poll(() => page.getByRole("heading", { name: "New portfolio" }).count()).toBe(1);
    await expectAccessible(page, "portfolios");

    await page.getByLabel("Title").fill(portfolioTitle);
    await page.getByLabel("Theme").fill("Cloudburst management in dense districts");
    await page.getByLabel("Description").fill("Members' answers to Copenhagen's cloudburst plan.");
    // It answers one of the cities' published challenges, too.
    const challenge = page.getByLabel("Challenge it answers");
    await expect.poll(() => challenge.locator("option").count()).toBeGreaterThan(1);
    await challenge.selectOption({ index: 1 });
    await page.getByRole("button", { name: "Create portfolio" }).click();
    await page.waitForURL(/\/portfolios\/[0-9a-f-]{36}$/);
    await expect.poll(() => heading(page, portfolioTitle).count()).toBe(1);
    await expect.poll(() => page.getByText("Answers the challenge:").count()).toBe(1);

    // Only solutions of the cluster and its members are offered.
    await page.getByRole("searchbox", { name: "Find a solution" }).fill("stormwater");
    const choice = page.getByLabel("Solution", { exact: true });
    await expect
      .poll(() =>
        choice
          .locator("option", { hasText: "Real-time stormwater control (FloodGuard Urban)" })
          .count(),
      )
      .toBe(1);
    await expect.poll(() => choice.locator("option", { hasText: "HydroSense" }).count()).toBe(0);
    await choice.selectOption({ label: "Real-time stormwater control (FloodGuard Urban)" });
    await page.getByLabel("Note for the city").fill("Doubles the storage of existing basins.");
    await page.getByRole("button", { name: "Add to portfolio" }).click();
    const items = page.getByRole("list", { name: "Solutions in this portfolio" });
    await expect
      .poll(() => items.getByRole("link", { name: "Real-time stormwater control" }).count())
      .toBe(1);

    await page.getByRole("searchbox", { name: "Find a city organisation" }).fill("Copenhagen");
    const city = page.getByLabel("City organisation", { exact: true });
    await expect.poll(() => city.locator("option").count()).toBeGreaterThan(1);
    await city.selectOption({ index: 1 });
    await page.getByRole("button", { name: "Share portfolio" }).click();
    await expect
      .poll(() =>
        page.getByText("The portfolio is shared. The city's members can read it now.").count(),
      )
      .toBe(1);
    await expect.poll(() => page.getByRole("link", { name: /City of Copenhagen/ }).count()).toBe(1);
    await expectAccessible(page, "curated and shared portfolio");

    expect(browser.consoleErrors).toEqual([]);
  });

  it("the city official reads the portfolio shared with Copenhagen", async () => {
    browser = await openBrowser();
    const { page } = browser;
    await signIn(page, "city@demo.city-solutions.org");
    await page.goto(`${baseUrl()}/portfolios`);
    const link = page.getByRole("link", { name: portfolioTitle });
    await expect.poll(() => link.count()).toBe(1);
    await expectAccessible(page, "portfolios of the city");
    await link.click();
    await expect.poll(() => heading(page, portfolioTitle).count()).toBe(1);
    await expect
      .poll(() => page.getByRole("link", { name: "Real-time stormwater control" }).count())
      .toBe(1);
    await expect
      .poll(() => page.getByText("Doubles the storage of existing basins.").count())
      .toBe(1);
    // Reading, not curating.
    expect(await page.getByRole("button", { name: "Add to portfolio" }).count()).toBe(0);
    await expectAccessible(page, "shared portfolio, city view");

    expect(browser.consoleErrors).toEqual([]);
  });

  it("an admin extends the taxonomy with a capability and a synonym", async () => {
    browser = await openBrowser();
    const { page } = browser;
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByLabel("E-mail address").fill("admin@demo.city-solutions.org");
    await page.getByLabel("Password", { exact: true }).fill(password);
    await waitForFreshTotpStep();
    await page.getByRole("button", { name: "Sign in" }).last().click();
    await page.getByRole("button", { name: "Use this code" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect
      .poll(() => new URL(page.url()).pathname.startsWith("/sign-in"), { timeout: 15_000 })
      .toBe(false);

    await page.goto(`${baseUrl()}/admin`);
    const add = page.getByRole("region", { name: "Add a capability" });
    await expect.poll(() => add.getByLabel("Parent capability").count()).toBe(1);
    await add.getByLabel("Parent capability").selectOption({ label: "Water" });
    await add.getByLabel("Code segment").fill(`sewer-robots-${stamp}`);
    await add.getByLabel("English", { exact: true }).fill(`Sewer inspection robots ${stamp}`);
    await add.getByLabel("French").fill(`Robots d'inspection des égouts ${stamp}`);
    await add.getByLabel("Spanish").fill(`Robots de inspección de alcantarillado ${stamp}`);
    await add.getByLabel("English synonyms").fill("pipe crawler, sewer robot");
    await add.getByRole("button", { name: "Add capability" }).click();
    await expect
      .poll(() => add.getByText(`water.sewer-robots-${stamp} is in the taxonomy.`).count())
      .toBe(1);

    const synonyms = page.getByRole("region", { name: "Add synonyms" });
    await synonyms
      .getByLabel("Capability")
      .selectOption({ label: `Water › Sewer inspection robots ${stamp}` });
    await synonyms.getByLabel("Language").selectOption("fr");
    await synonyms.getByLabel("Synonyms", { exact: true }).fill("robot d'égout");
    await synonyms.getByRole("button", { name: "Add synonyms" }).click();
    await expect.poll(() => synonyms.getByText("The synonyms are added.").count()).toBe(1);
    await expectAccessible(page, "admin, capabilities");

    const saved = await page.request.get(
      `${baseUrl()}/api/v1/capabilities/water.sewer-robots-${stamp}`,
    );
    const capability = (await saved.json()) as { synonyms: Record<string, string[]> };
    expect(capability.synonyms.en).toContain("pipe crawler");
    expect(capability.synonyms.fr).toContain("robot d'égout");

    expect(browser.consoleErrors).toEqual([]);
  });
});
