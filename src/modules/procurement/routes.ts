import type { FastifyPluginAsyncZod, ZodTypeProvider } from "fastify-type-provider-zod";
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
import { acceptRawUploads } from "../../core/http/uploads.ts";
import { readableProcurementFacts } from "../challenges/index.ts";
import { bidderKey, bidderOptions, readerOf } from "./bidders.ts";
import { defineProposalForm } from "./commands/define-proposal-form.ts";
import { reviseProposal } from "./commands/revise-proposal.ts";
import { submitProposal } from "./commands/submit-proposal.ts";
import {
  authoriseUpload,
  fileTooLarge,
  uploadProposalFile,
} from "./commands/upload-proposal-file.ts";
import { withdrawProposal } from "./commands/withdraw-proposal.ts";
import {
  PROPOSAL_FILE_MAX_BYTES,
  Proposal,
  ProposalBox,
  ProposalContentBody,
  ProposalCount,
  ProposalFile,
  ProposalFileParams,
  ProposalFileQuery,
  ProposalForm,
  ProposalFormBody,
  ProposalList,
  ReceiptVerification,
  SubmissionResult,
  SubmitProposalBody,
  VerifyReceiptBody,
} from "./contract.ts";
import { procurementErrors } from "./errors.ts";
import { formOf } from "./form.ts";
import { isCityMember, mayDefineForm, phaseOf, type Reader } from "./policy.ts";
import { presentFile, presentProposal, presentSummary } from "./presenters.ts";
import {
  liveProposalCount,
  loadProposals,
  readableFile,
  readableProposal,
  readableProposals,
  verifyReceipt,
} from "./sealed-proposals.ts";

const tags = ["procurement"];
const sealedNote =
  "Sealed until the proposal deadline: only the bidder's people (an organisation's members; a consortium's " +
  "member organisations' members) read a proposal; to anyone else it does not exist (404). See docs/procurement.md.";

export const procurementRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  /** A proposal as the reader may see it (404 when the seal refuses). */
  const presentOne = async (reader: Reader, id: string) => {
    const entry = await readableProposal(ctx.db, reader, id, ctx.clock.now());
    const [loaded] = await loadProposals(ctx.db, [entry]);
    const form = await formOf(ctx.db, entry.proposal.challengeId);
    return presentProposal(loaded!, form.sections);
  };

  /** Whether the reader may change the challenge's form now (counts only for the city). */
  const formEditable = async (
    reader: Reader,
    challenge: Awaited<ReturnType<typeof readableProcurementFacts>>,
  ) => {
    if (!isCityMember(reader, challenge)) return false;
    const count = (await liveProposalCount(ctx.db, reader, challenge, ctx.clock.now())) ?? 0;
    return mayDefineForm(reader, challenge, count, ctx.clock.now());
  };

  app.get(
    "/api/v1/challenges/:id/proposal-form",
    {
      schema: {
        tags,
        summary: "The sections a challenge's proposals fill in (the city's, or the default ones)",
        params: IdParams,
        response: { 200: ProposalForm, ...problemResponses },
      },
    },
    async (request) => {
      const challenge = await readableProcurementFacts(ctx.db, request.actor, request.params.id);
      const reader = await readerOf(ctx.db, request.actor);
      const form = await formOf(ctx.db, challenge.id);
      return {
        challengeId: challenge.id,
        custom: form.custom,
        sections: form.sections,
        editable: await formEditable(reader, challenge),
      };
    },
  );

  app.put(
    "/api/v1/challenges/:id/proposal-form",
    {
      schema: {
        tags,
        summary: "Define the proposal form (the owning city's members)",
        description:
          "While the challenge is a draft or published, before the proposal deadline and before any live proposal " +
          "arrives (409 `form_locked` otherwise). Keys are unique; `maxLength` counts characters.",
        params: IdParams,
        body: ProposalFormBody,
        response: { 200: ProposalForm, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const reader = await readerOf(ctx.db, actor);
      await defineProposalForm(ctx, actor, reader, request.params.id, request.body.sections);
      const challenge = await readableProcurementFacts(ctx.db, actor, request.params.id);
      const form = await formOf(ctx.db, challenge.id);
      return {
        challengeId: challenge.id,
        custom: form.custom,
        sections: form.sections,
        editable: await formEditable(reader, challenge),
      };
    },
  );

  app.get(
    "/api/v1/challenges/:id/proposal-box",
    {
      schema: {
        tags,
        summary:
          "What you may know and do about a challenge's proposals: deadline, count (city only), whom you may submit for",
        description:
          "`count` is the number of live proposals for the owning city's members (platform admins after the deadline), " +
          "null for everyone else. `bidders` lists the organisations you administer and the challenge's consortia you " +
          "lead, with the id of their live proposal if they have one.",
        params: IdParams,
        response: { 200: ProposalBox, ...problemResponses },
      },
    },
    async (request) => {
      const challenge = await readableProcurementFacts(ctx.db, request.actor, request.params.id);
      const reader = await readerOf(ctx.db, request.actor);
      const now = ctx.clock.now();
      const options = await bidderOptions(ctx.db, reader, challenge.id);
      const live = new Map(
        (await readableProposals(ctx.db, reader, { challengeId: challenge.id }, now))
          .filter((entry) => entry.proposal.status === "submitted")
          .map((entry) => [bidderKey(entry.bidder), entry.proposal.id]),
      );
      const phase = phaseOf(challenge, now);
      return {
        challengeId: challenge.id,
        proposalDeadline: challenge.proposalDeadline?.toISOString() ?? null,
        phase,
        accepting: challenge.status === "published" && phase === "before_deadline",
        count: await liveProposalCount(ctx.db, reader, challenge, now),
        abilities: { defineForm: await formEditable(reader, challenge) },
        bidders: options.map((bidder) => ({
          kind: bidder.kind,
          id: bidder.id,
          name: bidder.name,
          proposalId: live.get(bidderKey(bidder)) ?? null,
        })),
      };
    },
  );

  app.get(
    "/api/v1/challenges/:id/proposals/count",
    {
      schema: {
        tags,
        summary:
          "How many live proposals a challenge has (its city's members; platform admins after the deadline)",
        description: "Who submitted is never part of it. Anyone else: 403 `count_not_available`.",
        params: IdParams,
        response: { 200: ProposalCount, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const challenge = await readableProcurementFacts(ctx.db, actor, request.params.id);
      const reader = await readerOf(ctx.db, actor);
      const now = ctx.clock.now();
      const count = await liveProposalCount(ctx.db, reader, challenge, now);
      if (count === null) throw procurementErrors.countNotAvailable();
      return { challengeId: challenge.id, phase: phaseOf(challenge, now), count };
    },
  );

  app.get(
    "/api/v1/challenges/:id/proposals",
    {
      schema: {
        tags,
        summary: "The challenge's proposals you may read (your bidders' own, before the deadline)",
        description: `${sealedNote} Everyone else gets an empty list.`,
        params: IdParams,
        response: { 200: ProposalList, ...problemResponses },
      },
    },
    async (request) => {
      const challenge = await readableProcurementFacts(ctx.db, request.actor, request.params.id);
      const reader = await readerOf(ctx.db, request.actor);
      const entries = await readableProposals(
        ctx.db,
        reader,
        { challengeId: challenge.id },
        ctx.clock.now(),
      );
      return { proposals: (await loadProposals(ctx.db, entries)).map(presentSummary) };
    },
  );

  app.get(
    "/api/v1/me/proposals",
    {
      schema: {
        tags,
        summary: "Proposals of the organisations you belong to and of their consortia",
        response: { 200: ProposalList, ...problemResponses },
      },
    },
    async (request) => {
      const reader = await readerOf(ctx.db, requireUser(request.actor));
      const entries = await readableProposals(ctx.db, reader, { mine: true }, ctx.clock.now());
      return { proposals: (await loadProposals(ctx.db, entries)).map(presentSummary) };
    },
  );

  app.post(
    "/api/v1/challenges/:id/proposals",
    {
      schema: {
        tags,
        summary: "Submit a proposal for an organisation you administer or a consortium you lead",
        description:
          "While the challenge is published and before its proposal deadline (409 `proposal_deadline_passed` or " +
          "`proposals_closed` otherwise). Sections follow the challenge's form; attachments are ids of files uploaded " +
          "for this bidder (POST …/proposal-files). The answer carries the receipt: keep it.",
        params: IdParams,
        body: SubmitProposalBody,
        response: { 201: SubmissionResult, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const reader = await readerOf(ctx.db, actor);
      const { proposalId, receipt } = await submitProposal(
        ctx,
        actor,
        reader,
        request.params.id,
        request.body,
      );
      return reply.status(201).send({ proposal: await presentOne(reader, proposalId), receipt });
    },
  );

  app.get(
    "/api/v1/proposals/:id",
    {
      schema: {
        tags,
        summary: "A proposal: its latest content and every revision's receipt",
        description: sealedNote,
        params: IdParams,
        response: { 200: Proposal, ...problemResponses },
      },
    },
    async (request) => presentOne(await readerOf(ctx.db, request.actor), request.params.id),
  );

  app.post(
    "/api/v1/proposals/:id/revisions",
    {
      schema: {
        tags,
        summary: "Revise a proposal before the deadline (the bidder's admins): a new receipt",
        params: IdParams,
        body: ProposalContentBody,
        response: { 201: SubmissionResult, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const reader = await readerOf(ctx.db, actor);
      const receipt = await reviseProposal(ctx, actor, reader, request.params.id, request.body);
      return reply
        .status(201)
        .send({ proposal: await presentOne(reader, request.params.id), receipt });
    },
  );

  app.post(
    "/api/v1/proposals/:id/withdraw",
    {
      schema: {
        tags,
        summary: "Withdraw a proposal before the deadline (the bidder's admins)",
        params: IdParams,
        response: { 200: Proposal, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const reader = await readerOf(ctx.db, actor);
      await withdrawProposal(ctx, actor, reader, request.params.id);
      return presentOne(reader, request.params.id);
    },
  );

  app.get(
    "/api/v1/proposals/:id/files/:fileId",
    {
      schema: {
        tags,
        summary: "Download a file a proposal attaches (whoever may read the proposal)",
        params: ProposalFileParams,
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
      const reader = await readerOf(ctx.db, request.actor);
      const file = await readableFile(
        ctx.db,
        reader,
        request.params.id,
        request.params.fileId,
        ctx.clock.now(),
      );
      return reply
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .header(
          "content-disposition",
          `attachment; filename="${file.filename.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        )
        .header("etag", `"${file.sha256}"`)
        .type(file.contentType)
        .send(file.bytes);
    },
  );

  app.post(
    "/api/v1/proposals/receipts/verify",
    {
      schema: {
        tags,
        summary: "Verify a proposal receipt against the stored content (recomputed now)",
        description:
          "Send the receipt as downloaded (proposalId, revision and sha256 are read). After the proposal deadline " +
          "anyone may verify; before it only the proposal's readers — to anyone else the receipt is unknown (404).",
        body: VerifyReceiptBody,
        response: { 200: ReceiptVerification, ...problemResponses },
      },
    },
    async (request) =>
      verifyReceipt(ctx.db, await readerOf(ctx.db, request.actor), request.body, ctx.clock.now()),
  );

  app.register(async (plainScope) => {
    // Its own scope, so raw file bodies (of any declared type: the bytes decide) are taken here
    // and nowhere else, refused while they stream in once over the limit.
    acceptRawUploads(plainScope, { maxBytes: PROPOSAL_FILE_MAX_BYTES, tooLarge: fileTooLarge });
    const uploads = plainScope.withTypeProvider<ZodTypeProvider>();
    uploads.post(
      "/api/v1/challenges/:id/proposal-files",
      {
        schema: {
          tags,
          summary:
            "Upload a file for a bidder's proposal (raw body: PDF, PNG, JPEG or WebP, checked by content; at most 10 MB)",
          description:
            "For an organisation you administer or a consortium you lead, while the challenge takes proposals. The file " +
            "becomes part of a proposal when a submission or revision lists its id.",
          params: IdParams,
          querystring: ProposalFileQuery,
          response: { 201: ProposalFile, 415: ProblemSchema, ...problemResponses },
        },
        // Whoever may not upload is refused before the body is read.
        preParsing: async (request) => {
          const id = Uuid.safeParse((request.params as { id?: unknown }).id);
          const query = ProposalFileQuery.safeParse(request.query);
          if (!id.success || !query.success) return; // Answered 400 by validation.
          const actor = requireUser(request.actor as Actor);
          await authoriseUpload(
            ctx.db,
            actor,
            await readerOf(ctx.db, actor),
            id.data,
            { kind: query.data.bidderKind, id: query.data.bidderId },
            ctx.clock.now(),
          );
        },
      },
      async (request, reply) => {
        const actor = requireUser(request.actor);
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
          throw procurementErrors.fileNotAccepted(undefined, {
            errors: [{ field: "body", message: "must be the file" }],
          });
        }
        const file = await uploadProposalFile(
          ctx,
          actor,
          await readerOf(ctx.db, actor),
          request.params.id,
          { kind: request.query.bidderKind, id: request.query.bidderId },
          { filename: request.query.filename, bytes: request.body },
        );
        return reply.status(201).send(presentFile(file));
      },
    );
  });
};
