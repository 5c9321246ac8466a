import type { RouteObject } from "react-router";

/** The catalogue module's pages (solutions and portfolios), each loaded when first visited. */
export const cataloguePages: RouteObject[] = [
  {
    path: "solutions",
    lazy: async () => ({
      Component: (await import("./search/SolutionCataloguePage.tsx")).SolutionCataloguePage,
    }),
  },
  {
    path: "solutions/new",
    lazy: async () => ({
      Component: (await import("./form/SolutionFormPages.tsx")).NewSolutionPage,
    }),
  },
  {
    path: "solutions/:id",
    lazy: async () => ({
      Component: (await import("./solution/SolutionPage.tsx")).SolutionPage,
    }),
  },
  {
    path: "solutions/:id/edit",
    lazy: async () => ({
      Component: (await import("./form/SolutionFormPages.tsx")).EditSolutionPage,
    }),
  },
  {
    path: "portfolios",
    lazy: async () => ({
      Component: (await import("./portfolios/PortfoliosPage.tsx")).PortfoliosPage,
    }),
  },
  {
    path: "portfolios/:id",
    lazy: async () => ({
      Component: (await import("./portfolios/PortfolioPage.tsx")).PortfolioPage,
    }),
  },
];
