import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  addSolution,
  organisationWithAdmin,
  type Person,
  type Problem,
  postSolution,
  solutionBody,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/** Odd input gets a 4xx that names the problem, never a 500. */
describe("catalogue: odd input", () => {
  let platform: WatchedPlatform;
  let owner: Person;
  let providerId: string;

  beforeAll(async () => {
    platform = await watchedPlatform();
    const made = await organisationWithAdmin(platform, "company");
    owner = made.admin;
    providerId = made.organisation.id;
    await addSolution(owner.client, providerId);
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  it.each([
    "q=the",
    "q=!!!",
    "q=a%20%26%20%7C%20!%20%3A*",
    "q=%22unterminated",
    "q=-leak",
    "q=%27%3B%20drop%20table%20solutions%3B--",
    "capability=WATER",
    "capability=water.unknown-thing",
    "sector=water&sector=energy&sort=trl",
    "q=leak&sort=newest",
  ])("searches with %s", async (query) => {
    const response = await platform.client().get(`/api/v1/solutions?${query}`);
    expect(response.status).toBe(200);
  });

  it.each([
    ["q=a%00b", "query.q"],
    ["cursor=not-a-cursor", "query.cursor"],
    [`cursor=${"x".repeat(600)}`, "query.cursor"],
    ["capability=water..leaks", "query.capability.0"],
    ["country=FRA", "query.country"],
    ["limit=0", "query.limit"],
    ["unknown=1", "query.unknown"],
  ])("refuses %s naming %s", async (query, field) => {
    const response = await platform.client().get<Problem>(`/api/v1/solutions?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((e) => e.field)).toContain(field);
  });

  it("refuses NUL characters in text fields", async () => {
    const response = await postSolution(
      owner.client,
      solutionBody(providerId, {
        title: "Leak\u0000sensors",
        summary: "Finds leaks\u0000 early, really.",
      }),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(["body.title", "body.summary"]),
    );
  });

  it("answers 404 for unknown ids and codes, 400 for malformed ones", async () => {
    const client = platform.client();
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await client.get(`/api/v1/solutions/${unknown}`)).status).toBe(404);
    expect((await client.get("/api/v1/solutions/not-a-uuid")).status).toBe(400);
    expect((await client.get("/api/v1/capabilities/water.unknown-thing")).status).toBe(404);
    expect((await client.get("/api/v1/capabilities/Not%20A%20Code")).status).toBe(400);
    expect((await client.get(`/api/v1/organisations/${unknown}/solutions`)).status).toBe(404);
    expect((await owner.client.get(`/api/v1/portfolios/${unknown}`)).status).toBe(404);
  });

  it("refuses a solution for an organisation that does not exist", async () => {
    const admin = await platform.signedIn({
      platformRoles: ["admin"],
      totpSecret: (await import("../accounts/index.ts")).newTotpSecret(),
    });
    const response = await postSolution(
      admin.client,
      solutionBody("00000000-0000-4000-8000-000000000000"),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.field).toBe("body.providerId");
  });
});
