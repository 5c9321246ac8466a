import type { Actor } from "../../core/auth/actor.ts";
import type { Clock } from "../../core/clock.ts";
import type { Db } from "../../core/db/client.ts";
import { currentOrganisationsOf, organisationSummaries } from "../organisations/index.ts";
import type { FundingSource } from "./contract.ts";
import { fundingErrors } from "./errors.ts";
import { canWriteSourcesOf, type Standing, standingFrom } from "./policy.ts";
import { findSource, followedSourceIds, type SourceRow } from "./repository.ts";
import { isOpen } from "./rules.ts";

export async function standingOf(db: Db, actor: Actor): Promise<Standing> {
  if (actor.kind !== "user") return standingFrom(actor, []);
  const organisations = await currentOrganisationsOf(db, actor.userId);
  return standingFrom(
    actor,
    organisations.map((row) => row.organisationId),
  );
}

/** The platform's today (UTC), against which sources are open or closed. */
export const todayOf = (clock: Clock): string => clock.now().toISOString().slice(0, 10);

export async function requireSource(db: Db, id: string): Promise<SourceRow> {
  const row = await findSource(db, id);
  if (!row) throw fundingErrors.sourceNotFound();
  return row;
}

export async function presentSources(
  db: Db,
  clock: Clock,
  standing: Standing,
  rows: SourceRow[],
): Promise<FundingSource[]> {
  const [funders, followed] = await Promise.all([
    organisationSummaries(
      db,
      rows.map((row) => row.funderId),
    ),
    standing.userId ? followedSourceIds(db, standing.userId) : Promise.resolve(new Set<string>()),
  ]);
  const today = todayOf(clock);
  return rows.flatMap((row) => {
    const funder = funders.get(row.funderId);
    if (!funder) return [];
    return [
      {
        id: row.id,
        funder,
        title: row.title,
        programme: row.programme,
        instrument: row.instrument,
        summary: row.summary,
        minAmountMinor: row.minAmountMinor,
        maxAmountMinor: row.maxAmountMinor,
        currency: row.currency,
        coFinancingRate: row.coFinancingRate,
        eligibleKinds: row.eligibleKinds as FundingSource["eligibleKinds"],
        eligibleCountries: row.eligibleCountries,
        eligibleRegions: row.eligibleRegions,
        sectors: row.sectors as FundingSource["sectors"],
        minTrl: row.minTrl,
        maxTrl: row.maxTrl,
        opensOn: row.opensOn,
        closesOn: row.closesOn,
        link: row.link,
        minPartners: row.minPartners,
        minCountries: row.minCountries,
        minSmallCompanyShare: row.minSmallCompanyShare,
        open: isOpen(row, today),
        updatedAt: row.updatedAt.toISOString(),
        followed: followed.has(row.id),
        abilities: {
          edit: canWriteSourcesOf(standing, row.funderId),
          follow: standing.userId !== null,
        },
      },
    ];
  });
}

export async function presentSource(
  db: Db,
  clock: Clock,
  standing: Standing,
  id: string,
): Promise<FundingSource> {
  const [presented] = await presentSources(db, clock, standing, [await requireSource(db, id)]);
  if (!presented) throw fundingErrors.sourceNotFound();
  return presented;
}
