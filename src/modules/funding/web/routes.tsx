import type { RouteObject } from "react-router";

/** The funding module's pages, each loaded when first visited. */
export const fundingPages: RouteObject[] = [
  {
    path: "funding",
    lazy: async () => ({ Component: (await import("./FundingPage.tsx")).FundingPage }),
  },
  {
    path: "funding/deadlines",
    lazy: async () => ({ Component: (await import("./DeadlinesPage.tsx")).DeadlinesPage }),
  },
  {
    path: "funding/sources/:id",
    lazy: async () => ({ Component: (await import("./SourcePage.tsx")).SourcePage }),
  },
];
