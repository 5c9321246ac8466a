import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "../../core/clock.ts";
import type { Challenge } from "../challenges/contract.ts";
import { auditMark, auditSince, publishedChallenge } from "../challenges/test/factories.ts";
import type { EvaluationSetup } from "./contract-evaluation.ts";
import { declare, defineSetup, scoreAll, setupBody } from "./test/evaluation-factories.ts";
import {
  type CityTeam,
  cityTeam,
  contentBody,
  type Person,
  type Provider,
  passDeadline,
  provider,
  submit,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/**
 * While an award's standstill runs the chair may still cancel it, so the city may not move the
 * challenge on from `awarded` to piloting or implemented (procurement's guard on the challenge's
 * lifecycle): 409 standstill_running saying until when, nothing written. After the standstill
 * the step is taken; cancelling the challenge stays possible throughout. The other way round, a
 * challenge the city moved on to piloting by hand before any award here refuses the award (409
 * challenge_moved_on): cancelled later, it would leave the challenge piloting with none.
 */

const SLOW = 120_000;

interface Refusal {
  code: string;
  detail: string;
  params?: Record<string, string>;
}

describe("the award's standstill holds the challenge at awarded", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let chair: Person;
  let bidder: Provider;
  let follower: Provider;

  beforeAll(async () => {
    platform = await watchedPlatform();
    platform.clock.set("2026-03-02T08:00:00.000Z");
    city = await cityTeam(platform, "Copenhagen");
    chair = city.member;
    bidder = await provider(platform, "company", "DK", []);
    follower = await provider(platform, "company", "FR", []);
  }, SLOW);
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const page = (id: string) => platform.client().get<Challenge>(`/api/v1/challenges/${id}`);
  const move = (id: string, to: string, reason?: string) =>
    city.admin.client.post<Refusal>(`/api/v1/challenges/${id}/transitions`, {
      to,
      ...(reason ? { reason } : {}),
    });
  const statusNotices = async () =>
    (
      await follower.admin.client.get<{ notifications: Array<{ kind: string }> }>(
        "/api/v1/me/notifications",
      )
    ).body.notifications.filter((notification) => notification.kind === "challenge_status").length;

  /** A published challenge of the model with its panel (the chair) and one proposal. */
  async function tendered(title: string, procurementModel: Challenge["procurementModel"]) {
    const challenge = await publishedChallenge(platform, city, { title, procurementModel });
    const setup = await defineSetup(
      chair.client,
      challenge.id,
      setupBody([{ userId: chair.userId, role: "chair" }], { blind: false, standstillDays: 10 }),
    );
    expect(
      (await follower.admin.client.put(`/api/v1/challenges/${challenge.id}/follow`, undefined))
        .status,
    ).toBe(200);
    const { proposal } = await submit(
      bidder.admin.client,
      challenge.id,
      { kind: "organisation", id: bidder.organisation.id },
      contentBody("bidder"),
    );
    return {
      id: challenge.id,
      deadline: new Date(challenge.timeline.proposalDeadline!),
      setup,
      proposal,
    };
  }

  /** Past its deadline (unless the clock is already), scored and awarded: standstill 10 days. */
  async function awardNow(challenge: Awaited<ReturnType<typeof tendered>>) {
    if (platform.clock.now() <= challenge.deadline) passDeadline(platform, challenge.deadline);
    const { proposal } = challenge;
    expect((await declare(chair.client, proposal.id, "no_conflict")).status).toBe(200);
    expect((await scoreAll(chair.client, proposal.id, challenge.setup, [8, 7, 6])).status).toBe(
      200,
    );
    const decidedAt = platform.clock.now();
    const award = await chair.client.post(`/api/v1/challenges/${challenge.id}/award`, {
      proposalId: proposal.id,
      justification: "The only proposal, and it meets every criterion well.",
    });
    expect(award.status).toBe(200);
    return { id: challenge.id, standstillEndsAt: new Date(decidedAt.getTime() + 10 * DAY) };
  }

  const awarded = async (title: string, model: Challenge["procurementModel"]) =>
    awardNow(await tendered(title, model));

  it(
    "refuses piloting and implemented during the standstill writing nothing, and allows them after",
    async () => {
      // Both tendered at once, so both standstills run together.
      const tenders = [
        await tendered("Sponge streets for Amager", "pre_commercial"),
        await tendered("Cloudburst tunnel for Nørrebro", "competitive_dialogue"),
      ];
      const pilot = await awardNow(tenders[0]!);
      const direct = await awardNow(tenders[1]!);
      platform.clock.advance(9 * DAY);
      // The city's page offers no step the standstill refuses; cancelling stays on offer.
      const offered = async (id: string) =>
        (await city.admin.client.get<Challenge>(`/api/v1/challenges/${id}`)).body.abilities
          .transitions;
      expect(await offered(pilot.id)).not.toContain("piloting");
      expect(await offered(direct.id)).not.toContain("implemented");
      expect(await offered(pilot.id)).toContain("cancelled");

      for (const [challenge, to] of [
        [pilot, "piloting"],
        [direct, "piloting"],
        [direct, "implemented"],
      ] as const) {
        const before = await page(challenge.id);
        const notices = await statusNotices();
        const mark = await auditMark(platform);
        const refused = await move(challenge.id, to);
        expect(refused.status, to).toBe(409);
        expect(refused.body.code).toBe("standstill_running");
        const until = challenge.standstillEndsAt;
        expect(refused.body.detail).toContain(until.toISOString());
        expect(refused.body.params).toEqual({
          until: `${until.toISOString().slice(0, 16).replace("T", " ")} UTC`,
          standstillEndsAt: until.toISOString(),
        });
        // Nothing written: no audit event, status, announcement or notification.
        expect(await auditSince(platform, mark)).toEqual([]);
        const after = await page(challenge.id);
        expect(after.body.status).toBe("awarded");
        expect(after.body.announcements).toEqual(before.body.announcements);
        expect(await statusNotices()).toBe(notices);
      }

      // The chair may still cancel the award, and the challenge goes back to evaluation.
      const cancelled = await chair.client.post(
        `/api/v1/challenges/${direct.id}/award/cancellation`,
        {
          reason: "A complaint about the scoring was upheld by the city.",
        },
      );
      expect(cancelled.status).toBe(200);
      expect((await page(direct.id)).body.status).toBe("evaluation");

      // The last minute of the standstill is still refused; its end is not.
      platform.clock.set(new Date(pilot.standstillEndsAt.getTime() - 1));
      expect((await move(pilot.id, "piloting")).body.code).toBe("standstill_running");
      platform.clock.set(pilot.standstillEndsAt);
      expect(await offered(pilot.id)).toContain("piloting");
      const mark = await auditMark(platform);
      const moved = await move(pilot.id, "piloting");
      expect(moved.status).toBe(200);
      expect((await page(pilot.id)).body.status).toBe("piloting");
      expect((await auditSince(platform, mark)).map((event) => event.payload)).toEqual([
        { from: "awarded", to: "piloting", reason: null },
      ]);
    },
    SLOW,
  );

  it(
    "lets the city cancel the challenge during the standstill",
    async () => {
      const challenge = await awarded("Rain gardens for Valby", "pilot_agreement");
      const cancelled = await move(
        challenge.id,
        "cancelled",
        "The council withdrew the budget for the programme.",
      );
      expect(cancelled.status).toBe(200);
      expect((await page(challenge.id)).body.status).toBe("cancelled");
    },
    SLOW,
  );

  it(
    "serialises a move to piloting with the award's cancellation: never piloting without an award",
    async () => {
      const challenge = await awarded("Blue-green roofs for Sydhavn", "innovation_partnership");
      const [cancelled, moved] = await Promise.all([
        chair.client.post(`/api/v1/challenges/${challenge.id}/award/cancellation`, {
          reason: "An error in the price criterion was found by the chair.",
        }),
        move(challenge.id, "piloting"),
      ]);
      expect(cancelled.status).toBe(200);
      expect(moved.status).toBe(409);
      // Refused by the standstill, or (cancellation first) because evaluation leads not there.
      expect(["standstill_running", "transition_not_allowed"]).toContain(moved.body.code);
      expect((await page(challenge.id)).body.status).toBe("evaluation");
    },
    SLOW,
  );
  it(
    "refuses the award on a challenge the city moved on to piloting by hand, writing nothing; awarded by hand it still awards",
    async () => {
      const awardBody = (proposalId: string) => ({
        proposalId,
        justification: "The only proposal, and it meets every criterion well.",
      });
      const bidderNotices = async () =>
        (
          await bidder.admin.client.get<{ notifications: Array<{ kind: string }> }>(
            "/api/v1/me/notifications",
          )
        ).body.notifications.filter((notification) => notification.kind.startsWith("award_"))
          .length;
      const scored = async (title: string, model: Challenge["procurementModel"]) => {
        const challenge = await tendered(title, model);
        if (platform.clock.now() <= challenge.deadline) passDeadline(platform, challenge.deadline);
        expect((await declare(chair.client, challenge.proposal.id, "no_conflict")).status).toBe(
          200,
        );
        expect(
          (await scoreAll(chair.client, challenge.proposal.id, challenge.setup, [8, 7, 6])).status,
        ).toBe(200);
        return challenge;
      };

      // By hand, with no award on the platform: evaluation → awarded → piloting (no standstill).
      const moved = await scored("Permeable paving for Vesterbro", "pre_commercial");
      for (const to of ["evaluation", "awarded", "piloting"]) {
        expect((await move(moved.id, to)).status, to).toBe(200);
      }
      const setup = await chair.client.get<EvaluationSetup>(
        `/api/v1/challenges/${moved.id}/evaluation`,
      );
      expect(setup.body.stage).toBe("evaluation");
      expect(setup.body.abilities.award).toBe(false);
      const notices = await bidderNotices();
      const mark = await auditMark(platform);
      const refused = await chair.client.post<Refusal>(
        `/api/v1/challenges/${moved.id}/award`,
        awardBody(moved.proposal.id),
      );
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe("challenge_moved_on");
      expect(refused.body.detail).toContain("piloting");
      expect(refused.body.params).toEqual({ status: "piloting" });
      // Nothing written: no award (no notice), no audit event, no bidder told.
      expect(await auditSince(platform, mark)).toEqual([]);
      expect(
        (await platform.client().get(`/api/v1/challenges/${moved.id}/award-notice`)).status,
      ).toBe(404);
      expect(await bidderNotices()).toBe(notices);
      expect((await page(moved.id)).body.status).toBe("piloting");

      // Moved to awarded by hand only: the chair records the award, the challenge stays awarded,
      // and a cancellation takes it back to evaluation.
      const byHand = await scored("Green roofs for Nordvest", "competitive_dialogue");
      for (const to of ["evaluation", "awarded"]) {
        expect((await move(byHand.id, to)).status, to).toBe(200);
      }
      const awarded = await chair.client.post(
        `/api/v1/challenges/${byHand.id}/award`,
        awardBody(byHand.proposal.id),
      );
      expect(awarded.status).toBe(200);
      expect((await page(byHand.id)).body.status).toBe("awarded");
      expect((await move(byHand.id, "piloting")).body.code).toBe("standstill_running");
      const cancelled = await chair.client.post(
        `/api/v1/challenges/${byHand.id}/award/cancellation`,
        { reason: "An error in the price criterion was found by the chair." },
      );
      expect(cancelled.status).toBe(200);
      expect((await page(byHand.id)).body.status).toBe("evaluation");
    },
    SLOW,
  );
});
