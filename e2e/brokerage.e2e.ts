import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import {
  type Browser,
  expectAccessible,
  openBrowser,
  openEvent,
  pressButton,
  signIn,
} from "./browser.ts";

// The demo "Brokerage day" in Copenhagen has 8 meeting slots and 10 tables. The researcher and
// the founder register and publish profiles; the founder asks the researcher for a meeting, the
// researcher accepts; the Copenhagen official (a host) closes Table 1 and schedules; the founder
// opens the agenda and meets at Table 2.
// Everything by keyboard; axe checks the event page and the agenda.
const brokerageDay = "Brokerage day: climate adaptation";

async function registerAndPublish(page: Page, offer: string) {
  await pressButton(page, "Register");
  await expect
    .poll(() => page.getByText("You are registered.").count(), { timeout: 15_000 })
    .toBe(1);
  const offerBox = page.getByLabel("What I offer");
  await expect.poll(() => offerBox.count(), { timeout: 15_000 }).toBe(1);
  await offerBox.fill(offer);
  await page.getByLabel("What I am looking for").fill("Partners for a cloudburst pilot");
  await pressButton(page, "Publish my profile");
  await expect
    .poll(() => page.getByText("Your profile is published.").count(), { timeout: 15_000 })
    .toBe(1);
}

describe("1:1 brokerage meetings", () => {
  const browsers: Browser[] = [];
  afterEach(async () => {
    for (const browser of browsers.splice(0)) await browser.close();
  });

  const person = async (email: string) => {
    const browser = await openBrowser();
    browsers.push(browser);
    await signIn(browser.page, email);
    await openEvent(browser.page, brokerageDay);
    return browser.page;
  };

  it("request, accept, schedule, and the agenda", async () => {
    const researcher = await person("researcher@demo.city-solutions.org");
    await registerAndPublish(researcher, "A hydraulic model of the district's basements");

    const founder = await person("founder@demo.city-solutions.org");
    await registerAndPublish(founder, "Rain sensors for basements");
    await pressButton(founder, /^Request a meeting with /);
    await founder.getByLabel("Message").fill("Could your model use our sensor data?");
    await pressButton(founder, "Send the request");
    await expect
      .poll(() => founder.getByText("Meeting requested").count(), { timeout: 15_000 })
      .toBe(1);
    await expectAccessible(founder, "event page, 1:1 meetings");

    await researcher.reload();
    await pressButton(researcher, /^Accept the request from /);
    await expect
      .poll(() => researcher.getByText("accepted", { exact: true }).count(), { timeout: 15_000 })
      .toBe(1);

    const city = await person("city@demo.city-solutions.org");
    // The host closes Table 1 in every slot (a sponsor's corner): the meeting goes elsewhere.
    const tableOne = city.getByRole("checkbox", { name: /^Close Table 1 at / });
    await expect.poll(() => tableOne.count(), { timeout: 15_000 }).toBe(8);
    for (const box of await tableOne.all()) {
      await box.focus();
      await city.keyboard.press("Space");
    }
    await pressButton(city, "Save closed tables");
    await expect
      .poll(() => city.getByText("Saved: 8 tables closed in slots.").count(), { timeout: 15_000 })
      .toBe(1);
    await pressButton(city, "Schedule meetings");
    await expect
      .poll(() => city.getByText("1 meeting placed of at most 1 possible.").count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await expect.poll(() => city.getByText(/could not be placed/).count()).toBe(1);
    await expectAccessible(city, "event page, hosts' 1:1 tools");

    await founder.reload();
    const agendaLink = founder.getByRole("link", { name: "My meeting agenda" });
    await expect.poll(() => agendaLink.count(), { timeout: 15_000 }).toBe(1);
    await agendaLink.focus();
    await founder.keyboard.press("Enter");
    await founder.waitForURL(/\/events\/[0-9a-f-]{36}\/agenda$/);
    const table = founder.getByRole("table", { name: /^Meetings \(times in Europe\/Copenhagen\)/ });
    await expect.poll(() => table.count(), { timeout: 15_000 }).toBe(1);
    expect(await table.locator("tbody tr").count()).toBe(1);
    expect(await table.locator("tbody tr").first().textContent()).toContain("Table 2");
    expect(
      await founder.getByRole("link", { name: "Add to my calendar (.ics)" }).getAttribute("href"),
    ).toMatch(/\/agenda\.ics$/);
    await expectAccessible(founder, "agenda");
    for (const browser of browsers) expect(browser.consoleErrors).toEqual([]);
  });
});
