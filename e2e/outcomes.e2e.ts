import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import {
  type Browser,
  baseUrl,
  expectAccessible,
  openBrowser,
  pressButton,
  signIn,
} from "./browser.ts";

// The Copenhagen official creates a meeting that took place yesterday, linking a challenge with
// the form's picker (typed, arrows, Enter; a wrong one removed from its chip), publishes it,
// records its outcomes (notes, an idea, a catalogue solution) and finds them on the challenge's
// page under "Outcomes from events". The demo's past Lisbon meeting shows on its challenge too.
// Keyboard throughout; axe on the form, the event page and the challenge page.
const challenge = "Heat-network decarbonisation: large heat pumps";
const title = `Heat-pump suppliers' round table ${Date.now().toString(36)}`;

/** Types into the picker, moves with the arrow keys to the option of that title, and adds it. */
async function pickLink(page: Page, label: string, query: string, option: string) {
  const box = page.getByRole("combobox", { name: label });
  await box.focus();
  await box.pressSequentially(query);
  const wanted = page.getByRole("option", { name: new RegExp(`^${literally(option)}`) });
  await expect.poll(() => wanted.count(), { timeout: 15_000 }).toBe(1);
  for (let step = 0; step < 10; step += 1) {
    if ((await wanted.getAttribute("aria-selected")) === "true") break;
    await page.keyboard.press("ArrowDown");
  }
  expect(await wanted.getAttribute("aria-selected")).toBe("true");
  await page.keyboard.press("Enter");
  await expect.poll(() => page.getByRole("button", { name: `Remove “${option}”` }).count()).toBe(1);
}

/** The text as a regular expression matching it literally. */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** yyyy-MM-ddTHH:mm of yesterday at that hour, as a datetime-local box takes it. */
function yesterdayAt(hour: number): string {
  const day = new Date(Date.now() - 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T${pad(hour)}:00`;
}

describe("workshop outcomes", () => {
  const browsers: Browser[] = [];
  afterEach(async () => {
    for (const browser of browsers.splice(0)) await browser.close();
  });

  it("a host records a meeting's outcomes and they show on the linked challenge's page", async () => {
    const browser = await openBrowser();
    browsers.push(browser);
    const page = browser.page;
    await signIn(page, "city@demo.city-solutions.org");
    await page.goto(`${baseUrl()}/events/new`);
    const host = page.getByRole("checkbox", { name: /City of Copenhagen/ });
    await expect.poll(() => host.count(), { timeout: 15_000 }).toBe(1);
    await host.check();
    await page.getByLabel("Kind of event").selectOption("meeting");
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Summary").fill("Suppliers of large heat pumps meet the utility.");
    await page.getByLabel("Time zone of the event").selectOption("Europe/Copenhagen");
    await page.getByLabel("Starts").fill(yesterdayAt(10));
    await page.getByLabel("Ends", { exact: true }).fill(yesterdayAt(12));
    await page.getByLabel(/^Venue/).fill("HOFOR, Ørestads Boulevard 35");

    // The challenge picker: a wrong pick is removed from its chip, the right one stays.
    await pickLink(page, "Linked challenges", "cloudburst", "Cloudburst management for Østerbro");
    await pickLink(page, "Linked challenges", "heat pumps", challenge);
    await expectAccessible(page, "event form with linked challenges");
    const wrong = page.getByRole("button", { name: "Remove “Cloudburst management for Østerbro”" });
    await wrong.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => wrong.count()).toBe(0);
    // The focus goes back to the search box, not to the top of the page.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("role")))
      .toBe("combobox");
    await pressButton(page, "Create the draft");
    await page.waitForURL(/\/events\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    await expect
      .poll(() => page.getByRole("link", { name: challenge }).count(), { timeout: 15_000 })
      .toBe(1);
    await pressButton(page, "Publish the event");
    await expect
      .poll(() => page.getByRole("button", { name: "Publish the event" }).count(), {
        timeout: 15_000,
      })
      .toBe(0);

    // Outcomes, recorded by the host now that the meeting is over.
    await pressButton(page, "Record outcomes");
    await page.getByLabel(/^Notes/).fill("Three suppliers can deliver **40 MW** by 2028.");
    await pressButton(page, "Add an idea");
    await page.getByLabel("Title of idea 1").fill("Seawater heat pump at Nordhavn");
    await page
      .getByLabel(/^Idea 1 in a few sentences/)
      .fill("A 20 MW pilot drawing heat from the harbour.");
    // The event's linked challenge is already linked; add a catalogue solution.
    await expect
      .poll(() => page.getByRole("button", { name: `Remove “${challenge}”` }).count())
      .toBe(1);
    await pickLink(page, "Link catalogue solutions", "heat network", "Heat network planning model");
    await expectAccessible(page, "outcomes form");
    await pressButton(page, "Save outcomes");
    await expect.poll(() => page.getByText("Outcomes saved.").count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByText("Seawater heat pump at Nordhavn").count()).toBe(1);
    expect(await page.locator(".prose strong", { hasText: "40 MW" }).count()).toBe(1);
    await expectAccessible(page, "event page with outcomes");

    // On the challenge's page, under "Outcomes from events".
    const link = page.locator("#outcomes").getByRole("link", { name: challenge });
    await link.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/challenges\/[0-9a-f-]{36}/, { timeout: 15_000 });
    const section = page.getByRole("region", { name: "Outcomes from events" });
    await expect.poll(() => section.count(), { timeout: 15_000 }).toBe(1);
    await expect
      .poll(() => section.getByRole("link", { name: title }).count(), { timeout: 15_000 })
      .toBe(1);
    expect(await section.getByText("Seawater heat pump at Nordhavn").count()).toBe(1);
    expect(await section.getByRole("link", { name: "Heat network planning model" }).count()).toBe(
      1,
    );
    await expectAccessible(page, "challenge page with outcomes from events");
    expect(browser.consoleErrors).toEqual([]);
  });

  it("the demo's past Lisbon meeting shows its outcomes on the Baixa challenge, to anyone", async () => {
    const browser = await openBrowser();
    browsers.push(browser);
    const page = browser.page;
    await page.goto(`${baseUrl()}/challenges`);
    const baixa = page.getByRole("link", { name: "Urban heat: cool streets in Baixa" });
    await expect.poll(() => baixa.count(), { timeout: 15_000 }).toBe(1);
    await baixa.focus();
    await page.keyboard.press("Enter");
    const section = page.getByRole("region", { name: "Outcomes from events" });
    await expect.poll(() => section.count(), { timeout: 15_000 }).toBe(1);
    await expect
      .poll(() =>
        section
          .getByRole("link", { name: "Heat-resilient neighbourhoods: buyers' group meeting" })
          .count(),
      )
      .toBe(1);
    expect(await section.getByText("Joint pilot of reflective street surfaces").count()).toBe(1);
    await expectAccessible(page, "challenge page with the demo meeting's outcomes");
    expect(browser.consoleErrors).toEqual([]);
  });
});
