import type { RouteObject } from "react-router";

/** The challenges module's pages, each loaded when first visited. */
export const challengesPages: RouteObject[] = [
  {
    path: "challenges",
    lazy: async () => ({
      Component: (await import("./catalogue/CataloguePage.tsx")).CataloguePage,
    }),
  },
  {
    path: "challenges/new",
    lazy: async () => ({
      Component: (await import("./form/ChallengeFormPage.tsx")).NewChallengePage,
    }),
  },
  {
    path: "challenges/:id",
    lazy: async () => ({
      Component: (await import("./challenge/ChallengePage.tsx")).ChallengePage,
    }),
  },
  {
    path: "challenges/:id/edit",
    lazy: async () => ({
      Component: (await import("./form/ChallengeFormPage.tsx")).EditChallengePage,
    }),
  },
  {
    path: "me/saved-searches",
    lazy: async () => ({
      Component: (await import("./saved/SavedSearchesPage.tsx")).SavedSearchesPage,
    }),
  },
];
