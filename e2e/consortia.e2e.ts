import { afterEach, describe, expect, it } from "vitest";
import { type Browser, baseUrl, expectAccessible, openBrowser, signIn } from "./browser.ts";

// The demo cluster manager opens the Consortia tab of Copenhagen's cloudburst challenge, reads
// who covers what in the best suggested team, and starts a consortium from it, the cluster
// leading. The two invited organisations' admins — HydroSense's founder and the secretariat
// admin, who administers FloodGuard in the demo — each accept from the consortium page; the
// cluster manager then sees both as members. Axe checks every page on the way.

describe("consortia", () => {
  const browsers: Browser[] = [];
  afterEach(async () => {
    for (const browser of browsers.splice(0)) await browser.close();
  });

  it("a cluster manager starts a consortium from a suggested team, and both invitees accept", async () => {
    const manager = await openBrowser();
    browsers.push(manager);
    const { page } = manager;
    await signIn(page, "cluster@demo.city-solutions.org");
    await page.goto(`${baseUrl()}/challenges`);
    await page.getByRole("link", { name: "Cloudburst management for Østerbro" }).first().click();
    await page.waitForURL(/\/challenges\/[0-9a-f-]{36}/);

    const tabs = page.getByRole("tablist", { name: "About this challenge" });
    await tabs.getByRole("tab", { name: "Consortia" }).click();
    await expect
      .poll(() => tabs.getByRole("tab", { name: "Consortia" }).getAttribute("aria-selected"))
      .toBe("true");

    // The best team, and who covers what in it.
    const team = page.getByRole("listitem").filter({
      has: page.getByRole("heading", { name: /^Team 1: / }),
    });
    await expect.poll(() => team.count(), { timeout: 20_000 }).toBe(1);
    const grid = team.getByRole("table", { name: "Who covers what in team 1" });
    await expect.poll(() => grid.getByRole("rowheader").count()).toBeGreaterThanOrEqual(3);
    const members = ["FloodGuard Urban", "HydroSense Analytics"];
    for (const name of members) {
      await expect
        .poll(() => grid.getByRole("rowheader", { name: new RegExp(name) }).count())
        .toBe(1);
    }
    await expect.poll(() => grid.getByText("Declared").count()).toBeGreaterThanOrEqual(2);
    await expectAccessible(page, "challenge consortia tab with suggested teams");

    // Start from it, with the keyboard: the disclosure opens the form.
    const start = team.getByRole("button", { name: "Start a consortium from team 1" });
    await start.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => start.getAttribute("aria-expanded")).toBe("true");
    await team.getByLabel("Lead organisation").selectOption({ label: "Nordic Cleantech Cluster" });
    const name = `Dry Østerbro ${Date.now().toString(36)}`;
    await team.getByLabel("Name of the consortium").fill(name);
    await expectAccessible(page, "start a consortium form");
    await team.getByRole("button", { name: "Start the consortium" }).click();
    await page.waitForURL(/\/consortia\/[0-9a-f-]{36}$/);
    const consortiumUrl = page.url();
    await expect.poll(() => page.getByRole("heading", { level: 1, name }).count()).toBe(1);
    const invitations = page.getByRole("table", {
      name: "Invitations of the consortium and their status",
    });
    for (const member of members) {
      await expect
        .poll(() =>
          invitations
            .getByRole("row")
            .filter({ hasText: member })
            .filter({ hasText: "Awaiting an answer" })
            .count(),
        )
        .toBe(1);
    }
    await expectAccessible(page, "consortium page, lead's view");

    // Each invitee's admin accepts from the consortium page.
    for (const [email, organisation, admin] of [
      ["founder@demo.city-solutions.org", "HydroSense Analytics", false],
      ["admin@demo.city-solutions.org", "FloodGuard Urban", true],
    ] as const) {
      const invitee = await openBrowser();
      browsers.push(invitee);
      await signIn(invitee.page, email, { admin });
      await invitee.page.goto(consortiumUrl);
      const accept = invitee.page.getByRole("button", { name: `Accept for ${organisation}` });
      await expect.poll(() => accept.count(), { timeout: 15_000 }).toBe(1);
      await expectAccessible(invitee.page, `consortium page, invited ${organisation}`);
      await accept.click();
      await expect.poll(() => invitee.page.getByText("You joined the consortium.").count()).toBe(1);
      const membersTable = invitee.page.getByRole("table", {
        name: "Members of the consortium, their roles and the capabilities each brings",
      });
      await expect
        .poll(() => membersTable.getByRole("rowheader", { name: organisation }).count())
        .toBe(1);
      expect(invitee.consoleErrors).toEqual([]);
    }

    // The lead sees both as members, and the consortium among theirs.
    await page.goto(consortiumUrl);
    const membersTable = page.getByRole("table", {
      name: "Members of the consortium, their roles and the capabilities each brings",
    });
    await expect.poll(() => membersTable.getByRole("row").count()).toBe(4);
    for (const member of members) {
      await expect
        .poll(() =>
          membersTable
            .getByRole("row")
            .filter({ hasText: member })
            .filter({ hasText: "Partner" })
            .count(),
        )
        .toBe(1);
    }
    await page.goto(`${baseUrl()}/consortia`);
    await expect.poll(() => page.getByRole("link", { name }).count()).toBe(1);
    await expectAccessible(page, "my consortia");
    expect(manager.consoleErrors).toEqual([]);
  });
});
