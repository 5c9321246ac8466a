import type { TestClient } from "../../../core/testing/http-client.ts";
import { publishedChallenge } from "../../challenges/test/factories.ts";
import type { Event, EventBody } from "../../events/contract.ts";
import type { CityTeam, WatchedPlatform } from "../../procurement/test/factories.ts";
import type { HackathonSettingsBody, Team } from "../contract.ts";

/** Builders for the hackathons tests, through the API as the web app calls it. */

export type Problem = { code: string; errors?: Array<{ field: string; message: string }> };

/** A published hackathon hosted by the city, linked to two of its published challenges. */
export async function publishedHackathon(
  platform: WatchedPlatform,
  city: CityTeam,
  overrides: Partial<EventBody> = {},
): Promise<{ event: Event; challengeIds: string[] }> {
  const first = await publishedChallenge(platform, city, { title: "Battery swaps for boda-bodas" });
  const second = await publishedChallenge(platform, city, { title: "Flood alerts by SMS" });
  const created = await city.member.client.post<Event>("/api/v1/events", {
    hostOrganisationIds: [city.organisationId],
    kind: "hackathon",
    title: "Nairobi e-mobility hackathon",
    summary: "Two days to prototype charging and fleet tools.",
    description: "Teams of 2–3.",
    startsAt: "2026-06-10T06:00:00.000Z",
    endsAt: "2026-06-11T16:00:00.000Z",
    timeZone: "Africa/Nairobi",
    venue: "iHub, Nairobi",
    onlineUrl: null,
    capacity: 60,
    registrationDeadline: null,
    challengeIds: [first.id, second.id],
    agenda: [],
    ...overrides,
  });
  if (created.status !== 201) throw new Error(`event: ${JSON.stringify(created.body)}`);
  const published = await city.member.client.post<Event>(
    `/api/v1/events/${created.body.id}/status`,
    { to: "published" },
  );
  if (published.status !== 200) throw new Error(`publish: ${JSON.stringify(published.body)}`);
  return { event: published.body, challengeIds: [first.id, second.id] };
}

export const DEADLINE = "2026-06-11T14:00:00.000Z";

export function settingsBody(
  overrides: Partial<HackathonSettingsBody> = {},
): HackathonSettingsBody {
  return {
    minTeamSize: 2,
    maxTeamSize: 3,
    submissionDeadline: DEADLINE,
    criteria: [
      { name: "Impact", description: "What it changes for riders", weight: 60 },
      { name: "Feasibility", description: "Could it be piloted next year", weight: 40 },
    ],
    ...overrides,
  };
}

export async function register(client: TestClient, eventId: string): Promise<void> {
  const response = await client.post(`/api/v1/events/${eventId}/registration`);
  if (response.status !== 201) throw new Error(`registration: ${JSON.stringify(response.body)}`);
}

export async function startTeam(
  client: TestClient,
  eventId: string,
  name: string,
  challengeId: string | null,
): Promise<Team> {
  const response = await client.post<Team>(`/api/v1/events/${eventId}/hackathon/teams`, {
    name,
    challengeId,
  });
  if (response.status !== 201) throw new Error(`team: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Invites the person by e-mail and has them accept. */
export async function join(
  member: TestClient,
  teamId: string,
  invitee: { client: TestClient; email: string; userId: string },
): Promise<void> {
  const invited = await member.post<Team>(`/api/v1/hackathon-teams/${teamId}/invitations`, {
    email: invitee.email,
  });
  if (invited.status !== 201) throw new Error(`invitation: ${JSON.stringify(invited.body)}`);
  const invitation = invited.body.invitations.find(
    (row) => row.status === "pending" && row.invitee.userId === invitee.userId,
  );
  const accepted = await invitee.client.post(
    `/api/v1/hackathon-invitations/${invitation!.id}/answer`,
    { answer: "accept" },
  );
  if (accepted.status !== 200) throw new Error(`accept: ${JSON.stringify(accepted.body)}`);
}
