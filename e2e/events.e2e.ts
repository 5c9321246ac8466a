import { afterEach, describe, expect, it } from "vitest";
import {
  type Browser,
  baseUrl,
  expectAccessible,
  openBrowser,
  openEvent,
  pressButton,
  signIn,
} from "./browser.ts";

// Copenhagen's demo workshop has two seats. The founder and the researcher take them, the
// member joins the waitlist; the founder cancels and the member moves up at once. The city
// official, a host, sees who comes. Axe checks the list and the event page.
const workshop = "Cloudburst co-design workshop";

describe("events", () => {
  const browsers: Browser[] = [];
  afterEach(async () => {
    for (const browser of browsers.splice(0)) await browser.close();
  });

  const person = async (email: string) => {
    const browser = await openBrowser();
    browsers.push(browser);
    await signIn(browser.page, email);
    await openEvent(browser.page, workshop);
    return browser.page;
  };

  it("a workshop fills up, the waitlist moves up when a seat frees, the host sees who comes", async () => {
    const founder = await person("founder@demo.city-solutions.org");
    await expectAccessible(founder, "event page");
    await expect.poll(() => founder.getByText("2 of 2 seats left").count()).toBe(1);
    // The online link is for registered people only.
    expect(await founder.getByRole("link", { name: "Join online" }).count()).toBe(0);
    await pressButton(founder, "Register");
    await expect
      .poll(() => founder.getByText("You are registered.").count(), { timeout: 15_000 })
      .toBe(1);
    await expect.poll(() => founder.getByRole("link", { name: "Join online" }).count()).toBe(1);

    const researcher = await person("researcher@demo.city-solutions.org");
    await pressButton(researcher, "Register");
    await expect
      .poll(() => researcher.getByText("You are registered.").count(), { timeout: 15_000 })
      .toBe(1);
    await expect.poll(() => researcher.getByText("0 of 2 seats left").count()).toBe(1);

    const member = await person("member@demo.city-solutions.org");
    await pressButton(member, "Join the waitlist");
    await expect
      .poll(() => member.getByText("You are number 1 on the waitlist.").count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await expectAccessible(member, "event page, waitlisted");

    await founder.reload();
    await pressButton(founder, "Cancel my registration");
    await expect
      .poll(() => founder.getByRole("button", { name: "Register" }).count(), {
        timeout: 15_000,
      })
      .toBe(0);

    await member.reload();
    await expect
      .poll(() => member.getByText("You are registered.").count(), { timeout: 15_000 })
      .toBe(1);

    // The host (the Copenhagen official) sees the participants in order.
    const city = await person("city@demo.city-solutions.org");
    const table = city.getByRole("table", { name: "Participants" });
    await expect.poll(() => table.count(), { timeout: 15_000 }).toBe(1);
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBe(2);
    expect(await rows.allTextContents()).toEqual([
      expect.stringContaining("Registered"),
      expect.stringContaining("Registered"),
    ]);
    await expectAccessible(city, "event page, host");

    // The list of events, with its filters.
    await city.goto(`${baseUrl()}/events`);
    await expect.poll(() => city.getByRole("link", { name: workshop }).count()).toBe(1);
    await expectAccessible(city, "events list");
    for (const browser of browsers) expect(browser.consoleErrors).toEqual([]);
  });
});
