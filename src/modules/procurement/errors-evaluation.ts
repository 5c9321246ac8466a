import { defineErrors } from "../../core/http/problem.ts";

/**
 * The evaluation's coded errors. A proposal the caller may not open stays `proposal_not_found`
 * (errors.ts) for anyone off the panel: the seal shows in no error.
 */
export const evaluationErrors = defineErrors({
  evaluationFrozen: {
    status: 409,
    title:
      "Criteria, panel and options are defined while the challenge takes proposals; after the proposal deadline they are frozen",
  },
  evaluationNotDefined: {
    status: 409,
    title: "The city defined no evaluation (criteria and panel) for this challenge",
  },
  panelInvalid: { status: 400, title: "The panel must be members of the owning city" },
  notOnPanel: { status: 403, title: "Only the challenge's evaluator panel can do this" },
  notChair: { status: 403, title: "Only the panel's chair can do this" },
  evaluationNotOpen: {
    status: 409,
    title: "Proposals are evaluated after the proposal deadline and until the award",
  },
  declarationFinal: {
    status: 409,
    title: 'A declaration is final: "no conflict" may become a conflict, nothing else changes',
  },
  declarationRequired: {
    status: 409,
    title:
      "Declare whether you have a conflict of interest before opening or scoring this proposal",
  },
  recused: { status: 403, title: "You are recused from this proposal (conflict of interest)" },
  scoresInvalid: { status: 400, title: "The scores are not valid" },
  technicalLocked: { status: 409, title: "Technical scores are locked" },
  blindPhase: {
    status: 409,
    title: "The blind phase is on: the chair locks technical scores before the award",
  },
  notRanked: {
    status: 409,
    title: "The proposal has no complete score yet (every criterion needs at least one score)",
  },
  awardExists: { status: 409, title: "The challenge is awarded already" },
  challengeMovedOn: {
    status: 409,
    title:
      "The city moved the challenge on past the award (piloting or implemented) with no award on the platform; none can be made now",
  },
  chairRecused: {
    status: 409,
    title: "The chair is recused from this proposal and cannot award it",
  },
  awardNotFound: { status: 404, title: "This challenge has no award notice" },
  noLiveAward: { status: 409, title: "The challenge has no award to cancel" },
  awardFinal: {
    status: 409,
    title: "The standstill is over: the award is final and can no longer be cancelled",
  },
  notCityMember: { status: 403, title: "Only the owning city's members keep the contact log" },
  contactInvalid: { status: 400, title: "The contact is not valid" },
  quietPeriod: {
    status: 409,
    title:
      "Quiet period: a member of the evaluation panel may not meet a bidder one-to-one from publication to award",
  },
});
