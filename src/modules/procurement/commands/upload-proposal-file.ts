import { createHash } from "node:crypto";
import type { UserActor } from "../../../core/auth/actor.ts";
import type { ServiceContext } from "../../../core/context.ts";
import type { Db } from "../../../core/db/client.ts";
import { readableProcurementFacts } from "../../challenges/index.ts";
import { actingBidder, type BidderFacts } from "../bidders.ts";
import { type BidderRef, PROPOSAL_FILE_MAX_BYTES } from "../contract.ts";
import { procurementErrors } from "../errors.ts";
import { safeFilename, sniffProposalFile } from "../files.ts";
import type { Reader } from "../policy.ts";
import { type FileListing, insertFile } from "../repository.ts";
import { requireOpenWindow } from "./proposal-rules.ts";

export const fileTooLarge = () => procurementErrors.fileTooLarge();

/**
 * Whether the reader may upload a file for the bidder to the challenge now (its admin, while
 * proposals are taken): checked before the body is read, and again with it.
 */
export async function authoriseUpload(
  db: Db,
  actor: UserActor,
  reader: Reader,
  challengeId: string,
  ref: BidderRef,
  now: Date,
): Promise<BidderFacts> {
  const challenge = await readableProcurementFacts(db, actor, challengeId);
  const bidder = await actingBidder(db, reader, challenge.id, ref, "query.bidderId");
  requireOpenWindow(challenge, now);
  return bidder;
}

/**
 * Stores an uploaded file under a generated id for the bidder's proposals to this challenge. It
 * is part of nothing until a submission or revision attaches it (the receipt then covers its
 * hash); unattached files are deleted after a day. Not audited: nothing is submitted yet.
 */
export async function uploadProposalFile(
  ctx: ServiceContext,
  actor: UserActor,
  reader: Reader,
  challengeId: string,
  ref: BidderRef,
  input: { filename: string; bytes: Buffer },
): Promise<FileListing> {
  if (input.bytes.length > PROPOSAL_FILE_MAX_BYTES) throw fileTooLarge();
  const contentType = sniffProposalFile(input.bytes);
  if (!contentType) {
    throw procurementErrors.fileNotAccepted(undefined, {
      errors: [{ field: "body", message: "is not a PDF, PNG, JPEG or WebP file" }],
    });
  }
  const now = ctx.clock.now();
  const bidder = await authoriseUpload(ctx.db, actor, reader, challengeId, ref, now);
  return insertFile(ctx.db, {
    challengeId,
    bidderKind: bidder.kind,
    bidderId: bidder.id,
    filename: safeFilename(input.filename),
    contentType,
    sizeBytes: input.bytes.length,
    sha256: createHash("sha256").update(input.bytes).digest("hex"),
    bytes: input.bytes,
    uploadedBy: actor.userId,
    uploadedAt: now,
  });
}
