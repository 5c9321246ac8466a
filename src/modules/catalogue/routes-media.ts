import type { FastifyPluginAsyncZod, ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireUser } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import { type ImageType, imageExtensions } from "../../core/files/images.ts";
import { ifNoneMatchHas } from "../../core/http/compression.ts";
import {
  fileResponse,
  IdParams,
  ProblemSchema,
  problemResponses,
  Uuid,
} from "../../core/http/contract.ts";
import { acceptRawUploads } from "../../core/http/uploads.ts";
import { addSolutionMedia, mediaTooLarge, removeSolutionMedia } from "./commands/solution-media.ts";
import {
  MediaUploadQuery,
  SOLUTION_MEDIA_MAX_BYTES,
  Solution,
  SolutionMediaParams,
  solutionMediaPath,
} from "./contract.ts";
import { catalogueErrors } from "./errors.ts";
import { requireAbility } from "./policy.ts";
import { findMediaFile } from "./repository-media.ts";
import { presentVisibleSolution, visibleSolution } from "./solution-views.ts";

const tags = ["catalogue"];

/**
 * Images uploaded to a solution: added and removed by whoever may edit it, served under the
 * solution's own visibility.
 */
export const solutionMediaRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  app.register(async (plainScope) => {
    // Its own scope, so raw image bodies (of any declared type: the bytes decide) are taken
    // here and nowhere else.
    acceptRawUploads(plainScope, { maxBytes: SOLUTION_MEDIA_MAX_BYTES, tooLarge: mediaTooLarge });
    const uploads = plainScope.withTypeProvider<ZodTypeProvider>();
    uploads.post(
      "/api/v1/solutions/:id/media",
      {
        schema: {
          tags,
          summary:
            "Upload an image to a solution (raw body: PNG, JPEG, WebP or GIF, checked by content; at most 5 MB) with its alternative text; the result is a new version",
          params: IdParams,
          querystring: MediaUploadQuery,
          response: { 201: Solution, 415: ProblemSchema, ...problemResponses },
        },
        // Whoever may not edit the solution is refused before the body is read.
        preParsing: async (request) => {
          const id = Uuid.safeParse((request.params as { id?: unknown }).id);
          if (!id.success) return; // Answered 400 by validation.
          const actor = requireUser(request.actor);
          requireAbility((await visibleSolution(ctx.db, id.data, actor)).abilities, "edit");
        },
      },
      async (request, reply) => {
        const actor = requireUser(request.actor);
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
          throw catalogueErrors.mediaNotAccepted(undefined, {
            errors: [{ field: "body", message: "must be the image file" }],
          });
        }
        const { fileId } = await addSolutionMedia(ctx, actor.userId, request.params.id, {
          bytes: request.body,
          alt: request.query.alt,
        });
        return reply
          .status(201)
          .header("location", solutionMediaPath(request.params.id, fileId))
          .send(await presentVisibleSolution(ctx.db, request.params.id, actor));
      },
    );
  });

  app.get(
    "/api/v1/solutions/:id/media/:fileId",
    {
      schema: {
        tags,
        summary:
          "An image uploaded to a solution (seen by whoever may see the solution; cached publicly while it is active)",
        params: SolutionMediaParams,
        response: {
          200: fileResponse(
            "The image, in the type its content was recognised as",
            Object.keys(imageExtensions),
          ),
          304: z
            .undefined()
            .describe("Not modified: the copy the client has (If-None-Match) is current"),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const { solution } = await visibleSolution(ctx.db, request.params.id, request.actor);
      const file = await findMediaFile(ctx.db, solution.id, request.params.fileId);
      if (!file) throw catalogueErrors.mediaNotFound();
      const etag = `"${file.sha256}"`;
      // A file never changes under its id; an archived solution's images are its writers' only,
      // and public caches keep an active one's for an hour at most after it is archived.
      reply
        .header("x-content-type-options", "nosniff")
        .header(
          "cache-control",
          solution.status === "active" ? "public, max-age=3600, immutable" : "private, no-store",
        )
        .header("etag", etag)
        .header(
          "content-disposition",
          `inline; filename="${file.id}.${imageExtensions[file.contentType as ImageType] ?? "img"}"`,
        );
      if (ifNoneMatchHas(request.headers["if-none-match"], etag)) return reply.status(304).send();
      return reply.type(file.contentType).send(file.bytes);
    },
  );

  app.delete(
    "/api/v1/solutions/:id/media/:fileId",
    {
      schema: {
        tags,
        summary:
          "Remove an uploaded image from a solution and delete it (whoever may edit the solution); the result is a new version",
        params: SolutionMediaParams,
        response: { 200: Solution, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const { solution, abilities } = await visibleSolution(ctx.db, request.params.id, actor);
      requireAbility(abilities, "edit");
      await removeSolutionMedia(ctx, actor.userId, solution.id, request.params.fileId);
      return presentVisibleSolution(ctx.db, solution.id, actor);
    },
  );
};
