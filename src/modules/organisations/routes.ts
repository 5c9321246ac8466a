import type { FastifyPluginAsyncZod, ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  type Actor,
  hasPlatformRole,
  requirePlatformRole,
  requireUser,
  requireVerifiedUser,
} from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import {
  fileResponse,
  IdParams,
  ProblemSchema,
  problemResponses,
  Uuid,
} from "../../core/http/contract.ts";
import { commonErrors } from "../../core/http/problem.ts";
import { findPeople, findPerson } from "../accounts/index.ts";
import {
  acceptAffiliation,
  endAffiliation,
  proposeAffiliation,
  type Side,
} from "./commands/affiliations.ts";
import { createOrganisation } from "./commands/create-organisation.ts";
import {
  acceptInvitation,
  declineInvitation,
  findOpenInvitation,
  invitationStatus,
  inviteMember,
  revokeInvitation,
} from "./commands/invitations.ts";
import { changeMemberRole, removeMember } from "./commands/members.ts";
import { LOGO_MAX_BYTES, replaceLogo, updateOrganisation } from "./commands/update-organisation.ts";
import { setOrganisationVerified } from "./commands/verify-organisation.ts";
import {
  AffiliationList,
  CityList,
  CreateOrganisationBody,
  Invitation,
  InvitationList,
  InvitationParams,
  InvitationPreview,
  InvitationTokenBody,
  InviteBody,
  MemberList,
  MemberParams,
  MemberPatch,
  MyMemberships,
  NetworkOverview,
  Organisation,
  OrganisationList,
  OrganisationQuery,
  ProposeAffiliationBody,
  UpdateOrganisationBody,
  VerificationBody,
} from "./contract.ts";
import { organisationErrors } from "./errors.ts";
import { canSeeMembers, organisationAbilities, requireAbility } from "./policy.ts";
import {
  presentAffiliation,
  presentCity,
  presentInvitation,
  presentOrganisationSummary,
} from "./presenters.ts";
import {
  activeMemberIds,
  activeParentIds,
  countAdminsOf,
  countCities,
  countCurrentMembers,
  countOrganisationsByKind,
  countPeople,
  countVerifiedOrganisations,
  currentMembership,
  findAffiliation,
  findLogo,
  findOrganisation,
  findOrganisationsByIds,
  listCitiesWithCounts,
  listCurrentMembers,
  listInvitations,
  listOpenAffiliations,
  type MembershipRow,
  membershipsOfUser,
  type OrganisationListing,
  searchOrganisations,
} from "./repository.ts";

const tags = ["organisations"];
const RefParams = z.strictObject({ ref: z.string().min(1).max(100) });

export const organisationsRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  const loadOrganisation = async (ref: string): Promise<OrganisationListing> => {
    const organisation = await findOrganisation(ctx.db, ref);
    if (!organisation) throw organisationErrors.organisationNotFound();
    return organisation;
  };

  /**
   * The caller's current membership and whether they are its only admin (who may not leave);
   * the admins are counted only for an admin, the one case where the count matters.
   */
  const memberStanding = async (
    actor: Actor,
    organisationId: string,
  ): Promise<{ membership: MembershipRow | undefined; onlyAdmin: boolean }> => {
    const membership =
      actor.kind === "user"
        ? await currentMembership(ctx.db, organisationId, actor.userId)
        : undefined;
    const onlyAdmin =
      membership?.role === "admin" && (await countAdminsOf(ctx.db, organisationId)) <= 1;
    return { membership, onlyAdmin };
  };

  const abilitiesFor = async (actor: Actor, organisationId: string) => {
    const { membership, onlyAdmin } = await memberStanding(actor, organisationId);
    return { membership, abilities: organisationAbilities(actor, membership, onlyAdmin) };
  };

  /** What an organisation's page shows besides its own row, as the caller sees it. */
  interface PageFacts {
    membership: MembershipRow | undefined;
    onlyAdmin: boolean;
    memberCount: number;
    parents: OrganisationListing[];
    members: OrganisationListing[];
  }

  const pageFacts = async (actor: Actor, organisationId: string): Promise<PageFacts> => {
    const [{ membership, onlyAdmin }, memberCount, parentIds, memberIds] = await Promise.all([
      memberStanding(actor, organisationId),
      countCurrentMembers(ctx.db, organisationId),
      activeParentIds(ctx.db, organisationId),
      activeMemberIds(ctx.db, organisationId),
    ]);
    const related = new Map(
      (await findOrganisationsByIds(ctx.db, [...parentIds, ...memberIds])).map((o) => [o.id, o]),
    );
    const known = (ids: string[]) =>
      ids.map((id) => related.get(id)).filter((o): o is OrganisationListing => o !== undefined);
    return {
      membership,
      onlyAdmin,
      memberCount,
      parents: known(parentIds),
      members: known(memberIds),
    };
  };

  const presentOrganisationWith = (
    organisation: OrganisationListing,
    actor: Actor,
    facts: PageFacts,
  ) => {
    const summaries = (listed: OrganisationListing[]) =>
      listed.map(presentOrganisationSummary).sort((a, b) => a.name.localeCompare(b.name));
    return {
      ...presentOrganisationSummary(organisation),
      cityId: organisation.cityId,
      website: organisation.website,
      description: organisation.description,
      memberCount: facts.memberCount,
      createdAt: organisation.createdAt.toISOString(),
      myRole: facts.membership?.role ?? null,
      abilities: organisationAbilities(actor, facts.membership, facts.onlyAdmin),
      memberOf: summaries(facts.parents),
      members: summaries(facts.members),
    };
  };

  const presentOrganisation = async (organisation: OrganisationListing, actor: Actor) =>
    presentOrganisationWith(organisation, actor, await pageFacts(actor, organisation.id));

  app.get(
    "/api/v1/cities",
    {
      schema: {
        tags,
        summary: "C40 member cities, with how many organisations each has",
        response: { 200: CityList },
      },
    },
    async () => ({ cities: (await listCitiesWithCounts(ctx.db)).map(presentCity) }),
  );

  app.get(
    "/api/v1/network/overview",
    {
      schema: {
        tags,
        summary: "Headline numbers of the network",
        response: { 200: NetworkOverview },
      },
    },
    async () => {
      const [cityCounts, organisationsByKind, verifiedOrganisations, people] = await Promise.all([
        countCities(ctx.db),
        countOrganisationsByKind(ctx.db),
        countVerifiedOrganisations(ctx.db),
        countPeople(ctx.db),
      ]);
      return { ...cityCounts, organisationsByKind, verifiedOrganisations, people };
    },
  );

  app.get(
    "/api/v1/organisations",
    {
      schema: {
        tags,
        summary: "Find organisations",
        querystring: OrganisationQuery,
        response: { 200: OrganisationList, ...problemResponses },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      const { rows, total, kinds } = await searchOrganisations(ctx.db, filter, { limit, offset });
      return { organisations: rows.map(presentOrganisationSummary), total, kinds };
    },
  );

  app.post(
    "/api/v1/organisations",
    {
      schema: {
        tags,
        summary: "Create an organisation; you become its first admin",
        body: CreateOrganisationBody,
        response: { 201: Organisation, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireVerifiedUser(request.actor);
      const created = await createOrganisation(ctx, actor.userId, request.body);
      // Nothing to read back: its founder is its only member and admin, and it has no ties yet.
      return reply.status(201).send(
        presentOrganisationWith(created, request.actor, {
          membership: created.founder,
          onlyAdmin: true,
          memberCount: 1,
          parents: [],
          members: [],
        }),
      );
    },
  );

  app.get(
    "/api/v1/organisations/:ref",
    {
      schema: {
        tags,
        summary: "An organisation's profile (by id or slug), with what you may do with it",
        params: RefParams,
        response: { 200: Organisation, ...problemResponses },
      },
    },
    async (request) =>
      presentOrganisation(await loadOrganisation(request.params.ref), request.actor),
  );

  app.patch(
    "/api/v1/organisations/:id",
    {
      schema: {
        tags,
        summary: "Edit an organisation's profile (its admins)",
        params: IdParams,
        body: UpdateOrganisationBody,
        response: { 200: Organisation, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const organisation = await loadOrganisation(request.params.id);
      requireAbility((await abilitiesFor(actor, organisation.id)).abilities, "edit");
      await updateOrganisation(ctx, actor.userId, organisation, request.body);
      return presentOrganisation(await loadOrganisation(organisation.id), actor);
    },
  );

  app.register(async (plainScope) => {
    // Its own scope, so raw image bodies are accepted here and nowhere else.
    const logoScope = plainScope.withTypeProvider<ZodTypeProvider>();
    logoScope.addContentTypeParser(
      ["image/png", "image/jpeg", "image/webp"],
      { parseAs: "buffer", bodyLimit: LOGO_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    logoScope.put(
      "/api/v1/organisations/:id/logo",
      {
        schema: {
          tags,
          summary: "Upload a logo (PNG, JPEG or WebP, at most 512 KB; checked by content)",
          params: IdParams,
          response: { 204: z.undefined(), 415: ProblemSchema, ...problemResponses },
        },
      },
      async (request, reply) => {
        const actor = requireUser(request.actor);
        const organisation = await loadOrganisation(request.params.id);
        requireAbility((await abilitiesFor(actor, organisation.id)).abilities, "edit");
        if (!Buffer.isBuffer(request.body)) throw organisationErrors.logoNotAccepted();
        await replaceLogo(ctx, actor.userId, organisation.id, request.body);
        return reply.status(204).send();
      },
    );
  });

  app.delete(
    "/api/v1/organisations/:id/logo",
    {
      schema: {
        tags,
        summary: "Remove the logo",
        params: IdParams,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const organisation = await loadOrganisation(request.params.id);
      requireAbility((await abilitiesFor(actor, organisation.id)).abilities, "edit");
      await replaceLogo(ctx, actor.userId, organisation.id, null);
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/v1/organisations/:id/logo",
    {
      schema: {
        tags,
        summary: "The organisation's logo image",
        params: IdParams,
        response: {
          200: fileResponse("The logo, in the type it was uploaded with", [
            "image/png",
            "image/jpeg",
            "image/webp",
          ]),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const logo = await findLogo(ctx.db, request.params.id);
      if (!logo) throw organisationErrors.organisationNotFound("This organisation has no logo.");
      return reply
        .header("cache-control", "public, max-age=300")
        .header("etag", `"${logo.sha256}"`)
        .header("content-disposition", "inline")
        .type(logo.contentType)
        .send(logo.bytes);
    },
  );

  app.post(
    "/api/v1/organisations/:id/verification",
    {
      schema: {
        tags: ["admin"],
        summary: "Grant or withdraw the verified badge (platform admins)",
        params: IdParams,
        body: VerificationBody,
        response: { 200: Organisation, ...problemResponses },
      },
    },
    async (request) => {
      const admin = requirePlatformRole(request.actor, "admin");
      const organisation = await loadOrganisation(request.params.id);
      await setOrganisationVerified(ctx, admin.userId, organisation.id, request.body.verified);
      return presentOrganisation(await loadOrganisation(organisation.id), admin);
    },
  );

  app.get(
    "/api/v1/organisations/:id/members",
    {
      schema: {
        tags,
        summary: "People in the organisation (visible to its members and platform staff)",
        params: IdParams,
        response: { 200: MemberList, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const organisation = await loadOrganisation(request.params.id);
      const { membership } = await abilitiesFor(actor, organisation.id);
      if (!canSeeMembers(actor, membership)) throw commonErrors.forbidden();
      const rows = await listCurrentMembers(ctx.db, organisation.id);
      const people = await findPeople(
        ctx.db,
        rows.map((row) => row.userId),
      );
      return {
        members: rows.flatMap((row) => {
          const person = people.get(row.userId);
          return person
            ? [
                {
                  userId: row.userId,
                  name: person.name,
                  email: person.email,
                  role: row.role,
                  since: row.startedAt.toISOString(),
                },
              ]
            : [];
        }),
      };
    },
  );

  app.patch(
    "/api/v1/organisations/:id/members/:userId",
    {
      schema: {
        tags,
        summary: "Change a member's role (admins)",
        params: MemberParams,
        body: MemberPatch,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const organisation = await loadOrganisation(request.params.id);
      requireAbility((await abilitiesFor(actor, organisation.id)).abilities, "manageMembers");
      await changeMemberRole(
        ctx,
        actor.userId,
        organisation.id,
        request.params.userId,
        request.body.role,
      );
      return reply.status(204).send();
    },
  );

  app.delete(
    "/api/v1/organisations/:id/members/:userId",
    {
      schema: {
        tags,
        summary: "Remove a member (admins), or leave (yourself)",
        params: MemberParams,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const organisation = await loadOrganisation(request.params.id);
      if (request.params.userId !== actor.userId) {
        requireAbility((await abilitiesFor(actor, organisation.id)).abilities, "manageMembers");
      }
      await removeMember(ctx, actor.userId, organisation.id, request.params.userId);
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/v1/organisations/:id/invitations",
    {
      schema: {
        tags,
        summary: "Invitations sent (admins)",
        params: IdParams,
        response: { 200: InvitationList, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const organisation = await loadOrganisation(request.params.id);
      requireAbility((await abilitiesFor(actor, organisation.id)).abilities, "manageMembers");
      const rows = await listInvitations(ctx.db, organisation.id);
      const inviters = await findPeople(
        ctx.db,
        rows.map((row) => row.invitedBy),
      );
      const now = ctx.clock.now();
      return {
        invitations: rows.map((row) =>
          presentInvitation(row, inviters.get(row.invitedBy)?.name ?? "", now),
        ),
      };
    },
  );

  app.post(
    "/api/v1/organisations/:id/invitations",
    {
      schema: {
        tags,
        summary: "Invite someone by e-mail (admins)",
        params: IdParams,
        body: InviteBody,
        response: { 201: Invitation, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const organisation = await loadOrganisation(request.params.id);
      requireAbility((await abilitiesFor(actor, organisation.id)).abilities, "manageMembers");
      const inviter = await findPerson(ctx.db, actor.userId);
      if (!inviter) throw commonErrors.unauthenticated();
      const invitation = await inviteMember(ctx, inviter, organisation, request.body);
      return reply.status(201).send(presentInvitation(invitation, inviter.name, ctx.clock.now()));
    },
  );

  app.delete(
    "/api/v1/organisations/:id/invitations/:invitationId",
    {
      schema: {
        tags,
        summary: "Withdraw an invitation (admins)",
        params: InvitationParams,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const organisation = await loadOrganisation(request.params.id);
      requireAbility((await abilitiesFor(actor, organisation.id)).abilities, "manageMembers");
      await revokeInvitation(ctx, actor.userId, organisation.id, request.params.invitationId);
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/v1/invitations/preview",
    {
      config: { csrf: false },
      schema: {
        tags,
        summary:
          "What an invitation link offers (the token is sent in the body, never in the address)",
        body: InvitationTokenBody,
        response: { 200: InvitationPreview, ...problemResponses },
      },
    },
    async (request) => {
      const invitation = await findOpenInvitation(ctx, request.body.token);
      const [organisation, inviter] = await Promise.all([
        loadOrganisation(invitation.organisationId),
        findPerson(ctx.db, invitation.invitedBy),
      ]);
      return {
        organisation: presentOrganisationSummary(organisation),
        role: invitation.role,
        email: invitation.email,
        invitedBy: inviter?.name ?? "",
        status: invitationStatus(invitation, ctx.clock.now()),
        expiresAt: invitation.expiresAt.toISOString(),
      };
    },
  );

  app.post(
    "/api/v1/invitations/accept",
    {
      schema: {
        tags,
        summary: "Accept an invitation with the account it was sent to",
        body: InvitationTokenBody,
        response: {
          200: z.object({ organisationId: Uuid, slug: z.string() }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const person = await findPerson(ctx.db, actor.userId);
      if (!person) throw commonErrors.unauthenticated();
      const { organisationId } = await acceptInvitation(ctx, person, request.body.token);
      const organisation = await loadOrganisation(organisationId);
      return { organisationId, slug: organisation.slug };
    },
  );

  app.post(
    "/api/v1/invitations/decline",
    {
      schema: {
        tags,
        summary: "Decline an invitation",
        body: InvitationTokenBody,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const person = await findPerson(ctx.db, actor.userId);
      if (!person) throw commonErrors.unauthenticated();
      await declineInvitation(ctx, person, request.body.token);
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/v1/me/organisations",
    {
      schema: {
        tags,
        summary: "Organisations I belong to",
        response: { 200: MyMemberships, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const rows = await membershipsOfUser(ctx.db, actor.userId);
      return {
        memberships: rows.map((row) => ({
          organisation: presentOrganisationSummary(row.organisation),
          role: row.membership.role,
          since: row.membership.startedAt.toISOString(),
        })),
      };
    },
  );

  const sidesOf = async (actor: Actor, parentId: string, memberId: string): Promise<Side[]> => {
    const sides: Side[] = [];
    if (hasPlatformRole(actor, "admin")) sides.push("platform");
    if (actor.kind === "user") {
      if ((await currentMembership(ctx.db, parentId, actor.userId))?.role === "admin")
        sides.push("parent");
      if ((await currentMembership(ctx.db, memberId, actor.userId))?.role === "admin")
        sides.push("member");
    }
    return sides;
  };

  app.get(
    "/api/v1/organisations/:id/affiliations",
    {
      schema: {
        tags,
        summary:
          "Open cluster and network affiliations of an organisation (pending ones: its admins only)",
        params: IdParams,
        response: { 200: AffiliationList, ...problemResponses },
      },
    },
    async (request) => {
      const organisation = await loadOrganisation(request.params.id);
      const { abilities } = await abilitiesFor(request.actor, organisation.id);
      const rows = (await listOpenAffiliations(ctx.db, organisation.id)).filter(
        (row) => row.status === "active" || abilities.manageAffiliations,
      );
      const related = new Map(
        (
          await findOrganisationsByIds(
            ctx.db,
            rows.flatMap((row) => [row.parentId, row.memberId]),
          )
        ).map((o) => [o.id, o]),
      );
      return {
        affiliations: rows.map((row) => presentAffiliation(row, related)).filter((a) => a !== null),
      };
    },
  );

  app.post(
    "/api/v1/affiliations",
    {
      schema: {
        tags,
        summary: "Propose that an organisation joins a cluster or network (admins of either side)",
        body: ProposeAffiliationBody,
        response: {
          201: z.object({ id: Uuid, status: z.enum(["pending", "active", "ended"]) }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const sides = await sidesOf(actor, request.body.parentId, request.body.memberId);
      const side = sides.includes("platform") ? "platform" : sides[0];
      if (!side)
        throw commonErrors.forbidden(
          "Only admins of one of the two organisations can propose this.",
        );
      const affiliation = await proposeAffiliation(ctx, actor.userId, { ...request.body, side });
      return reply.status(201).send({ id: affiliation.id, status: affiliation.status });
    },
  );

  app.post(
    "/api/v1/affiliations/:id/accept",
    {
      schema: {
        tags,
        summary: "Accept a proposed affiliation (admins of the other side)",
        params: IdParams,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const affiliation = await findAffiliation(ctx.db, request.params.id);
      if (!affiliation) throw organisationErrors.affiliationNotFound();
      const sides = await sidesOf(actor, affiliation.parentId, affiliation.memberId);
      if (sides.length === 0) throw commonErrors.forbidden();
      await acceptAffiliation(ctx, actor.userId, affiliation.id, sides);
      return reply.status(204).send();
    },
  );

  app.delete(
    "/api/v1/affiliations/:id",
    {
      schema: {
        tags,
        summary: "End, withdraw or decline an affiliation (admins of either side)",
        params: IdParams,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const affiliation = await findAffiliation(ctx.db, request.params.id);
      if (!affiliation || affiliation.status === "ended")
        throw organisationErrors.affiliationNotFound();
      const sides = await sidesOf(actor, affiliation.parentId, affiliation.memberId);
      if (sides.length === 0) throw commonErrors.forbidden();
      await endAffiliation(ctx, actor.userId, affiliation);
      return reply.status(204).send();
    },
  );
};
