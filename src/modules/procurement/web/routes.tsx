import type { RouteObject } from "react-router";

/** The procurement module's pages, each loaded when first visited. */
export const procurementPages: RouteObject[] = [
  {
    path: "challenges/:id/integrity",
    lazy: async () => ({
      Component: (await import("./IntegrityPage.tsx")).IntegrityPage,
    }),
  },
  {
    path: "challenges/:id/advisor",
    lazy: async () => ({
      Component: (await import("./AdvisorPage.tsx")).AdvisorPage,
    }),
  },
  {
    path: "proposals/verify",
    lazy: async () => ({
      Component: (await import("./VerifyReceiptPage.tsx")).VerifyReceiptPage,
    }),
  },
];
