import type { ServiceContext } from "../../core/context.ts";
import type { JobHandler } from "../../core/jobs/outbox.ts";
import { solutionProfiles } from "../catalogue/index.ts";
import { challengeNeeds } from "../challenges/index.ts";
import { notify } from "../notifications/index.ts";
import { currentMemberIds } from "../organisations/index.ts";
import { needOfChallenge } from "./need.ts";
import { scoreForNeed } from "./recommend.ts";

/**
 * When a challenge is published, the people of the providers whose solutions fit it are told
 * (in their digest unless they chose otherwise), with why: the fit and the capabilities
 * covered. One notice per provider, for its best solution.
 */

/** A fit this good is worth a provider's attention: most true matches score above it. */
export const ALERT_THRESHOLD = 0.6;
/** Providers told about one challenge, at most (the best fits). */
export const MAX_ALERTED_PROVIDERS = 50;
/** Candidates scored to find them. */
const ALERT_POOL = 300;

export function challengeMatchAlerts(ctx: ServiceContext): JobHandler {
  return async (job) => {
    const challengeId = String(job.payload.challengeId ?? "");
    const [challenge] = await challengeNeeds(ctx.db, [challengeId]);
    if (!challenge || challenge.status === "draft") return;
    const context = await needOfChallenge(ctx.db, challenge, { includeBelowMinTrl: false });
    const scored = await scoreForNeed(ctx.db, challenge, context, ALERT_POOL);
    const best = new Map<string, (typeof scored)[number]>();
    for (const item of scored) {
      if (item.score < ALERT_THRESHOLD) break;
      if (!best.has(item.fit.providerId)) best.set(item.fit.providerId, item);
    }
    const chosen = [...best.values()].slice(0, MAX_ALERTED_PROVIDERS);
    if (chosen.length === 0) return;
    const titles = new Map(
      (
        await solutionProfiles(
          ctx.db,
          chosen.map((item) => item.fit.id),
        )
      ).map((profile) => [profile.id, profile.title]),
    );
    await ctx.db.transaction(async (tx) => {
      for (const item of chosen) {
        const covered = item.fit.coverage.filter((value) => value > 0).length;
        await notify(ctx, tx, {
          recipients: await currentMemberIds(tx, item.fit.providerId),
          kind: "challenge_match",
          params: {
            challenge: challenge.title,
            city: challenge.city.name,
            solution: titles.get(item.fit.id) ?? "",
            fit: `${Math.round(item.score * 100)}%`,
            covered: String(covered),
            required: String(context.requirements.length),
          },
          link: `/challenges/${challenge.id}#recommendations`,
        });
      }
    });
  };
}
