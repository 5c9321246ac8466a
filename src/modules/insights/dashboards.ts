import type { Db } from "../../core/db/client.ts";
import { listPublicChallenges } from "../challenges/index.ts";
import { countFormingConsortia } from "../consortia/index.ts";
import { countEventsByYear } from "../events/index.ts";
import { cityDirectory } from "../organisations/index.ts";
import { countLiveProposals } from "../procurement/index.ts";
import { countVerifiedByCity, type ImpactFilter, sumVerifiedImpact } from "../references/index.ts";
import type { Dashboard, DashboardScope } from "./contract.ts";

/** A challenge in one of these has a pilot: its solution is being tried, or was adopted. */
const PILOT_STATUSES = new Set(["piloting", "implemented"]);

/**
 * One dashboard's numbers, every one public: challenges that are public, counts of proposals
 * (to closed calls only: a sealed call's count is not published), consortia and event
 * registrations (counts, never names), and verified references' outcomes. Each module is read
 * through its index; nothing here knows another module's tables.
 */
export interface DashboardTarget {
  kind: DashboardScope;
  id: string | null;
  name: string;
}

const countBy = <Item>(items: Item[], keysOf: (item: Item) => string[]) => {
  const counts = new Map<string, number>();
  for (const item of items) {
    for (const key of keysOf(item)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
};

export async function dashboardOf(db: Db, target: DashboardTarget, now: Date): Promise<Dashboard> {
  const untilYear = now.getUTCFullYear();
  const all = await listPublicChallenges(db);
  const challenges =
    target.kind === "city"
      ? all.filter((challenge) => challenge.organisationId === target.id)
      : target.kind === "sector"
        ? all.filter((challenge) => (challenge.sectors as string[]).includes(target.id ?? ""))
        : // A provider's bids are its own: its dashboard names no challenge.
          target.kind === "provider"
          ? []
          : all;
  const ids = challenges.map((challenge) => challenge.id);
  const closedIds = (target.kind === "provider" ? all : challenges)
    .filter((challenge) => challenge.proposalDeadline && challenge.proposalDeadline <= now)
    .map((challenge) => challenge.id);
  const network = target.kind === "network";
  const filter: ImpactFilter =
    target.kind === "city"
      ? { cityOrganisationId: target.id! }
      : target.kind === "provider"
        ? { providerId: target.id! }
        : target.kind === "sector"
          ? { sector: target.id! }
          : {};
  const [proposals, consortia, events, impact, verifiedByCity, cities] = await Promise.all([
    countLiveProposals(db, {
      challengeIds: closedIds,
      ...(target.kind === "provider" ? { bidderIds: [target.id!] } : {}),
    }),
    target.kind === "provider"
      ? countFormingConsortia(db, { memberIds: [target.id!] })
      : countFormingConsortia(db, network ? {} : { challengeIds: ids }),
    countEventsByYear(
      db,
      network ? {} : target.kind === "sector" ? { challengeIds: ids } : { hostIds: [target.id!] },
    ),
    sumVerifiedImpact(db, filter, untilYear),
    countVerifiedByCity(db, filter),
    cityDirectory(db),
  ]);
  const mapCounts = new Map<string, { challenges: number; verifiedReferences: number }>();
  for (const challenge of challenges) {
    const entry = mapCounts.get(challenge.cityId) ?? { challenges: 0, verifiedReferences: 0 };
    entry.challenges += 1;
    mapCounts.set(challenge.cityId, entry);
  }
  for (const row of verifiedByCity) {
    const entry = mapCounts.get(row.cityId) ?? { challenges: 0, verifiedReferences: 0 };
    entry.verifiedReferences += row.verified;
    mapCounts.set(row.cityId, entry);
  }
  return {
    scope: { kind: target.kind, id: target.id, name: target.name },
    untilYear,
    challenges: {
      byStatus: countBy(challenges, (challenge) => [challenge.status]).map(([status, count]) => ({
        status,
        count,
      })),
      bySector: countBy(challenges, (challenge) => challenge.sectors).map(([sector, count]) => ({
        sector,
        count,
      })),
    },
    pilots:
      target.kind === "provider"
        ? null
        : challenges.filter((challenge) => PILOT_STATUSES.has(challenge.status)).length,
    proposals,
    consortia,
    events,
    impact,
    cities: [...mapCounts.entries()]
      .flatMap(([cityId, counts]) => {
        const city = cities.get(cityId);
        return city ? [{ cityId, name: city.name, country: city.country, ...counts }] : [];
      })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}
