import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import { isAppError } from "../../../core/http/problem.ts";
import { readableChallengeNeed } from "../../challenges/index.ts";
import { notify } from "../../notifications/index.ts";
import { recordConsortiumEvent } from "../audit.ts";
import type { CreateConsortiumBody } from "../contract.ts";
import { consortiaErrors } from "../errors.ts";
import { requireAdminOf, type Standing } from "../policy.ts";
import { insertConsortium, insertInvitation, insertMember } from "../repository.ts";
import {
  adminsOf,
  consortiumLink,
  joinableOrganisation,
  requireCapabilityCodes,
} from "./consortium-rules.ts";

type Body = Required<Omit<CreateConsortiumBody, "invitations">> & {
  invitations: Array<{
    organisationId: string;
    role: "partner" | "subcontractor" | "advisor";
    capabilities: string[];
    message: string;
  }>;
};

/**
 * An organisation's admin starts a consortium for a published challenge, their organisation
 * leading it, and may invite partners at once (e.g. a team the builder suggested). One
 * transaction: the consortium, its lead, the invitations, their audit events and notices.
 */
export async function createConsortium(
  ctx: ServiceContext,
  actor: UserActor,
  standing: Standing,
  body: Body,
): Promise<string> {
  const challenge = await readableChallengeNeed(ctx.db, actor, body.challengeId).catch(
    (error: unknown) => {
      if (isAppError(error) && error.status === 404) {
        throw consortiaErrors.challengeNotFound(undefined, {
          errors: [{ field: "body.challengeId", message: "is no challenge you may read" }],
        });
      }
      throw error;
    },
  );
  if (challenge.status !== "published") {
    throw consortiaErrors.challengeNotOpen(undefined, {
      errors: [{ field: "body.challengeId", message: `is ${challenge.status}` }],
    });
  }
  return ctx.db.transaction(async (tx) => {
    const lead = await joinableOrganisation(tx, body.leadOrganisationId, "body.leadOrganisationId");
    requireAdminOf(
      standing,
      lead.id,
      "Only the organisation's admins can start a consortium it leads.",
    );
    await requireCapabilityCodes(tx, body.leadCapabilities, "body.leadCapabilities");
    const named = new Set([lead.id]);
    const invited = [];
    for (const [index, invitation] of body.invitations.entries()) {
      const field = `body.invitations.${index}`;
      const organisation = await joinableOrganisation(
        tx,
        invitation.organisationId,
        `${field}.organisationId`,
      );
      if (named.has(organisation.id)) {
        throw consortiaErrors.organisationNamedTwice(undefined, {
          errors: [{ field: `${field}.organisationId`, message: "is the lead or named before" }],
        });
      }
      named.add(organisation.id);
      await requireCapabilityCodes(tx, invitation.capabilities, `${field}.capabilities`);
      invited.push({ organisation, invitation });
    }

    const now = ctx.clock.now();
    const consortium = await insertConsortium(tx, {
      challengeId: challenge.id,
      name: body.name,
      description: body.description,
      leadOrganisationId: lead.id,
      origin: body.fromSuggestion ? "suggestion" : "manual",
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await insertMember(tx, {
      consortiumId: consortium.id,
      organisationId: lead.id,
      role: "lead",
      capabilities: body.leadCapabilities,
      joinedAt: now,
    });
    await recordConsortiumEvent(tx, ctx.clock, {
      action: "consortium.created",
      actorId: actor.userId,
      subjectId: consortium.id,
      payload: {
        challengeId: challenge.id,
        leadOrganisationId: lead.id,
        name: consortium.name,
        origin: consortium.origin,
        capabilities: body.leadCapabilities,
      },
    });
    for (const { organisation, invitation } of invited) {
      const row = await insertInvitation(tx, {
        consortiumId: consortium.id,
        organisationId: organisation.id,
        role: invitation.role,
        capabilities: invitation.capabilities,
        message: invitation.message,
        invitedBy: actor.userId,
        invitedAt: now,
      });
      await recordConsortiumEvent(tx, ctx.clock, {
        action: "consortium.invited",
        actorId: actor.userId,
        subjectId: consortium.id,
        payload: {
          invitationId: row!.id,
          organisationId: organisation.id,
          role: invitation.role,
          capabilities: invitation.capabilities,
        },
      });
      await notify(ctx, tx, {
        recipients: await adminsOf(tx, organisation.id, actor.userId),
        kind: "consortium_invitation",
        params: {
          consortium: consortium.name,
          challenge: challenge.title,
          lead: lead.name,
          organisation: organisation.name,
        },
        link: consortiumLink(consortium.id),
      });
    }
    return consortium.id;
  });
}
