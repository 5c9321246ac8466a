import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Browser,
  baseUrl,
  type Call,
  callApi,
  expectAccessible,
  openBrowser,
  organisationOf,
  pressButton,
  signIn,
} from "./browser.ts";

/**
 * Stored and reflected cross-site scripting: hostile text written through the real API and UI
 * (a challenge's title, summary and Markdown description, its attachment's file name, a question
 * and an idea; an organisation's name and description; a solution and its reference with an
 * evidence file; an event; a CSV imported through the import page and a bundle through the API;
 * search queries in the address and typed in the search box) is shown inert in Chromium: no
 * payload runs (window.__pwned stays undefined, no dialog opens, the page's policy reports no
 * blocked script), the DOM holds no <script>, <iframe>, on… attribute or javascript: link from
 * it, and its text is shown literally.
 */
const stamp = Date.now().toString(36);

const SCRIPT = "<script>window.__pwned=1</script>";
const IMG = `<img src=x onerror="window.__pwned=1">`;
const SVG = "<svg onload=window.__pwned=1>";
const JS_LINK = "[link](javascript:window.__pwned=1)";
const IFRAME = `"><iframe src=javascript:window.__pwned=1>`;
const ALERT = "<img src=x onerror=alert(1)>";
const FILE_NAME = `"><img src=x onerror=window.__pwned=1>.pdf`;
/** The file name as stored: quotes and control characters are dropped (safeFilename). */
const STORED_FILE_NAME = "><img src=x onerror=window.__pwned=1>.pdf";

/** One line of text with every payload that fits in a plain field. */
const line = (what: string) => `${what} ${stamp} ${SCRIPT} ${IMG} ${SVG}`;

/** Markdown with every payload, and the link forms markdown-it could turn into anchors. */
const markdown = [
  `**Hostile** Markdown ${stamp}.`,
  SCRIPT,
  IMG,
  SVG,
  JS_LINK,
  IFRAME,
  ALERT,
  "[upper](JAVASCRIPT:window.__pwned=1)",
  "[spaced]( javascript:window.__pwned=1 )",
  "[entity](&#106;avascript:window.__pwned=1)",
  "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "<javascript:window.__pwned=1>",
  "[reference][evil]\n\n[evil]: javascript:window.__pwned=1",
  `<a href="javascript:window.__pwned=1">raw anchor</a>`,
  "[safe link](https://example.org/ok)",
].join("\n\n");

/** Pieces of the Markdown that must show as text (markdown-it shows raw HTML as text). */
const markdownLiterals = [SCRIPT, IMG, SVG, JS_LINK, IFRAME.slice(2), ALERT];

/** How far the proposal deadline of the journey's tender is from its creation. */
const PROPOSAL_DEADLINE_MS = 75_000;

/** A PDF as the platform recognises one: by its first bytes. */
const PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

function created<T>(call: Call<T>, what: string): T {
  expect(call.status, `${what}: ${JSON.stringify(call.body).slice(0, 500)}`).toBeLessThan(300);
  return call.body;
}

/** A CSV field, quoted as RFC 4180 says. */
const field = (value: string) => `"${value.replaceAll('"', '""')}"`;

interface Watched extends Browser {
  dialogs: string[];
}

async function watchedBrowser(): Promise<Watched> {
  const browser = (await openBrowser()) as Watched;
  browser.dialogs = [];
  browser.page.on("dialog", (dialog) => {
    browser.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Installed before any page script: every blocked script or handler is counted.
  // None is ignored: the app itself causes none (zod runs jitless in the web app, so it no
  // longer probes `new Function`, which the policy reported once per page).
  await browser.context.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = violations;
    document.addEventListener("securitypolicyviolation", (event) => {
      violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  return browser;
}

interface PageState {
  pwned: unknown;
  violations: string[];
  scripts: string[];
  frames: string[];
  handlers: string[];
  badLinks: string[];
}

/** What the page holds of a live payload, each finding named; none on an inert page. */
async function findings(browser: Watched): Promise<string[]> {
  // Give an onerror or onload a moment to fire, were there one.
  await browser.page.waitForTimeout(150);
  const state: PageState = await browser.page.evaluate(() => {
    const all = [...document.querySelectorAll("*")];
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      violations: (window as unknown as { __violations: string[] }).__violations,
      scripts: [...document.querySelectorAll("script")]
        .filter((script) => !script.src || /__pwned|alert/.test(script.textContent ?? ""))
        .map((script) => script.outerHTML.slice(0, 120)),
      frames: [...document.querySelectorAll("iframe, frame, object, embed")].map((element) =>
        element.outerHTML.slice(0, 120),
      ),
      handlers: all.flatMap((element) =>
        [...element.attributes]
          .filter((attribute) => /^on/i.test(attribute.name))
          .map((attribute) => `<${element.tagName.toLowerCase()} ${attribute.name}>`),
      ),
      badLinks: all.flatMap((element) =>
        ["href", "src", "action", "formaction", "xlink:href", "data"]
          .map((name) => element.getAttribute(name))
          .filter((value): value is string => value !== null)
          .filter((value) => /^\s*(javascript|data|vbscript):/i.test(value))
          .map((value) => `<${element.tagName.toLowerCase()}> ${value.slice(0, 80)}`),
      ),
    };
  });
  return [
    ...(state.pwned === undefined ? [] : [`window.__pwned is ${String(state.pwned)}`]),
    ...browser.dialogs.map((message) => `dialog: ${message}`),
    ...state.violations.map((violation) => `policy violation: ${violation}`),
    ...state.scripts.map((script) => `inline script: ${script}`),
    ...state.frames.map((frame) => `frame: ${frame}`),
    ...state.handlers.map((handler) => `event handler attribute: ${handler}`),
    ...state.badLinks.map((link) => `script or data address: ${link}`),
  ];
}

/**
 * The page as it is: each literal shows as text (whitespace folded, as the page lays it out),
 * nothing ran, and nothing of the payloads is live in the DOM.
 */
async function expectInert(browser: Watched, label: string, literals: string[]): Promise<void> {
  const fold = (text: string) => text.replace(/\s+/g, " ");
  await expect
    .poll(
      async () => {
        // biome-ignore lint/performance/useDomNodeTextContent: the text as laid out, not hidden text.
        const text = fold(await browser.page.locator("body").innerText());
        return literals.filter((literal) => !text.includes(fold(literal)));
      },
      { timeout: 15_000 },
    )
    .toEqual([]);
  expect(await findings(browser), label).toEqual([]);
}

const heading = (page: Page, name: string) =>
  page.getByRole("heading", { level: 1, name, exact: true });

describe("hostile text is stored and shown inert in Chromium", () => {
  let city: Watched;
  let founder: Watched;
  let cluster: Watched;
  let visitor: Watched;
  // The moderator, whom no other journey uses: renamed and given an organisation of its own here.
  let moderator: Watched;
  const personName = `Lucas ${stamp} ${IMG}`;
  const challengeTitle = line("Flood challenge");
  const solutionTitle = line("Leak solution");
  const organisationName = `Hostile ${stamp} ${SCRIPT} ${SVG}`.slice(0, 120);
  const eventTitle = line("Hostile workshop");
  const teamName = `Team ${stamp} ${SCRIPT}`.slice(0, 80);
  const csvTitle = line("CSV solution");
  const bundleTitle = line("Bundle solution");
  const ids: Record<string, string> = {};
  const proposalChallengeTitle = line("Tender");
  const criterionName = line("Criterion").slice(0, 120);
  /** The city's proposal form: hostile section titles; the bidder's hostile answers. */
  const proposalSections = [
    { key: "approach", title: line("Approach").slice(0, 120), text: markdown },
    { key: "team", title: `${IFRAME} ${ALERT}`, text: line("Team") },
  ];
  let proposalDeadline = 0;
  /** The award's justification (Markdown payloads, shown as plain text) and a contact's note. */
  const awardJustification = `Justified ${stamp}: ${IFRAME}\n\n${markdown}`;
  const contactNote = `${line("Contact note")} ${IFRAME} ${JS_LINK}`;

  beforeAll(async () => {
    [city, founder, cluster, visitor, moderator] = await Promise.all([
      watchedBrowser(),
      watchedBrowser(),
      watchedBrowser(),
      watchedBrowser(),
      watchedBrowser(),
    ]);
  });

  afterAll(async () => {
    for (const browser of [city, founder, cluster, visitor, moderator]) await browser?.close();
  });

  // The journeys below read what this one stores: they run in order, in one file.
  it("stores hostile text through the API as a city, a company, a cluster and a person", async () => {
    await signIn(city.page, "city@demo.city-solutions.org");
    await signIn(founder.page, "founder@demo.city-solutions.org");
    await signIn(cluster.page, "cluster@demo.city-solutions.org");
    await signIn(moderator.page, "moderator@demo.city-solutions.org");
    created(
      await callApi(moderator.page, "PATCH", "/api/v1/me", { name: personName }),
      "person's name",
    );

    // Copenhagen: a published challenge with hostile text and a hostile attachment name.
    const cityId = await organisationOf(city.page, "city");
    const now = Date.now();
    const challenge = created(
      await callApi<{ id: string }>(city.page, "POST", "/api/v1/challenges", {
        organisationId: cityId,
        title: challengeTitle,
        summary: line("Summary"),
        description: markdown,
        sectors: ["water"],
        capabilities: ["water.leak-detection"],
        kpis: [{ metric: line("KPI"), baseline: 1, target: 2, unit: `${SVG}` }],
        budget: { minMinor: 1_000_000, maxMinor: 2_000_000, currency: "EUR" },
        minTrl: 5,
        procurementModel: "pilot_agreement",
        timeline: {
          questionDeadline: new Date(now + 30 * 86_400_000).toISOString(),
          proposalDeadline: new Date(now + 40 * 86_400_000).toISOString(),
          awardDate: new Date(now + 60 * 86_400_000).toISOString(),
        },
        contacts: [{ name: line("Contact"), role: IFRAME, email: "contact@example.dk" }],
      }),
      "challenge",
    );
    ids.challenge = challenge.id;
    created(
      await callApi(
        city.page,
        "POST",
        `/api/v1/challenges/${challenge.id}/attachments?filename=${encodeURIComponent(FILE_NAME)}`,
        undefined,
        { type: "application/pdf", text: PDF },
      ),
      "attachment",
    );
    created(
      await callApi(city.page, "POST", `/api/v1/challenges/${challenge.id}/transitions`, {
        to: "published",
      }),
      "publication",
    );
    const question = created(
      await callApi<{ id: string }>(
        founder.page,
        "POST",
        `/api/v1/challenges/${challenge.id}/questions`,
        { question: line("Question") },
      ),
      "question",
    );
    created(
      await callApi(
        city.page,
        "POST",
        `/api/v1/challenges/${challenge.id}/questions/${question.id}/answer`,
        { answer: line("Answer") },
      ),
      "answer",
    );
    const idea = created(
      await callApi<{ id: string }>(
        moderator.page,
        "POST",
        `/api/v1/challenges/${challenge.id}/ideas`,
        { title: line("Idea"), body: markdown },
      ),
      "idea",
    );
    created(
      await callApi(
        founder.page,
        "POST",
        `/api/v1/challenges/${challenge.id}/ideas/${idea.id}/comments`,
        { body: line("Comment") },
      ),
      "comment",
    );

    // The moderator's new organisation; HydroSense's solution, and its reference with evidence.
    const organisation = created(
      await callApi<{ id: string; slug: string }>(moderator.page, "POST", "/api/v1/organisations", {
        name: organisationName,
        kind: "company",
        country: "DK",
        locality: IFRAME,
        description: markdown,
      }),
      "organisation",
    );
    ids.organisation = organisation.slug ?? organisation.id;
    ids.organisationId = organisation.id;

    // Proposals: Copenhagen publishes a second challenge whose proposal deadline is a minute and
    // a half away, with a hostile proposal form and evaluation criterion, Sofia (the demo city
    // account) chairing an open (not blind) panel; the moderator's hostile organisation submits
    // hostile sections and a hostile file name. The city opens it after the deadline (below).
    const proposalNow = Date.now();
    proposalDeadline = proposalNow + PROPOSAL_DEADLINE_MS;
    const tender = created(
      await callApi<{ id: string }>(city.page, "POST", "/api/v1/challenges", {
        organisationId: cityId,
        title: proposalChallengeTitle,
        summary: line("Summary"),
        description: markdown,
        sectors: ["water"],
        capabilities: ["water.leak-detection"],
        kpis: [],
        budget: { minMinor: 1_000_000, maxMinor: 2_000_000, currency: "EUR" },
        minTrl: 5,
        procurementModel: "pilot_agreement",
        timeline: {
          questionDeadline: new Date(proposalNow + 30_000).toISOString(),
          proposalDeadline: new Date(proposalDeadline).toISOString(),
          awardDate: new Date(proposalNow + 60 * 86_400_000).toISOString(),
        },
        contacts: [{ name: "Sofia Lindqvist", role: "Procurement", email: "sofia@example.dk" }],
      }),
      "proposal challenge",
    );
    ids.tender = tender.id;
    created(
      await callApi(city.page, "PUT", `/api/v1/challenges/${tender.id}/proposal-form`, {
        sections: proposalSections.map(({ key, title }) => ({
          key,
          title,
          guidance: line("Guidance"),
          maxLength: 5000,
        })),
      }),
      "proposal form",
    );
    const chair = await callApi<{ user: { id: string } }>(city.page, "GET", "/api/v1/session");
    created(
      await callApi(city.page, "PUT", `/api/v1/challenges/${tender.id}/evaluation`, {
        criteria: [{ name: criterionName, description: markdown.slice(0, 2000), weight: 100 }],
        panel: [{ userId: chair.body.user.id, role: "chair" }],
        blind: false,
      }),
      "evaluation",
    );
    created(
      await callApi(city.page, "POST", `/api/v1/challenges/${tender.id}/transitions`, {
        to: "published",
      }),
      "proposal challenge publication",
    );
    const bidder = { kind: "organisation", id: organisation.id };
    const annex = created(
      await callApi<{ id: string }>(
        moderator.page,
        "POST",
        `/api/v1/challenges/${tender.id}/proposal-files?filename=${encodeURIComponent(FILE_NAME)}&bidderKind=organisation&bidderId=${organisation.id}`,
        undefined,
        { type: "application/pdf", text: PDF },
      ),
      "proposal file",
    );
    const submitted = created(
      await callApi<{ proposal: { id: string } }>(
        moderator.page,
        "POST",
        `/api/v1/challenges/${tender.id}/proposals`,
        {
          bidder,
          sections: Object.fromEntries(proposalSections.map(({ key, text }) => [key, text])),
          price: { amountMinor: 1_500_000, currency: "EUR" },
          attachments: [annex.id],
        },
      ),
      "proposal",
    );
    ids.proposal = submitted.proposal.id;
    expect(Date.now(), "the proposal went in before its deadline").toBeLessThan(proposalDeadline);
    const providerId = await organisationOf(founder.page, "company");
    const solution = created(
      await callApi<{ id: string }>(founder.page, "POST", "/api/v1/solutions", {
        providerId,
        title: solutionTitle,
        summary: line("Summary"),
        description: markdown,
        sectors: ["water"],
        capabilities: ["water.leak-detection"],
        trl: 7,
      }),
      "solution",
    );
    ids.solution = solution.id;
    const reference = created(
      await callApi<{ id: string }>(
        founder.page,
        "POST",
        `/api/v1/solutions/${solution.id}/references`,
        {
          city: { organisationId: cityId },
          startedOn: "2025-03-01",
          scale: line("Scale"),
          description: markdown,
        },
      ),
      "reference",
    );
    ids.reference = reference.id;
    created(
      await callApi(
        founder.page,
        "POST",
        `/api/v1/references/${reference.id}/evidence?filename=${encodeURIComponent(FILE_NAME)}`,
        undefined,
        { type: "application/pdf", text: PDF },
      ),
      "evidence",
    );

    // Copenhagen hosts a published workshop with a hostile description.
    const event = created(
      await callApi<{ id: string }>(city.page, "POST", "/api/v1/events", {
        hostOrganisationIds: [cityId],
        kind: "workshop",
        title: eventTitle,
        summary: line("Summary"),
        description: markdown,
        startsAt: new Date(now + 20 * 86_400_000).toISOString(),
        endsAt: new Date(now + 20 * 86_400_000 + 3 * 3_600_000).toISOString(),
        timeZone: "Europe/Copenhagen",
        venue: IFRAME,
      }),
      "event",
    );
    ids.event = event.id;
    created(
      await callApi(city.page, "POST", `/api/v1/events/${event.id}/status`, { to: "published" }),
      "event publication",
    );

    // A workshop that took place, with hostile outcome notes and ideas linked to the challenge.
    const past = created(
      await callApi<{ id: string }>(city.page, "POST", "/api/v1/events", {
        hostOrganisationIds: [cityId],
        kind: "workshop",
        title: line("Past workshop"),
        summary: line("Summary"),
        venue: IFRAME,
        startsAt: new Date(now - 2 * 86_400_000).toISOString(),
        endsAt: new Date(now - 2 * 86_400_000 + 3 * 3_600_000).toISOString(),
        timeZone: "Europe/Copenhagen",
      }),
      "past event",
    );
    ids.pastEvent = past.id;
    created(
      await callApi(city.page, "POST", `/api/v1/events/${past.id}/status`, { to: "published" }),
      "past event publication",
    );
    created(
      await callApi(city.page, "PUT", `/api/v1/events/${past.id}/outcomes`, {
        notes: markdown,
        ideas: [{ title: line("Outcome idea"), text: markdown }],
        challengeIds: [challenge.id],
      }),
      "outcomes",
    );

    // Copenhagen hosts a hackathon; the moderator registers, starts a team on the challenge and
    // submits hostile Markdown with a hostile file name.
    const hackathon = created(
      await callApi<{ id: string }>(city.page, "POST", "/api/v1/events", {
        hostOrganisationIds: [cityId],
        kind: "hackathon",
        title: line("Hostile hackathon"),
        summary: line("Summary"),
        startsAt: new Date(now + 10 * 86_400_000).toISOString(),
        endsAt: new Date(now + 11 * 86_400_000).toISOString(),
        timeZone: "Europe/Copenhagen",
        venue: "Copenhagen City Hall",
        challengeIds: [challenge.id],
      }),
      "hackathon event",
    );
    ids.hackathon = hackathon.id;
    created(
      await callApi(city.page, "PUT", `/api/v1/events/${hackathon.id}/hackathon`, {
        minTeamSize: 1,
        maxTeamSize: 5,
        submissionDeadline: new Date(now + 11 * 86_400_000 - 3_600_000).toISOString(),
        criteria: [{ name: line("Criterion").slice(0, 120), description: IMG, weight: 100 }],
      }),
      "hackathon set-up",
    );
    created(
      await callApi(city.page, "POST", `/api/v1/events/${hackathon.id}/status`, {
        to: "published",
      }),
      "hackathon publication",
    );
    created(
      await callApi(moderator.page, "POST", `/api/v1/events/${hackathon.id}/registration`, {}),
      "registration",
    );
    const team = created(
      await callApi<{ id: string }>(
        moderator.page,
        "POST",
        `/api/v1/events/${hackathon.id}/hackathon/teams`,
        { name: teamName, challengeId: challenge.id },
      ),
      "team",
    );
    ids.team = team.id;
    created(
      await callApi(moderator.page, "PUT", `/api/v1/hackathon-teams/${team.id}/submission`, {
        description: markdown,
        repositoryUrl: "https://example.org/repository",
      }),
      "submission",
    );
    created(
      await callApi(
        moderator.page,
        "POST",
        `/api/v1/hackathon-teams/${team.id}/files?filename=${encodeURIComponent(FILE_NAME)}`,
        undefined,
        { type: "application/pdf", text: PDF },
      ),
      "submission file",
    );

    // Address fields take http(s) only: a javascript: address is refused before it is stored.
    const scripted = "javascript:window.__pwned=1";
    const refusals = [
      await callApi(moderator.page, "PUT", `/api/v1/hackathon-teams/${team.id}/submission`, {
        description: "A demo.",
        demoUrl: scripted,
      }),
      await callApi(moderator.page, "PATCH", `/api/v1/organisations/${organisation.id}`, {
        website: scripted,
      }),
      await callApi(founder.page, "PATCH", `/api/v1/solutions/${solution.id}`, {
        referenceLinks: [scripted],
      }),
      await callApi(city.page, "PUT", `/api/v1/events/${event.id}`, {
        hostOrganisationIds: [cityId],
        kind: "workshop",
        title: eventTitle,
        summary: line("Summary"),
        startsAt: new Date(now + 20 * 86_400_000).toISOString(),
        endsAt: new Date(now + 20 * 86_400_000 + 3 * 3_600_000).toISOString(),
        timeZone: "Europe/Copenhagen",
        onlineUrl: scripted,
      }),
    ];
    expect(
      refusals.map((refusal) => [
        refusal.status,
        (refusal.body as { errors?: Array<{ field: string }> } | null)?.errors?.map(
          (error) => error.field,
        ),
      ]),
    ).toEqual([
      [400, ["body.demoUrl"]],
      [400, ["body.website"]],
      [400, ["body.referenceLinks.0"]],
      [400, ["body.onlineUrl"]],
    ]);

    // The cluster imports a bundle through the API (the CSV goes through the page below).
    const bundle = {
      format: "city-solutions-bundle/1",
      solutions: [
        {
          ref: `bundle-${stamp}`,
          organisation: "floodguard-urban",
          title: bundleTitle,
          summary: line("Summary"),
          description: markdown,
          sectors: ["water"],
          capabilities: ["water.leak-detection"],
          trl: 6,
        },
      ],
    };
    const clusterId = await organisationOf(cluster.page, "cluster");
    created(
      await callApi(cluster.page, "POST", `/api/v1/import?cluster=${clusterId}`, undefined, {
        type: "application/json",
        text: JSON.stringify(bundle),
      }),
      "bundle import",
    );
  });

  it("shows a challenge's hostile title, Markdown, attachment name, question and idea as text", async () => {
    const { page } = visitor;
    await page.goto(`${baseUrl()}/challenges/${ids.challenge}`);
    await expect.poll(() => heading(page, challengeTitle).count(), { timeout: 15_000 }).toBe(1);
    await expectInert(visitor, "challenge overview", [
      challengeTitle,
      ...markdownLiterals,
      STORED_FILE_NAME,
    ]);
    // The one safe link of the Markdown stays a link, with rel set (in the description and in
    // the outcomes of the workshop linked to the challenge).
    const safe = await page.getByRole("link", { name: "safe link" }).all();
    expect(safe.length).toBeGreaterThan(0);
    for (const link of safe) {
      expect(await link.getAttribute("href")).toBe("https://example.org/ok");
      expect(await link.getAttribute("rel")).toContain("noopener");
    }
    await expectAccessible(page, "hostile challenge");

    const tabs = page.getByRole("tablist", { name: "About this challenge" });
    await tabs.getByRole("tab", { name: "Q&A" }).click();
    await expectInert(visitor, "challenge questions", [line("Question"), line("Answer")]);
    await tabs.getByRole("tab", { name: "Co-creation" }).click();
    await expectInert(visitor, "challenge ideas", [line("Idea"), personName]);
    const comments = page.getByRole("button", { name: /comment/i }).first();
    if ((await comments.count()) > 0 && (await comments.getAttribute("aria-expanded")) === "false")
      await comments.click();
    await expectInert(visitor, "idea comments", [line("Comment")]);

    await page.goto(`${baseUrl()}/challenges`);
    await expectInert(visitor, "challenge list", [challengeTitle]);
  });

  it("previews hostile Markdown typed into the challenge form as text (rendered in the browser)", async () => {
    const { page } = city;
    await page.goto(`${baseUrl()}/challenges/new`);
    const description = page.getByLabel("Description", { exact: true });
    await expect.poll(() => description.count(), { timeout: 15_000 }).toBe(1);
    await description.fill(markdown);
    await pressButton(page, "Show preview");
    const preview = page.getByRole("region", { name: "Preview of the description" });
    await expect.poll(() => preview.getByText("Hostile", { exact: true }).count()).toBe(1);
    await expectInert(city, "description preview", markdownLiterals);
    // Shown in the preview itself, not only in the text area.
    const shown = ((await preview.textContent()) ?? "").replace(/\s+/g, " ");
    for (const literal of markdownLiterals) expect(shown).toContain(literal);
    await expectAccessible(page, "challenge form with a hostile preview");
  });

  it("shows a hostile person's name, organisation, solution, reference and evidence name as text", async () => {
    await moderator.page.goto(`${baseUrl()}/organisations/${ids.organisation}`);
    await expectInert(moderator, "organisation page", [organisationName, SCRIPT, IMG, SVG]);
    await expectAccessible(moderator.page, "hostile organisation");
    await moderator.page.goto(`${baseUrl()}/account`);
    await expectInert(moderator, "account page", [personName]);

    const { page } = founder;
    await page.goto(`${baseUrl()}/solutions/${ids.solution}`);
    await expect.poll(() => heading(page, solutionTitle).count(), { timeout: 15_000 }).toBe(1);
    await expectInert(founder, "solution page", [solutionTitle, ...markdownLiterals]);
    await expectAccessible(page, "hostile solution");

    await page.goto(`${baseUrl()}/references/${ids.reference}`);
    await expectInert(founder, "reference page", [
      line("Scale"),
      ...markdownLiterals,
      STORED_FILE_NAME,
    ]);
  });

  it("shows a hostile event and a workshop's hostile outcomes as text", async () => {
    const { page } = visitor;
    await page.goto(`${baseUrl()}/events/${ids.event}`);
    await expect.poll(() => heading(page, eventTitle).count(), { timeout: 15_000 }).toBe(1);
    await expectInert(visitor, "event page", [eventTitle, ...markdownLiterals]);
    await expectAccessible(page, "hostile event");
    await page.goto(`${baseUrl()}/events`);
    await expectInert(visitor, "event list", [eventTitle]);
    await page.goto(`${baseUrl()}/events/${ids.pastEvent}`);
    await expectInert(visitor, "workshop outcomes", [line("Outcome idea"), ...markdownLiterals]);
    await expectAccessible(page, "hostile outcomes");
  });

  it("shows a hackathon team's hostile name, submission and file name as text", async () => {
    // The team's member edits the submission: the name and the file's name show, the Markdown
    // comes back verbatim in the form.
    await moderator.page.goto(`${baseUrl()}/events/${ids.hackathon}/hackathon`);
    await expectInert(moderator, "hackathon team", [teamName, STORED_FILE_NAME]);
    await expect
      .poll(() =>
        moderator.page.evaluate(() =>
          [...document.querySelectorAll("textarea")].map((area) => area.value),
        ),
      )
      .toContain(markdown);
    // The host reads it rendered, unfolded from the list of teams.
    const { page } = city;
    await page.goto(`${baseUrl()}/events/${ids.hackathon}/hackathon`);
    const summary = page
      .locator("summary")
      .filter({ hasText: `Read the submission of ${teamName}` });
    await expect.poll(() => summary.count(), { timeout: 15_000 }).toBe(1);
    await summary.click();
    await expectInert(city, "hackathon submission, host's view", [
      teamName,
      ...markdownLiterals,
      STORED_FILE_NAME,
    ]);
    await expectAccessible(page, "hostile hackathon submission");
  });

  it("shows the hostile team, members and submission in the public gallery once winners are announced", async () => {
    // The host closes submissions and announces the hostile team as the winner.
    created(
      await callApi(
        city.page,
        "POST",
        `/api/v1/events/${ids.hackathon}/hackathon/close-submissions`,
        {},
      ),
      "submissions closed",
    );
    created(
      await callApi(city.page, "POST", `/api/v1/events/${ids.hackathon}/hackathon/winners`, {
        winnerTeamIds: [ids.team],
      }),
      "winners announced",
    );
    // A visitor reads the gallery: the team's name, its member's name, the challenge, the
    // Markdown submission rendered and the file's name.
    const { page } = visitor;
    await page.goto(`${baseUrl()}/events/${ids.hackathon}/hackathon`);
    await expect
      .poll(() => page.getByRole("heading", { level: 3, name: "Gallery of submissions" }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await expectInert(visitor, "hackathon gallery", [
      teamName,
      personName,
      challengeTitle,
      ...markdownLiterals,
      STORED_FILE_NAME,
    ]);
    await expectAccessible(page, "hostile hackathon gallery");
  });

  it("imports a hostile CSV through the page and shows it and the bundle's solution as text", async () => {
    const { page } = cluster;
    const lines = [
      "ref,organisation,title,summary,description,sectors,capabilities,trl,countries",
      [
        `csv-${stamp}`,
        "floodguard-urban",
        field(csvTitle),
        field(line("Summary")),
        field(markdown),
        "water",
        "water.leak-detection",
        "6",
        "NL",
      ].join(","),
    ];
    await page.goto(`${baseUrl()}/import`);
    await expect.poll(() => heading(page, "Import solutions").count()).toBe(1);
    await page.getByLabel("File", { exact: true }).setInputFiles({
      name: FILE_NAME.replace(".pdf", ".csv"),
      mimeType: "text/csv",
      buffer: Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8"),
    });
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "The file is imported" }).count())
      .toBe(1);
    await expectInert(cluster, "import report", [`csv-${stamp}`]);
    const written = page.getByRole("table", { name: "Records created or updated" });
    const link = written.getByRole("link", { name: `Solution csv-${stamp}` });
    const address = await link.getAttribute("href");
    expect(address).toMatch(/^\/solutions\/[0-9a-f-]{36}$/);

    await page.goto(`${baseUrl()}${address}`);
    await expect.poll(() => heading(page, csvTitle).count(), { timeout: 15_000 }).toBe(1);
    await expectInert(cluster, "CSV-imported solution", [csvTitle, ...markdownLiterals]);

    await page.goto(`${baseUrl()}/solutions?q=${encodeURIComponent(`Bundle solution ${stamp}`)}`);
    const found = page.getByRole("link", { name: bundleTitle });
    await expect.poll(() => found.count(), { timeout: 15_000 }).toBe(1);
    await found.click();
    await expect.poll(() => heading(page, bundleTitle).count(), { timeout: 15_000 }).toBe(1);
    await expectInert(cluster, "bundle-imported solution", [bundleTitle, ...markdownLiterals]);
  });

  it("shows hostile search queries, in the address and typed, as text", async () => {
    const { page } = visitor;
    const query = `${stamp} ${SCRIPT}${IMG}${IFRAME}`;
    for (const path of ["/solutions", "/challenges", "/organisations"]) {
      await page.goto(`${baseUrl()}${path}?q=${encodeURIComponent(query)}`);
      await expect
        .poll(() => page.getByRole("searchbox").first().inputValue(), { timeout: 15_000 })
        .toBe(query);
      await expectInert(visitor, `${path} searched by address`, []);
    }
    await page.goto(`${baseUrl()}/solutions`);
    const box = page.getByRole("searchbox", { name: "Search" });
    await box.fill(`${SVG} ${ALERT} ${JS_LINK}`);
    await page.waitForURL(/q=/);
    await expectInert(visitor, "catalogue searched by typing", []);
    await box.fill(`Leak solution ${stamp}`);
    const result = page.getByRole("link", { name: solutionTitle });
    await expect.poll(() => result.count(), { timeout: 15_000 }).toBe(1);
    await expectInert(visitor, "catalogue results", [solutionTitle]);
    await expectAccessible(page, "catalogue with a hostile result");
  });

  it(
    "shows a hostile proposal — form, sections, file name, bidder — to its bidder and, after the deadline, to the city's panel as text",
    async () => {
      // The bidder reads its own proposal in the challenge's Proposals tab.
      const proposalsTab = async (browser: Watched) => {
        await browser.page.goto(`${baseUrl()}/challenges/${ids.tender}`);
        const tabs = browser.page.getByRole("tablist", { name: "About this challenge" });
        await expect.poll(() => tabs.count(), { timeout: 15_000 }).toBe(1);
        await tabs.getByRole("tab", { name: "Proposals" }).click();
      };
      const literals = [
        ...proposalSections.flatMap(({ title, text }) => [title, text]),
        STORED_FILE_NAME,
      ];
      await proposalsTab(moderator);
      const content = moderator.page.locator("summary").filter({
        hasText: "Content of the latest revision",
      });
      await expect.poll(() => content.count(), { timeout: 15_000 }).toBe(1);
      await content.click();
      await expectInert(moderator, "proposal, bidder's view", [
        `Your proposal for ${organisationName}`,
        ...literals,
      ]);

      // After the deadline Sofia, the panel's chair, declares no conflict and opens it: the
      // bidder's name (the panel is not blind), the form's titles, the text and the file name.
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, proposalDeadline - Date.now() + 2_000)),
      );
      created(
        await callApi(city.page, "POST", `/api/v1/proposals/${ids.proposal}/declaration`, {
          verdict: "no_conflict",
        }),
        "declaration",
      );
      const { page } = city;
      await proposalsTab(city);
      const open = page.getByRole("button", { name: "Open proposal A" });
      await expect.poll(() => open.count(), { timeout: 15_000 }).toBe(1);
      await open.click();
      const opened = page.locator("summary").filter({ hasText: "Content of the latest revision" });
      await expect.poll(() => opened.count(), { timeout: 15_000 }).toBe(1);
      await opened.click();
      await expectInert(city, "proposal, the panel's view", [
        organisationName,
        criterionName,
        ...literals,
      ]);
      await expectAccessible(page, "hostile proposal opened by the panel");
    },
    PROPOSAL_DEADLINE_MS + 120_000,
  );

  it("shows a hostile award justification, winner and contact note on the public award notice and in the city's contact log as text", async () => {
    // The chair (Sofia, of the open panel) scores the one criterion, records a contact with the
    // bidder's hostile organisation with a hostile note, and awards with a hostile justification.
    const tender = `/api/v1/challenges/${ids.tender}`;
    const setup = created(
      await callApi<{ criteria: Array<{ id: string }> }>(city.page, "GET", `${tender}/evaluation`),
      "evaluation setup",
    );
    created(
      await callApi(city.page, "PUT", `/api/v1/proposals/${ids.proposal}/scores`, {
        scores: setup.criteria.map((criterion) => ({
          criterionId: criterion.id,
          score: 8,
          justification: line("Score"),
        })),
      }),
      "scores",
    );
    created(
      await callApi(city.page, "POST", `${tender}/contacts`, {
        organisationId: ids.organisationId,
        contactAt: new Date().toISOString(),
        channel: "email",
        oneToOne: false,
        subject: contactNote,
      }),
      "contact",
    );
    const notice = created(
      await callApi<{ justification: string; winner: { name: string } }>(
        city.page,
        "POST",
        `${tender}/award`,
        { proposalId: ids.proposal, justification: awardJustification },
      ),
      "award",
    );
    expect(notice.justification).toBe(awardJustification);
    expect(notice.winner.name).toBe(organisationName);

    // Anyone reads the notice: the challenge's title, the winner, the justification, the note.
    const { page } = visitor;
    await page.goto(`${baseUrl()}/challenges/${ids.tender}/award`);
    await expect
      .poll(() => heading(page, `Award of “${proposalChallengeTitle}”`).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await expectInert(visitor, "award notice", [
      proposalChallengeTitle,
      organisationName,
      awardJustification,
      ...markdownLiterals,
      contactNote,
    ]);
    await expectAccessible(page, "hostile award notice");

    // The city reads its contact log in the Proposals tab.
    await city.page.goto(`${baseUrl()}/challenges/${ids.tender}`);
    const tabs = city.page.getByRole("tablist", { name: "About this challenge" });
    await expect.poll(() => tabs.count(), { timeout: 15_000 }).toBe(1);
    await tabs.getByRole("tab", { name: "Proposals" }).click();
    const log = city.page.locator("summary").filter({ hasText: "Contact log" });
    await expect.poll(() => log.count(), { timeout: 15_000 }).toBe(1);
    await log.click();
    await expectInert(city, "contact log, the city's view", [contactNote, organisationName]);
  });

  it("would see a payload that reached the DOM (the checks are not blind)", async () => {
    const { page } = visitor;
    await page.goto(`${baseUrl()}/challenges/${ids.challenge}`);
    await expect.poll(() => heading(page, challengeTitle).count(), { timeout: 15_000 }).toBe(1);
    // As a dangerouslySetInnerHTML without sanitising would put it.
    await page.evaluate(
      ({ markup }) => {
        const box = document.createElement("div");
        box.innerHTML = markup;
        document.body.append(box);
      },
      {
        markup: `${IMG}<a href="javascript:window.__pwned=1">x</a><iframe src="about:blank"></iframe>`,
      },
    );
    const found = await findings(visitor);
    expect(
      found.some((finding) => finding.startsWith("event handler attribute: <img onerror>")),
    ).toBe(true);
    expect(found.some((finding) => finding.startsWith("script or data address: <a>"))).toBe(true);
    expect(found.some((finding) => finding.startsWith("frame: <iframe"))).toBe(true);
    // The policy stops the handler and reports it: the last line of defence, seen as well.
    expect(found.some((finding) => finding.startsWith("policy violation: script-src"))).toBe(true);
    expect(found).not.toContain("window.__pwned is 1");
  });
});
