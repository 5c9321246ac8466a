import type { FastifyPluginAsyncZod, ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireUser, requireVerifiedUser } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import {
  fileResponse,
  IdParams,
  ProblemSchema,
  problemResponses,
  Uuid,
} from "../../core/http/contract.ts";
import { requireCityMember, visibleChallenge } from "./commands/access.ts";
import {
  ATTACHMENT_CONTENT_TYPES,
  ATTACHMENT_MAX_BYTES,
  addAttachment,
  removeAttachment,
} from "./commands/attachments.ts";
import { forgetSearch, saveSearch } from "./commands/saved-searches.ts";
import { Attachment, SavedSearch, SavedSearchBody, SavedSearchList } from "./contract.ts";
import { challengeErrors } from "./errors.ts";
import { presentAttachment, presentSavedSearch } from "./presenters.ts";
import { findAttachment } from "./repository.ts";
import { listSavedSearches } from "./repository-saved-searches.ts";

const tags = ["challenges"];
const AttachmentParams = z.strictObject({ id: Uuid, attachmentId: Uuid });
const UploadQuery = z.strictObject({ filename: z.string().trim().min(1).max(200) });

type Plugin = FastifyPluginAsyncZod<{ ctx: ServiceContext }>;

export const attachmentRoutes: Plugin = async (app, { ctx }) => {
  app.register(async (plainScope) => {
    // Its own scope, so raw file bodies (of any declared type: the content decides) are
    // accepted here and nowhere else.
    const uploads = plainScope.withTypeProvider<ZodTypeProvider>();
    uploads.removeAllContentTypeParsers();
    uploads.addContentTypeParser(
      "*",
      { parseAs: "buffer", bodyLimit: ATTACHMENT_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    uploads.post(
      "/api/v1/challenges/:id/attachments",
      {
        schema: {
          tags,
          summary:
            "Attach a file (raw body; PDF, PNG, JPEG, WebP, text, CSV, DOCX, XLSX; at most 10 MB)",
          params: IdParams,
          querystring: UploadQuery,
          response: { 201: Attachment, 415: ProblemSchema, ...problemResponses },
        },
        // Whoever may not attach to the challenge is refused before the body is read or judged.
        preParsing: async (request) => {
          const id = Uuid.safeParse((request.params as { id?: unknown }).id);
          if (!id.success) return; // Answered 400 by validation.
          const actor = requireUser(request.actor);
          requireCityMember((await visibleChallenge(ctx.db, actor, id.data)).viewer);
        },
      },
      async (request, reply) => {
        const actor = requireUser(request.actor);
        if (!Buffer.isBuffer(request.body)) throw challengeErrors.attachmentNotAccepted();
        const attachment = await addAttachment(ctx, actor, request.params.id, {
          filename: request.query.filename,
          bytes: request.body,
        });
        return reply.status(201).send(presentAttachment(attachment));
      },
    );
  });

  app.get(
    "/api/v1/challenges/:id/attachments/:attachmentId",
    {
      schema: {
        tags,
        summary: "Download an attachment",
        params: AttachmentParams,
        response: {
          200: fileResponse(
            "The file, in the type its content was recognised as",
            ATTACHMENT_CONTENT_TYPES,
          ),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const { challenge } = await visibleChallenge(ctx.db, request.actor, request.params.id);
      const attachment = await findAttachment(ctx.db, challenge.id, request.params.attachmentId);
      if (!attachment) throw challengeErrors.attachmentNotFound();
      // Always a download, never rendered in the platform's origin.
      return reply
        .header("x-content-type-options", "nosniff")
        .header(
          "content-disposition",
          `attachment; filename="${attachment.filename.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
        )
        .header(
          "cache-control",
          challenge.status === "draft" ? "private, no-store" : "public, max-age=300",
        )
        .header("etag", `"${attachment.sha256}"`)
        .type(attachment.contentType)
        .send(attachment.bytes);
    },
  );

  app.delete(
    "/api/v1/challenges/:id/attachments/:attachmentId",
    {
      schema: {
        tags,
        summary: "Remove an attachment while the challenge is a draft (owning city)",
        params: AttachmentParams,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      await removeAttachment(ctx, actor, request.params.id, request.params.attachmentId);
      return reply.status(204).send();
    },
  );
};

export const savedSearchRoutes: Plugin = async (app, { ctx }) => {
  app.get(
    "/api/v1/me/saved-searches",
    {
      schema: {
        tags,
        summary: "Your saved catalogue searches",
        response: { 200: SavedSearchList, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      return {
        savedSearches: (await listSavedSearches(ctx.db, actor.userId)).map(presentSavedSearch),
      };
    },
  );

  app.post(
    "/api/v1/me/saved-searches",
    {
      schema: {
        tags,
        summary: "Save catalogue filters; newly published matches are notified",
        body: SavedSearchBody,
        response: { 201: SavedSearch, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireVerifiedUser(request.actor);
      return reply.status(201).send(presentSavedSearch(await saveSearch(ctx, actor, request.body)));
    },
  );

  app.delete(
    "/api/v1/me/saved-searches/:id",
    {
      schema: {
        tags,
        summary: "Forget a saved search",
        params: IdParams,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      await forgetSearch(ctx, actor, request.params.id);
      return reply.status(204).send();
    },
  );
};
