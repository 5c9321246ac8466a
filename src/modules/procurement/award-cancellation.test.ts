import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "../../core/clock.ts";
import { auditMark, auditSince } from "../challenges/test/factories.ts";
import type { AwardNotice, EvaluationSetup } from "./contract-evaluation.ts";
import { reachAward } from "./test/evaluation-factories.ts";
import {
  type CityTeam,
  cityTeam,
  memberOf,
  type Person,
  type Problem,
  type Provider,
  platformAdmin,
  provider,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/**
 * The chair cancels an award during the standstill (docs/procurement.md, "Cancelling an award"):
 * who may, when, what is written (the award kept as cancelled, the audit event, nothing on a bad
 * request), and that the chair may award again. The notice shows the cancellation; OCDS's award
 * status is checked against the schema in ocds.test.ts.
 */

const SLOW = 120_000;

describe("cancelling an award during the standstill", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let chair: Person;
  let evaluator: Person;
  let offPanel: Person;
  let admin: Person;
  let other: Provider;
  let winner: Provider;
  let runnerUp: Provider;

  beforeAll(async () => {
    platform = await watchedPlatform();
    platform.clock.set("2026-03-02T08:00:00.000Z");
    city = await cityTeam(platform, "Copenhagen");
    chair = city.member;
    evaluator = await memberOf(platform, city.organisationId, "member");
    offPanel = city.admin;
    admin = await platformAdmin(platform);
    other = await provider(platform, "company", "FR", []);
    winner = await provider(platform, "company", "DK", []);
    runnerUp = await provider(platform, "research", "SE", []);
  }, SLOW);
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const path = (id: string) => `/api/v1/challenges/${id}/award/cancellation`;
  const notice = (id: string) =>
    platform.client().get<AwardNotice>(`/api/v1/challenges/${id}/award-notice`);

  const evaluated = (title: string, awarded = true) =>
    reachAward(platform, { city, chair, evaluators: [evaluator], winner, runnerUp }, title, {
      awarded,
    });

  it(
    "lets only the chair cancel, refuses a bad reason writing nothing, keeps the award as cancelled, and awards again",
    async () => {
      const challenge = await evaluated("Cloudburst basins for Østerbro");
      const reason = "A complaint was upheld: the price criterion was applied wrongly.";

      // Who may: only the chair.
      expect((await platform.client().post(path(challenge.id), { reason })).status).toBe(401);
      for (const [who, person] of [
        ["another organisation", other.admin],
        ["the winning bidder", winner.admin],
        ["a city member off the panel", offPanel],
        ["a panel member who is not chair", evaluator],
        ["a platform admin", admin],
      ] as const) {
        const refused = await person.client.post<Problem>(path(challenge.id), { reason });
        expect(refused.status, who).toBe(403);
        expect(refused.body.code, who).toBe("not_chair");
      }

      // A bad reason: 400 naming the field, and nothing written.
      const mark = await auditMark(platform);
      for (const body of [
        {},
        { reason: "too short" },
        { reason: "   short    " },
        { reason: "x".repeat(2001) },
        { reason: 42 },
      ]) {
        const bad = await chair.client.post<Problem>(path(challenge.id), body);
        expect(bad.status, JSON.stringify(body)).toBe(400);
        expect(bad.body.code).toBe("validation_failed");
        expect(bad.body.errors?.map((error) => error.field)).toContain("body.reason");
      }
      expect(await auditSince(platform, mark)).toEqual([]);
      expect((await notice(challenge.id)).body.cancellation).toBeNull();

      // The chair cancels: the award stays, marked cancelled, with the trimmed reason and date.
      const cancelledAt = platform.clock.now().toISOString();
      const cancelled = await chair.client.post<AwardNotice>(path(challenge.id), {
        reason: `  ${reason}  `,
      });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.cancellation).toEqual({ cancelledAt, reason });
      expect(cancelled.body.final).toBe(false);
      const events = await auditSince(platform, mark);
      expect(events).toEqual([
        {
          action: "evaluation.award_cancelled",
          actorId: chair.userId,
          subjectId: challenge.id,
          payload: {
            awardId: expect.any(String),
            proposalId: challenge.won.proposal.id,
            reason,
          },
        },
        {
          action: "challenge.status_changed",
          actorId: chair.userId,
          subjectId: challenge.id,
          payload: { from: "awarded", to: "evaluation", reason },
        },
      ]);

      // Anyone reads the notice: the winner named, cancelled, with why and when.
      const published = await notice(challenge.id);
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({
        winner: { name: winner.organisation.name },
        cancellation: { cancelledAt, reason },
        cancelledAwards: [],
      });

      // The integrity record lists the step, with its reason.
      const record = await platform.client().get<{
        steps: Array<{ action: string; details: Record<string, string>; intact: boolean }>;
      }>(`/api/v1/challenges/${challenge.id}/integrity`);
      const step = record.body.steps.find((entry) => entry.action === "evaluation.award_cancelled");
      expect(step).toMatchObject({ details: { reason }, intact: true });

      // The evaluation is open again: the chair may award, not cancel.
      const setup = await chair.client.get<EvaluationSetup>(
        `/api/v1/challenges/${challenge.id}/evaluation`,
      );
      expect(setup.body.stage).toBe("evaluation");
      expect(setup.body.abilities).toMatchObject({ award: true, cancelAward: false });
      // The challenge itself is back in evaluation.
      const reopened = await platform
        .client()
        .get<{ status: string }>(`/api/v1/challenges/${challenge.id}`);
      expect(reopened.body.status).toBe("evaluation");
      const again = await chair.client.post<Problem>(path(challenge.id), { reason });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe("no_live_award");

      // A new award after the cancellation: one live award, the cancelled one listed with it.
      platform.clock.advance(DAY);
      const reAwarded = await chair.client.post<AwardNotice>(
        `/api/v1/challenges/${challenge.id}/award`,
        {
          proposalId: challenge.lost.proposal.id,
          justification: "Re-scored after the complaint: the runner-up gives the best value.",
        },
      );
      expect(reAwarded.status).toBe(200);
      expect(reAwarded.body).toMatchObject({
        winner: { name: runnerUp.organisation.name },
        cancellation: null,
        final: false,
        cancelledAwards: [
          { winner: { name: winner.organisation.name }, cancellation: { cancelledAt, reason } },
        ],
      });
      const twice = await chair.client.post<Problem>(`/api/v1/challenges/${challenge.id}/award`, {
        proposalId: challenge.won.proposal.id,
        justification: "A second live award must be refused outright.",
      });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe("award_exists");
      const afterReAward = await chair.client.get<EvaluationSetup>(
        `/api/v1/challenges/${challenge.id}/evaluation`,
      );
      expect(afterReAward.body.stage).toBe("standstill");
      expect(afterReAward.body.abilities.cancelAward).toBe(true);
      const challengePage = await platform
        .client()
        .get<{ status: string }>(`/api/v1/challenges/${challenge.id}`);
      expect(challengePage.body.status).toBe("awarded");
      const statusEvents = (await auditSince(platform, mark))
        .filter((event) => event.action === "challenge.status_changed")
        .map((event) => event.payload);
      expect(statusEvents).toEqual([
        { from: "awarded", to: "evaluation", reason },
        { from: "evaluation", to: "awarded", reason: null },
      ]);
    },
    SLOW,
  );

  it(
    "refuses after the standstill (409 award_final) and without an award (409 no_live_award)",
    async () => {
      const reason = "An error in the scores was found after the decision.";
      const unawarded = await evaluated("Green roofs for Nørrebro", false);
      const none = await chair.client.post<Problem>(path(unawarded.id), { reason });
      expect(none.status).toBe(409);
      expect(none.body.code).toBe("no_live_award");

      const challenge = await evaluated("Rain gardens for Vesterbro");
      platform.clock.advance(10 * DAY);
      const mark = await auditMark(platform);
      const late = await chair.client.post<Problem>(path(challenge.id), { reason });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe("award_final");
      expect(await auditSince(platform, mark)).toEqual([]);
      const published = await notice(challenge.id);
      expect(published.body).toMatchObject({ final: true, cancellation: null });
      // Someone who is not the chair still learns nothing about the award's state.
      const outsider = await evaluator.client.post<Problem>(path(challenge.id), { reason });
      expect(outsider.status).toBe(403);
    },
    SLOW,
  );
});
