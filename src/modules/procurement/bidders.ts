import type { Actor } from "../../core/auth/actor.ts";
import type { Db } from "../../core/db/client.ts";
import { consortiaOfMembers, consortiumBidders } from "../consortia/index.ts";
import { currentOrganisationsOf, organisationSummaries } from "../organisations/index.ts";
import type { BidderRef } from "./contract.ts";
import { procurementErrors } from "./errors.ts";
import {
  actsFor,
  BIDDING_KINDS,
  type BidderParties,
  isBidderParty,
  type Reader,
  readerFrom,
} from "./policy.ts";
import type { BidderKey } from "./repository.ts";

/** Bidders: organisations and consortia (read through their modules' index.ts). */

export interface BidderFacts extends BidderParties {
  name: string;
  /** An organisation's kind ("consortium" for a consortium). */
  organisationKind: string;
  /** A consortium's challenge (null for an organisation). */
  challengeId: string | null;
}

export const bidderKey = (bidder: BidderKey) => `${bidder.kind}:${bidder.id}`;

/** The caller's standing now (anonymous callers belong to nothing). */
export async function readerOf(db: Db, actor: Actor): Promise<Reader> {
  if (actor.kind !== "user") return readerFrom(actor, []);
  return readerFrom(actor, await currentOrganisationsOf(db, actor.userId));
}

/** The bidders' parties and names, by `kind:id`; unknown ones are left out. */
export async function bidderFacts(db: Db, refs: BidderKey[]): Promise<Map<string, BidderFacts>> {
  const result = new Map<string, BidderFacts>();
  const organisationIds = refs.filter((ref) => ref.kind === "organisation").map((ref) => ref.id);
  const consortiumIds = refs.filter((ref) => ref.kind === "consortium").map((ref) => ref.id);
  for (const organisation of (await organisationSummaries(db, organisationIds)).values()) {
    result.set(bidderKey({ kind: "organisation", id: organisation.id }), {
      kind: "organisation",
      id: organisation.id,
      name: organisation.name,
      organisationKind: organisation.kind,
      challengeId: null,
      memberOrganisationIds: [organisation.id],
      actingOrganisationId: organisation.id,
      active: true,
    });
  }
  if (consortiumIds.length > 0) {
    for (const consortium of (await consortiumBidders(db, consortiumIds)).values()) {
      result.set(bidderKey({ kind: "consortium", id: consortium.id }), {
        kind: "consortium",
        id: consortium.id,
        name: consortium.name,
        organisationKind: "consortium",
        challengeId: consortium.challengeId,
        memberOrganisationIds: consortium.memberIds,
        actingOrganisationId: consortium.leadOrganisationId,
        active: consortium.status === "forming",
      });
    }
  }
  return result;
}

/** Every bidder the reader is a party of: their organisations, and consortia those are in. */
export async function biddersOfReader(db: Db, reader: Reader): Promise<BidderKey[]> {
  const organisations = [...reader.memberOf];
  const consortia = await consortiaOfMembers(db, organisations);
  return [
    ...organisations.map((id) => ({ kind: "organisation" as const, id })),
    ...consortia.map((consortium) => ({ kind: "consortium" as const, id: consortium.id })),
  ];
}

/**
 * Whom the reader may submit for to this challenge: providers they administer, and the
 * challenge's consortia (not dissolved) whose lead they administer.
 */
export async function bidderOptions(
  db: Db,
  reader: Reader,
  challengeId: string,
): Promise<BidderFacts[]> {
  const administered = [...reader.adminOf];
  if (administered.length === 0) return [];
  const consortia = (await consortiaOfMembers(db, administered)).filter(
    (consortium) =>
      consortium.challengeId === challengeId &&
      consortium.status === "forming" &&
      reader.adminOf.has(consortium.leadOrganisationId),
  );
  const facts = await bidderFacts(db, [
    ...administered.map((id) => ({ kind: "organisation" as const, id })),
    ...consortia.map((consortium) => ({ kind: "consortium" as const, id: consortium.id })),
  ]);
  return [...facts.values()]
    .filter((bidder) => bidder.kind === "consortium" || BIDDING_KINDS.has(bidder.organisationKind))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}

/**
 * The bidder named in a submission or upload, when the reader acts for it on this challenge.
 * Who asks comes before what the bidder is: 400 naming `idField` for a bidder that does not exist
 * (a consortium the reader is no party of, or of another challenge, is private: the same answer),
 * then 403 for an organisation the reader does not belong to and for a party that is not an admin
 * (of the lead); only the bidder's own people learn that their organisation cannot bid (400) or
 * that the consortium is dissolved (409).
 */
export async function actingBidder(
  db: Db,
  reader: Reader,
  challengeId: string,
  ref: BidderRef,
  idField: string,
): Promise<BidderFacts> {
  const bidder = (await bidderFacts(db, [ref])).get(bidderKey(ref));
  const unknown = () =>
    procurementErrors.bidderNotFound(undefined, {
      errors: [{ field: idField, message: `is no ${ref.kind} you may act for here` }],
    });
  if (!bidder) throw unknown();
  if (bidder.kind === "consortium") {
    // A consortium is private to its parties: to anyone else it does not exist.
    if (!isBidderParty(reader, bidder) || bidder.challengeId !== challengeId) throw unknown();
  } else if (!isBidderParty(reader, bidder)) {
    // Organisations are public, so one that exists is refused for who asks, not for what it is.
    throw procurementErrors.notBidderMember();
  }
  if (bidder.kind === "organisation" && !BIDDING_KINDS.has(bidder.organisationKind)) {
    throw procurementErrors.bidderCannotBid(undefined, {
      errors: [{ field: idField, message: `is a ${bidder.organisationKind} organisation` }],
    });
  }
  if (!actsFor(reader, bidder)) throw procurementErrors.notBidderAdmin();
  if (!bidder.active) throw procurementErrors.consortiumDissolved();
  return bidder;
}
