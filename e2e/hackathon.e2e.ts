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

// The demo Nairobi hackathon (set up with criteria, a judge and two teams). The Copenhagen
// official registers, starts a team on the flood challenge and invites her colleague, who
// accepts; the team submits with a PDF. The secretariat admin (host by platform role) closes
// submissions and adds the funder as a judge; the funder declares no conflict and scores; the
// demo evaluator (Copenhagen) finds himself recused by detection; the admin announces the team
// first; a visitor reads the gallery; the official turns the team into
// an organisation and a catalogue solution. Axe on each page state.
const hackathon = "Nairobi e-mobility hackathon";
const team = "Sponge Riders";

/** A small, well-formed PDF. */
const pdf = Buffer.from(
  "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

describe("hackathon", () => {
  const browsers: Browser[] = [];
  afterEach(async () => {
    for (const browser of browsers.splice(0)) await browser.close();
  });

  const open = async (email?: string, options: { admin?: boolean } = {}) => {
    const browser = await openBrowser();
    browsers.push(browser);
    if (email) await signIn(browser.page, email, options);
    return browser;
  };

  /** Registers for the event on its page and follows the link to the hackathon. */
  const registerAndOpen = async (browser: Browser) => {
    const page = browser.page;
    await openEvent(page, hackathon);
    await pressButton(page, "Register");
    await expect
      .poll(() => page.getByText("You are registered.").count(), { timeout: 15_000 })
      .toBe(1);
    const link = page.getByRole("link", { name: "Open the hackathon" });
    await link.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/events\/[0-9a-f-]{36}\/hackathon$/);
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: hackathon }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
  };

  const judgingCard = (browser: Browser, name: string) =>
    browser.page
      .locator("section[aria-labelledby='judging-title'] section.card")
      .filter({ has: browser.page.locator("h3.card__title", { hasText: name }) });

  it("forms a team, submits, is judged, announced, shown in the gallery and becomes a pilot", async () => {
    const official = await open("city@demo.city-solutions.org");
    await registerAndOpen(official);
    const page = official.page;
    const address = new URL(page.url()).pathname;
    await expectAccessible(page, "hackathon page, registered");

    await page.getByLabel("Team name").fill(team);
    await page
      .getByLabel("Challenge")
      .selectOption({ label: "Flood early warning for informal settlements" });
    await pressButton(page, "Create the team");
    await expect
      .poll(() => page.getByRole("heading", { level: 2, name: "My team" }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await page.getByLabel("Their e-mail address").fill("procurement@demo.city-solutions.org");
    await pressButton(page, "Send the invitation");
    await expect.poll(() => page.getByText("Invitation sent.").count()).toBe(1);

    const colleague = await open("procurement@demo.city-solutions.org");
    await registerAndOpen(colleague);
    await pressButton(colleague.page, `Join ${team}`);
    await expect
      .poll(() => colleague.page.getByRole("heading", { level: 2, name: "My team" }).count(), {
        timeout: 15_000,
      })
      .toBe(1);

    await page.reload();
    await page
      .getByLabel("What you built")
      .fill("**Sponge streets** that warn by SMS when the drains fill up.");
    await page.getByLabel("Code repository address").fill("https://example.org/sponge-riders");
    await pressButton(page, "Submit");
    await expect
      .poll(() => page.getByText(/Revision 1 submitted/).count(), { timeout: 15_000 })
      .toBe(1);
    await page
      .getByLabel(/Add a file/)
      .setInputFiles({ name: "pitch.pdf", mimeType: "application/pdf", buffer: pdf });
    await expect
      .poll(() => page.getByRole("button", { name: "Remove pitch.pdf" }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await expectAccessible(page, "hackathon page, my team submitted");

    // The secretariat admin hosts: closes submissions and adds the funder as a judge.
    const host = await open("admin@demo.city-solutions.org", { admin: true });
    await host.page.goto(`${baseUrl()}${address}`);
    await pressButton(host.page, "Close submissions now");
    await expect
      .poll(() => host.page.getByText("Submissions closed").count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await host.page.getByLabel("Judge's e-mail address").fill("funder@demo.city-solutions.org");
    await pressButton(host.page, "Add the judge");
    await expect
      .poll(() => host.page.getByRole("button", { name: "Remove Isabel Costa" }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    // Hosts read each submission before the results.
    const fold = host.page.getByText(`Read the submission of ${team}`);
    await fold.focus();
    await host.page.keyboard.press("Enter");
    await expect
      .poll(() => host.page.getByText("Sponge streets").count(), { timeout: 15_000 })
      .toBe(1);
    await expectAccessible(host.page, "hackathon page, host");

    // The funder judges: no conflict, then scores on every criterion.
    const judge = await open("funder@demo.city-solutions.org");
    await judge.page.goto(`${baseUrl()}${address}`);
    const card = judgingCard(judge, team);
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    await card.getByLabel("I have no conflict of interest").check();
    await card.getByRole("button", { name: "Declare" }).focus();
    await judge.page.keyboard.press("Enter");
    await expect.poll(() => card.getByText("Cleared").count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => card.getByText("Sponge streets").count()).toBe(1);
    for (const [criterion, score] of [
      ["Impact", "8"],
      ["Feasibility", "7"],
      ["Innovation", "9"],
      ["Pitch", "6"],
    ] as const) {
      await card.getByLabel(new RegExp(`^${criterion} \\(\\d+%\\)`)).fill(score);
      await card.getByLabel(`Why this score for ${criterion}`).fill(`${criterion}: convincing.`);
    }
    await card.getByRole("button", { name: "Save the scores" }).focus();
    await judge.page.keyboard.press("Enter");
    await expect.poll(() => card.getByText("Scores saved.").count(), { timeout: 15_000 }).toBe(1);
    await expectAccessible(judge.page, "hackathon page, judging");

    // The demo evaluator, a judge from Copenhagen's city organisation, is recused from the
    // team of two Copenhagen officials without declaring anything: procurement's detection.
    const evaluator = await open("evaluator@demo.city-solutions.org");
    await evaluator.page.goto(`${baseUrl()}${address}`);
    const recused = judgingCard(evaluator, team);
    await expect.poll(() => recused.getByText("Recused").count(), { timeout: 15_000 }).toBe(1);
    await expect
      .poll(() => recused.getByText(/found a link between you and this team/).count())
      .toBe(1);
    expect(await recused.getByText("Sponge streets").count()).toBe(0);
    await expectAccessible(evaluator.page, "hackathon page, recused judge");

    // The host announces: 0.4×8 + 0.3×7 + 0.2×9 + 0.1×6 = 7.7.
    await host.page.reload();
    await expect
      .poll(() => host.page.getByRole("cell", { name: "7.7" }).count(), { timeout: 15_000 })
      .toBe(1);
    await host.page.getByLabel(`Prize for ${team}`).selectOption({ label: "Prize 1" });
    await pressButton(host.page, "Announce the winners");
    await expect
      .poll(() => host.page.getByRole("heading", { level: 2, name: "Results" }).count(), {
        timeout: 15_000,
      })
      .toBe(1);

    // Anyone reads the gallery.
    const visitor = await open();
    await visitor.page.goto(`${baseUrl()}${address}`);
    await expect
      .poll(
        () =>
          visitor.page.getByRole("heading", { level: 3, name: "Gallery of submissions" }).count(),
        { timeout: 15_000 },
      )
      .toBe(1);
    await expect.poll(() => visitor.page.getByText("Sponge streets").count()).toBe(1);
    await expect.poll(() => visitor.page.getByRole("link", { name: "pitch.pdf" }).count()).toBe(1);
    await expectAccessible(visitor.page, "hackathon gallery");

    // Hackathon to pilot.
    await page.reload();
    await pressButton(page, "Create the organisation and the solution");
    await expect
      .poll(() => page.getByText("Your team is on the platform:").count(), { timeout: 15_000 })
      .toBe(1);
    await expect.poll(() => page.getByRole("link", { name: team }).count()).toBe(1);
    await expectAccessible(page, "hackathon page, pilot");
    for (const browser of browsers) expect(browser.consoleErrors).toEqual([]);
  });
});
