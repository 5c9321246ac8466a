import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TestClient, TestResponse } from "../../core/testing/http-client.ts";
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
import type { Hackathon, Team } from "./contract.ts";
import {
  DEADLINE,
  join,
  publishedHackathon,
  register,
  settingsBody,
  startTeam,
} from "./test/factories.ts";

const SLOW = 240_000;
/** Written into the submission: it must be in no answer to someone who may not read it. */
const MARKER = "SECRET-PITCH-7f3a";

type Role = "anonymous" | "otherOrganisation" | "teamMember" | "host" | "judge" | "admin";
const roles: Role[] = ["anonymous", "otherOrganisation", "teamMember", "host", "judge", "admin"];

/**
 * Every hackathon route tried by each role, in the three phases (submissions open; closed;
 * winners announced), the expected status written out per cell, and the submission's text
 * searched for in every answer to a role that may not read it. The team member is Alpha's; the
 * judge has declared no conflict with Alpha by the time submissions close.
 */
describe("hackathons: every route × role", () => {
  let platform: WatchedPlatform;
  let city: CityTeam;
  let eventId: string;
  let challengeIds: string[];
  const clients = {} as Record<Role, TestClient>;
  const people: Record<string, Person> = {};
  let alpha: Team;
  let fileId: string;
  let spareFileId: string;

  beforeAll(async () => {
    platform = await watchedPlatform();
    platform.clock.set("2026-05-04T08:00:00.000Z");
    city = await cityTeam(platform, "Nairobi");
    const elsewhere = await cityTeam(platform, "Lagos");
    ({
      event: { id: eventId },
      challengeIds,
    } = await publishedHackathon(platform, city));
    const admin = await platformAdmin(platform);
    for (const name of ["alice", "bob", "judge", "spareJudge", "invitee"]) {
      people[name] = await platform.signedIn({ name });
    }
    people.other = await memberOf(platform, elsewhere.organisationId);
    Object.assign(clients, {
      anonymous: platform.client(),
      otherOrganisation: people.other.client,
      teamMember: people.alice!.client,
      host: city.member.client,
      judge: people.judge!.client,
      admin: admin.client,
    });
    await city.member.client.put(`/api/v1/events/${eventId}/hackathon`, settingsBody());
    await city.member.client.post(`/api/v1/events/${eventId}/hackathon/judges`, {
      email: people.judge!.email,
    });
    for (const name of ["alice", "bob", "invitee"]) await register(people[name]!.client, eventId);
    alpha = await startTeam(people.alice!.client, eventId, "Alpha", challengeIds[0]!);
    await join(people.alice!.client, alpha.id, people.bob!);
    await people.alice!.client.put(`/api/v1/hackathon-teams/${alpha.id}/submission`, {
      description: `Swap lockers. ${MARKER}`,
    });
    const upload = async () =>
      (
        await people.alice!.client.request<{ id: string }>(
          "POST",
          `/api/v1/hackathon-teams/${alpha.id}/files?filename=deck.pdf`,
          { rawBody: pdfBytes(MARKER), headers: { "content-type": "application/pdf" } },
        )
      ).body.id;
    fileId = await upload();
    spareFileId = await upload();
  }, SLOW);
  afterEach(() => expect(platform.serverErrors.splice(0)).toEqual([]));
  afterAll(() => platform.close());

  const event = () => `/api/v1/events/${eventId}/hackathon`;
  const team = () => `/api/v1/hackathon-teams/${alpha.id}`;

  type Call = (client: TestClient, role: Role) => Promise<TestResponse>;
  interface Cell {
    route: string;
    call: Call;
    expected: Record<Role, number>;
    /** Roles that may read the submission in this answer; the others must not see it. */
    readers?: Role[];
  }

  const same = (status: number): Record<Role, number> =>
    Object.fromEntries(roles.map((role) => [role, status])) as Record<Role, number>;
  const onlyFor = (allowed: Partial<Record<Role, number>>, others: number, anonymous = 401) => ({
    ...same(others),
    anonymous,
    ...allowed,
  });

  async function check(cells: Cell[]) {
    const failures: string[] = [];
    for (const cell of cells) {
      for (const role of roles) {
        const response = await cell.call(clients[role], role);
        if (response.status !== cell.expected[role]) {
          failures.push(
            `${cell.route} as ${role}: ${response.status} (expected ${cell.expected[role]}) ${JSON.stringify(response.body).slice(0, 160)}`,
          );
        }
        const text =
          typeof response.body === "string" ? response.body : JSON.stringify(response.body);
        if (cell.readers && !cell.readers.includes(role) && text.includes(MARKER)) {
          failures.push(`${cell.route} as ${role}: leaks the submission`);
        }
        if (response.status >= 400) {
          expect(String(response.headers["content-type"])).toContain("application/problem+json");
        }
      }
    }
    expect(failures).toEqual([]);
  }

  const scores = () => ({
    scores: [
      { criterionId: criteriaIds[0]!, score: 7, justification: "Impact" },
      { criterionId: criteriaIds[1]!, score: 6, justification: "Feasibility" },
    ],
  });
  let criteriaIds: string[] = [];
  let invitationId = "";

  it("while submissions are open", async () => {
    criteriaIds = (await clients.host.get<Hackathon>(event())).body.criteria.map((row) => row.id);
    const invited = await people.alice!.client.post<Team>(`${team()}/invitations`, {
      email: people.invitee!.email,
    });
    invitationId = invited.body.invitations.find((row) => row.status === "pending")!.id;
    const submissionReaders: Role[] = ["teamMember", "host", "admin"];
    await check([
      { route: "GET hackathon", call: (c) => c.get(event()), expected: same(200), readers: [] },
      {
        route: "GET team",
        call: (c) => c.get(team()),
        expected: same(200),
        readers: submissionReaders,
      },
      {
        route: "GET file",
        call: (c) => c.get(`${team()}/files/${fileId}`),
        expected: onlyFor({ teamMember: 200, host: 200, admin: 200 }, 404, 404),
        readers: submissionReaders,
      },
      {
        route: "GET free-participants",
        call: (c) => c.get(`${event()}/free-participants`),
        expected: onlyFor({ teamMember: 200, host: 200, admin: 200 }, 403),
        readers: [],
      },
      {
        route: "GET judging",
        call: (c) => c.get(`${event()}/judging`),
        expected: onlyFor({ judge: 200 }, 403),
        readers: [],
      },
      {
        route: "GET ranking",
        call: (c) => c.get(`${event()}/ranking`),
        expected: onlyFor({ host: 200, admin: 200 }, 403, 403),
        readers: [],
      },
      {
        route: "GET gallery",
        call: (c) => c.get(`${event()}/gallery`),
        expected: same(409),
        readers: [],
      },
      {
        route: "PUT hackathon",
        call: (c) => c.put(event(), settingsBody()),
        expected: onlyFor({ host: 200, admin: 200 }, 403),
      },
      {
        route: "POST judges / DELETE judges",
        call: async (c) => {
          const added = await c.post(`${event()}/judges`, { email: people.spareJudge!.email });
          if (added.status !== 201) return added;
          const removed = await c.delete(`${event()}/judges/${people.spareJudge!.userId}`);
          return { ...removed, status: removed.status === 204 ? 201 : removed.status } as never;
        },
        expected: onlyFor({ host: 201, admin: 201 }, 403),
      },
      {
        route: "DELETE judges (the judge's), then back",
        call: async (c) => {
          const removed = await c.delete(`${event()}/judges/${people.judge!.userId}`);
          if (removed.status === 204) {
            await c.post(`${event()}/judges`, { email: people.judge!.email });
          }
          return removed;
        },
        expected: onlyFor({ host: 204, admin: 204 }, 403),
      },
      {
        route: "POST teams",
        call: (c) => c.post(`${event()}/teams`, { name: "Another", challengeId: null }),
        // Only people holding a seat start teams; Alpha's member is in one already.
        expected: onlyFor({ teamMember: 409 }, 403),
      },
      {
        route: "PATCH team",
        call: (c) => c.patch(team(), { challengeId: challengeIds[0] }),
        expected: onlyFor({ teamMember: 200 }, 403),
        readers: submissionReaders,
      },
      {
        route: "POST invitations",
        call: (c) => c.post(`${team()}/invitations`, { email: people.spareJudge!.email }),
        // The member's invitation is made once; asking again finds it pending.
        expected: onlyFor({ teamMember: 201 }, 403),
        readers: submissionReaders,
      },
      {
        route: "POST invitation answer (not theirs)",
        call: (c) =>
          c.post(`/api/v1/hackathon-invitations/${invitationId}/answer`, { answer: "decline" }),
        expected: onlyFor({}, 404),
      },
      {
        route: "PUT submission",
        call: (c) => c.put(`${team()}/submission`, { description: `Swap lockers. ${MARKER}` }),
        expected: onlyFor({ teamMember: 200 }, 403),
        readers: submissionReaders,
      },
      {
        route: "POST file",
        call: (c) =>
          c.request("POST", `${team()}/files?filename=more.pdf`, {
            rawBody: pdfBytes(),
            headers: { "content-type": "application/pdf" },
          }),
        expected: onlyFor({ teamMember: 201 }, 403),
      },
      {
        route: "DELETE file",
        call: (c) => c.delete(`${team()}/files/${spareFileId}`),
        expected: onlyFor({ teamMember: 204 }, 403),
      },
      {
        route: "DELETE membership (not members)",
        call: (c, role) =>
          role === "teamMember"
            ? Promise.resolve({ status: 0 } as TestResponse)
            : c.delete(`${team()}/membership`),
        expected: { ...onlyFor({}, 403), teamMember: 0 },
      },
      {
        route: "PUT declaration",
        call: (c) => c.put(`${team()}/declaration`, { verdict: "no_conflict" }),
        expected: onlyFor({ judge: 200 }, 403),
        readers: ["judge"],
      },
      {
        route: "PUT scores (too early)",
        call: (c) => c.put(`${team()}/scores`, scores()),
        expected: onlyFor({ judge: 409 }, 403),
      },
      {
        route: "POST winners (too early)",
        call: (c) => c.post(`${event()}/winners`, { winnerTeamIds: [alpha.id] }),
        expected: onlyFor({ host: 409, admin: 409 }, 403),
      },
      {
        route: "POST pilot",
        call: (c) => c.post(`${team()}/pilot`, {}),
        expected: onlyFor({}, 403),
      },
    ]);
    // The invitee alone answers their invitation.
    const answered = await people.invitee!.client.post(
      `/api/v1/hackathon-invitations/${invitationId}/answer`,
      { answer: "decline" },
    );
    expect(answered.status).toBe(200);
  });

  it("once submissions are closed", async () => {
    await check([
      {
        route: "POST close-submissions",
        call: (c) => c.post(`${event()}/close-submissions`),
        // The host closes them; the admin, after, finds them closed.
        expected: onlyFor({ host: 200, admin: 409 }, 403),
      },
    ]);
    expect(platform.clock.now().getTime()).toBeLessThan(Date.parse(DEADLINE));
    await check([
      {
        route: "GET team",
        call: (c) => c.get(team()),
        expected: same(200),
        readers: ["teamMember", "host", "admin", "judge"],
      },
      {
        route: "GET file",
        call: (c) => c.get(`${team()}/files/${fileId}`),
        expected: onlyFor({ teamMember: 200, host: 200, admin: 200, judge: 200 }, 404, 404),
        readers: ["teamMember", "host", "admin", "judge"],
      },
      {
        route: "PUT submission (late)",
        call: (c) => c.put(`${team()}/submission`, { description: "Late" }),
        expected: onlyFor({ teamMember: 409 }, 403),
      },
      {
        route: "PUT scores",
        call: (c) => c.put(`${team()}/scores`, scores()),
        expected: onlyFor({ judge: 200 }, 403),
        readers: ["judge"],
      },
      {
        route: "GET ranking",
        call: (c) => c.get(`${event()}/ranking`),
        expected: onlyFor({ host: 200, admin: 200 }, 403, 403),
      },
      {
        route: "POST winners",
        call: (c, role) =>
          role === "host"
            ? Promise.resolve({ status: 0 } as TestResponse)
            : c.post(`${event()}/winners`, { winnerTeamIds: [alpha.id] }),
        expected: { ...onlyFor({ admin: 200 }, 403), host: 0 },
      },
    ]);
  });

  it("after the winners are announced", async () => {
    await check([
      { route: "GET gallery", call: (c) => c.get(`${event()}/gallery`), expected: same(200) },
      { route: "GET ranking", call: (c) => c.get(`${event()}/ranking`), expected: same(200) },
      {
        route: "GET file",
        call: (c) => c.get(`${team()}/files/${fileId}`),
        expected: same(200),
      },
      {
        route: "PUT hackathon",
        call: (c) => c.put(event(), settingsBody()),
        expected: onlyFor({ host: 409, admin: 409 }, 403),
      },
      {
        route: "PUT scores",
        call: (c) => c.put(`${team()}/scores`, scores()),
        expected: onlyFor({ judge: 409 }, 403),
      },
      {
        route: "PUT declaration",
        call: (c) => c.put(`${team()}/declaration`, { verdict: "no_conflict" }),
        expected: onlyFor({ judge: 409 }, 403),
      },
      {
        route: "POST winners",
        call: (c) => c.post(`${event()}/winners`, { winnerTeamIds: [alpha.id] }),
        expected: onlyFor({ host: 409, admin: 409 }, 403),
      },
      {
        route: "POST pilot",
        call: (c) => c.post(`${team()}/pilot`, { kind: "company", trl: 3 }),
        expected: onlyFor({ teamMember: 201 }, 403),
      },
    ]);
  });

  it("never overfills a team when invitees accept at once", async () => {
    // A fresh team at 2 of 3 places: two invitees accept together, one gets the place.
    platform.clock.set("2026-05-05T08:00:00.000Z");
    const { event: other } = await publishedHackathon(platform, city, {
      title: "Second hackathon",
    });
    await city.member.client.put(`/api/v1/events/${other.id}/hackathon`, settingsBody());
    const founders = await Promise.all([1, 2, 3, 4].map(() => platform.signedIn()));
    for (const person of founders) await register(person.client, other.id);
    const [lead, mate, first, second] = founders as [Person, Person, Person, Person];
    const beta = await startTeam(lead.client, other.id, "Beta", null);
    await join(lead.client, beta.id, mate);
    const invitations: string[] = [];
    for (const person of [first, second]) {
      const invited = await lead.client.post<Team>(
        `/api/v1/hackathon-teams/${beta.id}/invitations`,
        {
          email: person.email,
        },
      );
      invitations.push(
        invited.body.invitations.find((row) => row.invitee.userId === person.userId)!.id,
      );
    }
    const answers = await Promise.all(
      [first, second].map((person, index) =>
        person.client.post<{ code?: string }>(
          `/api/v1/hackathon-invitations/${invitations[index]}/answer`,
          { answer: "accept" },
        ),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.status === 409)!.body.code).toBe("team_full");
    const seen = await lead.client.get<Team>(`/api/v1/hackathon-teams/${beta.id}`);
    expect(seen.body.memberCount).toBe(3);
  });
});
