import { afterEach, describe, expect, it } from "vitest";
import {
  type Browser,
  baseUrl,
  expectAccessible,
  openBrowser,
  pressButton,
  signIn,
} from "./browser.ts";

// HydroSense's founder adds a reference of NightWatch in Copenhagen, with a yearly water saving;
// it awaits the city. Copenhagen's city official verifies it from the city's page; Copenhagen's
// impact dashboard then shows the saving in its water table for every year since it started,
// and the dashboard's CSV (its open data link) says the same as that table. Axe on each page.

const SAVED = 480_000;
const STARTED = 2024;

describe("references and impact", () => {
  const browsers: Browser[] = [];
  afterEach(async () => {
    for (const browser of browsers.splice(0)) await browser.close();
  });

  it("a provider adds a reference, the city verifies it, and the city's dashboard and its CSV count it", async () => {
    const api = async <T>(path: string) => (await (await fetch(`${baseUrl()}${path}`)).json()) as T;
    const copenhagen = (
      await api<{ organisations: Array<{ id: string; slug: string; kind: string }> }>(
        "/api/v1/organisations?q=Copenhagen&kind=city",
      )
    ).organisations[0]!;
    const thisYear = new Date().getUTCFullYear();
    const waterTable = "Water saved (m³/yr) by sector and year";

    // The dashboard before: Copenhagen has no verified water outcome yet.
    const founder = await openBrowser();
    browsers.push(founder);
    const page = founder.page;
    await signIn(page, "founder@demo.city-solutions.org");
    await page.goto(`${baseUrl()}/insights/cities/${copenhagen.id}`);
    await expect
      .poll(
        () =>
          page.getByRole("heading", { level: 1, name: /^Impact in City of Copenhagen/ }).count(),
        {
          timeout: 20_000,
        },
      )
      .toBe(1);
    await expect
      .poll(
        () => page.getByRole("heading", { name: "Verified impact by sector and year" }).count(),
        {
          timeout: 20_000,
        },
      )
      .toBe(1);
    expect(await page.getByRole("table", { name: waterTable }).count()).toBe(0);
    await expectAccessible(page, "city impact dashboard before");

    // The founder adds the reference from the solution's page.
    await page.goto(`${baseUrl()}/solutions?q=NightWatch`);
    await page.getByRole("link", { name: "NightWatch acoustic leak detection" }).first().click();
    await page.waitForURL(/\/solutions\/[0-9a-f-]{36}$/);
    await pressButton(page, "Add a reference");
    const form = page.getByRole("region", { name: "Add a reference" });
    await form.getByLabel("City", { exact: true }).selectOption({ label: "Copenhagen" });
    await form.getByLabel("Started on").fill(`${STARTED}-03-01`);
    await form.getByLabel("Scale").fill("Inner-city mains: 95 km, 320 hydrant sensors");
    await form
      .getByLabel("Description")
      .fill("Night listening with **HOFOR** on the inner-city mains.");
    await form.getByLabel("Outcome 1").selectOption({ label: "Water saved (m³/yr)" });
    await form.getByLabel("Value 1").fill(String(SAVED));
    await expectAccessible(page, "add a reference form");
    await form.getByRole("button", { name: "Add the reference" }).click();
    const added = page.getByRole("article").filter({ hasText: "Inner-city mains: 95 km" });
    await expect.poll(() => added.count(), { timeout: 15_000 }).toBe(1);
    await expect
      .poll(() => added.getByText("Awaiting the city's verification").count(), { timeout: 15_000 })
      .toBe(1);
    await expect.poll(() => added.getByText("480,000 m³/yr of water saved").count()).toBe(1);
    await expectAccessible(page, "solution page with a pending reference");

    // The city official verifies it from Copenhagen's page.
    const city = await openBrowser();
    browsers.push(city);
    const cityPage = city.page;
    await signIn(cityPage, "city@demo.city-solutions.org");
    await cityPage.goto(`${baseUrl()}/organisations/${copenhagen.slug}`);
    const pending = cityPage.getByRole("article").filter({ hasText: "Inner-city mains: 95 km" });
    await expect.poll(() => pending.count(), { timeout: 20_000 }).toBe(1);
    await expect
      .poll(() => pending.getByText("Awaiting the city's verification").count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await expectAccessible(cityPage, "city page with a reference to verify");
    const verify = pending.getByRole("button", { name: "Verify this reference" });
    await verify.focus();
    await cityPage.keyboard.press("Enter");
    await expect
      .poll(() => pending.getByText("Verified by the city").count(), { timeout: 15_000 })
      .toBe(1);

    // The dashboard now counts it, in every year since it started.
    await cityPage.getByRole("link", { name: "See the impact dashboard" }).first().click();
    await cityPage.waitForURL(/\/insights\/cities\//);
    const table = cityPage.getByRole("table", { name: waterTable });
    await expect.poll(() => table.count(), { timeout: 20_000 }).toBe(1);
    const cells = async () =>
      (await table.locator("tbody tr").all()).length === 0
        ? []
        : await Promise.all(
            (await table.locator("tbody tr").all()).map(async (row) =>
              (await row.locator("th, td").allInnerTexts()).map((text) => text.trim()),
            ),
          );
    const years = Array.from({ length: thisYear - STARTED + 1 }, (_, index) => STARTED + index);
    await expect
      .poll(cells, { timeout: 20_000 })
      .toEqual(years.map((year) => ["Water", String(year), "480,000"]));
    await expectAccessible(cityPage, "city impact dashboard after the verification");

    // The open data link gives the same numbers as the table.
    const csvHref = await cityPage.getByRole("link", { name: "CSV" }).getAttribute("href");
    const csv = await (await fetch(new URL(csvHref!, baseUrl()))).text();
    const waterRows = csv
      .trim()
      .split("\r\n")
      .map((line) => line.split(","))
      .filter(([section, , , kind]) => section === "impact" && kind === "water_saved")
      .map(([, key, year, , , , value]) => [key, year, value]);
    const shown = (await cells()).map(([sector, year, value]) => [
      sector!.toLowerCase(),
      year,
      value!.replace(/[^0-9.]/g, ""),
    ]);
    expect(waterRows).toEqual(shown);
    expect(waterRows).toHaveLength(years.length);

    // A change after the verification takes it back to the city: the dashboard drops it.
    await page.reload();
    const own = page.getByRole("article").filter({ hasText: "Inner-city mains: 95 km" });
    await expect
      .poll(() => own.getByText("Verified by the city").count(), { timeout: 15_000 })
      .toBe(1);
    await own.getByRole("button", { name: "Change this reference" }).click();
    await own.getByLabel("Scale").fill("Inner-city mains: 110 km, 380 hydrant sensors");
    await expectAccessible(page, "change a verified reference");
    await own.getByRole("button", { name: "Save the changes" }).click();
    const changed = page.getByRole("article").filter({ hasText: "Inner-city mains: 110 km" });
    await expect
      .poll(() => changed.getByText("Awaiting the city's verification").count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await cityPage.reload();
    await expect
      .poll(
        () => cityPage.getByRole("heading", { name: "Verified impact by sector and year" }).count(),
        {
          timeout: 20_000,
        },
      )
      .toBe(1);
    expect(await cityPage.getByRole("table", { name: waterTable }).count()).toBe(0);
  });
});
