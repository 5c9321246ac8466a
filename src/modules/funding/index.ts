/**
 * Funding: the sources funders publish (grants, loans, guarantees, equity, prizes, PPP) with
 * their eligibility rules, the finder that checks every rule against a challenge's city, a
 * consortium's members or an organisation, deadline reminders to followers, and the co-funding
 * a city records on its challenge (OCDS funders). See docs/funding.md.
 */
import type { ServiceContext } from "../../core/context.ts";
import type { Db } from "../../core/db/client.ts";
import type { ModuleManifest } from "../../core/module.ts";
import { organisationSummaries } from "../organisations/index.ts";
import { setCoFunding } from "./commands/co-funding.ts";
import { createSource } from "./commands/create-source.ts";
import { DEADLINE_REMINDER_JOB, sendDeadlineReminder } from "./commands/reminders.ts";
import { updateSourceContent } from "./commands/update-source.ts";
import type { CoFundingBody, CreateSourceBody, UpdateSourceBody } from "./contract.ts";
import { coFundingOfChallenges, sourcesByIds } from "./repository.ts";
import { fundingRoutes } from "./routes.ts";

export { DEADLINE_REMINDER_JOB, REMINDER_DAYS } from "./commands/reminders.ts";
export { CreateSourceBody as FundingSourceContent } from "./contract.ts";
export { seedDemoFunding } from "./seed-demo-funding.ts";

export function fundingModule(ctx: ServiceContext): ModuleManifest {
  return {
    name: "funding",
    routes: async (app) => {
      await app.register(fundingRoutes, { ctx });
    },
    jobs: {
      [DEADLINE_REMINDER_JOB]: (job) => sendDeadlineReminder(ctx, job),
    },
  };
}

/** What a challenge's OCDS release shows of its co-funders: the funder party and the amount. */
export interface ChallengeCoFunder {
  funder: { id: string; name: string; country: string; locality: string | null };
  sourceTitle: string;
  programme: string;
  amountMinor: number;
  currency: string;
}

/** The funders co-funding a challenge, by the order the city recorded them. */
export async function coFundersOfChallenge(
  db: Db,
  challengeId: string,
): Promise<ChallengeCoFunder[]> {
  return (await coFundersOfChallenges(db, [challengeId])).get(challengeId) ?? [];
}

/**
 * The co-funders of some challenges (a page of OCDS releases) in three queries whatever their
 * number, each challenge's as `coFundersOfChallenge` gives them; a challenge with none is left
 * out.
 */
export async function coFundersOfChallenges(
  db: Db,
  challengeIds: string[],
): Promise<Map<string, ChallengeCoFunder[]>> {
  const byChallenge = await coFundingOfChallenges(db, challengeIds);
  const rows = [...byChallenge.values()].flat();
  const sources = new Map(
    (await sourcesByIds(db, [...new Set(rows.map((row) => row.sourceId))])).map((row) => [
      row.id,
      row,
    ]),
  );
  const funders = await organisationSummaries(
    db,
    [...sources.values()].map((row) => row.funderId),
  );
  const result = new Map<string, ChallengeCoFunder[]>();
  for (const [challengeId, challengeRows] of byChallenge) {
    result.set(
      challengeId,
      challengeRows.flatMap((row) => {
        const source = sources.get(row.sourceId);
        const funder = source && funders.get(source.funderId);
        if (!source || !funder) return [];
        return [
          {
            funder: {
              id: funder.id,
              name: funder.name,
              country: funder.country,
              locality: funder.cityName ?? funder.locality,
            },
            sourceTitle: source.title,
            programme: source.programme,
            amountMinor: row.amountMinor,
            currency: row.currency,
          },
        ];
      }),
    );
  }
  return result;
}

/** Bulk import and demo data: creates a source, or updates the one with `existingId`. */
export async function importFundingSource(
  ctx: ServiceContext,
  actorId: string | null,
  record: { existingId: string | null; content: CreateSourceBody },
  via: "import" | "seed" = "import",
): Promise<{ id: string; outcome: "created" | "updated" | "unchanged" }> {
  if (!record.existingId) {
    const { id } = await createSource(ctx, actorId, record.content, via);
    return { id, outcome: "created" };
  }
  const { funderId: _funderId, ...content } = record.content;
  const { changed } = await updateSourceContent(
    ctx,
    actorId,
    record.existingId,
    content as UpdateSourceBody,
    "import",
  );
  return { id: record.existingId, outcome: changed.length ? "updated" : "unchanged" };
}

/** Bulk import: the funder of each existing source, by id (unknown ids left out). */
export async function fundingSourceFunders(db: Db, ids: string[]): Promise<Map<string, string>> {
  return new Map((await sourcesByIds(db, [...new Set(ids)])).map((row) => [row.id, row.funderId]));
}

/** Demo data: a challenge co-funded by a source. */
export async function seedCoFunding(
  ctx: ServiceContext,
  challengeId: string,
  input: CoFundingBody,
): Promise<void> {
  await setCoFunding(ctx, null, challengeId, input);
}
