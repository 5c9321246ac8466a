import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireUser } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import { IdParams, problemResponses } from "../../core/http/contract.ts";
import { commonErrors } from "../../core/http/problem.ts";
import { readableChallengeNeed } from "../challenges/index.ts";
import { answerInvitation } from "./commands/answer-invitation.ts";
import { createConsortium } from "./commands/create-consortium.ts";
import { dissolveConsortium } from "./commands/dissolve-consortium.ts";
import { handOverLead } from "./commands/hand-over-lead.ts";
import { inviteOrganisation } from "./commands/invite-organisation.ts";
import { leaveConsortium } from "./commands/leave-consortium.ts";
import {
  presentConsortium,
  presentVisibleSummaries,
  standingOf,
  visibleConsortium,
} from "./consortium-views.ts";
import {
  Consortium,
  ConsortiumList,
  CreateConsortiumBody,
  HandOverBody,
  InvitationBody,
  InvitationParams,
  MemberParams,
  TeamSuggestions,
  TeamSuggestionsQuery,
} from "./contract.ts";
import { consortiaErrors } from "./errors.ts";
import { consortiumIdsOfChallenge, consortiumIdsOfOrganisations } from "./repository.ts";
import { suggestTeams } from "./suggest-teams.ts";

const tags = ["consortia"];

export const consortiaRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  /** The consortium the caller may see, open for changes, with their abilities (404, 409). */
  const forChange = async (actor: Parameters<typeof standingOf>[1], id: string) => {
    const standing = await standingOf(ctx.db, actor);
    const loaded = await visibleConsortium(ctx.db, standing, id);
    if (loaded.consortium.status === "dissolved") throw consortiaErrors.consortiumDissolved();
    return { ...loaded, standing };
  };
  const manager = "Only the lead organisation's admins can do this.";

  app.get(
    "/api/v1/challenges/:id/team-suggestions",
    {
      schema: {
        tags,
        summary: "The best teams of 2–5 organisations that together cover the challenge's needs",
        description:
          "Whoever may read the challenge may read its suggestions. Each team covers every required capability, " +
          "no member is redundant, and teams are ranked by 0.70·mean fit + 0.20·cover strength + 0.05·verified share " +
          "+ 0.05·local (docs/consortia.md). Organisations covering everything alone are listed apart; when nothing " +
          "covers everything, `gap` names what is missing and who comes closest.",
        params: IdParams,
        querystring: TeamSuggestionsQuery,
        response: { 200: TeamSuggestions, ...problemResponses },
      },
    },
    async (request) => suggestTeams(ctx.db, request.actor, request.params.id, request.query.k),
  );

  app.get(
    "/api/v1/challenges/:id/consortia",
    {
      schema: {
        tags,
        summary: "Consortia for a challenge that you may see (yours, or all for platform admins)",
        params: IdParams,
        response: { 200: ConsortiumList, ...problemResponses },
      },
    },
    async (request) => {
      const challenge = await readableChallengeNeed(ctx.db, request.actor, request.params.id);
      const standing = await standingOf(ctx.db, request.actor);
      const ids = await consortiumIdsOfChallenge(ctx.db, challenge.id);
      return { consortia: await presentVisibleSummaries(ctx.db, standing, ids) };
    },
  );

  app.get(
    "/api/v1/me/consortia",
    {
      schema: {
        tags,
        summary: "Consortia my organisations are in or invited to",
        response: { 200: ConsortiumList, ...problemResponses },
      },
    },
    async (request) => {
      requireUser(request.actor);
      const standing = await standingOf(ctx.db, request.actor);
      const ids = await consortiumIdsOfOrganisations(ctx.db, [...standing.memberOf]);
      return { consortia: await presentVisibleSummaries(ctx.db, standing, ids) };
    },
  );

  app.post(
    "/api/v1/consortia",
    {
      schema: {
        tags,
        summary:
          "Start a consortium for a published challenge, led by an organisation you administer",
        description:
          "Optionally invites organisations at once (e.g. a suggested team), each with a role and the capability " +
          "codes it brings; their admins are notified.",
        body: CreateConsortiumBody,
        response: { 201: Consortium, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const standing = await standingOf(ctx.db, actor);
      const id = await createConsortium(ctx, actor, standing, request.body);
      return reply.status(201).send(await presentConsortium(ctx.db, standing, id));
    },
  );

  app.get(
    "/api/v1/consortia/:id",
    {
      schema: {
        tags,
        summary: "A consortium: members, roles, capabilities, invitations (its parties, admins)",
        description:
          "Seen by the people of its member organisations, of organisations it invited (while the invitation is open) " +
          "and by platform admins; anyone else gets 404.",
        params: IdParams,
        response: { 200: Consortium, ...problemResponses },
      },
    },
    async (request) => {
      const standing = await standingOf(ctx.db, request.actor);
      return presentConsortium(ctx.db, standing, request.params.id);
    },
  );

  app.post(
    "/api/v1/consortia/:id/invitations",
    {
      schema: {
        tags,
        summary: "Invite an organisation, with its role and the capabilities it brings (the lead)",
        params: IdParams,
        body: InvitationBody,
        response: { 201: Consortium, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const { consortium, abilities, standing } = await forChange(actor, request.params.id);
      if (!abilities.manage) throw commonErrors.forbidden(manager);
      await inviteOrganisation(ctx, actor, consortium.id, request.body);
      return reply.status(201).send(await presentConsortium(ctx.db, standing, consortium.id));
    },
  );

  /** The invitation, still open, if the caller may see the consortium (404, 409). */
  const openInvitation = async (
    actor: Parameters<typeof standingOf>[1],
    id: string,
    invitationId: string,
  ) => {
    const loaded = await forChange(actor, id);
    const invitation = loaded.invitations.find((item) => item.id === invitationId);
    if (!invitation) throw consortiaErrors.invitationNotFound();
    if (invitation.status !== "pending") throw consortiaErrors.invitationAnswered();
    return { ...loaded, invitation };
  };
  const invitee = "Only the invited organisation's admins can answer.";

  app.post(
    "/api/v1/consortia/:id/invitations/:invitationId/accept",
    {
      schema: {
        tags,
        summary: "Accept an invitation: the organisation joins (its admins)",
        params: InvitationParams,
        response: { 200: Consortium, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const { consortium, invitation, abilities, standing } = await openInvitation(
        actor,
        request.params.id,
        request.params.invitationId,
      );
      if (!abilities.answer.includes(invitation.id)) throw commonErrors.forbidden(invitee);
      await answerInvitation(ctx, actor, consortium.id, invitation.id, "accepted");
      return presentConsortium(ctx.db, standing, consortium.id);
    },
  );

  app.post(
    "/api/v1/consortia/:id/invitations/:invitationId/decline",
    {
      schema: {
        tags,
        summary: "Decline an invitation (the invited organisation's admins)",
        description:
          "Declined, the organisation no longer sees the consortium: nothing is returned.",
        params: InvitationParams,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const { consortium, invitation, abilities } = await openInvitation(
        actor,
        request.params.id,
        request.params.invitationId,
      );
      if (!abilities.answer.includes(invitation.id)) throw commonErrors.forbidden(invitee);
      await answerInvitation(ctx, actor, consortium.id, invitation.id, "declined");
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/v1/consortia/:id/invitations/:invitationId/withdraw",
    {
      schema: {
        tags,
        summary: "Withdraw an open invitation (the lead's admins)",
        params: InvitationParams,
        response: { 200: Consortium, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const { consortium, invitation, abilities, standing } = await openInvitation(
        actor,
        request.params.id,
        request.params.invitationId,
      );
      if (!abilities.manage) throw commonErrors.forbidden(manager);
      await answerInvitation(ctx, actor, consortium.id, invitation.id, "withdrawn");
      return presentConsortium(ctx.db, standing, consortium.id);
    },
  );

  app.post(
    "/api/v1/consortia/:id/members/:organisationId/leave",
    {
      schema: {
        tags,
        summary: "Take a member organisation out (its admins; the lead hands over or dissolves)",
        params: MemberParams,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const { consortium, abilities, parties } = await forChange(actor, request.params.id);
      const { organisationId } = request.params;
      if (!parties.memberIds.includes(organisationId)) throw consortiaErrors.memberNotFound();
      if (organisationId === consortium.leadOrganisationId) throw consortiaErrors.leadCannotLeave();
      if (!abilities.leave.includes(organisationId)) {
        throw commonErrors.forbidden("Only the member organisation's admins can take it out.");
      }
      await leaveConsortium(ctx, actor, consortium.id, organisationId);
      // Having left, the caller may no longer see the consortium: nothing to show.
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/v1/consortia/:id/lead",
    {
      schema: {
        tags,
        summary: "Hand the lead over to another member organisation (the lead)",
        params: IdParams,
        body: HandOverBody,
        response: { 200: Consortium, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const { consortium, abilities, standing } = await forChange(actor, request.params.id);
      if (!abilities.manage) throw commonErrors.forbidden(manager);
      await handOverLead(ctx, actor, consortium.id, request.body.organisationId);
      return presentConsortium(ctx.db, standing, consortium.id);
    },
  );

  app.post(
    "/api/v1/consortia/:id/dissolve",
    {
      schema: {
        tags,
        summary: "Dissolve the consortium (the lead): open invitations are withdrawn",
        params: IdParams,
        response: { 200: Consortium, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const { consortium, abilities, standing } = await forChange(actor, request.params.id);
      if (!abilities.manage) throw commonErrors.forbidden(manager);
      await dissolveConsortium(ctx, actor, consortium.id);
      return presentConsortium(ctx.db, standing, consortium.id);
    },
  );
};
