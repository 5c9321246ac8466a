import { defineErrors } from "../../core/http/problem.ts";

/**
 * Procurement's coded errors. A proposal the caller may not read is `proposal_not_found`, the
 * same answer as for one that does not exist: the seal shows in no error.
 */
export const procurementErrors = defineErrors({
  proposalNotFound: { status: 404, title: "Proposal not found" },
  fileNotFound: { status: 404, title: "File not found" },
  receiptNotFound: { status: 404, title: "No proposal revision matches this receipt" },
  proposalsClosed: { status: 409, title: "This challenge does not take proposals" },
  proposalDeadlinePassed: {
    status: 409,
    title: "The proposal deadline has passed: proposals can no longer be submitted or revised",
  },
  withdrawalClosed: {
    status: 409,
    title: "The proposal deadline has passed: proposals can no longer be withdrawn",
  },
  proposalWithdrawn: { status: 409, title: "This proposal was withdrawn" },
  proposalExists: {
    status: 409,
    title: "This bidder has a live proposal for the challenge already: revise it instead",
  },
  formLocked: {
    status: 409,
    title:
      "The proposal form changes only while the challenge is a draft or published, before the deadline and before any proposal arrives",
  },
  notBidderMember: {
    status: 403,
    title: "You must belong to the bidding organisation to submit or upload for it",
  },
  notBidderAdmin: {
    status: 403,
    title: "Only the bidder's admins (a consortium's lead organisation's admins) can do this",
  },
  bidderNotFound: { status: 400, title: "No bidder you may act for has this id" },
  bidderCannotBid: {
    status: 400,
    title: "Proposals come from companies, research institutes, clusters and their consortia",
  },
  consortiumDissolved: { status: 409, title: "This consortium is dissolved" },
  contentInvalid: { status: 400, title: "The proposal is not complete or not valid" },
  countNotAvailable: {
    status: 403,
    title: "Only the owning city's members see how many proposals arrived",
  },
  fileNotAccepted: {
    status: 415,
    title: "Attachments must be PDF, PNG, JPEG or WebP files (checked by their content)",
  },
  fileTooLarge: { status: 413, title: "An attachment must be at most 10 MB" },
  notPublished: {
    status: 404,
    title: "This challenge is a draft: its procurement is published with the challenge",
  },
});
