import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addSolution, memberOf, organisationWithAdmin } from "../catalogue/test/factories.ts";
import {
  cityTeam,
  createDraft,
  type Person,
  publishedChallenge,
  type WatchedPlatform,
  watchedPlatform,
} from "../challenges/test/factories.ts";

interface Listed {
  notifications: Array<{ kind: string; params: Record<string, string>; link: string }>;
}

describe("alerts: providers told when a challenge that fits them is published", () => {
  let platform: WatchedPlatform;
  let fitting: { admin: Person; member: Person };
  let unrelated: Person;

  beforeAll(async () => {
    platform = await watchedPlatform();
    const company = await organisationWithAdmin(platform, "company", { country: "DK" });
    fitting = {
      admin: company.admin,
      member: await memberOf(platform, company.organisation.id, "member"),
    };
    await addSolution(company.admin.client, company.organisation.id, {
      title: "Cloudburst retention streets",
      summary: "Streets that hold and drain cloudburst rain before it floods basements.",
      sectors: ["adaptation", "water"],
      capabilities: ["adaptation.stormwater"],
      trl: 8,
      countriesDeployed: ["DK", "SE", "NL"],
    });
    const other = await organisationWithAdmin(platform, "company", { country: "DK" });
    unrelated = other.admin;
    await addSolution(other.admin.client, other.organisation.id, {
      title: "School canteen food waste scales",
      summary: "Scales that weigh plate waste in school canteens and report it weekly.",
      sectors: ["food"],
      capabilities: ["food.food-waste-prevention"],
      trl: 8,
    });
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const matches = async (person: Person) =>
    (await person.client.get<Listed>("/api/v1/me/notifications")).body.notifications.filter(
      (notification) => notification.kind === "challenge_match",
    );

  it("tells every member of the fitting provider, with the fit and the coverage, once", async () => {
    const team = await cityTeam(platform, "Copenhagen");
    await createDraft(platform, team.member.client, team.organisationId);
    await platform.runJobs();
    expect(await matches(fitting.admin)).toEqual([]);

    const challenge = await publishedChallenge(platform, team, { minTrl: 6 });
    await platform.runJobs();
    for (const person of [fitting.admin, fitting.member]) {
      const told = await matches(person);
      expect(told).toHaveLength(1);
      expect(told[0]!.params).toMatchObject({
        challenge: challenge.title,
        city: "Copenhagen",
        solution: "Cloudburst retention streets",
        covered: "1",
        required: "1",
      });
      expect(Number.parseInt(told[0]!.params.fit!, 10)).toBeGreaterThanOrEqual(60);
      expect(told[0]!.link).toBe(`/challenges/${challenge.id}#recommendations`);
    }
    expect(await matches(unrelated)).toEqual([]);
    // The job ran once: running the queue again tells nobody twice.
    await platform.runJobs();
    expect(await matches(fitting.admin)).toHaveLength(1);
  });
});
