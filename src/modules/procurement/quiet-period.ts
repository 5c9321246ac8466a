import type { Db } from "../../core/db/client.ts";
import { findPerson } from "../accounts/index.ts";
import { procurementFacts } from "../challenges/index.ts";
import { organisationSummaries } from "../organisations/index.ts";
import { BIDDING_KINDS } from "./policy.ts";
import { awardsOf, seatsOf } from "./repository-evaluation.ts";

/**
 * The quiet period: from a challenge's publication to its award, a member of its evaluator
 * panel meets no bidder one-to-one. Every organisation that may bid (a company, research
 * institute or cluster) counts as a bidder: who actually bid is sealed until the deadline, and a
 * refusal limited to real bidders would tell. Exported for the events module's 1:1 meetings.
 */

/** Statuses between publication and award (the award row ends it earlier, at the decision). */
const QUIET_STATUSES: ReadonlySet<string> = new Set(["published", "evaluation"]);

export interface QuietPeriodRefusal {
  code: "quiet_period";
  challengeId: string;
  /** Says who and why, in English (problem+json detail). */
  reason: string;
  /** The reason's code and its parameters, for pages to say it in the reader's language. */
  reasonCode: "panel_member_meets_bidder";
  params: { person: string; challenge: string; organisation: string };
}

/**
 * Why a one-to-one meeting between the person and the organisations must be refused now, or
 * null when it may take place.
 */
export async function quietPeriodRefusal(
  db: Db,
  input: { userId: string; organisationIds: readonly string[]; at: Date },
): Promise<QuietPeriodRefusal | null> {
  const seats = await seatsOf(db, input.userId);
  if (seats.size === 0) return null;
  const organisations = await organisationSummaries(db, [...input.organisationIds]);
  const bidding = [...organisations.values()].filter((organisation) =>
    BIDDING_KINDS.has(organisation.kind),
  );
  if (bidding.length === 0) return null;
  const challenges = await procurementFacts(db, [...seats.keys()]);
  const awards = await awardsOf(db, [...seats.keys()]);
  for (const challenge of challenges.values()) {
    if (!QUIET_STATUSES.has(challenge.status) || awards.has(challenge.id)) continue;
    const person = await findPerson(db, input.userId);
    return {
      code: "quiet_period",
      challengeId: challenge.id,
      reasonCode: "panel_member_meets_bidder",
      params: {
        person: person?.name ?? "",
        challenge: challenge.title,
        organisation: bidding[0]!.name,
      },
      reason:
        `${person?.name ?? "This person"} sits on the evaluation panel of “${challenge.title}”: until its award, ` +
        `one-to-one meetings with organisations that may bid (${bidding[0]!.name}) are refused. ` +
        "Other contacts are recorded in the challenge's contact log and published with the award.",
    };
  }
  return null;
}
