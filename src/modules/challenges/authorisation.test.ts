import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../../app/testing.ts";
import { seedUser } from "../accounts/index.ts";
import type { Challenge, Idea } from "./contract.ts";
import {
  type CityTeam,
  cityTeam,
  createDraft,
  type Person,
  platformAdmin,
  publishedChallenge,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/** The pairs not covered by the feature suites: who may, who may not, and odd requests. */
describe("challenges authorisation and robustness", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let otherCity: CityTeam;
  let company: Person;
  let unverified: Person;
  let admin: Person;
  let challenge: Challenge;
  let path: string;

  beforeAll(async () => {
    platform = await watchedPlatform();
    city = await cityTeam(platform, "Copenhagen");
    otherCity = await cityTeam(platform, "Oslo");
    company = await platform.signedIn();
    admin = await platformAdmin(platform);
    const email = `unverified.${Date.now()}@example.org`;
    const user = await seedUser(platform.ctx, {
      email,
      name: "Not Yet",
      password: TEST_PASSWORD,
      verified: false,
    });
    const client = platform.client();
    await client.post("/api/v1/session", { email, password: TEST_PASSWORD });
    await client.refreshSession();
    unverified = { client, userId: user.id, email };
    challenge = await publishedChallenge(platform, city);
    path = `/api/v1/challenges/${challenge.id}`;
  });
  afterAll(async () => {
    expect(platform.serverErrors).toEqual([]);
    await platform.close();
  });

  it("gives each caller the abilities the policy decides", async () => {
    const forCity = (await city.member.client.get<Challenge>(path)).body.abilities;
    expect(forCity).toMatchObject({ edit: false, extendTimeline: true, answer: true, ask: false });
    expect(forCity.moderate).toBe(false);
    expect((await city.admin.client.get<Challenge>(path)).body.abilities.moderate).toBe(true);
    const forCompany = (await company.client.get<Challenge>(path)).body.abilities;
    expect(forCompany).toMatchObject({
      edit: false,
      extendTimeline: false,
      transitions: [],
      ask: true,
      answer: false,
      contribute: true,
      follow: true,
      seeAskers: false,
    });
    const forAnonymous = (await platform.client().get<Challenge>(path)).body.abilities;
    expect(Object.values(forAnonymous).filter((value) => value === true)).toEqual([]);
    const forAdmin = (await admin.client.get<Challenge>(path)).body.abilities;
    expect(forAdmin).toMatchObject({ seeAskers: true, moderate: true, edit: false });
  });

  it("keeps people who have not confirmed their e-mail to reading", async () => {
    expect((await unverified.client.get(path)).status).toBe(200);
    const tries = [
      await unverified.client.put(`${path}/follow`, undefined),
      await unverified.client.post(`${path}/questions`, { question: "Unverified question here?" }),
      await unverified.client.post(`${path}/ideas`, {
        title: "Unverified idea",
        body: "People who have not confirmed their address do not post.",
      }),
      await unverified.client.post("/api/v1/me/saved-searches", { name: "Mine", filters: {} }),
    ];
    // Refused either way: without a session (sign-in may ask for the confirmation first) or 403.
    for (const response of tries) expect([401, 403]).toContain(response.status);
  });

  it("lets only the owning city move its challenge, and platform admins only read drafts", async () => {
    const to = { to: "cancelled", reason: "Testing who may cancel." };
    expect((await platform.client().post(`${path}/transitions`, to)).status).toBe(401);
    expect((await otherCity.admin.client.post(`${path}/transitions`, to)).status).toBe(403);
    expect((await admin.client.post(`${path}/transitions`, to)).status).toBe(403);
    const draft = await createDraft(platform, city.member.client, city.organisationId);
    const draftPath = `/api/v1/challenges/${draft.id}`;
    expect((await admin.client.get(draftPath)).status).toBe(200);
    expect((await admin.client.patch(draftPath, { title: "Admin edit attempt" })).status).toBe(403);
    expect(
      (await company.client.post(`${draftPath}/questions`, { question: "Question on a draft?" }))
        .status,
    ).toBe(404);
    expect((await company.client.get(`${draftPath}/questions`)).status).toBe(404);
    expect((await company.client.get(`${draftPath}/ideas`)).status).toBe(404);
  });

  it("answers unknown ids with 404 and odd uploads with 4xx, never 500", async () => {
    const unknown = "/api/v1/challenges/00000000-0000-4000-8000-000000000000";
    expect((await platform.client().get(unknown)).status).toBe(404);
    expect((await company.client.get(`${path}/ideas/not-an-id`)).status).toBe(404);
    const idea = await company.client.post<Idea>(`${path}/ideas`, {
      title: "A real idea",
      body: "An idea so that the comment routes have something to hang on.",
    });
    expect(
      (
        await company.client.post(
          `${path}/ideas/${idea.body.id}/comments/00000000-0000-4000-8000-000000000000/hide`,
          { reason: "Testing an unknown comment" },
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await admin.client.post(
          `${path}/ideas/${idea.body.id}/comments/00000000-0000-4000-8000-000000000000/hide`,
          { reason: "Testing an unknown comment" },
        )
      ).status,
    ).toBe(404);
    const upload = (headers: Record<string, string>, body: string | Buffer) =>
      city.member.client.request("POST", `${path}/attachments?filename=a.pdf`, {
        rawBody: body,
        headers,
      });
    expect((await upload({ "content-type": "application/pdf" }, Buffer.alloc(0))).status).toBe(415);
    // The declared type is ignored: JSON is text, stored and served as text/plain.
    const json = await upload({ "content-type": "application/json" }, '{"a":1}');
    expect((json.body as { contentType: string }).contentType).toBe("text/plain");
    expect((await upload({}, "%PDF-1.4 no type given")).status).toBeLessThan(500);
    const noName = await city.member.client.request("POST", `${path}/attachments`, {
      rawBody: "%PDF-1.4",
      headers: { "content-type": "application/pdf" },
    });
    expect(noName.status).toBe(400);
    expect(
      (
        await otherCity.member.client.request("POST", `${path}/attachments?filename=a.pdf`, {
          rawBody: "%PDF-1.4",
          headers: { "content-type": "application/pdf" },
        })
      ).status,
    ).toBe(403);
  });
});
