import type { RouteObject } from "react-router";

const page = () => import("./DashboardPage.tsx");

/** The insights module's pages, each loaded when first visited. */
export const insightsPages: RouteObject[] = [
  { path: "insights", lazy: async () => ({ Component: (await page()).NetworkDashboardPage }) },
  {
    path: "insights/about",
    lazy: async () => ({ Component: (await import("./AboutOpenDataPage.tsx")).AboutOpenDataPage }),
  },
  {
    path: "insights/cities/:id",
    lazy: async () => ({ Component: (await page()).CityDashboardPage }),
  },
  {
    path: "insights/providers/:id",
    lazy: async () => ({ Component: (await page()).ProviderDashboardPage }),
  },
  {
    path: "insights/sectors/:sector",
    lazy: async () => ({ Component: (await page()).SectorDashboardPage }),
  },
];
