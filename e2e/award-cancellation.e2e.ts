import { afterEach, describe, expect, it } from "vitest";
import {
  type Browser,
  baseUrl,
  callApi,
  expectAccessible,
  openBrowser,
  organisationOf,
  signIn,
} from "./browser.ts";

// The chair cancels an award during the standstill. Reaching the award is not the point here, so
// it is done through the API from the signed-in pages: Copenhagen (Sofia, the demo city account)
// publishes a challenge whose proposal deadline is under a minute away with Sofia chairing an open
// evaluation; HydroSense's founder submits; after the deadline Sofia declares, scores and awards.
// Then the browser, as Sofia would, by keyboard: the "Cancel the award" form on the Proposals tab
// (a too-short reason is refused on the spot), the confirmation dialog, the evaluation open again;
// the public award notice says the award was cancelled, with the reason. Axe checks each view.
const DEADLINE_MS = 45_000;
const title = `Cloudburst basins for Amager ${Date.now().toString(36)}`;
const reason = "A complaint was upheld: the flood-reduction figures were misread.";

describe("award cancellation", () => {
  const browsers: Browser[] = [];
  afterEach(async () => {
    for (const browser of browsers.splice(0)) await browser.close();
  });
  const open = async (email: string) => {
    const browser = await openBrowser();
    browsers.push(browser);
    await signIn(browser.page, email);
    return browser;
  };

  it("the chair cancels an award during the standstill with a reason, by keyboard, and the notice says so", async () => {
    const city = await open("city@demo.city-solutions.org");
    const founder = await open("founder@demo.city-solutions.org");
    const cityId = await organisationOf(city.page, "city");
    const companyId = await organisationOf(founder.page, "company");
    const session = await callApi<{ user: { id: string } }>(city.page, "GET", "/api/v1/session");

    // Published with an open evaluation that Sofia chairs; HydroSense submits before the deadline.
    const now = Date.now();
    const deadline = now + DEADLINE_MS;
    const created = await callApi<{ id: string }>(city.page, "POST", "/api/v1/challenges", {
      organisationId: cityId,
      title,
      summary: "Basins and green streets that hold a cloudburst where it falls.",
      description: "We look for **retention basins** for Amager's streets.",
      sectors: ["adaptation", "water"],
      capabilities: ["adaptation.stormwater"],
      kpis: [],
      budget: { minMinor: 50_000_000, maxMinor: 200_000_000, currency: "EUR" },
      minTrl: 6,
      procurementModel: "pilot_agreement",
      timeline: {
        questionDeadline: new Date(now + 20_000).toISOString(),
        proposalDeadline: new Date(deadline).toISOString(),
        awardDate: new Date(now + 60 * 86_400_000).toISOString(),
      },
      contacts: [{ name: "Sofia Lindqvist", role: "Procurement", email: "sofia@example.dk" }],
    });
    expect(created.status).toBe(201);
    const challengeId = created.body.id;
    const setup = await callApi<{ criteria: Array<{ id: string }> }>(
      city.page,
      "PUT",
      `/api/v1/challenges/${challengeId}/evaluation`,
      {
        criteria: [
          {
            name: "Flood reduction",
            description: "Water held per cloudburst.",
            weight: 100,
            kind: "technical",
          },
        ],
        panel: [{ userId: session.body.user.id, role: "chair" }],
        blind: false,
        standstillDays: 10,
      },
    );
    expect(setup.status).toBe(200);
    const published = await callApi(
      city.page,
      "POST",
      `/api/v1/challenges/${challengeId}/transitions`,
      { to: "published" },
    );
    expect(published.status).toBe(200);
    const submitted = await callApi<{ proposal: { id: string } }>(
      founder.page,
      "POST",
      `/api/v1/challenges/${challengeId}/proposals`,
      {
        bidder: { kind: "organisation", id: companyId },
        sections: {
          approach: "Retention basins under two squares, with level sensors.",
          team: "Hydrologists from Aarhus.",
          work_plan: "Design in spring, build in summer.",
          price_rationale: "Sensors, digging, two years of care.",
        },
        price: { amountMinor: 95_000_000, currency: "EUR" },
        attachments: [],
      },
    );
    expect(submitted.status).toBe(201);
    const proposalId = submitted.body.proposal.id;
    expect(Date.now()).toBeLessThan(deadline);

    // After the deadline Sofia declares, scores and awards (API).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now() + 2_000)));
    expect(
      (
        await callApi(city.page, "POST", `/api/v1/proposals/${proposalId}/declaration`, {
          verdict: "no_conflict",
          reason: "",
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await callApi(city.page, "PUT", `/api/v1/proposals/${proposalId}/scores`, {
          scores: [
            {
              criterionId: setup.body.criteria[0]!.id,
              score: 8,
              justification: "Holds the water of a ten-year cloudburst.",
            },
          ],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await callApi(city.page, "POST", `/api/v1/challenges/${challengeId}/award`, {
          proposalId,
          justification: "The only proposal, and it holds the water we need held.",
        })
      ).status,
    ).toBe(200);

    // The browser, as Sofia: the Proposals tab shows the cancellation form during the standstill.
    const page = city.page;
    await page.goto(`${baseUrl()}/challenges/${challengeId}`);
    await page
      .getByRole("tablist", { name: "About this challenge" })
      .getByRole("tab", { name: "Proposals" })
      .click();
    const field = page.getByLabel("Reason for cancelling");
    await expect.poll(() => field.count(), { timeout: 15_000 }).toBe(1);
    await expectAccessible(page, "award cancellation form");

    // A reason too short is refused on the spot, by keyboard.
    await field.focus();
    await page.keyboard.type("Too short");
    await page.keyboard.press("Tab");
    const cancelButton = page.getByRole("button", { name: "Cancel the award", exact: true });
    await expect
      .poll(() => cancelButton.evaluate((node) => node === document.activeElement))
      .toBe(true);
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.getByText("Give a reason of 10 to 2,000 characters.").count())
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.getByRole("dialog", { name: "Cancel the award?" }).count())
      .toBe(0);

    // A real reason, then the confirmation step.
    await field.focus();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(reason);
    await cancelButton.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Cancel the award?" });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expectAccessible(page, "award cancellation confirmation");
    await dialog.getByRole("button", { name: "Yes, cancel the award" }).focus();
    await page.keyboard.press("Enter");

    // The evaluation is open again: the award form is back, the cancellation form gone.
    await expect
      .poll(() => page.getByRole("button", { name: "Record the award" }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    expect(await field.count()).toBe(0);

    // The public notice, to anyone: cancelled, with the reason.
    const visitor = await openBrowser();
    browsers.push(visitor);
    await visitor.page.goto(`${baseUrl()}/challenges/${challengeId}/award`);
    await expect
      .poll(() => visitor.page.getByText("This award was cancelled").count(), {
        timeout: 15_000,
      })
      .toBe(1);
    expect(await visitor.page.locator("main").textContent()).toContain(reason);
    expect(await visitor.page.getByText("Standstill", { exact: true }).count()).toBe(0);
    await expectAccessible(visitor.page, "cancelled award notice");
    expect(city.consoleErrors).toEqual([]);
    expect(visitor.consoleErrors).toEqual([]);
  }, 240_000);
});
