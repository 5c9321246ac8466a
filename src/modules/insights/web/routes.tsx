import type { RouteObject } from "react-router";

const dashboard = (scope: "network" | "city" | "provider" | "sector") => async () => {
  const { DashboardPage } = await import("./DashboardPage.tsx");
  return { Component: () => <DashboardPage scope={scope} /> };
};

/** The insights module's pages, each loaded when first visited. */
export const insightsPages: RouteObject[] = [
  { path: "insights", lazy: dashboard("network") },
  {
    path: "insights/about",
    lazy: async () => ({ Component: (await import("./AboutOpenDataPage.tsx")).AboutOpenDataPage }),
  },
  { path: "insights/cities/:id", lazy: dashboard("city") },
  { path: "insights/providers/:id", lazy: dashboard("provider") },
  { path: "insights/sectors/:sector", lazy: dashboard("sector") },
];
