import { defineErrors } from "../../core/http/problem.ts";

export const catalogueErrors = defineErrors({
  solutionNotFound: { status: 404, title: "Solution not found" },
  providerNotFound: { status: 400, title: "Unknown provider organisation" },
  providerNotAllowed: {
    status: 400,
    title: "Solutions belong to a company, research institute or cluster",
  },
  unknownCapability: { status: 400, title: "Unknown capability code" },
  solutionArchived: { status: 409, title: "This solution is archived" },
  versionConflict: { status: 409, title: "The solution changed since you opened it" },
  mediaNotAccepted: { status: 415, title: "Images must be PNG, JPEG, WebP or GIF files" },
  mediaTooLarge: { status: 413, title: "An image must be at most 5 MB" },
  mediaFull: { status: 409, title: "A solution has at most 12 images" },
  mediaNotFound: { status: 404, title: "Image not found" },
  mediaNotUploaded: {
    status: 400,
    title: "An image address of the platform must name an image uploaded to this solution",
  },
  capabilityNotFound: { status: 404, title: "Capability not found" },
  capabilityExists: { status: 409, title: "This capability code exists already" },
  capabilityCodeMismatch: {
    status: 400,
    title: "A capability's code is its parent's code and one more segment",
  },
  badCursor: { status: 400, title: "Unknown cursor" },
  portfolioNeedsTheme: { status: 400, title: "A portfolio names a theme or a challenge" },
  challengeNotFound: { status: 400, title: "No published challenge has this id" },
  portfolioNotFound: { status: 404, title: "Portfolio not found" },
  clusterNotFound: { status: 400, title: "Portfolios belong to a cluster organisation" },
  solutionNotFromCluster: {
    status: 400,
    title: "Only solutions of the cluster and its member organisations can be added",
  },
  itemNotFound: { status: 404, title: "This solution is not in the portfolio" },
  shareTargetNotCity: { status: 400, title: "Portfolios are shared with city organisations" },
  shareNotFound: { status: 404, title: "The portfolio is not shared with this organisation" },
});
