import { defineErrors } from "../../core/http/problem.ts";

export const referencesErrors = defineErrors({
  referenceNotFound: { status: 404, title: "Reference not found" },
  solutionNotFound: { status: 404, title: "Solution not found" },
  evidenceNotFound: { status: 404, title: "Evidence file not found" },
  cityNotFound: { status: 400, title: "No city organisation has this id" },
  sectorNotOfSolution: { status: 400, title: "The sector must be one of the solution's sectors" },
  periodOutOfOrder: { status: 400, title: "The period ends before it starts" },
  notPending: { status: 409, title: "Only a reference awaiting verification can be decided" },
  evidenceNotAccepted: {
    status: 415,
    title: "Evidence must be a PDF, PNG, JPEG or WebP file (recognised by its content)",
  },
  evidenceTooLarge: { status: 413, title: "Evidence files are at most 10 MB" },
  tooManyEvidenceFiles: { status: 409, title: "A reference holds at most 10 evidence files" },
});
