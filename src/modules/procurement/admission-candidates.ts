import type { Db } from "../../core/db/client.ts";
import type { ChallengeProcurementFacts } from "../challenges/index.ts";
import { type BidderFacts, bidderFacts } from "./bidders.ts";
import { isCityMember, phaseOf, type Reader } from "./policy.ts";
import { proposalsOfChallenge } from "./repository.ts";

/**
 * Who bid, for the owning city's members once the proposal deadline has passed — the one thing
 * the PCP narrowing needs of proposals: the bidders of live proposals, their identity only (no
 * content, no revision, no file). Before the deadline, and for anyone else, null: who bids is
 * sealed (policy.ts). Nothing else of a proposal is read here.
 *
 * A narrow second reader of the proposals table, kept in this file so the seal's owner can fold
 * it into sealed-proposals.ts (the single read path) — see docs/procurement.md.
 */
export async function liveBiddersForCity(
  db: Db,
  reader: Reader,
  challenge: ChallengeProcurementFacts,
  now: Date,
): Promise<BidderFacts[] | null> {
  if (!isCityMember(reader, challenge) || phaseOf(challenge, now) !== "after_deadline") return null;
  const live = (await proposalsOfChallenge(db, challenge.id)).filter(
    (row) => row.status === "submitted",
  );
  const facts = await bidderFacts(
    db,
    live.map((row) => ({ kind: row.bidderKind, id: row.bidderId })),
  );
  return [...facts.values()].sort((a, b) => a.name.localeCompare(b.name));
}
