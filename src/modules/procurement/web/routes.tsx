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
    path: "challenges/:id/award",
    lazy: async () => ({
      Component: (await import("./AwardNoticePage.tsx")).AwardNoticePage,
    }),
  },
  {
    path: "proposals/verify",
    lazy: async () => ({
      Component: (await import("./VerifyReceiptPage.tsx")).VerifyReceiptPage,
    }),
  },
];
