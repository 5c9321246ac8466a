import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requirePlatformRole } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import { problemResponses } from "../../core/http/contract.ts";
import { addCapability } from "./commands/add-capability.ts";
import { addSynonyms } from "./commands/add-synonyms.ts";
import {
  AddSynonymsBody,
  Capability,
  CapabilityParams,
  CreateCapabilityBody,
  MapTagsBody,
  TagMapping,
  Taxonomy,
  TaxonomyQuery,
} from "./contract.ts";
import { catalogueErrors } from "./errors.ts";
import { presentCapability } from "./presenters.ts";
import { findCapability, listCapabilities } from "./repository-taxonomy.ts";
import { mapTagsToCapabilities, taxonomyTree } from "./taxonomy.ts";

const tags = ["catalogue"];

export const taxonomyRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/v1/capabilities",
    {
      schema: {
        tags,
        summary: "The capability taxonomy as a tree, labels and synonyms in one language",
        querystring: TaxonomyQuery,
        response: { 200: Taxonomy, ...problemResponses },
      },
    },
    async (request) => ({
      locale: request.query.locale,
      capabilities: taxonomyTree(await listCapabilities(ctx.db), request.query.locale),
    }),
  );

  app.get(
    "/api/v1/capabilities/:code",
    {
      schema: {
        tags,
        summary: "One capability with its labels and synonyms in every language",
        params: CapabilityParams,
        response: { 200: Capability, ...problemResponses },
      },
    },
    async (request) => {
      const capability = await findCapability(ctx.db, request.params.code);
      if (!capability) throw catalogueErrors.capabilityNotFound();
      return presentCapability(capability);
    },
  );

  app.post(
    "/api/v1/capabilities",
    {
      schema: {
        tags: ["admin"],
        summary: "Add a capability code under an existing one (platform admins)",
        body: CreateCapabilityBody,
        response: { 201: Capability, ...problemResponses },
      },
    },
    async (request, reply) => {
      const admin = requirePlatformRole(request.actor, "admin");
      const capability = await addCapability(ctx, admin.userId, request.body);
      return reply.status(201).send(presentCapability(capability));
    },
  );

  app.post(
    "/api/v1/capabilities/:code/synonyms",
    {
      schema: {
        tags: ["admin"],
        summary: "Add synonyms to a capability in one language (platform admins)",
        params: CapabilityParams,
        body: AddSynonymsBody,
        response: { 200: Capability, ...problemResponses },
      },
    },
    async (request) => {
      const admin = requirePlatformRole(request.actor, "admin");
      return presentCapability(
        await addSynonyms(ctx, admin.userId, request.params.code, request.body),
      );
    },
  );

  app.post(
    "/api/v1/capabilities/map-tags",
    {
      // Reads only: nothing to forge, so no CSRF token is needed.
      config: { csrf: false },
      schema: {
        tags,
        summary:
          "Map free-text tags onto capability codes (same code, label or synonym in any language)",
        body: MapTagsBody,
        response: { 200: TagMapping, ...problemResponses },
      },
    },
    async (request) => ({ mappings: await mapTagsToCapabilities(ctx.db, request.body.tags) }),
  );
};
