import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../app/demo.ts";
import type { ChallengeCatalogue } from "../challenges/contract.ts";
import { type WatchedPlatform, watchedPlatform } from "../challenges/test/factories.ts";
import { cityIdsByName } from "../organisations/index.ts";
import type { EventList } from "./contract.ts";
import type { ChallengeOutcomes, OutcomesView } from "./contract-outcomes.ts";

describe("demo events", () => {
  let platform: WatchedPlatform;

  beforeAll(async () => {
    platform = await watchedPlatform();
    await seedDemoData(platform.ctx, await cityIdsByName(platform.database.db));
  }, 240_000);
  afterAll(async () => {
    expect(platform.serverErrors).toEqual([]);
    await platform.close();
  });

  it("records the past Lisbon meeting's outcomes, shown on the Baixa challenge's page", async () => {
    const anonymous = platform.client();
    const past = await anonymous.get<EventList>("/api/v1/events?when=past");
    const lisbon = past.body.events.find((event) => event.title.startsWith("Heat-resilient"));
    expect(lisbon).toBeDefined();
    const view = await anonymous.get<OutcomesView>(`/api/v1/events/${lisbon!.id}/outcomes`);
    expect(view.status).toBe(200);
    expect(view.body.canRecord).toBe(false);
    expect(view.body.outcomes).toMatchObject({
      ideas: [
        { title: "Joint pilot of reflective street surfaces" },
        { title: "Shade sails procured as a framework" },
      ],
      challenges: [{ title: "Urban heat: cool streets in Baixa" }],
      solutions: [{ title: "Reflective cool roof coating" }],
    });
    const catalogue = await anonymous.get<ChallengeCatalogue>("/api/v1/challenges?limit=100");
    const baixa = catalogue.body.challenges.find((c) => c.title.includes("Baixa"))!;
    const onChallenge = await anonymous.get<ChallengeOutcomes>(
      `/api/v1/events/outcomes?challengeId=${baixa.id}`,
    );
    expect(onChallenge.body.outcomes.map((outcome) => outcome.event.id)).toEqual([lisbon!.id]);
  });
});
