import { defineErrors } from "../../core/http/problem.ts";

export const consortiaErrors = defineErrors({
  consortiumNotFound: { status: 404, title: "Consortium not found" },
  invitationNotFound: { status: 404, title: "Invitation not found" },
  memberNotFound: { status: 404, title: "This organisation is not a member of the consortium" },
  newLeadNotMember: { status: 400, title: "The new lead must be another member of the consortium" },
  challengeNotFound: { status: 400, title: "No challenge you may read has this id" },
  challengeNotOpen: {
    status: 409,
    title: "Consortia form while the challenge is published, before it is evaluated",
  },
  organisationNotFound: { status: 400, title: "Unknown organisation" },
  organisationCannotJoin: {
    status: 400,
    title: "Consortia are made of companies, research institutes and clusters",
  },
  organisationNamedTwice: { status: 400, title: "An organisation is named twice" },
  alreadyMember: { status: 409, title: "This organisation is a member of the consortium already" },
  alreadyInvited: { status: 409, title: "This organisation has an open invitation already" },
  invitationAnswered: { status: 409, title: "This invitation is answered or withdrawn already" },
  leadCannotLeave: {
    status: 409,
    title:
      "The lead cannot leave: hand the lead over to another member, or dissolve the consortium",
  },
  consortiumDissolved: { status: 409, title: "This consortium is dissolved" },
});
