import type { UserActor } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import { listPublicChallenges } from "../challenges/index.ts";
import {
  linkChallengesToEvent,
  readableEventFacts,
  registerForEvent,
  upcomingEventIdByTitle,
} from "../events/index.ts";
import { answerInvitation, inviteToTeam } from "./commands/invitations.ts";
import { addJudge } from "./commands/judges.ts";
import { setUpHackathon } from "./commands/set-up-hackathon.ts";
import { submit } from "./commands/submit.ts";
import { createTeam } from "./commands/teams.ts";
import { findHackathon, pendingInvitationsOf } from "./repository.ts";

const person = (userId: string, admin = false): UserActor => ({
  kind: "user",
  userId,
  platformRoles: admin ? ["admin"] : [],
  emailVerified: true,
  via: "session",
  sessionId: null,
});

const EVENT_TITLE = "Nairobi e-mobility hackathon";
const CHALLENGES = [
  "E-bus depot charging without grid reinforcement",
  "Flood early warning for informal settlements",
];

/**
 * The demo hackathon: the Nairobi event links two challenges and gets criteria, a judge (the
 * demo evaluator) and two teams of demo accounts, one of which has submitted. Through the real
 * commands, audited; skipped when it is set up already.
 */
export async function seedDemoHackathon(
  ctx: ServiceContext,
  userIds: Map<string, string>,
): Promise<boolean> {
  const adminId = userIds.get("admin");
  const eventId = await upcomingEventIdByTitle(ctx.db, ctx.clock.now(), EVENT_TITLE);
  if (!adminId || !eventId || (await findHackathon(ctx.db, eventId))) return false;
  const admin = person(adminId, true);
  const challengeIds = (await listPublicChallenges(ctx.db))
    .filter((challenge) => CHALLENGES.includes(challenge.title))
    .map((challenge) => challenge.id);
  await linkChallengesToEvent(ctx, admin, eventId, challengeIds);
  const event = await readableEventFacts(ctx.db, admin, eventId);
  await setUpHackathon(ctx, admin, eventId, {
    minTeamSize: 2,
    maxTeamSize: 5,
    submissionDeadline: event.endsAt.toISOString(),
    criteria: [
      { name: "Impact", description: "Riders, emissions and costs it changes.", weight: 40 },
      { name: "Feasibility", description: "Could the city pilot it next year?", weight: 30 },
      { name: "Innovation", description: "New to Nairobi, not just new.", weight: 20 },
      { name: "Pitch", description: "Clear, honest and on time.", weight: 10 },
    ],
  });
  await addJudge(ctx, admin, eventId, "evaluator@demo.city-solutions.org");
  const teams: Array<{ name: string; lead: string; mate: string; challenge: number }> = [
    { name: "Boda Volt", lead: "founder", mate: "member", challenge: 0 },
    { name: "FloodWatch Mathare", lead: "researcher", mate: "cluster", challenge: 1 },
  ];
  for (const [index, team] of teams.entries()) {
    const leadId = userIds.get(team.lead);
    const mateId = userIds.get(team.mate);
    if (!leadId || !mateId) continue;
    await registerForEvent(ctx, person(leadId), eventId);
    await registerForEvent(ctx, person(mateId), eventId);
    const teamId = await createTeam(ctx, person(leadId), eventId, {
      name: team.name,
      challengeId: challengeIds[team.challenge] ?? null,
    });
    await inviteToTeam(ctx, person(leadId), teamId, { userId: mateId });
    const [invitation] = await pendingInvitationsOf(ctx.db, eventId, mateId);
    if (invitation) await answerInvitation(ctx, person(mateId), invitation.id, "accept");
    if (index === 0 && challengeIds[0]) {
      await submit(ctx, person(leadId), teamId, {
        description:
          "**Boda Volt** swaps boda-boda batteries at depots that charge off-peak from rooftop solar, so the grid sees a flat load.\n\n- 40 swap lockers per depot\n- riders pay per swap by mobile money",
        repositoryUrl: "https://example.org/boda-volt",
        demoUrl: null,
      });
    }
  }
  return true;
}
