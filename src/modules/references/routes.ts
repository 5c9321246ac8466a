import type { FastifyPluginAsyncZod, ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Actor, requireUser } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import { DOCUMENT_TYPES } from "../../core/files/documents.ts";
import {
  fileResponse,
  IdParams,
  ProblemSchema,
  problemResponses,
  Uuid,
} from "../../core/http/contract.ts";
import { commonErrors } from "../../core/http/problem.ts";
import { acceptRawUploads } from "../../core/http/uploads.ts";
import { organisationExists } from "../organisations/index.ts";
import { createReference } from "./commands/create-reference.ts";
import { decideReference } from "./commands/decide-reference.ts";
import { deleteReference } from "./commands/delete-reference.ts";
import { addEvidence, evidenceTooLarge, removeEvidence } from "./commands/reference-evidence.ts";
import { activeSolution } from "./commands/reference-rules.ts";
import { updateReference } from "./commands/update-reference.ts";
import {
  CreateReferenceBody,
  EVIDENCE_MAX_BYTES,
  EvidenceParams,
  EvidenceUploadQuery,
  evidencePath,
  OrganisationReferences,
  Reference,
  ReferenceList,
  UpdateReferenceBody,
  VerificationBody,
} from "./contract.ts";
import { referencesErrors } from "./errors.ts";
import { canWriteReferencesOf, type Standing } from "./policy.ts";
import {
  presentReference,
  presentReferences,
  standingOf,
  visibleReference,
} from "./reference-views.ts";
import { findEvidence, listReferences } from "./repository.ts";

const tags = ["references"];
const writers = "Only the people of the solution's provider write its references.";

export const referencesRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  /** The reference the caller may see and may write (404 unseen, 403 not the provider's). */
  const forWriting = async (actor: Actor, id: string) => {
    requireUser(actor);
    const standing = await standingOf(ctx.db, actor);
    const row = await visibleReference(ctx.db, standing, id);
    if (!canWriteReferencesOf(standing, row.providerId)) throw commonErrors.forbidden(writers);
    return { row, standing };
  };

  app.get(
    "/api/v1/solutions/:id/references",
    {
      schema: {
        tags,
        summary: "A solution's references (deployments in cities)",
        description:
          "Verified references are public. Pending and rejected ones are listed only to the people of the provider, " +
          "of the referenced city's organisation, and to platform admins.",
        params: IdParams,
        response: { 200: ReferenceList, ...problemResponses },
      },
    },
    async (request) => {
      const solution = await activeSolution(ctx.db, request.params.id);
      const standing = await standingOf(ctx.db, request.actor);
      const rows = await listReferences(ctx.db, { solutionId: solution.id });
      return {
        references: await presentReferences(ctx.db, standing, rows),
        canAdd: canWriteReferencesOf(standing, solution.providerId),
      };
    },
  );

  app.post(
    "/api/v1/solutions/:id/references",
    {
      schema: {
        tags,
        summary:
          "Add a reference to a solution (its provider's people); it awaits the city's verification",
        description:
          "The city is a city organisation on the platform (`organisationId`: its people verify) or a city named " +
          "with its country (it cannot be verified). Outcomes are typed; custom ones name their unit.",
        params: IdParams,
        body: CreateReferenceBody,
        response: { 201: Reference, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const solution = await activeSolution(ctx.db, request.params.id);
      const standing = await standingOf(ctx.db, actor);
      if (!canWriteReferencesOf(standing, solution.providerId)) {
        throw commonErrors.forbidden(writers);
      }
      const { id } = await createReference(ctx, actor.userId, solution.id, request.body);
      return reply.status(201).send(await presentReference(ctx.db, standing, id));
    },
  );

  app.get(
    "/api/v1/references/:id",
    {
      schema: {
        tags,
        summary: "A reference (public once verified; before, its parties' and admins' only)",
        params: IdParams,
        response: { 200: Reference, ...problemResponses },
      },
    },
    async (request) =>
      presentReference(ctx.db, await standingOf(ctx.db, request.actor), request.params.id),
  );

  app.patch(
    "/api/v1/references/:id",
    {
      schema: {
        tags,
        summary:
          "Change a reference (its provider's people); a verified or rejected one becomes pending again",
        params: IdParams,
        body: UpdateReferenceBody,
        response: { 200: Reference, ...problemResponses },
      },
    },
    async (request) => {
      const { row, standing } = await forWriting(request.actor, request.params.id);
      await updateReference(ctx, requireUser(request.actor).userId, row.id, request.body);
      return presentReference(ctx.db, standing, row.id);
    },
  );

  app.delete(
    "/api/v1/references/:id",
    {
      schema: {
        tags,
        summary: "Delete a reference with its outcomes and evidence (its provider's people)",
        params: IdParams,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { row } = await forWriting(request.actor, request.params.id);
      await deleteReference(ctx, requireUser(request.actor).userId, row.id);
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/v1/references/:id/verification",
    {
      schema: {
        tags,
        summary:
          "Verify or reject (with a reason) a pending reference (the referenced city's people)",
        params: IdParams,
        body: VerificationBody,
        response: { 200: Reference, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const standing = await standingOf(ctx.db, actor);
      const row = await visibleReference(ctx.db, standing, request.params.id);
      await decideReference(ctx, actor.userId, standing, row.id, request.body);
      return presentReference(ctx.db, standing, row.id);
    },
  );

  app.get(
    "/api/v1/organisations/:id/references",
    {
      schema: {
        tags,
        summary:
          "An organisation's references: of its solutions (provided) and in its city (hosted)",
        description:
          "Verified ones for everyone; pending and rejected ones too for the organisation's people and platform admins.",
        params: IdParams,
        response: { 200: OrganisationReferences, ...problemResponses },
      },
    },
    async (request) => {
      const organisation = await organisationExists(ctx.db, request.params.id);
      if (!organisation) throw commonErrors.notFound("No organisation has this id.");
      const standing: Standing = await standingOf(ctx.db, request.actor);
      const [provided, hosted] = await Promise.all([
        listReferences(ctx.db, { providerId: organisation.id }),
        organisation.kind === "city"
          ? listReferences(ctx.db, { cityOrganisationId: organisation.id })
          : Promise.resolve([]),
      ]);
      return {
        provided: await presentReferences(ctx.db, standing, provided),
        hosted: await presentReferences(ctx.db, standing, hosted),
      };
    },
  );

  app.get(
    "/api/v1/references/:id/evidence/:fileId",
    {
      schema: {
        tags,
        summary: "An evidence file of a reference (seen by whoever may see the reference)",
        params: EvidenceParams,
        response: {
          200: fileResponse(
            "The file, in the type it was stored with (PDF, PNG, JPEG or WebP)",
            DOCUMENT_TYPES,
          ),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const standing = await standingOf(ctx.db, request.actor);
      const row = await visibleReference(ctx.db, standing, request.params.id);
      const file = await findEvidence(ctx.db, row.id, request.params.fileId);
      if (!file) throw referencesErrors.evidenceNotFound();
      // Served as a download of the type its bytes were recognised as, never sniffed again.
      return reply
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .header(
          "content-disposition",
          `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        )
        .type(file.contentType)
        .send(file.bytes);
    },
  );

  app.delete(
    "/api/v1/references/:id/evidence/:fileId",
    {
      schema: {
        tags,
        summary:
          "Remove an evidence file (the provider's people); the reference becomes pending again",
        params: EvidenceParams,
        response: { 200: Reference, ...problemResponses },
      },
    },
    async (request) => {
      const { row, standing } = await forWriting(request.actor, request.params.id);
      await removeEvidence(ctx, requireUser(request.actor).userId, row.id, request.params.fileId);
      return presentReference(ctx.db, standing, row.id);
    },
  );

  app.register(async (plainScope) => {
    // Its own scope, so raw file bodies (the bytes decide their type) are taken here only.
    acceptRawUploads(plainScope, { maxBytes: EVIDENCE_MAX_BYTES, tooLarge: evidenceTooLarge });
    const uploads = plainScope.withTypeProvider<ZodTypeProvider>();
    uploads.post(
      "/api/v1/references/:id/evidence",
      {
        schema: {
          tags,
          summary:
            "Upload an evidence file (raw body: PDF, PNG, JPEG or WebP, checked by content; at most 10 MB, 10 files); the reference becomes pending again",
          params: IdParams,
          querystring: EvidenceUploadQuery,
          response: { 201: Reference, 415: ProblemSchema, ...problemResponses },
        },
        // Whoever may not write the reference is refused before the body is read.
        preParsing: async (request) => {
          const id = Uuid.safeParse((request.params as { id?: unknown }).id);
          if (!id.success) return; // Answered 400 by validation.
          await forWriting(request.actor as Actor, id.data);
        },
      },
      async (request, reply) => {
        const { row, standing } = await forWriting(request.actor, request.params.id);
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
          throw referencesErrors.evidenceNotAccepted(undefined, {
            errors: [{ field: "body", message: "must be the file" }],
          });
        }
        const { fileId } = await addEvidence(ctx, requireUser(request.actor).userId, row.id, {
          bytes: request.body,
          filename: request.query.filename,
        });
        return reply
          .status(201)
          .header("location", evidencePath(row.id, fileId))
          .send(await presentReference(ctx.db, standing, row.id));
      },
    );
  });
};
