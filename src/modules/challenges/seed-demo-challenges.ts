import type { UserActor } from "../../core/auth/actor.ts";
import { DAY, ManualClock } from "../../core/clock.ts";
import type { ServiceContext } from "../../core/context.ts";
import { postComment, postIdea, setVote } from "./commands/board.ts";
import { answerQuestion, askQuestion } from "./commands/clarifications.ts";
import { createChallenge } from "./commands/create-challenge.ts";
import { setFollowing } from "./commands/follow-challenge.ts";
import { transitionChallenge } from "./commands/transition-challenge.ts";
import type { ChallengeStatus } from "./contract.ts";
import { demoChallenges } from "./demo-challenges.ts";

/**
 * Seeds the demo challenges through the real commands — audited, notified — on a clock that
 * starts months back, so that some have reached evaluation, award, pilot or implementation.
 */

/** The steps from publication to each stage (every model here allows them). */
const pathTo: Record<ChallengeStatus, ChallengeStatus[]> = {
  draft: [],
  published: [],
  evaluation: ["evaluation"],
  awarded: ["evaluation", "awarded"],
  piloting: ["evaluation", "awarded", "piloting"],
  implemented: ["evaluation", "awarded", "piloting", "implemented"],
  cancelled: ["cancelled"],
};

const person = (userId: string): UserActor => ({
  kind: "user",
  userId,
  platformRoles: [],
  emailVerified: true,
  via: "session",
  sessionId: null,
});

export async function seedDemoChallenges(
  ctx: ServiceContext,
  organisationIds: Map<string, string>,
  userIds: Map<string, string>,
): Promise<number> {
  const today = ctx.clock.now().getTime();
  let seeded = 0;
  for (const demo of demoChallenges) {
    const organisationId = organisationIds.get(demo.city);
    if (!organisationId) continue;
    // The city's demo official, or the secretariat admin who set up the other cities.
    const official = person(userIds.get(demo.city === "copenhagen" ? "city" : "admin")!);
    const open = demo.stage === "published" || demo.stage === "draft";
    // Open challenges started ten days ago; the others months ago, so their deadlines passed.
    const clock = new ManualClock(new Date(today - (open ? 10 : 200) * DAY));
    const seedCtx: ServiceContext = { ...ctx, clock };
    const start = clock.now().getTime();
    const created = await createChallenge(seedCtx, official, {
      organisationId,
      title: demo.title,
      summary: demo.summary,
      description: demo.description,
      sectors: demo.sectors,
      capabilities: demo.capabilities,
      kpis: demo.kpis,
      budget: demo.budget
        ? { minMinor: demo.budget[0], maxMinor: demo.budget[1], currency: demo.budget[2] }
        : null,
      minTrl: demo.minTrl,
      procurementModel: demo.model,
      timeline: {
        questionDeadline: new Date(start + 30 * DAY).toISOString(),
        proposalDeadline: new Date(start + 50 * DAY).toISOString(),
        awardDate: new Date(start + 80 * DAY).toISOString(),
      },
      contacts: [{ name: demo.contact[0], role: demo.contact[1], email: demo.contact[2] }],
    });
    seeded += 1;
    if (demo.stage === "draft") continue;
    clock.advance(DAY);
    await transitionChallenge(seedCtx, official, created.id, "published");
    for (const key of ["founder", "cluster"]) {
      await setFollowing(seedCtx, person(userIds.get(key)!), created.id, true);
    }
    clock.advance(DAY);
    for (const [asker, question, answer] of demo.questions ?? []) {
      const asked = await askQuestion(seedCtx, person(userIds.get(asker)!), created.id, question);
      clock.advance(DAY / 2);
      if (answer) await answerQuestion(seedCtx, official, created.id, asked.id, answer);
    }
    for (const [author, title, body, comment] of demo.ideas ?? []) {
      const ideaId = await postIdea(seedCtx, person(userIds.get(author)!), created.id, {
        title,
        body,
      });
      await setVote(seedCtx, person(userIds.get("member")!), created.id, ideaId, true);
      if (comment) {
        await postComment(
          seedCtx,
          person(userIds.get(comment[0])!),
          created.id,
          ideaId,
          comment[1],
        );
      }
    }
    for (const step of pathTo[demo.stage]) {
      clock.set(
        new Date(start + (step === "evaluation" ? 51 : step === "awarded" ? 81 : 120) * DAY),
      );
      if (step === "implemented") clock.set(new Date(today - DAY));
      if (step === "cancelled") clock.set(new Date(start + 20 * DAY));
      await transitionChallenge(
        seedCtx,
        official,
        created.id,
        step,
        step === "cancelled"
          ? "The programme moved to the national clean-cooking fund."
          : undefined,
      );
    }
  }
  return seeded;
}
