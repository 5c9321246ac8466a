import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemoData } from "../../app/demo.ts";
import type { ChallengeCatalogue } from "../challenges/contract.ts";
import { cityIdsByName } from "../organisations/index.ts";
import type { TeamSuggestions } from "./contract.ts";
import { type WatchedPlatform, watchedPlatform } from "./test/factories.ts";

describe("consortia in the demo", () => {
  let platform: WatchedPlatform;

  beforeAll(async () => {
    platform = await watchedPlatform();
    await seedDemoData({ ...platform.ctx, demo: true }, await cityIdsByName(platform.database.db));
    // Eight demo accounts hash their passwords with scrypt: slow on a busy machine.
  }, 180_000);
  afterAll(async () => {
    expect(platform.serverErrors).toEqual([]);
    await platform.close();
  });

  it("has a published challenge a team of demo providers covers, which the cluster manager can start", async () => {
    const catalogue = await platform
      .client()
      .get<ChallengeCatalogue>("/api/v1/challenges?limit=100");
    const cloudburst = catalogue.body.challenges.find((challenge) =>
      challenge.title.startsWith("Cloudburst management"),
    )!;
    expect(cloudburst.status).toBe("published");
    const suggestions = await platform
      .client()
      .get<TeamSuggestions>(`/api/v1/challenges/${cloudburst.id}/team-suggestions`);
    expect(suggestions.status).toBe(200);
    const best = suggestions.body.teams[0]!;
    expect(best.members.map((member) => member.organisation.name).sort()).toEqual([
      "FloodGuard Urban",
      "HydroSense Analytics",
    ]);

    const manager = platform.client();
    const signIn = await manager.post("/api/v1/session", {
      email: "cluster@demo.city-solutions.org",
      password: DEMO_PASSWORD,
    });
    expect(signIn.status).toBe(200);
    await manager.refreshSession();
    const memberships = await manager.get<{
      memberships: Array<{ role: string; organisation: { id: string; kind: string } }>;
    }>("/api/v1/me/organisations");
    const cluster = memberships.body.memberships.find(
      (entry) => entry.role === "admin" && entry.organisation.kind === "cluster",
    )!;
    const started = await manager.post<{ id: string; invitations: unknown[] }>(
      "/api/v1/consortia",
      {
        challengeId: cloudburst.id,
        leadOrganisationId: cluster.organisation.id,
        name: "Nordic cloudburst consortium",
        fromSuggestion: true,
        invitations: best.members.map((member) => ({
          organisationId: member.organisation.id,
          capabilities: member.brings,
        })),
      },
    );
    expect(started.status).toBe(201);
    expect(started.body.invitations).toHaveLength(2);
  });
});
