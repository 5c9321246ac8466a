import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../core/testing/http-client.ts";
import { auditMark, auditSince, notificationKinds } from "../challenges/test/factories.ts";
import { seedMembership } from "../organisations/index.ts";
import { organisationWithAdmin } from "../organisations/test/factories.ts";
import {
  type CityTeam,
  cityTeam,
  memberOf,
  type Person,
  pdfBytes,
  platformAdmin,
  type WatchedPlatform,
  watchedPlatform,
} from "../procurement/test/factories.ts";
import type { Gallery, Hackathon, Judging, Ranking, Team } from "./contract.ts";
import {
  DEADLINE,
  join,
  type Problem,
  publishedHackathon,
  register,
  settingsBody,
  startTeam,
} from "./test/factories.ts";

const SLOW = 240_000;

/**
 * One hackathon from set-up to pilot, with the people of every role: anonymous, a member of
 * another organisation, team members, the host, judges and a platform admin. Criteria: Impact
 * 60, Feasibility 40. Teams (2–3 people): Alpha (alice of Acme, bob), Beta (carol, dave),
 * Gamma (erin, frank; submits, never scored). Judges: judge1 (no links), judge2 (a member of
 * Acme: detected conflict with Alpha), judge3 (declares a conflict with Beta).
 */
describe("hackathons", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let admin: Person;
  let other: Person;
  let eventId: string;
  let challengeIds: string[];
  let acme: string;
  const people: Record<string, Person> = {};
  const teams: Record<string, Team> = {};
  let criteria: Hackathon["criteria"];

  beforeAll(async () => {
    platform = await watchedPlatform();
    platform.clock.set("2026-05-04T08:00:00.000Z");
    city = await cityTeam(platform, "Nairobi");
    admin = await platformAdmin(platform);
    const company = await organisationWithAdmin(platform, {
      kind: "company",
      name: "Acme Mobility",
    });
    acme = company.organisation.id;
    const elsewhere = await organisationWithAdmin(platform, {
      kind: "company",
      name: "Elsewhere Ltd",
    });
    other = elsewhere.admin;
    ({
      event: { id: eventId },
      challengeIds,
    } = await publishedHackathon(platform, city));
    people.alice = await memberOf(platform, acme);
    for (const name of ["bob", "carol", "dave", "erin", "frank", "grace"]) {
      people[name] = await platform.signedIn({ name: name[0]!.toUpperCase() + name.slice(1) });
    }
    for (const name of ["judge1", "judge2", "judge3"]) {
      people[name] = await platform.signedIn({ name });
    }
    people.judge2 = await memberOf(platform, acme);
  }, SLOW);
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const anonymous = () => platform.client();
  const hackathonPath = () => `/api/v1/events/${eventId}/hackathon`;
  const teamPath = (name: string) => `/api/v1/hackathon-teams/${teams[name]!.id}`;
  const codeOf = (response: { body: unknown }) => (response.body as Problem).code;

  it("lets only the hosts (and admins) set it up; weights must sum to 100", async () => {
    const before = await anonymous().get<Hackathon>(hackathonPath());
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ setUp: false, teams: [], criteria: [] });

    expect(
      (await anonymous().request("PUT", hackathonPath(), { body: settingsBody() })).status,
    ).toBe(401);
    const refused = await other.client.put<Problem>(hackathonPath(), settingsBody());
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("not_host");

    const badWeights = await city.member.client.put<Problem>(
      hackathonPath(),
      settingsBody({
        criteria: [
          { name: "Impact", description: "", weight: 60 },
          { name: "Pitch", description: "", weight: 30 },
        ],
      }),
    );
    expect(badWeights.status).toBe(400);
    expect(badWeights.body.errors).toContainEqual(
      expect.objectContaining({ field: "body.criteria" }),
    );
    const badSizes = await city.member.client.put<Problem>(
      hackathonPath(),
      settingsBody({ minTeamSize: 4, maxTeamSize: 3 }),
    );
    expect(badSizes.status).toBe(400);
    expect(badSizes.body.errors?.[0]?.field).toBe("body.maxTeamSize");
    const lateDeadline = await city.member.client.put<Problem>(
      hackathonPath(),
      settingsBody({ submissionDeadline: "2026-07-01T00:00:00.000Z" }),
    );
    expect(lateDeadline.status).toBe(400);
    expect(lateDeadline.body.errors?.[0]?.field).toBe("body.submissionDeadline");
    expect((await anonymous().get<Hackathon>(hackathonPath())).body.setUp).toBe(false);

    const byAdmin = await admin.client.put<Hackathon>(hackathonPath(), settingsBody());
    expect(byAdmin.status).toBe(200);
    const mark = await auditMark(platform);
    const byHost = await city.member.client.put<Hackathon>(hackathonPath(), settingsBody());
    expect(byHost.status).toBe(200);
    expect(byHost.body).toMatchObject({
      setUp: true,
      minTeamSize: 2,
      maxTeamSize: 3,
      submissionDeadline: DEADLINE,
      submissionsOpen: true,
      me: { manage: true },
    });
    criteria = byHost.body.criteria;
    expect(criteria.map((criterion) => [criterion.name, criterion.weight])).toEqual([
      ["Impact", 60],
      ["Feasibility", 40],
    ]);
    expect((await auditSince(platform, mark)).map((entry) => entry.action)).toEqual([
      "hackathon.set_up",
    ]);
  });

  it("is a hackathon's only: another kind of event answers 404", async () => {
    const workshop = await city.member.client.post<{ id: string }>("/api/v1/events", {
      hostOrganisationIds: [city.organisationId],
      kind: "workshop",
      title: "Not a hackathon",
      summary: "A workshop.",
      startsAt: "2026-06-10T06:00:00.000Z",
      endsAt: "2026-06-10T10:00:00.000Z",
      timeZone: "Africa/Nairobi",
      venue: "Nairobi",
    });
    const answer = await city.member.client.get<Problem>(
      `/api/v1/events/${workshop.body.id}/hackathon`,
    );
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe("not_a_hackathon");
    // A draft is no one's but its hosts'.
    expect(codeOf(await other.client.get(`/api/v1/events/${workshop.body.id}/hackathon`))).toBe(
      "event_not_found",
    );
  });

  it("has the hosts choose judges by e-mail", async () => {
    for (const name of ["judge1", "judge2", "judge3"]) {
      const added = await city.member.client.post<Hackathon>(`${hackathonPath()}/judges`, {
        email: people[name]!.email,
      });
      expect(added.status).toBe(201);
    }
    const refused = await other.client.post<Problem>(`${hackathonPath()}/judges`, {
      email: other.email,
    });
    expect(refused.status).toBe(403);
    const unknown = await city.member.client.post<Problem>(`${hackathonPath()}/judges`, {
      email: "nobody@example.org",
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]?.field).toBe("body.email");
    const again = await city.member.client.post<Problem>(`${hackathonPath()}/judges`, {
      email: people.judge1!.email,
    });
    expect(again.body.code).toBe("already_judge");
    const seen = await anonymous().get<Hackathon>(hackathonPath());
    expect(seen.body.judges).toHaveLength(3);
  });

  it("forms teams of registered participants, within the sizes, on linked challenges", async () => {
    const path = `${hackathonPath()}/teams`;
    const unregistered = await people.alice!.client.post<Problem>(path, {
      name: "Alpha",
      challengeId: challengeIds[0],
    });
    expect(unregistered.status).toBe(403);
    expect(unregistered.body.code).toBe("not_registered");
    expect((await anonymous().post(path, { name: "Alpha" })).status).toBe(401);

    for (const name of ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "judge1"]) {
      await register(people[name]!.client, eventId);
    }
    const judgeTeam = await people.judge1!.client.post<Problem>(path, { name: "Judges" });
    expect(judgeTeam.body.code).toBe("judge_in_team");
    const unlinked = await people.alice!.client.post<Problem>(path, {
      name: "Alpha",
      challengeId: "00000000-0000-4000-8000-000000000000",
    });
    expect(unlinked.status).toBe(400);
    expect(unlinked.body.errors?.[0]?.field).toBe("body.challengeId");

    const mark = await auditMark(platform);
    teams.alpha = await startTeam(people.alice!.client, eventId, "Alpha", challengeIds[0]!);
    teams.beta = await startTeam(people.carol!.client, eventId, "Beta", challengeIds[1]!);
    teams.gamma = await startTeam(people.erin!.client, eventId, "Gamma", null);
    const taken = await people.grace!.client.post<Problem>(path, { name: "alpha" });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe("team_name_taken");
    const twice = await people.alice!.client.post<Problem>(path, { name: "Second" });
    expect(twice.body.code).toBe("already_in_team");

    await join(people.alice!.client, teams.alpha!.id, people.bob!);
    await join(people.carol!.client, teams.beta!.id, people.dave!);
    await join(people.erin!.client, teams.gamma!.id, people.frank!);
    expect((await auditSince(platform, mark)).map((entry) => entry.action)).toEqual([
      "hackathon.team_created",
      "hackathon.team_created",
      "hackathon.team_created",
      "hackathon.invitation_sent",
      "hackathon.invitation_answered",
      "hackathon.invitation_sent",
      "hackathon.invitation_answered",
      "hackathon.invitation_sent",
      "hackathon.invitation_answered",
    ]);

    // Names are for participants, hosts and judges; the public sees counts.
    const publicView = await anonymous().get<Hackathon>(hackathonPath());
    expect(
      publicView.body.teams.map((team) => [team.name, team.memberCount, team.members]),
    ).toEqual([
      ["Alpha", 2, []],
      ["Beta", 2, []],
      ["Gamma", 2, []],
    ]);
    expect(JSON.stringify((await other.client.get(hackathonPath())).body)).not.toContain("Carol");
    const participantView = await people.grace!.client.get<Hackathon>(hackathonPath());
    expect(participantView.body.teams[1]!.members.map((member) => member.name).sort()).toEqual([
      "Carol",
      "Dave",
    ]);
    expect(participantView.body.teams[0]!.members).toHaveLength(2);
  });

  it("keeps teams within the maximum, invitations to the invitee, and lets members leave", async () => {
    // Gamma takes grace (3 = max); a fourth is refused.
    await join(people.erin!.client, teams.gamma!.id, people.grace!);
    const fourth = await platform.signedIn({ name: "Heidi" });
    await register(fourth.client, eventId);
    const full = await people.erin!.client.post<Problem>(`${teamPath("gamma")}/invitations`, {
      email: fourth.email,
    });
    expect(full.status).toBe(409);
    expect(full.body.code).toBe("team_full");
    // Members see whom they may invite: seat holders in no team, no judge.
    const free = await people.alice!.client.get<{ participants: Array<{ name: string }> }>(
      `${hackathonPath()}/free-participants`,
    );
    expect(free.body.participants.map((participant) => participant.name)).toEqual(["Heidi"]);
    // Only members invite; only the invitee answers.
    const outsider = await other.client.post<Problem>(`${teamPath("alpha")}/invitations`, {
      email: fourth.email,
    });
    expect(outsider.status).toBe(403);
    const invited = await people.alice!.client.post<Team>(`${teamPath("alpha")}/invitations`, {
      userId: fourth.userId,
    });
    expect(invited.status).toBe(201);
    const invitation = invited.body.invitations.find(
      (row) => row.invitee.userId === fourth.userId,
    )!;
    const stolen = await people.bob!.client.post<Problem>(
      `/api/v1/hackathon-invitations/${invitation.id}/answer`,
      { answer: "accept" },
    );
    expect(stolen.status).toBe(404);
    expect((await other.client.get<Team>(teamPath("alpha"))).body.invitations).toEqual([]);
    expect(await notificationKinds(fourth.client)).toContain("hackathon_invitation");
    const mine = await fourth.client.get<Hackathon>(hackathonPath());
    expect(mine.body.me.invitations.map((row) => row.team.name)).toEqual(["Alpha"]);
    const declined = await fourth.client.post<Hackathon>(
      `/api/v1/hackathon-invitations/${invitation.id}/answer`,
      { answer: "decline" },
    );
    expect(declined.status).toBe(200);
    expect(declined.body.me.teamId).toBeNull();

    // Grace leaves Gamma again; Gamma stays at 2.
    const left = await people.grace!.client.delete(`${teamPath("gamma")}/membership`);
    expect(left.status).toBe(204);
    expect((await anonymous().get<Team>(teamPath("gamma"))).body.memberCount).toBe(2);
    // The last member to leave dissolves a team.
    const solo = await startTeam(fourth.client, eventId, "Solo", null);
    expect(
      (await fourth.client.delete(`/api/v1/hackathon-teams/${solo.id}/membership`)).status,
    ).toBe(204);
    expect((await anonymous().get(`/api/v1/hackathon-teams/${solo.id}`)).status).toBe(404);
  });

  it("takes submissions from members only, rendered inert, links http(s) only, files by content", async () => {
    const path = `${teamPath("alpha")}/submission`;
    const body = {
      description: "**Swap lockers** at depots <script>alert(1)</script> [x](javascript:alert(1))",
      repositoryUrl: "https://example.org/alpha",
      demoUrl: "http://demo.example.org/alpha",
    };
    for (const client of [
      other.client,
      city.member.client,
      people.judge1!.client,
      people.carol!.client,
    ]) {
      expect((await client.put<Problem>(path, body)).body.code).toBe("not_team_member");
    }
    expect((await anonymous().put(path, body)).status).toBe(401);
    const badLink = await people.bob!.client.put<Problem>(path, {
      ...body,
      demoUrl: "javascript:alert(1)",
    });
    expect(badLink.status).toBe(400);
    expect(badLink.body.errors?.[0]?.field).toBe("body.demoUrl");
    // Gamma has no challenge yet, so it cannot submit.
    const noChallenge = await people.erin!.client.put<Problem>(
      `${teamPath("gamma")}/submission`,
      body,
    );
    expect(noChallenge.body.code).toBe("challenge_not_chosen");
    const picked = await people.erin!.client.patch<Team>(teamPath("gamma"), {
      challengeId: challengeIds[1],
    });
    expect(picked.status).toBe(200);

    const first = await people.bob!.client.put<Team>(path, body);
    expect(first.status).toBe(200);
    expect(first.body.submission).toMatchObject({ revision: 1, demoUrl: body.demoUrl });
    expect(first.body.submission!.descriptionHtml).toContain("<strong>Swap lockers</strong>");
    expect(first.body.submission!.descriptionHtml).not.toContain("<script");
    expect(first.body.submission!.descriptionHtml).not.toContain('href="javascript:');
    const revised = await people.alice!.client.put<Team>(path, {
      ...body,
      description: "**Swap lockers** at depots, solar-charged.",
    });
    expect(revised.body.submission!.revision).toBe(2);

    const upload = (client: TestClient, bytes: Buffer, name: string) =>
      client.request<{ id: string } & Problem>(
        "POST",
        `${teamPath("alpha")}/files?filename=${encodeURIComponent(name)}`,
        { rawBody: bytes, headers: { "content-type": "application/pdf" } },
      );
    const pdf = await upload(people.alice!.client, pdfBytes("Alpha pitch deck"), "pitch.pdf");
    expect(pdf.status).toBe(201);
    const notPdf = await upload(people.alice!.client, Buffer.from("<html>hi</html>"), "pitch.pdf");
    expect(notPdf.status).toBe(415);
    expect((await upload(other.client, pdfBytes(), "x.pdf")).status).toBe(403);

    await people.carol!.client.put(`${teamPath("beta")}/submission`, {
      description: "SMS alerts from river gauges.",
    });
    await people.erin!.client.put(`${teamPath("gamma")}/submission`, {
      description: "A flood map drawn by residents.",
    });

    // The submission: its team and the hosts; not the public, others, or judges not cleared.
    const filePath = `${teamPath("alpha")}/files/${pdf.body.id}`;
    for (const client of [people.bob!.client, city.member.client, admin.client]) {
      expect((await client.get<Team>(teamPath("alpha"))).body.submission?.revision).toBe(2);
      expect((await client.get(filePath)).status).toBe(200);
    }
    for (const client of [anonymous(), other.client, people.carol!.client, people.judge1!.client]) {
      const seen = await client.get<Team>(teamPath("alpha"));
      expect(seen.status).toBe(200);
      expect(seen.body.submission).toBeNull();
      expect(JSON.stringify(seen.body)).not.toContain("Swap lockers");
      expect((await client.get(filePath)).status).toBe(404);
    }
  });

  it("keeps a team that submitted at its minimum size until the deadline", async () => {
    const leaving = await people.bob!.client.delete<Problem>(`${teamPath("alpha")}/membership`);
    expect(leaving.status).toBe(409);
    expect(leaving.body.code).toBe("team_too_small");
    expect((await anonymous().get<Team>(teamPath("alpha"))).body.memberCount).toBe(2);
  });

  it("keeps the minimum team size for submitting", async () => {
    const small = await platform.signedIn({ name: "Ivan" });
    await register(small.client, eventId);
    const team = await startTeam(small.client, eventId, "Lone", challengeIds[0]!);
    const refused = await small.client.put<Problem>(
      `/api/v1/hackathon-teams/${team.id}/submission`,
      {
        description: "Alone.",
      },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("team_too_small");
  });

  it("recuses judges for declared and detected conflicts, audited", async () => {
    const judging = (name: string) =>
      people[name]!.client.get<Judging & Problem>(`${hackathonPath()}/judging`);
    for (const client of [anonymous(), other.client, people.alice!.client, city.member.client]) {
      expect((await client.get(`${hackathonPath()}/judging`)).status).toBeGreaterThanOrEqual(401);
    }
    const before = await judging("judge2");
    expect(before.status).toBe(200);
    const alphaEntry = before.body.entries.find((entry) => entry.team.name === "Alpha")!;
    expect(alphaEntry).toMatchObject({
      standing: "recused",
      recusal: "detected",
      submission: null,
    });
    expect(alphaEntry.detectedConflicts).toEqual([
      { organisation: "Acme Mobility", relation: "party" },
    ]);

    const declare = (name: string, team: string, body: unknown) =>
      people[name]!.client.put<Judging & Problem>(`${teamPath(team)}/declaration`, body);
    const noReason = await declare("judge3", "beta", { verdict: "conflict" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors?.[0]?.field).toBe("body.reason");
    expect((await declare("alice", "beta", { verdict: "no_conflict" })).body.code).toBe(
      "not_judge",
    );
    expect(
      (
        await city.member.client.put<Problem>(`${teamPath("beta")}/declaration`, {
          verdict: "no_conflict",
        })
      ).body.code,
    ).toBe("not_judge");

    const mark = await auditMark(platform);
    for (const team of ["alpha", "beta", "gamma"]) {
      await declare("judge1", team, { verdict: "no_conflict" });
      await declare("judge2", team, { verdict: "no_conflict" });
    }
    await declare("judge3", "alpha", { verdict: "no_conflict" });
    const conflict = await declare("judge3", "beta", {
      verdict: "conflict",
      reason: "Carol is my sister-in-law",
    });
    expect(conflict.status).toBe(200);
    expect(conflict.body.entries.find((entry) => entry.team.name === "Beta")).toMatchObject({
      standing: "recused",
      recusal: "declared",
      submission: null,
    });
    const stands = await declare("judge3", "beta", { verdict: "no_conflict" });
    expect(stands.body.code).toBe("conflict_stands");

    const audit = await auditSince(platform, mark);
    expect(audit.filter((entry) => entry.action === "hackathon.conflict_declared")).toHaveLength(8);
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: "hackathon.conflict_declared",
        actorId: people.judge2!.userId,
        payload: expect.objectContaining({
          teamId: teams.alpha!.id,
          verdict: "no_conflict",
          detected: [{ organisationId: acme, relation: "party" }],
        }),
      }),
    );
    // Declared "no conflict", detected anyway: still recused.
    const after = await judging("judge2");
    expect(after.body.entries.find((entry) => entry.team.name === "Alpha")).toMatchObject({
      standing: "recused",
      recusal: "detected",
    });
    // A cleared judge now reads the submission.
    const cleared = await judging("judge1");
    expect(
      cleared.body.entries.find((entry) => entry.team.name === "Alpha")!.submission?.revision,
    ).toBe(2);
    expect(
      (await people.judge1!.client.get<Team>(teamPath("alpha"))).body.submission,
    ).not.toBeNull();
    expect((await people.judge2!.client.get<Team>(teamPath("alpha"))).body.submission).toBeNull();
  });

  it("refuses late submissions and scores before the deadline", async () => {
    const scores = (impact: number, feasibility: number) => ({
      scores: [
        { criterionId: criteria[0]!.id, score: impact, justification: "Impact seen in the demo" },
        { criterionId: criteria[1]!.id, score: feasibility, justification: "Depot plan is real" },
      ],
    });
    const early = await people.judge1!.client.put<Problem>(
      `${teamPath("alpha")}/scores`,
      scores(8, 6),
    );
    expect(early.status).toBe(409);
    expect(early.body.code).toBe("scoring_not_open");

    platform.clock.set(new Date(Date.parse(DEADLINE) + 1));
    const late = await people.bob!.client.put<Problem>(`${teamPath("alpha")}/submission`, {
      description: "One more thing…",
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe("submissions_closed");
    expect(late.raw.headers["content-type"]).toContain("application/problem+json");
    const lateFile = await people.bob!.client.request<Problem>(
      "POST",
      `${teamPath("alpha")}/files?filename=late.pdf`,
      { rawBody: pdfBytes(), headers: { "content-type": "application/pdf" } },
    );
    expect(lateFile.body.code).toBe("submissions_closed");
    expect((await people.bob!.client.get<Team>(teamPath("alpha"))).body.submission?.revision).toBe(
      2,
    );
    const lateTeam = await people.grace!.client.post<Problem>(`${hackathonPath()}/teams`, {
      name: "Late",
    });
    expect(lateTeam.body.code).toBe("submissions_closed");
  });

  it("ranks by the mean of weighted scores over the judges not recused", async () => {
    const score = (name: string, team: string, impact: number, feasibility: number) =>
      people[name]!.client.put<Judging & Problem>(`${teamPath(team)}/scores`, {
        scores: [
          { criterionId: criteria[0]!.id, score: impact, justification: "Impact" },
          { criterionId: criteria[1]!.id, score: feasibility, justification: "Feasibility" },
        ],
      });
    expect((await score("judge2", "alpha", 10, 10)).body.code).toBe("not_cleared");
    expect((await score("judge3", "beta", 10, 10)).body.code).toBe("not_cleared");
    expect((await score("alice", "beta", 1, 1)).body.code).toBe("not_judge");
    const missing = await people.judge1!.client.put<Problem>(`${teamPath("alpha")}/scores`, {
      scores: [{ criterionId: criteria[0]!.id, score: 8, justification: "Only one" }],
    });
    expect(missing.status).toBe(400);
    const outOfRange = await score("judge1", "alpha", 11, 6);
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.errors?.[0]?.field).toBe("body.scores.0.score");

    expect((await score("judge1", "alpha", 8, 6)).status).toBe(200);
    expect((await score("judge3", "alpha", 5, 10)).status).toBe(200);
    expect((await score("judge1", "beta", 9, 5)).status).toBe(200);
    expect((await score("judge2", "beta", 7, 7)).status).toBe(200);

    // By hand: Alpha — judge1 0.6×8 + 0.4×6 = 7.2, judge3 0.6×5 + 0.4×10 = 7.0 → 7.1 (judge2
    // recused); Beta — judge1 0.6×9 + 0.4×5 = 7.4, judge2 0.6×7 + 0.4×7 = 7.0 → 7.2 (judge3
    // recused); Gamma unscored.
    const ranking = await city.member.client.get<Ranking>(`${hackathonPath()}/ranking`);
    expect(ranking.status).toBe(200);
    expect(
      ranking.body.teams.map((entry) => [
        entry.rank,
        entry.team.name,
        entry.score,
        entry.judgesCounted,
        entry.recusedJudges,
      ]),
    ).toEqual([
      [1, "Beta", 7.2, 2, 1],
      [2, "Alpha", 7.1, 2, 1],
      [3, "Gamma", null, 0, 0],
    ]);
    expect((await admin.client.get(`${hackathonPath()}/ranking`)).status).toBe(200);
    for (const client of [anonymous(), other.client, people.alice!.client, people.judge1!.client]) {
      expect((await client.get(`${hackathonPath()}/ranking`)).status).toBeGreaterThanOrEqual(401);
    }
  });

  it("keeps the gallery sealed until the hosts announce the winners, then opens it to all", async () => {
    for (const client of [
      anonymous(),
      other.client,
      people.alice!.client,
      city.member.client,
      admin.client,
    ]) {
      const sealed = await client.get<Problem>(`${hackathonPath()}/gallery`);
      expect(sealed.status).toBe(409);
      expect(sealed.body.code).toBe("gallery_sealed");
    }
    const winners = { winnerTeamIds: [teams.beta!.id, teams.alpha!.id] };
    expect((await other.client.post(`${hackathonPath()}/winners`, winners)).status).toBe(403);
    expect((await people.judge1!.client.post(`${hackathonPath()}/winners`, winners)).status).toBe(
      403,
    );
    expect((await people.alice!.client.post(`${hackathonPath()}/winners`, winners)).status).toBe(
      403,
    );
    const unknown = await city.member.client.post<Problem>(`${hackathonPath()}/winners`, {
      winnerTeamIds: [teams.beta!.id, teams.beta!.id],
    });
    expect(unknown.status).toBe(409);
    expect(unknown.body.errors?.[0]?.field).toBe("body.winnerTeamIds.1");

    const announced = await city.member.client.post<Ranking>(`${hackathonPath()}/winners`, winners);
    expect(announced.status).toBe(200);
    expect(announced.body.teams.map((entry) => [entry.team.name, entry.winnerPlace])).toEqual([
      ["Beta", 1],
      ["Alpha", 2],
      ["Gamma", null],
    ]);
    for (const name of ["alice", "carol", "erin"]) {
      expect(await notificationKinds(people[name]!.client)).toContain("hackathon_results");
    }
    expect(await notificationKinds(people.grace!.client)).not.toContain("hackathon_results");
    const gallery = await anonymous().get<Gallery>(`${hackathonPath()}/gallery`);
    expect(gallery.status).toBe(200);
    expect(
      gallery.body.entries.map((entry) => [entry.team.name, entry.winnerPlace, entry.score]),
    ).toEqual([
      ["Beta", 1, 7.2],
      ["Alpha", 2, 7.1],
      ["Gamma", null, null],
    ]);
    expect(gallery.body.entries[1]!.submission.files).toHaveLength(1);
    expect((await anonymous().get<Ranking>(`${hackathonPath()}/ranking`)).status).toBe(200);
    const publicTeam = await anonymous().get<Team>(teamPath("alpha"));
    expect(publicTeam.body.submission?.revision).toBe(2);
    const file = publicTeam.body.submission!.files[0]!;
    expect((await anonymous().get(`${teamPath("alpha")}/files/${file.id}`)).status).toBe(200);

    // The published ranking stays as announced, though judge1 now joins Acme (live detection
    // would recuse them from Alpha).
    await seedMembership(platform.ctx, acme, people.judge1!.userId, "member");
    const kept = await anonymous().get<Ranking>(`${hackathonPath()}/ranking`);
    expect(
      kept.body.teams.map((entry) => [entry.team.name, entry.score, entry.judgesCounted]),
    ).toEqual([
      ["Beta", 7.2, 2],
      ["Alpha", 7.1, 2],
      ["Gamma", null, 0],
    ]);

    // Locked: scores, declarations, settings, judges.
    const rescore = await people.judge1!.client.put<Problem>(`${teamPath("alpha")}/scores`, {
      scores: criteria.map((criterion) => ({
        criterionId: criterion.id,
        score: 10,
        justification: "x",
      })),
    });
    expect(rescore.status).toBe(409);
    expect(
      (
        await people.judge1!.client.put<Problem>(`${teamPath("gamma")}/declaration`, {
          verdict: "no_conflict",
        })
      ).body.code,
    ).toBe("results_announced");
    expect((await city.member.client.put<Problem>(hackathonPath(), settingsBody())).body.code).toBe(
      "results_announced",
    );
    expect((await city.member.client.post(`${hackathonPath()}/winners`, winners)).status).toBe(409);
  });

  it("turns a winning team into an organisation and its submission into a solution, once", async () => {
    const refusedLoser = await people.erin!.client.post<Problem>(`${teamPath("gamma")}/pilot`, {});
    expect(refusedLoser.status).toBe(403);
    expect(refusedLoser.body.code).toBe("not_winner");
    expect((await other.client.post<Problem>(`${teamPath("alpha")}/pilot`, {})).body.code).toBe(
      "not_team_member",
    );
    expect((await city.member.client.post<Problem>(`${teamPath("alpha")}/pilot`, {})).status).toBe(
      403,
    );
    expect((await anonymous().post(`${teamPath("alpha")}/pilot`, {})).status).toBe(401);

    const mark = await auditMark(platform);
    const pilot = await people.bob!.client.post<Team & Problem>(`${teamPath("alpha")}/pilot`, {
      kind: "company",
      trl: 5,
    });
    expect(pilot.status).toBe(201);
    expect(pilot.body.pilot).toMatchObject({
      organisation: { name: "Alpha" },
      challenge: { id: challengeIds[0], title: "Battery swaps for boda-bodas" },
    });
    const organisation = await people.alice!.client.get<{
      name: string;
      myRole: string;
      memberCount: number;
    }>(`/api/v1/organisations/${pilot.body.pilot!.organisation.id}`);
    expect(organisation.body).toMatchObject({ name: "Alpha", myRole: "member", memberCount: 2 });
    const solution = await people.bob!.client.get<{
      title: string;
      summary: string;
      trl: number;
      referenceLinks: string[];
      provider: { id: string };
    }>(`/api/v1/solutions/${pilot.body.pilot!.solutionId}`);
    expect(solution.status).toBe(200);
    expect(solution.body).toMatchObject({
      title: "Alpha: Battery swaps for boda-bodas",
      summary: "Swap lockers at depots, solar-charged.",
      trl: 5,
    });
    expect(solution.body.referenceLinks).toEqual([
      "https://example.org/alpha",
      "http://demo.example.org/alpha",
      `http://csp.test/challenges/${challengeIds[0]}`,
    ]);
    expect((await auditSince(platform, mark)).map((entry) => entry.action)).toEqual([
      "organisation.created",
      "organisation.member_added",
      "organisation.member_added",
      "solution.created",
      "hackathon.pilot_started",
    ]);
    const again = await people.alice!.client.post<Problem>(`${teamPath("alpha")}/pilot`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("pilot_exists");
  });
});
