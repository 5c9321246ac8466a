import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DAY } from "../../core/clock.ts";
import type { Challenge } from "../challenges/contract.ts";
import { auditMark, auditSince, createDraft } from "../challenges/test/factories.ts";
import type { BidderRef } from "./contract.ts";
import type {
  Advice,
  AdvisorAnswersInput,
  ProcurementPlan,
  ProcurementPlanBody,
} from "./contract-advisor.ts";
import {
  type CityTeam,
  cityTeam,
  contentBody,
  type Person,
  type Problem,
  type Provider,
  passDeadline,
  platformAdmin,
  provider,
  submit,
  type WatchedPlatform,
  watchedPlatform,
} from "./test/factories.ts";

/** What decides a PCP: R&D, nothing on the market, no purchase after. */
const pcpAnswers: AdvisorAnswersInput = {
  marketSolution: "no",
  trl: 4,
  estimatedValue: { amountMinor: 150_000_000, currency: "EUR" },
  rdNeeded: true,
  buyAfterPilot: false,
  needWellDefined: true,
};

type Answer = ProcurementPlan & Problem;

describe("procurement plans", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let otherCity: CityTeam;
  let company: Provider;
  let admin: Person;
  let draft: Challenge;

  beforeAll(async () => {
    platform = await watchedPlatform();
    city = await cityTeam(platform, "Copenhagen");
    otherCity = await cityTeam(platform, "Paris");
    company = await provider(platform, "company", "DK", []);
    admin = await platformAdmin(platform);
  });
  beforeEach(async () => {
    platform.clock.set("2026-01-15T09:00:00.000Z");
    draft = await createDraft(platform, city.member.client, city.organisationId, {
      procurementModel: "pilot_agreement",
    });
  });
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const planPath = (id = draft.id) => `/api/v1/challenges/${id}/procurement-plan`;
  const put = (client: Person["client"], body: ProcurementPlanBody, id = draft.id) =>
    client.put<Answer>(planPath(id), body);
  const get = (client: Person["client"], id = draft.id) => client.get<Answer>(planPath(id));
  const applyPcp = async () => {
    const response = await put(city.member.client, {
      answers: pcpAnswers,
      chosenModel: "pre_commercial",
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };

  describe("advice", () => {
    it("answers anyone signed in, statelessly; anonymous visitors 401", async () => {
      const advice = await company.admin.client.post<Advice & Problem>(
        "/api/v1/procurement/advice",
        pcpAnswers,
      );
      expect(advice.status).toBe(200);
      expect(advice.body.recommended).toBe("pre_commercial");
      expect(advice.body.ranking).toHaveLength(6);
      const anonymous = await platform
        .client()
        .post<Problem>("/api/v1/procurement/advice", pcpAnswers);
      expect(anonymous.status).toBe(401);
    });

    it("names each invalid answer (400 with field and why)", async () => {
      const response = await city.member.client.post<Problem>("/api/v1/procurement/advice", {
        ...pcpAnswers,
        trl: 12,
        marketSolution: "maybe",
        estimatedValue: { amountMinor: 1.5, currency: "EURO" },
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe("validation_failed");
      const fields = response.body.errors!.map((error) => error.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          "body.trl",
          "body.marketSolution",
          "body.estimatedValue.amountMinor",
          "body.estimatedValue.currency",
        ]),
      );
    });
  });

  describe("applying a plan to a draft", () => {
    it("sets the challenge's model and deadlines, with default PCP phases narrowing 5 → 3 → 2", async () => {
      const mark = await auditMark(platform);
      const plan = await applyPcp();
      expect(plan.model).toBe("pre_commercial");
      expect(plan.inSync).toBe(true);
      expect(plan.phases.map((phase) => [phase.key, phase.maxBidders])).toEqual([
        ["solution_design", 5],
        ["prototype", 3],
        ["field_test", 2],
      ]);
      // The draft's own deadlines fit, so they are kept; phases follow the award date.
      expect(plan.timeline.proposalDeadline).toBe(draft.timeline.proposalDeadline);
      expect(Date.parse(plan.phases[0]!.startsAt)).toBeGreaterThanOrEqual(
        Date.parse(draft.timeline.awardDate!),
      );
      expect(plan.advisor?.advice.recommended).toBe("pre_commercial");
      expect(plan.abilities).toEqual({ edit: true, admit: false });
      const challenge = await city.member.client.get<Challenge>(`/api/v1/challenges/${draft.id}`);
      expect(challenge.body.procurementModel).toBe("pre_commercial");

      const events = await auditSince(platform, mark);
      expect(events.map((event) => event.action)).toEqual([
        "challenge.updated",
        "procurement_plan.set",
      ]);
      expect(events[1]).toMatchObject({
        actorId: city.member.userId,
        subjectId: draft.id,
        payload: { model: "pre_commercial", recommended: "pre_commercial", deviationReason: null },
      });
    });

    it("takes the city's dates, and says which phase date is wrong and why", async () => {
      const award = Date.parse(draft.timeline.awardDate!);
      const at = (days: number) => new Date(award + days * DAY).toISOString();
      const timeline = {
        questionDeadline: draft.timeline.questionDeadline!,
        proposalDeadline: draft.timeline.proposalDeadline!,
        awardDate: draft.timeline.awardDate!,
      };
      const good = await put(city.member.client, {
        answers: pcpAnswers,
        chosenModel: "pre_commercial",
        timeline,
        phases: [
          { startsAt: at(1), endsAt: at(60), maxBidders: 4 },
          { startsAt: at(60), endsAt: at(200), maxBidders: 3 },
          { startsAt: at(200), endsAt: at(400), maxBidders: 1 },
        ],
      });
      expect(good.status).toBe(200);
      expect(good.body.phases.map((phase) => phase.maxBidders)).toEqual([4, 3, 1]);

      const bad = await put(city.member.client, {
        answers: pcpAnswers,
        chosenModel: "pre_commercial",
        timeline,
        phases: [
          { startsAt: at(-5), endsAt: at(60), maxBidders: 4 },
          { startsAt: at(50), endsAt: at(40), maxBidders: 5 },
          { startsAt: at(200), endsAt: at(400), maxBidders: null },
        ],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe("plan_invalid");
      expect(bad.body.errors).toEqual(
        expect.arrayContaining([
          { field: "body.phases.0.startsAt", message: "must not be before the award date" },
          { field: "body.phases.1.endsAt", message: "must be after the phase's start" },
          {
            field: "body.phases.1.startsAt",
            message: "must not be before the previous phase ends",
          },
          {
            field: "body.phases.1.maxBidders",
            message: "must not exceed the previous phase's: the phases narrow the bidders",
          },
          {
            field: "body.phases.2.maxBidders",
            message: "is required: a pre-commercial phase admits at most this many bidders",
          },
        ]),
      );

      const wrongCount = await put(city.member.client, {
        answers: pcpAnswers,
        chosenModel: "pilot_agreement",
        deviationReason: "Council prefers a quick pilot of a near-ready product.",
        timeline,
        phases: [{ startsAt: at(1), endsAt: at(60), maxBidders: 2 }],
      });
      expect(wrongCount.status).toBe(400);
      expect(wrongCount.body.errors?.[0]?.field).toBe("body.phases");

      const unordered = await put(city.member.client, {
        answers: pcpAnswers,
        chosenModel: "pre_commercial",
        timeline: { ...timeline, awardDate: timeline.questionDeadline },
      });
      expect(unordered.status).toBe(400);
      expect(unordered.body.errors).toContainEqual({
        field: "body.timeline.awardDate",
        message: "must be after the proposal deadline",
      });
    });

    it("lets the city deviate from the advice, with a reason on record", async () => {
      const body: ProcurementPlanBody = { answers: pcpAnswers, chosenModel: "innovation_prize" };
      const refused = await put(city.member.client, body);
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[0]?.field).toBe("body.deviationReason");
      const mark = await auditMark(platform);
      const reason = "The council funds a prize programme this year, not R&D contracts.";
      const accepted = await put(city.member.client, { ...body, deviationReason: reason });
      expect(accepted.status).toBe(200);
      expect(accepted.body.model).toBe("innovation_prize");
      expect(accepted.body.advisor).toMatchObject({ deviationReason: reason });
      expect(accepted.body.phases.map((phase) => phase.key)).toEqual([
        "entries",
        "judging",
        "award",
      ]);
      expect(accepted.body.phases.every((phase) => phase.maxBidders === null)).toBe(true);
      const [, planEvent] = await auditSince(platform, mark);
      expect(planEvent?.payload).toMatchObject({
        model: "innovation_prize",
        recommended: "pre_commercial",
        deviationReason: reason,
      });
    });

    it("changes only while the challenge is a draft (409 plan_locked)", async () => {
      await applyPcp();
      const published = await city.member.client.post(
        `/api/v1/challenges/${draft.id}/transitions`,
        { to: "published" },
      );
      expect(published.status).toBe(200);
      const response = await put(city.member.client, {
        answers: pcpAnswers,
        chosenModel: "pre_commercial",
      });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe("plan_locked");
    });
  });

  describe("who reads and writes the plan", () => {
    const body: ProcurementPlanBody = { answers: pcpAnswers, chosenModel: "pre_commercial" };

    it("writes: only the owning city's members", async () => {
      expect((await put(platform.client(), body)).status).toBe(401);
      // A draft is invisible to outsiders: 404, as if it did not exist.
      expect((await put(company.admin.client, body)).status).toBe(404);
      expect((await put(otherCity.member.client, body)).status).toBe(404);
      const byAdmin = await put(admin.client, body);
      expect(byAdmin.status).toBe(403);
      expect((await put(city.admin.client, body)).status).toBe(200);
      expect((await put(city.member.client, body)).status).toBe(200);
    });

    it("reads a draft's plan: its city's members and platform admins; a published one: everyone", async () => {
      await applyPcp();
      expect((await get(platform.client())).status).toBe(404);
      expect((await get(company.admin.client)).status).toBe(404);
      expect((await get(otherCity.member.client)).status).toBe(404);
      const byAdmin = await get(admin.client);
      expect(byAdmin.status).toBe(200);
      expect(byAdmin.body.advisor).not.toBeNull();
      expect(byAdmin.body.abilities).toEqual({ edit: false, admit: false });

      await city.member.client.post(`/api/v1/challenges/${draft.id}/transitions`, {
        to: "published",
      });
      for (const client of [platform.client(), company.admin.client, otherCity.member.client]) {
        const response = await get(client);
        expect(response.status).toBe(200);
        expect(response.body.phases).toHaveLength(3);
        // The city's reasoning stays the city's.
        expect(response.body.advisor).toBeNull();
        expect(response.body.abilities).toEqual({ edit: false, admit: false });
      }
      const mine = await get(city.member.client);
      expect(mine.body.advisor?.answers.marketSolution).toBe("no");
    });

    it("answers null for a challenge without a plan (an ordinary state, not an error)", async () => {
      const response = await get(city.member.client);
      expect(response.status).toBe(200);
      expect(response.body).toBeNull();
    });
  });

  describe("PCP narrowing", () => {
    let bidders: Provider[];
    const ref = (bidder: Provider): BidderRef => ({
      kind: "organisation",
      id: bidder.organisation.id,
    });
    const admit = (client: Person["client"], n: number, admitted: BidderRef[], reason?: string) =>
      client.post<Answer>(`${planPath()}/phases/${n}/admissions`, {
        bidders: admitted,
        reason: reason ?? "Best solution designs by the published criteria.",
      });

    beforeAll(async () => {
      bidders = [];
      for (const country of ["DK", "SE", "NL", "DE"]) {
        bidders.push(await provider(platform, "company", country, []));
      }
    });

    /** A published PCP with maxima 3 → 2 → 1, four proposals, moved to evaluation. */
    async function runningPcp(): Promise<ProcurementPlan> {
      const award = Date.parse(draft.timeline.awardDate!);
      const at = (days: number) => new Date(award + days * DAY).toISOString();
      const plan = await put(city.member.client, {
        answers: pcpAnswers,
        chosenModel: "pre_commercial",
        timeline: {
          questionDeadline: draft.timeline.questionDeadline!,
          proposalDeadline: draft.timeline.proposalDeadline!,
          awardDate: draft.timeline.awardDate!,
        },
        phases: [
          { startsAt: at(1), endsAt: at(60), maxBidders: 3 },
          { startsAt: at(60), endsAt: at(200), maxBidders: 2 },
          { startsAt: at(200), endsAt: at(400), maxBidders: 1 },
        ],
      });
      expect(plan.status).toBe(200);
      const published = await city.member.client.post(
        `/api/v1/challenges/${draft.id}/transitions`,
        { to: "published" },
      );
      expect(published.status).toBe(200);
      for (const [index, bidder] of bidders.entries()) {
        await submit(bidder.admin.client, draft.id, ref(bidder), contentBody(`bid ${index}`));
      }
      passDeadline(platform, new Date(draft.timeline.proposalDeadline!));
      const evaluation = await city.member.client.post(
        `/api/v1/challenges/${draft.id}/transitions`,
        { to: "evaluation" },
      );
      expect(evaluation.status).toBe(200);
      return plan.body;
    }

    it("admits at most the phase's maximum, from the live bidders, then only from the previous phase, after it ends", async () => {
      await runningPcp();
      const view = await get(city.member.client);
      expect(view.body.abilities.admit).toBe(true);
      expect(view.body.admissionCandidates?.phase).toBe(1);
      expect(view.body.admissionCandidates?.bidders.map((bidder) => bidder.id).sort()).toEqual(
        bidders.map((bidder) => bidder.organisation.id).sort(),
      );
      // Nobody else learns who bid.
      expect((await get(company.admin.client)).body.admissionCandidates).toBeNull();

      const tooMany = await admit(city.member.client, 1, bidders.map(ref));
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.errors).toContainEqual({
        field: "body.bidders",
        message: "at most 3 bidders may be admitted to this phase",
      });
      const outsider = await admit(city.member.client, 1, [ref(company), ref(bidders[0]!)]);
      expect(outsider.status).toBe(400);
      expect(outsider.body.errors).toContainEqual({
        field: "body.bidders.0",
        message: "has no live proposal for this challenge",
      });
      const twice = await admit(city.member.client, 1, [ref(bidders[0]!), ref(bidders[0]!)]);
      expect(twice.body.errors).toContainEqual({
        field: "body.bidders.1",
        message: "is listed twice",
      });
      expect((await admit(city.member.client, 2, [ref(bidders[0]!)])).body.code).toBe(
        "admissions_not_open",
      );

      const mark = await auditMark(platform);
      const first = await admit(
        city.member.client,
        1,
        [ref(bidders[0]!), ref(bidders[1]!), ref(bidders[2]!)],
        "The three designs scoring highest on the published criteria.",
      );
      expect(first.status).toBe(201);
      expect(first.body.phases[0]!.admission?.bidders).toHaveLength(3);
      const [event] = await auditSince(platform, mark);
      expect(event).toMatchObject({
        action: "procurement_plan.bidders_admitted",
        actorId: city.member.userId,
        subjectId: draft.id,
        payload: {
          phase: 1,
          phaseKey: "solution_design",
          reason: "The three designs scoring highest on the published criteria.",
        },
      });
      expect((await admit(city.member.client, 1, [ref(bidders[0]!)])).body.code).toBe(
        "admissions_decided",
      );

      // Phase 2: not before phase 1 ends.
      const early = await admit(city.member.client, 2, [ref(bidders[0]!)]);
      expect(early.status).toBe(409);
      expect(early.body.code).toBe("admissions_not_open");
      platform.clock.set(new Date(first.body.phases[0]!.endsAt));
      const notAdmitted = await admit(city.member.client, 2, [ref(bidders[3]!)]);
      expect(notAdmitted.body.errors).toContainEqual({
        field: "body.bidders.0",
        message: "was not admitted to phase 1",
      });
      const others = [company.admin.client, otherCity.member.client, admin.client];
      for (const client of others) {
        const refused = await admit(client, 2, [ref(bidders[0]!)]);
        expect(refused.status).toBe(403);
      }
      expect((await admit(platform.client(), 2, [ref(bidders[0]!)])).status).toBe(401);
      const second = await admit(city.member.client, 2, [ref(bidders[0]!), ref(bidders[2]!)]);
      expect(second.status).toBe(201);

      // Public: anyone reads who was admitted to each phase.
      const seen = await get(platform.client());
      expect(seen.status).toBe(200);
      expect(seen.body.phases[1]!.admission?.bidders.map((bidder) => bidder.id).sort()).toEqual(
        [bidders[0]!.organisation.id, bidders[2]!.organisation.id].sort(),
      );
      expect(seen.body.phases[2]!.admission).toBeNull();
    });

    it("refuses admissions while a blind evaluation hides who bid", async () => {
      await applyPcp();
      const setup = await city.member.client.put(`/api/v1/challenges/${draft.id}/evaluation`, {
        criteria: [{ name: "Quality of the solution design", weight: 100 }],
        panel: [{ userId: city.member.userId, role: "chair" }],
        blind: true,
      });
      expect(setup.status, JSON.stringify(setup.body)).toBe(200);
      await city.member.client.post(`/api/v1/challenges/${draft.id}/transitions`, {
        to: "published",
      });
      await submit(bidders[0]!.admin.client, draft.id, ref(bidders[0]!), contentBody("blind"));
      passDeadline(platform, new Date(draft.timeline.proposalDeadline!));
      await city.member.client.post(`/api/v1/challenges/${draft.id}/transitions`, {
        to: "evaluation",
      });
      expect((await get(city.member.client)).body.admissionCandidates).toBeNull();
      const refused = await admit(city.member.client, 1, [ref(bidders[0]!)]);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe("admissions_not_open");
    });

    it("refuses admissions before the proposal deadline and for models that do not narrow", async () => {
      await applyPcp();
      await city.member.client.post(`/api/v1/challenges/${draft.id}/transitions`, {
        to: "published",
      });
      await submit(bidders[0]!.admin.client, draft.id, ref(bidders[0]!), contentBody("early"));
      const early = await admit(city.member.client, 1, [ref(bidders[0]!)]);
      expect(early.status).toBe(409);
      expect(early.body.code).toBe("admissions_not_open");
      expect((await get(city.member.client)).body.admissionCandidates).toBeNull();

      const prize = await createDraft(platform, city.member.client, city.organisationId);
      const set = await put(
        city.member.client,
        {
          answers: pcpAnswers,
          chosenModel: "innovation_prize",
          deviationReason: "A prize suits the council's programme better.",
        },
        prize.id,
      );
      expect(set.status).toBe(200);
      const refused = await city.member.client.post<Problem>(
        `${planPath(prize.id)}/phases/1/admissions`,
        { bidders: [ref(bidders[0]!)], reason: "Not a narrowing model at all." },
      );
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe("admissions_not_narrowed");
      const missing = await admit(city.member.client, 7, [ref(bidders[0]!)]);
      expect(missing.status).toBe(404);
    });
  });
});
