import { afterEach, describe, expect, it } from "vitest";
import { type Browser, baseUrl, expectAccessible, openBrowser, signIn } from "./browser.ts";

// Copenhagen's official drafts a challenge, opens its Procurement plan tab, runs the route
// advisor (R&D needed, nothing on the market, no purchase after a pilot), reads why
// pre-commercial procurement is recommended and what to take care of, applies the PCP plan and
// sees its phases — solution design, prototype, field test, narrowing 5 → 3 → 2 — as a timeline.
// Axe checks every view on the way.
const title = `Cloudburst sensing for basements ${Date.now().toString(36)}`;

describe("route advisor", () => {
  const browsers: Browser[] = [];
  afterEach(async () => {
    for (const browser of browsers.splice(0)) await browser.close();
  });

  it("recommends PCP with its reasons and sets up the plan's phases on a draft", async () => {
    const city = await openBrowser();
    browsers.push(city);
    const { page } = city;
    await signIn(page, "city@demo.city-solutions.org");

    // A draft of Copenhagen's, made through the API as the challenge form does.
    const draftId = await page.evaluate(async (draftTitle) => {
      const session = (await (await fetch("/api/v1/session")).json()) as { csrfToken: string };
      const mine = (await (await fetch("/api/v1/me/organisations")).json()) as {
        memberships: Array<{ organisation: { id: string; kind: string } }>;
      };
      const cityOrganisation = mine.memberships.find(
        (membership) => membership.organisation.kind === "city",
      )!.organisation;
      const response = await fetch("/api/v1/challenges", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken },
        body: JSON.stringify({
          organisationId: cityOrganisation.id,
          title: draftTitle,
          summary: "Know which basements flood first, before the water rises in the street.",
          sectors: ["adaptation", "water"],
          procurementModel: "market_consultation",
        }),
      });
      return ((await response.json()) as { id: string }).id;
    }, title);
    expect(draftId).toMatch(/^[0-9a-f-]{36}$/);

    await page.goto(`${baseUrl()}/challenges/${draftId}`);
    const tabs = page.getByRole("tablist", { name: "About this challenge" });
    await expect
      .poll(() => tabs.getByRole("tab", { name: "Procurement plan" }).count(), { timeout: 20_000 })
      .toBe(1);
    await tabs.getByRole("tab", { name: "Procurement plan" }).click();
    const openAdvisor = page.getByRole("link", { name: "Open the route advisor" });
    await expect.poll(() => openAdvisor.count(), { timeout: 15_000 }).toBe(1);
    await expectAccessible(page, "draft challenge without a plan");
    await openAdvisor.click();
    await page.waitForURL(/\/challenges\/[0-9a-f-]{36}\/advisor$/);
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Route advisor" }).count(), {
        timeout: 20_000,
      })
      .toBe(1);

    // The answers, chosen with the keyboard where it matters.
    const market = page.getByRole("group", { name: "Does a solution exist on the market?" });
    await market.getByLabel("No", { exact: true }).check();
    await page
      .getByLabel("Technology readiness (TRL) of the best known solutions")
      .selectOption("4");
    await page.getByLabel("Estimated contract value").fill("1500000");
    const rd = page.getByRole("group", { name: "Is research and development needed?" });
    await rd.getByLabel("Yes", { exact: true }).focus();
    await page.keyboard.press("Space");
    await page
      .getByRole("group", { name: /want to buy \(deploy at scale\) after a pilot/ })
      .getByLabel("No", { exact: true })
      .check();
    await page
      .getByRole("group", { name: /well-defined enough/ })
      .getByLabel("Yes", { exact: true })
      .check();
    await expectAccessible(page, "route advisor questions");
    await page.getByRole("button", { name: "Recommend a procurement route" }).click();

    // The advice: the recommendation, why, what to take care of, the alternatives.
    const heading = page.getByRole("heading", {
      name: "Recommended: Pre-commercial procurement (PCP)",
    });
    await expect.poll(() => heading.count(), { timeout: 15_000 }).toBe(1);
    await expect
      .poll(() =>
        page
          .getByText(
            "Nothing on the market meets the need: research and development must come first.",
          )
          .count(),
      )
      .toBe(1);
    await expect
      .poll(() =>
        page
          .getByText(/the procedure must be advertised EU-wide|must still be called openly/)
          .count(),
      )
      .toBeGreaterThan(0);
    expect(await page.getByRole("heading", { name: "The alternatives, best first" }).count()).toBe(
      1,
    );
    await expectAccessible(page, "route advisor advice");

    // Apply the recommended PCP: back on the challenge, the timeline of its phases.
    const model = page.getByRole("group", { name: "Procurement model" });
    expect(
      await model.getByLabel("Pre-commercial procurement (PCP) (recommended)").isChecked(),
    ).toBe(true);
    await page.getByRole("button", { name: "Apply this plan" }).click();
    await page.waitForURL(/\/challenges\/[0-9a-f-]{36}#plan$/);
    const timeline = page.getByRole("list", { name: "Phases" });
    await expect.poll(() => timeline.getByRole("listitem").count(), { timeout: 15_000 }).toBe(3);
    await expect
      .poll(() => timeline.getByRole("heading", { name: "Phase 1: Solution design" }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    expect(await timeline.getByText("Admits at most 5 bidders").count()).toBe(1);
    expect(await timeline.getByText("Admits at most 3 bidders").count()).toBe(1);
    expect(await timeline.getByText("Admits at most 2 bidders").count()).toBe(1);
    expect(
      await page.getByText("Procurement model: Pre-commercial procurement (PCP)").count(),
    ).toBe(1);
    // The phase dates are editable while the challenge is a draft.
    expect(await page.getByRole("heading", { name: "Phase dates" }).count()).toBe(1);
    await expectAccessible(page, "challenge with its PCP plan");
    expect(city.consoleErrors).toEqual([]);
  });
});
