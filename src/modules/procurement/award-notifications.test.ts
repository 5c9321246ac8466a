import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "../../core/clock.ts";
import type { TestClient } from "../../core/testing/http-client.ts";
import { declare, defineSetup, scoreAll, setupBody } from "./test/evaluation-factories.ts";
import {
  type CityTeam,
  cityTeam,
  consortiumOf,
  contentBody,
  memberOf,
  openChallenge,
  type Person,
  type Provider,
  passDeadline,
  provider,
  submit,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/**
 * The award and its cancellation are told to the people of every bidder with a live proposal —
 * an organisation's members, each member organisation's of a consortium; winner and others alike, with nothing the public award notice does not show (no score, rank
 * or other bidder) — and to nobody else, followers of the challenge included; a refused award
 * tells nobody.
 */

const SLOW = 120_000;

interface Notice {
  kind: string;
  params: Record<string, string>;
  link: string;
}

async function awardNotices(client: TestClient): Promise<Notice[]> {
  const response = await client.get<{ notifications: Notice[] }>("/api/v1/me/notifications");
  expect(response.status).toBe(200);
  return response.body.notifications
    .filter((notification) => notification.kind.startsWith("award_"))
    .map(({ kind, params, link }) => ({ kind, params, link }));
}

describe("bidders hear of the award and of its cancellation", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let chair: Person;
  let winner: Provider;
  let winnerColleague: Person;
  let runnerUp: Provider;
  let partner: Provider;
  let outsider: Provider;

  beforeAll(async () => {
    platform = await watchedPlatform();
    platform.clock.set("2026-03-02T08:00:00.000Z");
    city = await cityTeam(platform, "Copenhagen");
    chair = city.member;
    winner = await provider(platform, "company", "DK", []);
    winnerColleague = await memberOf(platform, winner.organisation.id, "member");
    runnerUp = await provider(platform, "research", "SE", []);
    partner = await provider(platform, "company", "NO", []);
    outsider = await provider(platform, "company", "FR", []);
  }, SLOW);
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  it(
    "notifies each bidder's people, in the award's and the cancellation's transactions",
    async () => {
      const title = "Cloudburst basins for Østerbro";
      const challenge = await openChallenge(platform, city, title);
      const setup = await defineSetup(
        chair.client,
        challenge.id,
        setupBody([{ userId: chair.userId, role: "chair" }], { blind: false, standstillDays: 10 }),
      );
      // The winner bids alone; the runner-up leads a consortium with a partner, who bids too.
      const consortiumId = await consortiumOf(challenge.id, runnerUp, partner, "Nordic basins");
      const proposals: string[] = [];
      for (const [client, bidder, marker] of [
        [winner.admin.client, { kind: "organisation", id: winner.organisation.id }, "winner"],
        [runnerUp.admin.client, { kind: "consortium", id: consortiumId }, "runner-up"],
      ] as const) {
        const { proposal } = await submit(client, challenge.id, bidder, contentBody(marker));
        proposals.push(proposal.id);
      }
      // The outsider follows the challenge (so it hears of status changes), but did not bid.
      expect(
        (await outsider.admin.client.put(`/api/v1/challenges/${challenge.id}/follow`, undefined))
          .status,
      ).toBe(200);
      passDeadline(platform, challenge.deadline);
      for (const [proposalId, values] of [
        [proposals[0]!, [9, 8, 7]],
        [proposals[1]!, [6, 6, 6]],
      ] as const) {
        expect((await declare(chair.client, proposalId, "no_conflict")).status).toBe(200);
        expect((await scoreAll(chair.client, proposalId, setup, [...values])).status).toBe(200);
      }
      const path = `/api/v1/challenges/${challenge.id}/award`;

      const decidedAt = platform.clock.now();
      const awarded = await chair.client.post(path, {
        proposalId: proposals[0],
        justification: "Best weighted score: fewer flooded basements for the money.",
      });
      expect(awarded.status).toBe(200);
      const until = new Date(decidedAt.getTime() + 10 * DAY);
      const made: Notice = {
        kind: "award_made",
        // Only the challenge and the standstill's end: the same for the winner and the others.
        params: {
          challenge: title,
          until: until.toISOString(),
        },
        link: `/challenges/${challenge.id}/award`,
      };
      for (const person of [winner.admin, winnerColleague, runnerUp.admin, partner.admin]) {
        expect(await awardNotices(person.client)).toEqual([made]);
      }
      for (const person of [outsider.admin, chair]) {
        expect(await awardNotices(person.client)).toEqual([]);
      }
      // A refused award (one is live already) tells nobody anything more.
      const twice = await chair.client.post(path, {
        proposalId: proposals[1],
        justification: "A second live award must be refused outright.",
      });
      expect(twice.status).toBe(409);
      for (const person of [winner.admin, partner.admin]) {
        expect(await awardNotices(person.client)).toEqual([made]);
      }

      platform.clock.advance(DAY);
      const reason = "A complaint was upheld: the price criterion was applied wrongly.";
      const cancelled = await chair.client.post(`${path}/cancellation`, { reason });
      expect(cancelled.status).toBe(200);
      const withdrawn: Notice = {
        kind: "award_cancelled",
        params: { challenge: title, reason },
        link: `/challenges/${challenge.id}/award`,
      };
      for (const person of [winner.admin, winnerColleague, runnerUp.admin, partner.admin]) {
        expect(await awardNotices(person.client)).toEqual([withdrawn, made]);
      }
      for (const person of [outsider.admin, chair]) {
        expect(await awardNotices(person.client)).toEqual([]);
      }
    },
    SLOW,
  );
});
