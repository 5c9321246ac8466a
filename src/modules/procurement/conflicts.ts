import type { Db } from "../../core/db/client.ts";
import { consortiumMemberHistory } from "../consortia/index.ts";
import { clustersOfSince, organisationsOfPersonSince } from "../organisations/index.ts";
import type { EvaluatorStanding } from "./contract-evaluation.ts";
import type { BidderKey } from "./repository.ts";

/**
 * Conflicts of interest: what the platform detects between a person and the parties to a bid,
 * and what an evaluator's declaration together with it means. Reusable beyond procurement
 * (hackathon judging): the parties are plain organisation ids. docs/procurement.md, "Conflicts
 * of interest".
 */

/** How far back a membership still counts: three calendar years. */
export const CONFLICT_LOOKBACK_YEARS = 3;

export function lookbackStart(at: Date): Date {
  const since = new Date(at);
  since.setUTCFullYear(since.getUTCFullYear() - CONFLICT_LOOKBACK_YEARS);
  return since;
}

export interface DetectedConflict {
  /** The organisation the person is or was a member of. */
  organisationId: string;
  /** "party": it is one of the parties; "cluster": a cluster one of the parties belongs to. */
  relation: "party" | "cluster";
}

/**
 * Whether the person is, or was within the last three years (before `at`), a member of one of
 * the parties, or of a cluster one of them belongs to now or belonged to within that time.
 * Memberships and affiliations are ended, never deleted, so the history is all there.
 */
export async function detectConflicts(
  db: Db,
  input: { userId: string; parties: readonly string[]; at: Date },
): Promise<DetectedConflict[]> {
  if (input.parties.length === 0) return [];
  const since = lookbackStart(input.at);
  const mine = new Set(await organisationsOfPersonSince(db, input.userId, since));
  if (mine.size === 0) return [];
  const found = new Map<string, DetectedConflict>();
  for (const party of input.parties) {
    if (mine.has(party)) found.set(party, { organisationId: party, relation: "party" });
  }
  for (const { clusterId } of await clustersOfSince(db, [...input.parties], since)) {
    if (mine.has(clusterId) && !found.has(clusterId)) {
      found.set(clusterId, { organisationId: clusterId, relation: "cluster" });
    }
  }
  return [...found.values()];
}

/**
 * The organisations party to each bid: the organisation itself, or every organisation that is or
 * ever was a member of the consortium (one that left still counts), by `kind:id`.
 */
export async function partiesOfBidders(
  db: Db,
  bidders: BidderKey[],
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  const consortia = await consortiumMemberHistory(
    db,
    bidders.filter((bidder) => bidder.kind === "consortium").map((bidder) => bidder.id),
  );
  for (const bidder of bidders) {
    result.set(
      `${bidder.kind}:${bidder.id}`,
      bidder.kind === "organisation" ? [bidder.id] : [...new Set(consortia.get(bidder.id) ?? [])],
    );
  }
  return result;
}

/**
 * An evaluator's standing towards one proposal: recused when they declared a conflict or one is
 * detected (declared or not); cleared once they declared "no conflict" and nothing is detected;
 * else they must declare before opening it.
 */
export function standingOf(
  declaration: { verdict: "no_conflict" | "conflict" } | undefined,
  detected: boolean,
): { standing: EvaluatorStanding; recusal: "declared" | "detected" | null } {
  if (declaration?.verdict === "conflict") return { standing: "recused", recusal: "declared" };
  if (detected) return { standing: "recused", recusal: "detected" };
  if (declaration?.verdict === "no_conflict") return { standing: "cleared", recusal: null };
  return { standing: "to_declare", recusal: null };
}

/**
 * The same detection for many bids at once (an evaluator's work list): the keys of the bids the
 * person has a conflict with. Two queries whatever the number of bids.
 */
export async function conflictedBids(
  db: Db,
  userId: string,
  partiesByBid: ReadonlyMap<string, readonly string[]>,
  at: Date,
): Promise<Set<string>> {
  const since = lookbackStart(at);
  const mine = new Set(await organisationsOfPersonSince(db, userId, since));
  const conflicted = new Set<string>();
  if (mine.size === 0) return conflicted;
  const allParties = [...new Set([...partiesByBid.values()].flat())];
  const clustersOfParty = new Map<string, string[]>();
  for (const { clusterId, memberId } of await clustersOfSince(db, allParties, since)) {
    clustersOfParty.set(memberId, [...(clustersOfParty.get(memberId) ?? []), clusterId]);
  }
  for (const [bid, parties] of partiesByBid) {
    const linked = parties.some(
      (party) =>
        mine.has(party) || (clustersOfParty.get(party) ?? []).some((cluster) => mine.has(cluster)),
    );
    if (linked) conflicted.add(bid);
  }
  return conflicted;
}
