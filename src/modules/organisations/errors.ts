import { defineErrors } from "../../core/http/problem.ts";

export const organisationErrors = defineErrors({
  organisationNotFound: { status: 404, title: "Organisation not found" },
  cityRequired: { status: 400, title: "A city organisation must name its C40 city" },
  cityNotAllowed: { status: 400, title: "Only city organisations are tied to a C40 city" },
  cityNotFound: { status: 400, title: "Unknown city" },
  notAMember: { status: 404, title: "This person is not a member" },
  alreadyMember: { status: 409, title: "Already a member" },
  lastOrganisationAdmin: { status: 409, title: "An organisation must keep at least one admin" },
  invitationNotFound: { status: 404, title: "Invitation not found" },
  invitationClosed: { status: 410, title: "This invitation is no longer open" },
  invitationForSomeoneElse: {
    status: 403,
    title: "This invitation was sent to another e-mail address",
  },
  affiliationNotAllowed: {
    status: 400,
    title: "These organisations cannot be affiliated that way",
  },
  affiliationExists: {
    status: 409,
    title: "These organisations are already affiliated or a request is open",
  },
  affiliationNotFound: { status: 404, title: "Affiliation not found" },
  logoNotAccepted: { status: 415, title: "The logo must be a PNG, JPEG or WebP image" },
  logoTooLarge: { status: 413, title: "The logo must be at most 512 KB" },
});
