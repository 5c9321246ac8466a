import { defineErrors } from "../../core/http/problem.ts";

/** The procurement plan's coded errors (docs/procurement.md "Route advisor and plan"). */
export const planErrors = defineErrors({
  planNotFound: { status: 404, title: "This challenge has no procurement plan yet" },
  planLocked: {
    status: 409,
    title: "The procurement plan changes only while the challenge is a draft",
  },
  planInvalid: { status: 400, title: "The procurement plan is not valid" },
  phaseNotFound: { status: 404, title: "The plan has no such phase" },
  admissionsNotNarrowed: {
    status: 409,
    title: "Only a pre-commercial procurement's phases admit bidders",
  },
  admissionsNotOpen: {
    status: 409,
    title: "Bidders are admitted to a phase once the previous one has ended",
  },
  admissionsDecided: { status: 409, title: "Bidders were admitted to this phase already" },
  admissionInvalid: { status: 400, title: "These bidders cannot be admitted to this phase" },
});
