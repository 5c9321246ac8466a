import type { ServiceContext } from "../../../core/context.ts";
import type { Db } from "../../../core/db/client.ts";
import { notify } from "../../notifications/index.ts";
import { currentMemberIdsOfOrganisations } from "../../organisations/index.ts";
import { evaluatedProposals } from "../sealed-proposals.ts";

/** What the bidders are told: the same words for each, the winner's included. */
export type BidderNotice =
  | {
      kind: "award_made";
      /** The standstill's end, ISO 8601: shown in each reader's language and time zone. */
      until: string;
    }
  | { kind: "award_cancelled"; reason: string };

/**
 * Tells the people of every bidder with a live proposal (an organisation's members; for a
 * consortium, the members of each of its organisations, since all of them bid) about the award,
 * in the caller's transaction. Only what the public award notice shows is said — the challenge,
 * the standstill's end, a cancellation's reason — never a score, a rank or another bidder, so
 * the text is the same for the winner and for the others.
 */
export async function notifyBidders(
  ctx: ServiceContext,
  tx: Db,
  actorId: string,
  challenge: { id: string; title: string },
  notice: BidderNotice,
): Promise<void> {
  const organisationIds = (await evaluatedProposals(tx, challenge.id)).flatMap(
    (entry) => entry.bidder.memberOrganisationIds,
  );
  const people = new Set(await currentMemberIdsOfOrganisations(tx, organisationIds));
  people.delete(actorId);
  const { kind, ...details } = notice;
  await notify(ctx, tx, {
    recipients: [...people],
    kind,
    params: { challenge: challenge.title, ...details },
    link: `/challenges/${challenge.id}/award`,
  });
}
