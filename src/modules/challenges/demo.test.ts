import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../app/demo.ts";
import { scanAuditChain } from "../../core/audit/chain.ts";
import { cityIdsByName } from "../organisations/index.ts";
import type { ChallengeCatalogue, ClarificationList } from "./contract.ts";
import { type WatchedPlatform, watchedPlatform } from "./test/factories.ts";

describe("demo challenges", () => {
  let platform: WatchedPlatform;

  beforeAll(async () => {
    platform = await watchedPlatform();
    await seedDemoData(platform.ctx, await cityIdsByName(platform.database.db));
  });
  afterAll(async () => {
    expect(platform.serverErrors).toEqual([]);
    await platform.close();
  });

  it("seeds at least eight published challenges and every later status, drafts hidden", async () => {
    const catalogue = await platform
      .client()
      .get<ChallengeCatalogue>("/api/v1/challenges?limit=100");
    const statuses = catalogue.body.challenges.map((challenge) => challenge.status);
    expect(statuses.filter((status) => status === "published").length).toBeGreaterThanOrEqual(8);
    for (const status of ["evaluation", "awarded", "piloting", "implemented", "cancelled"]) {
      expect(statuses).toContain(status);
    }
    expect(statuses).not.toContain("draft");
    const cloudburst = catalogue.body.challenges.find((c) => c.title.startsWith("Cloudburst"))!;
    expect(cloudburst.city.name).toBe("Copenhagen");
    expect(cloudburst.ideaCount).toBe(2);
    const questions = await platform
      .client()
      .get<ClarificationList>(`/api/v1/challenges/${cloudburst.id}/questions`);
    expect(questions.body.clarifications.length).toBe(2);
  });

  it("leaves an audit chain that verifies, although the demo's clock starts months back", async () => {
    const scan = await scanAuditChain(platform.database.db);
    expect(scan.firstBreak).toBeNull();
    expect(scan.count).toBeGreaterThan(50);
  });
});
