import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../core/testing/http-client.ts";
import { declare, defineSetup, setupBody } from "./test/evaluation-factories.ts";
import {
  type CityTeam,
  cityTeam,
  contentBody,
  memberOf,
  openChallenge,
  type Person,
  passDeadline,
  provider,
  submit,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/**
 * Locking the technical scores and awarding check who asks before the evaluation's state: a
 * caller outside the owning city is refused 403 whatever the state (no evaluation defined, before
 * the deadline, during the evaluation), so the answer tells an outsider nothing about it. The
 * city's own people, who may read the setup anyway, still learn why they cannot (409).
 */

type Problem = { code: string; status: number };

const lock = (client: TestClient, challengeId: string) =>
  client.post<Problem>(`/api/v1/challenges/${challengeId}/evaluation/lock-technical`, {});
const award = (client: TestClient, challengeId: string) =>
  client.post<Problem>(`/api/v1/challenges/${challengeId}/award`, {
    proposalId: "00000000-0000-4000-8000-000000000000",
    justification: "The best value for the city.",
  });

describe("the chair's evaluation steps check the caller before the state", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let outsider: Person;
  let otherCity: CityTeam;
  let undefinedChallenge: string;
  let definedChallenge: { id: string; deadline: Date };

  beforeAll(async () => {
    platform = await watchedPlatform();
    city = await cityTeam(platform);
    otherCity = await cityTeam(platform, "Lisbon");
    outsider = (await provider(platform, "company", "NO", [])).admin;
    undefinedChallenge = (await openChallenge(platform, city, "No evaluation defined")).id;
    definedChallenge = await openChallenge(platform, city, "An evaluation defined");
    const evaluator = await memberOf(platform, city.organisationId, "member");
    await defineSetup(
      city.admin.client,
      definedChallenge.id,
      setupBody([
        { userId: city.admin.userId, role: "chair" },
        { userId: evaluator.userId, role: "evaluator" },
      ]),
    );
  }, 120_000);
  afterAll(() => platform.close());

  it("refuses an outsider 403 when no evaluation is defined (not 409 evaluation_not_defined)", async () => {
    for (const caller of [outsider.client, otherCity.admin.client]) {
      const locked = await lock(caller, undefinedChallenge);
      expect([locked.status, locked.body.code]).toEqual([403, "not_chair"]);
      const awarded = await award(caller, undefinedChallenge);
      expect([awarded.status, awarded.body.code]).toEqual([403, "not_chair"]);
    }
  });

  it("tells the owning city's people that no evaluation is defined", async () => {
    for (const caller of [city.admin.client, city.member.client]) {
      const locked = await lock(caller, undefinedChallenge);
      expect([locked.status, locked.body.code]).toEqual([409, "evaluation_not_defined"]);
      const awarded = await award(caller, undefinedChallenge);
      expect([awarded.status, awarded.body.code]).toEqual([409, "evaluation_not_defined"]);
    }
  });

  it("refuses an outsider 403 before and after the deadline, where the chair gets the state's answer", async () => {
    // Before the deadline the chair is told the evaluation is not open; the outsider only "no".
    expect((await lock(outsider.client, definedChallenge.id)).status).toBe(403);
    expect((await award(outsider.client, definedChallenge.id)).status).toBe(403);
    expect((await lock(city.admin.client, definedChallenge.id)).body.code).toBe(
      "evaluation_not_open",
    );
    // A member of the city off the chair is refused as well.
    expect((await lock(city.member.client, definedChallenge.id)).status).toBe(403);

    passDeadline(platform, definedChallenge.deadline);
    // In the blind phase the chair would be told the award waits for the lock (409).
    expect((await award(city.admin.client, definedChallenge.id)).body.code).toBe("blind_phase");
    const outsiderAward = await award(outsider.client, definedChallenge.id);
    expect([outsiderAward.status, outsiderAward.body.code]).toEqual([403, "not_chair"]);
    const outsiderLock = await lock(otherCity.admin.client, definedChallenge.id);
    expect([outsiderLock.status, outsiderLock.body.code]).toEqual([403, "not_chair"]);
  });
});

describe("declaring a conflict checks the caller's place in the city before the stage", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let stayed: Person;
  let left: Person;
  let proposalId: string;

  beforeAll(async () => {
    platform = await watchedPlatform();
    city = await cityTeam(platform);
    const bidder = await provider(platform, "company", "DK", []);
    const challenge = await openChallenge(platform, city, "A panel member leaves the city");
    stayed = await memberOf(platform, city.organisationId, "member");
    left = await memberOf(platform, city.organisationId, "member");
    await defineSetup(
      city.admin.client,
      challenge.id,
      setupBody([
        { userId: city.admin.userId, role: "chair" },
        { userId: stayed.userId, role: "evaluator" },
        { userId: left.userId, role: "evaluator" },
      ]),
    );
    const { proposal } = await submit(
      bidder.admin.client,
      challenge.id,
      { kind: "organisation", id: bidder.organisation.id },
      contentBody("left the city"),
    );
    proposalId = proposal.id;
    passDeadline(platform, challenge.deadline);
    const gone = await left.client.delete(
      `/api/v1/organisations/${city.organisationId}/members/${left.userId}`,
    );
    expect(gone.status).toBe(204);
  }, 120_000);
  afterAll(() => platform.close());

  it("refuses a seat kept by someone who left the city 403 (not 409 evaluation_not_open), and takes the others'", async () => {
    const formerMember = await declare(left.client, proposalId, "no_conflict");
    expect([formerMember.status, (formerMember.body as unknown as Problem).code]).toEqual([
      403,
      "not_on_panel",
    ]);
    // The evaluation is open: those still in the city declare, and learn when it is final (409).
    expect((await declare(stayed.client, proposalId, "no_conflict")).status).toBe(200);
    const again = await declare(stayed.client, proposalId, "no_conflict");
    expect([again.status, (again.body as unknown as Problem).code]).toEqual([
      409,
      "declaration_final",
    ]);
  });
});
