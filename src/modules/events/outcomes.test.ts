import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../core/testing/http-client.ts";
import { addSolution, organisationWithAdmin } from "../catalogue/test/factories.ts";
import {
  auditMark,
  auditSince,
  type CityTeam,
  cityTeam,
  createDraft,
  platformAdmin,
  publishedChallenge,
  type WatchedPlatform,
  watchedPlatform,
} from "../challenges/test/factories.ts";
import type { Event, EventBody } from "./contract.ts";
import type { ChallengeOutcomes, OutcomesBody, OutcomesView } from "./contract-outcomes.ts";

type Problem = { code: string; errors?: Array<{ field: string; message: string }> };
type Signed = Awaited<ReturnType<WatchedPlatform["signedIn"]>>;

/**
 * Outcomes of workshops and meetings: only the hosts (and admins) record them, once the event
 * ended; whoever sees the event reads them; links are checked; the challenge page lists them.
 */
describe("event outcomes", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let other: CityTeam;
  let admin: Signed;
  let challengeId: string;
  let draftChallengeId: string;
  let solutionId: string;
  let workshopId: string;
  let draftEventId: string;

  const eventBody = (overrides: Partial<EventBody> = {}): EventBody => ({
    hostOrganisationIds: [city.organisationId],
    kind: "workshop",
    title: "Cloudburst co-design workshop",
    summary: "Cities and providers sketch sponge-district pilots together.",
    startsAt: "2026-06-10T08:00:00.000Z",
    endsAt: "2026-06-10T14:00:00.000Z",
    timeZone: "Europe/Copenhagen",
    venue: "Københavns Rådhus",
    ...overrides,
  });
  const createEvent = async (overrides: Partial<EventBody> = {}, publish = true) => {
    const created = await city.member.client.post<Event>("/api/v1/events", eventBody(overrides));
    expect(created.status).toBe(201);
    if (publish) {
      const published = await city.member.client.post(`/api/v1/events/${created.body.id}/status`, {
        to: "published",
      });
      expect(published.status).toBe(200);
    }
    return created.body.id;
  };
  const outcomes = (): OutcomesBody => ({
    notes: "We agreed on **three** pilot streets. <script>alert(1)</script>",
    ideas: [
      { title: "Sponge playgrounds", text: "Schoolyards that hold the first 30 mm." },
      { title: "Basement sensors", text: "" },
    ],
    challengeIds: [challengeId],
    solutionIds: [solutionId],
  });
  const put = (client: TestClient, id: string, body: unknown = outcomes()) =>
    client.put<OutcomesView & Problem>(`/api/v1/events/${id}/outcomes`, body);
  const get = (client: TestClient, id: string) =>
    client.get<OutcomesView & Problem>(`/api/v1/events/${id}/outcomes`);

  beforeAll(async () => {
    platform = await watchedPlatform();
    platform.clock.set("2026-05-04T08:00:00.000Z");
    city = await cityTeam(platform, "Copenhagen");
    other = await cityTeam(platform, "Paris");
    admin = await platformAdmin(platform);
    challengeId = (await publishedChallenge(platform, city)).id;
    draftChallengeId = (await createDraft(platform, city.member.client, city.organisationId)).id;
    const company = await organisationWithAdmin(platform, "company");
    solutionId = (await addSolution(company.admin.client, company.organisation.id)).id;
    workshopId = await createEvent();
    draftEventId = await createEvent({ title: "Draft workshop" }, false);
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  it("waits for the event's end: before it, even the hosts get 409 event_not_over", async () => {
    const early = await put(city.member.client, workshopId);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe("event_not_over");
    expect((await get(city.member.client, workshopId)).body).toEqual({
      outcomes: null,
      canRecord: false,
    });
  });

  it("lets hosts and admins record; anonymous 401, another organisation's member 403; everyone reads", async () => {
    platform.clock.set("2026-06-11T08:00:00.000Z");
    const anonymous = platform.client();
    const mark = await auditMark(platform);
    const refused = await put(anonymous, workshopId);
    expect(refused.status).toBe(401);
    const stranger = await put(other.member.client, workshopId);
    expect(stranger.status).toBe(403);
    expect(stranger.body.code).toBe("not_host");
    expect(await auditSince(platform, mark)).toEqual([]);
    expect((await get(anonymous, workshopId)).body).toEqual({ outcomes: null, canRecord: false });
    expect((await get(city.member.client, workshopId)).body.canRecord).toBe(true);

    const recorded = await put(city.member.client, workshopId);
    expect(recorded.status).toBe(200);
    expect(recorded.body.outcomes).toMatchObject({
      ideas: [
        { title: "Sponge playgrounds", text: "Schoolyards that hold the first 30 mm." },
        { title: "Basement sensors", text: "" },
      ],
      challenges: [{ id: challengeId, title: "Cloudburst management for dense districts" }],
      solutions: [{ id: solutionId }],
      recordedAt: "2026-06-11T08:00:00.000Z",
    });
    // Markdown rendered with raw HTML disabled: the script tag is text, not an element.
    expect(recorded.body.outcomes?.notesHtml).toContain("<strong>three</strong>");
    expect(recorded.body.outcomes?.notesHtml).not.toContain("<script>");
    expect(await auditSince(platform, mark)).toEqual([
      expect.objectContaining({
        action: "event.outcomes_recorded",
        actorId: city.member.userId,
        subjectId: workshopId,
        payload: {
          fields: ["notes", "ideas", "challengeIds", "solutionIds"],
          ideas: 2,
          challengeIds: [challengeId],
          solutionIds: [solutionId],
        },
      }),
    ]);

    for (const client of [anonymous, other.member.client]) {
      const read = await get(client, workshopId);
      expect(read.status).toBe(200);
      expect(read.body.canRecord).toBe(false);
      expect(read.body.outcomes?.ideas).toHaveLength(2);
    }

    // The platform admin revises: the audit names only what changed; recordedAt stays.
    platform.clock.set("2026-06-12T08:00:00.000Z");
    const revisedMark = await auditMark(platform);
    const revised = await put(admin.client, workshopId, { ...outcomes(), solutionIds: [] });
    expect(revised.status).toBe(200);
    expect(revised.body.outcomes).toMatchObject({
      solutions: [],
      recordedAt: "2026-06-11T08:00:00.000Z",
      updatedAt: "2026-06-12T08:00:00.000Z",
    });
    expect((await auditSince(platform, revisedMark))[0]?.payload).toMatchObject({
      fields: ["solutionIds"],
    });
    expect((await put(city.member.client, workshopId)).status).toBe(200);
  });

  it("keeps a draft event's outcomes a 404 to others and refuses them until it is published", async () => {
    for (const client of [platform.client(), other.member.client]) {
      expect((await get(client, draftEventId)).status).toBe(404);
    }
    expect((await put(other.member.client, draftEventId)).status).toBe(404);
    const draft = await put(city.member.client, draftEventId);
    expect(draft.status).toBe(409);
    expect(draft.body.code).toBe("event_not_published");
  });

  it("refuses outcomes for a webinar", async () => {
    const webinar = await createEvent({
      kind: "webinar",
      startsAt: "2026-06-11T09:00:00.000Z",
      endsAt: "2026-06-11T10:00:00.000Z",
    });
    const refused = await put(city.member.client, webinar);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("outcomes_not_for_kind");
  });

  it("answers bad input with 400 naming the field, and writes nothing", async () => {
    const before = (await get(anonymousClient(), workshopId)).body.outcomes;
    const mark = await auditMark(platform);
    const cases: Array<[unknown, string, string]> = [
      [
        { ...outcomes(), challengeIds: [draftChallengeId] },
        "body.challengeIds.0",
        "challenge_not_found",
      ],
      [
        { ...outcomes(), solutionIds: [solutionId, "00000000-0000-4000-8000-000000000000"] },
        "body.solutionIds.1",
        "solution_not_found",
      ],
      [
        { ...outcomes(), ideas: [{ title: " ", text: "" }] },
        "body.ideas.0.title",
        "validation_failed",
      ],
      [
        { ...outcomes(), challengeIds: [challengeId, challengeId] },
        "body.challengeIds.1",
        "validation_failed",
      ],
      [{ ...outcomes(), solutionIds: ["not-an-id"] }, "body.solutionIds.0", "validation_failed"],
      [{ ...outcomes(), extra: true }, "body.extra", "validation_failed"],
    ];
    for (const [body, field, code] of cases) {
      const response = await put(city.member.client, workshopId, body);
      expect(response.status, field).toBe(400);
      expect(response.body.code, field).toBe(code);
      expect(
        response.body.errors?.map((error) => error.field),
        field,
      ).toContain(field);
    }
    expect(await auditSince(platform, mark)).toEqual([]);
    expect((await get(anonymousClient(), workshopId)).body.outcomes).toEqual(before);
  });

  it("lists the outcomes naming a challenge, for its page, published events only", async () => {
    const listed = await platform
      .client()
      .get<ChallengeOutcomes>(`/api/v1/events/outcomes?challengeId=${challengeId}`);
    expect(listed.status).toBe(200);
    expect(listed.body.outcomes).toHaveLength(1);
    expect(listed.body.outcomes[0]).toMatchObject({
      event: { id: workshopId, kind: "workshop", title: "Cloudburst co-design workshop" },
      ideas: [{ title: "Sponge playgrounds" }, { title: "Basement sensors" }],
    });
    const none = await platform
      .client()
      .get<ChallengeOutcomes>(`/api/v1/events/outcomes?challengeId=${draftChallengeId}`);
    expect(none.body.outcomes).toEqual([]);
    const bad = await platform.client().get<Problem>("/api/v1/events/outcomes");
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((error) => error.field)).toContain("query.challengeId");
  });

  const anonymousClient = () => platform.client();
});
