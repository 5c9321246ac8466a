import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../app/demo.ts";
import { type WatchedPlatform, watchedPlatform } from "../challenges/test/factories.ts";
import type { EventList } from "../events/contract.ts";
import { cityIdsByName } from "../organisations/index.ts";
import type { Hackathon } from "./contract.ts";

describe("demo hackathon", () => {
  let platform: WatchedPlatform;
  let eventId: string;

  beforeAll(async () => {
    platform = await watchedPlatform();
    await seedDemoData(platform.ctx, await cityIdsByName(platform.database.db));
    const events = await platform.client().get<EventList>("/api/v1/events?kind=hackathon");
    eventId = events.body.events.find(
      (event) => event.title === "Nairobi e-mobility hackathon",
    )!.id;
  }, 240_000);
  afterAll(async () => {
    expect(platform.serverErrors).toEqual([]);
    await platform.close();
  });

  it("gives the Nairobi hackathon challenges, criteria, a judge and two teams", async () => {
    const hackathon = await platform.client().get<Hackathon>(`/api/v1/events/${eventId}/hackathon`);
    expect(hackathon.status).toBe(200);
    expect(hackathon.body).toMatchObject({
      setUp: true,
      minTeamSize: 2,
      maxTeamSize: 5,
      submissionsOpen: true,
      judges: [{ name: "Mikkel Andersen" }],
    });
    expect(hackathon.body.challenges.map((challenge) => challenge.title).sort()).toEqual([
      "E-bus depot charging without grid reinforcement",
      "Flood early warning for informal settlements",
    ]);
    expect(hackathon.body.criteria.reduce((sum, criterion) => sum + criterion.weight, 0)).toBe(100);
    expect(
      hackathon.body.teams.map((team) => [team.name, team.memberCount, team.submitted]),
    ).toEqual([
      ["Boda Volt", 2, true],
      ["FloodWatch Mathare", 2, false],
    ]);
  });

  it("seeds it once: seeding again adds nothing", async () => {
    await seedDemoData(platform.ctx, await cityIdsByName(platform.database.db));
    const hackathon = await platform.client().get<Hackathon>(`/api/v1/events/${eventId}/hackathon`);
    expect(hackathon.body.teams).toHaveLength(2);
    expect(hackathon.body.judges).toHaveLength(1);
  });
});
