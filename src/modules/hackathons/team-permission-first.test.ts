import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../core/testing/http-client.ts";
import { organisationWithAdmin } from "../organisations/test/factories.ts";
import {
  type CityTeam,
  cityTeam,
  type Person,
  type WatchedPlatform,
  watchedPlatform,
} from "../procurement/test/factories.ts";
import {
  join,
  type Problem,
  publishedHackathon,
  register,
  settingsBody,
} from "./test/factories.ts";

/**
 * Starting a team, and the hackathon's work lists, check who asks before the hackathon's state:
 * someone not registered for the event is refused 403 `not_registered` whether the hackathon is
 * not set up, closed for submissions or has announced its winners (and whatever challenge the
 * body names), so the answer tells an outsider nothing about it. Registered participants still
 * learn why they cannot (409). The free-participants, judging and ranking lists likewise refuse
 * an outsider 403 before saying that the hackathon is not set up (the hosts get the 409).
 */

type Answer = { status: number; body: Problem };

describe("team creation and the hackathon's lists check the caller before the state", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let outsider: Person;
  let participant: Person;
  let eventId: string;
  let challengeIds: string[];

  beforeAll(async () => {
    platform = await watchedPlatform();
    platform.clock.set("2026-05-04T08:00:00.000Z");
    city = await cityTeam(platform, "Nairobi");
    outsider = (await organisationWithAdmin(platform, { kind: "company", name: "Elsewhere Ltd" }))
      .admin;
    participant = await platform.signedIn({ name: "Carol" });
    ({
      event: { id: eventId },
      challengeIds,
    } = await publishedHackathon(platform, city));
  }, 120_000);
  afterAll(() => platform.close());

  const hackathonPath = () => `/api/v1/events/${eventId}/hackathon`;
  const startTeam = (client: TestClient, challengeId: string | null = challengeIds[0]!) =>
    client.post<Problem>(`${hackathonPath()}/teams`, { name: "Late team", challengeId });
  const expectCode = (response: Answer, status: number, code: string) =>
    expect([response.status, response.body.code]).toEqual([status, code]);
  /** An outsider, on a good and a foreign challenge id: 403 not_registered either way. */
  const expectOutsiderRefused = async () => {
    expectCode(await startTeam(outsider.client), 403, "not_registered");
    const foreign = "00000000-0000-4000-8000-000000000000";
    expectCode(await startTeam(outsider.client, foreign), 403, "not_registered");
    // The hosts are not registered either: they may not start a team.
    expectCode(await startTeam(city.member.client), 403, "not_registered");
  };

  it("before the set-up: 403 to an outsider, 409 not_set_up to those who may act", async () => {
    await expectOutsiderRefused();
    await register(participant.client, eventId);
    expectCode(await startTeam(participant.client), 409, "not_set_up");
    // The lists: an outsider is refused for who they are, the hosts told it is not set up.
    const lists = [
      ["free-participants", "not_team_member"],
      ["judging", "not_judge"],
      ["ranking", "not_host"],
    ] as const;
    for (const [list, code] of lists) {
      expectCode(await outsider.client.get<Problem>(`${hackathonPath()}/${list}`), 403, code);
    }
    for (const list of ["free-participants", "ranking"]) {
      expectCode(
        await city.member.client.get<Problem>(`${hackathonPath()}/${list}`),
        409,
        "not_set_up",
      );
    }
  });

  it("after the submissions close and after the winners are announced: 403 to an outsider, 409 to a participant", async () => {
    expect((await city.member.client.put(hackathonPath(), settingsBody())).status).toBe(200);
    // A team that submits, so that winners can be announced.
    const alice = await platform.signedIn({ name: "Alice" });
    const bob = await platform.signedIn({ name: "Bob" });
    await register(alice.client, eventId);
    await register(bob.client, eventId);
    const team = await alice.client.post<{ id: string }>(`${hackathonPath()}/teams`, {
      name: "Alpha",
      challengeId: challengeIds[0],
    });
    expect(team.status).toBe(201);
    await join(alice.client, team.body.id, bob);
    const submitted = await alice.client.put(`/api/v1/hackathon-teams/${team.body.id}/submission`, {
      description: "Swappable batteries at every stage.",
    });
    expect(submitted.status).toBe(200);
    // A foreign challenge is the participant's mistake to be told about while teams are open.
    expectCode(
      await startTeam(participant.client, "00000000-0000-4000-8000-000000000000"),
      400,
      "challenge_not_linked",
    );

    expect((await city.member.client.post(`${hackathonPath()}/close-submissions`)).status).toBe(
      200,
    );
    await expectOutsiderRefused();
    expectCode(await startTeam(participant.client), 409, "submissions_closed");

    const announced = await city.member.client.post(`${hackathonPath()}/winners`, {
      winnerTeamIds: [team.body.id],
    });
    expect(announced.status).toBe(200);
    await expectOutsiderRefused();
    expectCode(await startTeam(participant.client), 409, "results_announced");
  });
});
