import type { RouteObject } from "react-router";

/** The hackathons module's pages, each loaded when first visited. */
export const hackathonsPages: RouteObject[] = [
  {
    path: "events/:id/hackathon",
    lazy: async () => ({ Component: (await import("./HackathonPage.tsx")).HackathonPage }),
  },
];
