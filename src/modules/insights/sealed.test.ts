import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type CityTeam,
  cityTeam,
  contentBody,
  openChallenge,
  type Provider,
  passDeadline,
  provider,
  submit,
  type WatchedPlatform,
  watchedPlatform,
} from "../procurement/test/factories.ts";
import type { Dashboard } from "./contract.ts";

/** Proposals are sealed until their call closes: not even their count is published before. */
describe("insights: proposals counted only once their call has closed", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let bidder: Provider;
  let challenge: { id: string; deadline: Date };

  beforeAll(async () => {
    platform = await watchedPlatform();
    city = await cityTeam(platform, "Copenhagen");
    bidder = await provider(platform, "company", "DK", ["adaptation.stormwater"]);
    challenge = await openChallenge(platform, city);
    await submit(
      bidder.admin.client,
      challenge.id,
      { kind: "organisation", id: bidder.organisation.id },
      contentBody("SEALED-MARKER"),
    );
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const proposalsOn = async (path: string) => {
    const response = await platform.client().get<Dashboard>(path);
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).not.toContain("SEALED-MARKER");
    return response.body.proposals;
  };
  const paths = () => [
    "/api/v1/insights/network",
    `/api/v1/insights/cities/${city.organisationId}`,
    `/api/v1/insights/providers/${bidder.organisation.id}`,
    "/api/v1/insights/sectors/water",
  ];

  it("counts none while the call is open, then the live one", async () => {
    for (const path of paths()) expect(await proposalsOn(path), path).toBe(0);
    passDeadline(platform, challenge.deadline);
    for (const path of paths()) expect(await proposalsOn(path), path).toBe(1);
    expect(await proposalsOn("/api/v1/insights/sectors/energy")).toBe(0);
  });
});
