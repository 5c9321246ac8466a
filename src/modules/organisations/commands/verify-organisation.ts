import type { ServiceContext } from "../../../core/context.ts";
import { recordOrganisationEvent } from "../audit.ts";
import { updateOrganisation } from "../repository.ts";

/** A platform admin vouches for (or withdraws the badge of) an organisation. */
export async function setOrganisationVerified(
  ctx: ServiceContext,
  adminId: string,
  organisationId: string,
  verified: boolean,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await updateOrganisation(tx, organisationId, {
      verifiedAt: verified ? now : null,
      verifiedBy: verified ? adminId : null,
      updatedAt: now,
    });
    await recordOrganisationEvent(tx, ctx.clock, {
      action: verified ? "organisation.verified" : "organisation.unverified",
      actorId: adminId,
      subjectId: organisationId,
      payload: {},
    });
  });
}
