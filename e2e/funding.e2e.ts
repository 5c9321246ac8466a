import { afterEach, describe, expect, it } from "vitest";
import { type Browser, baseUrl, expectAccessible, openBrowser, signIn } from "./browser.ts";

// The cluster manager starts a consortium (the cluster alone, its invitations unanswered) for a
// Copenhagen challenge; the consortium page's funding finder explains, rule by rule, why the
// demo mission grant fails it (too few partners, too few countries); the manager follows the
// grant by keyboard and finds its closing date in the deadline calendar. Axe on each page.

const GRANT = "Climate-resilient and smart cities mission call";

describe("funding finder", () => {
  const browsers: Browser[] = [];
  afterEach(async () => {
    for (const browser of browsers.splice(0)) await browser.close();
  });

  it("explains why a source fails for a consortium; the follower sees its deadline in the calendar", async () => {
    const manager = await openBrowser();
    browsers.push(manager);
    const { page } = manager;
    await signIn(page, "cluster@demo.city-solutions.org");
    await page.goto(`${baseUrl()}/challenges`);
    await page.getByRole("link", { name: "Cloudburst management for Østerbro" }).first().click();
    await page.waitForURL(/\/challenges\/[0-9a-f-]{36}/);
    const tabs = page.getByRole("tablist", { name: "About this challenge" });
    await tabs.getByRole("tab", { name: "Consortia" }).click();
    const team = page.getByRole("listitem").filter({
      has: page.getByRole("heading", { name: /^Team 1: / }),
    });
    await expect.poll(() => team.count(), { timeout: 20_000 }).toBe(1);
    const start = team.getByRole("button", { name: "Start a consortium from team 1" });
    await start.focus();
    await page.keyboard.press("Enter");
    await team.getByLabel("Lead organisation").selectOption({ label: "Nordic Cleantech Cluster" });
    const name = `Funding check ${Date.now().toString(36)}`;
    await team.getByLabel("Name of the consortium").fill(name);
    await team.getByRole("button", { name: "Start the consortium" }).click();
    await page.waitForURL(/\/consortia\/[0-9a-f-]{36}$/);

    // The finder, on the consortium's page: the grant's rules checked against its one member.
    const finder = page.getByRole("region", { name: "Funding finder" });
    const grant = finder.getByRole("listitem").filter({
      has: page.getByRole("heading", { name: GRANT }),
    });
    await expect.poll(() => grant.count(), { timeout: 20_000 }).toBe(1);
    const rules = grant.getByRole("list", { name: `Rules of ${GRANT}` });
    await expect
      .poll(() =>
        rules
          .getByRole("listitem")
          .filter({
            hasText:
              /Failed — Countries represented: needs partners from 3 countries, the consortium has 1 \(/,
          })
          .count(),
      )
      .toBe(1);
    expect(
      await rules
        .getByRole("listitem")
        .filter({ hasText: "Failed — Number of partners: needs 3 partners, the consortium has 1." })
        .count(),
    ).toBe(1);
    expect(
      await rules
        .getByRole("listitem")
        .filter({ hasText: /Unknown — Share of small companies: .*does not record company size/ })
        .count(),
    ).toBe(1);
    await expectAccessible(page, "consortium page with the funding finder");

    // Following by keyboard, then the calendar of followed deadlines.
    const follow = grant.getByRole("button", { name: `Follow “${GRANT}”` });
    await follow.focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(
        () => grant.getByRole("button", { name: new RegExp(`^Following “${GRANT}”`) }).count(),
        {
          timeout: 15_000,
        },
      )
      .toBe(1);

    await page.goto(`${baseUrl()}/funding/deadlines`);
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Funding deadlines" }).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    const onlyFollowed = page.getByLabel("Only sources I follow");
    await onlyFollowed.focus();
    await page.keyboard.press("Space");
    const entry = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: GRANT }) });
    await expect.poll(() => entry.count(), { timeout: 15_000 }).toBe(1);
    expect(await entry.textContent()).toContain("followed");
    expect(await page.getByRole("link", { name: "City climate solutions prize" }).count()).toBe(0);
    await expectAccessible(page, "deadline calendar, followed only");
  });
  it("a funder publishes a source from the funding page, and it shows with its rules", async () => {
    const funder = await openBrowser();
    browsers.push(funder);
    const { page } = funder;
    await signIn(page, "funder@demo.city-solutions.org");
    await page.goto(`${baseUrl()}/funding`);
    const add = page.getByRole("button", { name: "Add a funding source" });
    await expect.poll(() => add.count(), { timeout: 20_000 }).toBe(1);
    await add.focus();
    await page.keyboard.press("Enter");
    const form = page.getByRole("region", { name: "Publish a funding source" });
    const title = `Heat-resilient schoolyards ${Date.now().toString(36)}`;
    await form.getByLabel("Title of the call").fill(title);
    await form.getByLabel("Programme").fill("Urban Climate Awards");
    await form.getByLabel("Instrument").selectOption({ label: "Prize" });
    await form.getByLabel("Closes on").fill("2031-06-30");
    await form.getByLabel("Minimum number of partners").fill("2");
    await form.getByRole("checkbox", { name: "Cities" }).check();
    await expectAccessible(page, "funding page with the source form");
    await form.getByRole("button", { name: "Publish the source" }).click();
    await page.waitForURL(/\/funding\/sources\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: title }).count(), { timeout: 15_000 })
      .toBe(1);
    expect(await page.getByText("At least 2 partners").count()).toBe(1);
    expect(await page.getByText("Open to: city").count()).toBe(1);
    await expectAccessible(page, "funding source page");
  });
  it("the city records a co-funding on its challenge, and the OCDS release names the funder", async () => {
    const city = await openBrowser();
    browsers.push(city);
    const { page } = city;
    await signIn(page, "city@demo.city-solutions.org");
    await page.goto(`${baseUrl()}/challenges`);
    await page.getByRole("link", { name: "Cloudburst management for Østerbro" }).first().click();
    await page.waitForURL(/\/challenges\/[0-9a-f-]{36}/);
    const challengeId = /\/challenges\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    const section = page.getByRole("region", { name: "Co-funding" });
    await expect.poll(() => section.count(), { timeout: 20_000 }).toBe(1);
    await section.getByLabel("Funding source").selectOption({
      label: "Green urban infrastructure framework loan (Green Cities Investment Bank)",
    });
    await section.getByLabel("Amount").fill("250000");
    await expectAccessible(page, "challenge overview with the co-funding form");
    await section.getByRole("button", { name: "Record the co-funding" }).click();
    await expect
      .poll(
        () =>
          section.getByRole("link", { name: "Green urban infrastructure framework loan" }).count(),
        { timeout: 15_000 },
      )
      .toBe(1);
    const release = (await (
      await fetch(`${baseUrl()}/api/v1/challenges/${challengeId}/ocds`)
    ).json()) as {
      releases: Array<{ parties: Array<{ name: string; roles: string[] }> }>;
    };
    expect(release.releases[0]!.parties).toContainEqual(
      expect.objectContaining({ name: "Green Cities Investment Bank", roles: ["funder"] }),
    );
  });
});
