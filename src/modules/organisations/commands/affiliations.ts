import type { ServiceContext } from "../../../core/context.ts";
import { commonErrors } from "../../../core/http/problem.ts";
import { recordOrganisationEvent } from "../audit.ts";
import { organisationErrors } from "../errors.ts";
import { canAffiliate } from "../policy.ts";
import {
  type AffiliationRow,
  findOpenAffiliation,
  findOrganisation,
  insertAffiliation,
  lockAffiliation,
  lockOrganisation,
  updateAffiliation,
} from "../repository.ts";

export type Side = "parent" | "member" | "platform";

/**
 * Proposes that `memberId` joins the cluster or network `parentId`. Proposed by one side, it
 * waits for the other side's admin; proposed by a platform admin, it is active at once.
 */
export async function proposeAffiliation(
  ctx: ServiceContext,
  actorId: string,
  input: { parentId: string; memberId: string; side: Side },
): Promise<AffiliationRow> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [parent, member] = await Promise.all([
      findOrganisation(tx, input.parentId),
      findOrganisation(tx, input.memberId),
    ]);
    if (!parent || !member) throw organisationErrors.organisationNotFound();
    if (parent.id === member.id || !canAffiliate(member.kind, parent.kind)) {
      throw organisationErrors.affiliationNotAllowed(
        `A ${member.kind} organisation cannot join a ${parent.kind} organisation.`,
      );
    }
    // The parent locked before the check: two proposals of one pair at once take turns, and
    // the second is refused here (409) instead of failing on the unique index (500).
    await lockOrganisation(tx, parent.id);
    if (await findOpenAffiliation(tx, parent.id, member.id))
      throw organisationErrors.affiliationExists();
    const affiliation = await insertAffiliation(tx, {
      parentId: parent.id,
      memberId: member.id,
      status: input.side === "platform" ? "active" : "pending",
      proposedBySide: input.side,
      proposedBy: actorId,
      createdAt: now,
      acceptedAt: input.side === "platform" ? now : null,
    });
    const payload = { affiliationId: affiliation.id, parentId: parent.id, memberId: member.id };
    await recordOrganisationEvent(tx, ctx.clock, {
      action: "organisation.affiliation_proposed",
      actorId,
      subjectId: member.id,
      payload,
    });
    if (input.side === "platform") {
      await recordOrganisationEvent(tx, ctx.clock, {
        action: "organisation.affiliation_accepted",
        actorId,
        subjectId: member.id,
        payload,
      });
    }
    return affiliation;
  });
}

/** The side that did not propose accepts (a platform admin may accept for either side). */
export async function acceptAffiliation(
  ctx: ServiceContext,
  actorId: string,
  affiliationId: string,
  actingSides: Side[],
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const affiliation = await lockAffiliation(tx, affiliationId);
    if (affiliation?.status !== "pending") throw organisationErrors.affiliationNotFound();
    const awaiting = affiliation.proposedBySide === "parent" ? "member" : "parent";
    if (!actingSides.includes(awaiting) && !actingSides.includes("platform")) {
      // The proposing side sees the request (it is theirs), so this is a refusal, not a 404.
      throw commonErrors.forbidden("Only the other organisation's admins can accept.");
    }
    await updateAffiliation(tx, affiliation.id, { status: "active", acceptedAt: ctx.clock.now() });
    await recordOrganisationEvent(tx, ctx.clock, {
      action: "organisation.affiliation_accepted",
      actorId,
      subjectId: affiliation.memberId,
      payload: { affiliationId, parentId: affiliation.parentId, memberId: affiliation.memberId },
    });
  });
}

/** Either side ends (or withdraws, or declines) an affiliation; the row stays as history. */
export async function endAffiliation(
  ctx: ServiceContext,
  actorId: string,
  affiliation: AffiliationRow,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    // Re-read under a lock: of two simultaneous "end" requests, the second finds it ended.
    const current = await lockAffiliation(tx, affiliation.id);
    if (!current || current.status === "ended") throw organisationErrors.affiliationNotFound();
    await updateAffiliation(tx, affiliation.id, { status: "ended", endedAt: ctx.clock.now() });
    await recordOrganisationEvent(tx, ctx.clock, {
      action: "organisation.affiliation_ended",
      actorId,
      subjectId: affiliation.memberId,
      payload: {
        affiliationId: affiliation.id,
        parentId: affiliation.parentId,
        memberId: affiliation.memberId,
      },
    });
  });
}
