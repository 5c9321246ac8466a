import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import {
  type Browser,
  baseUrl,
  callApi,
  expectAccessible,
  openBrowser,
  signIn,
} from "./browser.ts";

// Copenhagen publishes a challenge whose proposal deadline is three minutes away (the server's
// clock is real: the journey waits for it), defines a blind evaluation — two criteria, Sofia
// chairs, Mikkel and Freja evaluate — and HydroSense's founder submits a proposal and gets a
// receipt. Before the deadline the city cannot open it. After it, Freja declares a conflict and
// is recused; Mikkel declares none and scores it blind (no "HydroSense" anywhere on his page);
// Sofia locks the technical scores and awards it; the public award notice appears. Axe checks
// every view on the way.
const DEADLINE_MS = 180_000;
const title = `Rain gardens for Nørrebro ${Date.now().toString(36)}`;

async function openProposalsTab(page: Page, challengeId: string) {
  await page.goto(`${baseUrl()}/challenges/${challengeId}`);
  const tabs = page.getByRole("tablist", { name: "About this challenge" });
  await tabs.getByRole("tab", { name: "Proposals" }).click();
  await expect
    .poll(() => page.getByRole("heading", { name: "Evaluation", exact: true }).count(), {
      timeout: 15_000,
    })
    .toBe(1);
}

describe("evaluation", () => {
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

  it(
    "a sealed proposal is evaluated blind by a panel with a recusal, awarded, and the notice published",
    async () => {
      // Copenhagen publishes the challenge and defines the evaluation in its Proposals tab.
      const city = await open("city@demo.city-solutions.org");
      const memberships = await callApi<{
        memberships: Array<{ organisation: { id: string; kind: string } }>;
      }>(city.page, "GET", "/api/v1/me/organisations");
      const organisationId =
        memberships.body.memberships.find((row) => row.organisation.kind === "city")?.organisation
          .id ?? "";
      expect(organisationId).toMatch(/^[0-9a-f-]{36}$/);
      const now = Date.now();
      const deadline = now + DEADLINE_MS;
      const created = await callApi<{ id: string }>(city.page, "POST", "/api/v1/challenges", {
        organisationId,
        title,
        summary: "Rain gardens and permeable streets that hold a cloudburst where it falls.",
        description: "We look for **rain gardens** and permeable paving for Nørrebro's streets.",
        sectors: ["adaptation", "water"],
        capabilities: ["adaptation.stormwater"],
        kpis: [],
        budget: { minMinor: 50_000_000, maxMinor: 200_000_000, currency: "EUR" },
        minTrl: 6,
        procurementModel: "pilot_agreement",
        timeline: {
          questionDeadline: new Date(now + 60_000).toISOString(),
          proposalDeadline: new Date(deadline).toISOString(),
          awardDate: new Date(now + 60 * 86_400_000).toISOString(),
        },
        contacts: [
          { name: "Sofia Lindqvist", role: "Climate adaptation", email: "sofia@example.dk" },
        ],
      });
      expect(created.status).toBe(201);
      const challengeId = created.body.id;
      const published = await callApi(
        city.page,
        "POST",
        `/api/v1/challenges/${challengeId}/transitions`,
        { to: "published" },
      );
      expect(published.status).toBe(200);

      await openProposalsTab(city.page, challengeId);
      await city.page.getByRole("button", { name: "Define the evaluation" }).click();
      await city.page.getByLabel("Criterion 1").fill("Flood reduction");
      await city.page.getByLabel("Criterion 2").fill("Price");
      await expect.poll(() => city.page.getByText("Weights add up to 100.").count()).toBe(1);
      await city.page.getByLabel("Sofia Lindqvist").selectOption("chair");
      await city.page.getByLabel("Mikkel Andersen").selectOption("evaluator");
      await city.page.getByLabel("Freja Holm").selectOption("evaluator");
      await city.page.getByLabel("Blind phase").check();
      await expectAccessible(city.page, "evaluation setup");
      await city.page.getByRole("button", { name: "Save the evaluation" }).click();
      await expect
        .poll(() => city.page.getByText("The evaluation is saved.").count(), { timeout: 15_000 })
        .toBe(1);

      // HydroSense's founder submits and gets a receipt.
      const bidder = await open("founder@demo.city-solutions.org");
      await openProposalsTab(bidder.page, challengeId);
      const chooser = bidder.page.getByLabel("Submit for");
      if ((await chooser.count()) > 0) {
        await chooser.selectOption({ label: "HydroSense Analytics" });
      }
      await bidder.page
        .getByLabel("Approach and solution")
        .fill("Rain gardens with level sensors.");
      await bidder.page.getByLabel("Team and references").fill("Hydrologists from Aarhus.");
      await bidder.page
        .getByLabel("Work plan and milestones")
        .fill("Design in spring, build in summer.");
      await bidder.page.getByLabel("Price rationale").fill("Sensors, planting, two years of care.");
      await bidder.page.getByLabel("Amount").fill("950000");
      await bidder.page.getByRole("button", { name: "Submit the proposal" }).click();
      const confirmation = bidder.page
        .getByRole("status")
        .filter({ hasText: "Your proposal is submitted." });
      await expect.poll(() => confirmation.count(), { timeout: 15_000 }).toBe(1);
      const hash = (await confirmation.locator(".receipt__hash").textContent())?.trim() ?? "";
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      const mine = await callApi<{ proposals: Array<{ id: string; challenge: { id: string } }> }>(
        bidder.page,
        "GET",
        "/api/v1/me/proposals",
      );
      const proposalId = mine.body.proposals.find(
        (proposal) => proposal.challenge.id === challengeId,
      )!.id;

      // Before the deadline the city cannot open it: to the city it does not exist.
      const sealed = await callApi(city.page, "GET", `/api/v1/proposals/${proposalId}`);
      expect(sealed.status).toBe(404);
      expect(Date.now()).toBeLessThan(deadline);

      // Meanwhile the quiet period: Sofia sits on the panel, so a one-to-one meeting with a
      // company is refused with the reason; an e-mail is recorded in the contact log.
      await city.page.locator("summary").filter({ hasText: "Contact log" }).click();
      await city.page.getByLabel("Find the organisation (name)").fill("HydroSense");
      await expect
        .poll(() => city.page.getByRole("option", { name: "HydroSense Analytics" }).count(), {
          timeout: 15_000,
        })
        .toBeGreaterThan(0);
      await city.page
        .getByLabel("Organisation", { exact: true })
        .selectOption({ label: "HydroSense Analytics" });
      await city.page.getByLabel("Channel").selectOption("meeting");
      await city.page.getByLabel("one-to-one meeting").check();
      await city.page
        .getByRole("textbox", { name: "About", exact: true })
        .fill("Lunch to discuss the sensors");
      await city.page.getByRole("button", { name: "Record the contact" }).click();
      await expect
        .poll(() => city.page.getByText(/sits on the evaluation panel/).count(), {
          timeout: 15_000,
        })
        .toBe(1);
      await expectAccessible(city.page, "contact log with the quiet period's refusal");
      await city.page.getByLabel("one-to-one meeting").uncheck();
      await city.page.getByLabel("Channel").selectOption("email");
      await city.page
        .getByRole("textbox", { name: "About", exact: true })
        .fill("Answered a question about the site visit");
      await city.page.getByRole("button", { name: "Record the contact" }).click();
      await expect
        .poll(() => city.page.getByText("The contact is recorded.").count(), { timeout: 15_000 })
        .toBe(1);

      // After the deadline.
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, deadline - Date.now() + 2_000)),
      );

      // Freja declares a conflict: recused.
      const freja = await open("procurement@demo.city-solutions.org");
      await openProposalsTab(freja.page, challengeId);
      await freja.page.getByRole("button", { name: "Declare for proposal A" }).click();
      const dialog = freja.page.getByRole("dialog", { name: "Conflict of interest: proposal A" });
      await dialog.getByLabel("I have a conflict of interest").check();
      await dialog
        .getByLabel("Why (for example: I worked for this bidder)")
        .fill("I advised this team on a previous tender.");
      await expectAccessible(freja.page, "conflict-of-interest dialog");
      await dialog.getByRole("button", { name: "Record my declaration" }).click();
      await expect
        .poll(() => freja.page.getByText("You declared a conflict of interest.").count(), {
          timeout: 15_000,
        })
        .toBe(1);
      const recused = await callApi(freja.page, "GET", `/api/v1/proposals/${proposalId}`);
      expect(recused.status).toBe(404);

      // Mikkel declares none and scores blind: the bidder's name is nowhere on his page.
      const mikkel = await open("evaluator@demo.city-solutions.org");
      await openProposalsTab(mikkel.page, challengeId);
      await mikkel.page.getByRole("button", { name: "Declare for proposal A" }).click();
      await mikkel.page
        .getByRole("dialog", { name: "Conflict of interest: proposal A" })
        .getByRole("button", { name: "Record my declaration" })
        .click();
      await mikkel.page.getByRole("button", { name: "Open proposal A" }).click();
      await expect
        .poll(() => mikkel.page.getByText("Rain gardens with level sensors.").count(), {
          timeout: 15_000,
        })
        .toBe(1);
      for (const [criterion, score] of [
        ["Flood reduction", "8"],
        ["Price", "7"],
      ] as const) {
        const group = mikkel.page.getByRole("group", { name: new RegExp(`^${criterion}`) });
        await group.getByLabel("Score (0–10)").fill(score);
        await group.getByLabel("Justification").fill(`${criterion}: convincing and well argued.`);
      }
      expect(await mikkel.page.locator("main").textContent()).not.toContain("HydroSense");
      await expectAccessible(mikkel.page, "blind scoring");
      await mikkel.page.getByRole("button", { name: "Save the scores" }).click();
      await expect
        .poll(() => mikkel.page.getByText("Your scores are saved.").count(), { timeout: 15_000 })
        .toBe(1);
      expect(await mikkel.page.locator("main").textContent()).not.toContain("HydroSense");

      // Sofia, the chair: the ranking, the lock, the award.
      await openProposalsTab(city.page, challengeId);
      await expect
        .poll(
          () =>
            city.page.getByRole("img", { name: "Total score per proposal, out of 100" }).count(),
          {
            timeout: 15_000,
          },
        )
        .toBe(1);
      await expectAccessible(city.page, "chair's ranking");
      await city.page.getByRole("button", { name: "Lock the technical scores" }).click();
      await city.page
        .getByRole("dialog", { name: "Lock the technical scores?" })
        .getByRole("button", { name: "Lock them" })
        .click();
      await expect
        .poll(() => city.page.getByRole("button", { name: "Record the award" }).count(), {
          timeout: 15_000,
        })
        .toBe(1);
      await city.page
        .getByLabel("Justification")
        .fill("The only proposal, and a convincing one: rain gardens with level sensors.");
      await city.page.getByRole("button", { name: "Record the award" }).click();
      await expect
        .poll(() => city.page.getByRole("link", { name: "Read the award notice" }).count(), {
          timeout: 15_000,
        })
        .toBe(1);

      // The public notice, for anyone.
      const visitor = await openBrowser();
      browsers.push(visitor);
      await visitor.page.goto(`${baseUrl()}/challenges/${challengeId}/award`);
      await expect
        .poll(() => visitor.page.getByText("HydroSense Analytics").count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      await expect
        .poll(() => visitor.page.getByText(/^The award becomes final on /).count())
        .toBe(1);
      await expect
        .poll(() => visitor.page.getByText("Answered a question about the site visit").count())
        .toBe(1);
      await expectAccessible(visitor.page, "award notice");

      // The same award in the open data: OCDS names HydroSense as the supplier, pending while
      // the standstill runs; the integrity page shows the chain and the award step.
      const ocds = await visitor.page.request.get(
        `${baseUrl()}/api/v1/challenges/${challengeId}/ocds`,
      );
      expect(ocds.status()).toBe(200);
      const release = (
        (await ocds.json()) as {
          releases: Array<{
            tag: string[];
            awards?: Array<{ status: string; suppliers: Array<{ name: string }> }>;
          }>;
        }
      ).releases[0]!;
      expect(release.tag).toEqual(["tender", "award"]);
      expect(release.awards?.[0]).toMatchObject({
        status: "pending",
        suppliers: [{ name: "HydroSense Analytics" }],
      });
      await visitor.page.goto(`${baseUrl()}/challenges/${challengeId}/integrity`);
      await expect
        .poll(() => visitor.page.getByText("Award decided (standstill starts)").count(), {
          timeout: 15_000,
        })
        .toBe(1);
      await expect.poll(() => visitor.page.getByText("The audit chain verifies").count()).toBe(1);
      await expectAccessible(visitor.page, "integrity page, awarded");
      for (const browser of [bidder, freja, mikkel, visitor]) {
        expect(browser.consoleErrors.filter((line) => !line.includes("404"))).toEqual([]);
      }
    },
    DEADLINE_MS + 240_000,
  );
});
