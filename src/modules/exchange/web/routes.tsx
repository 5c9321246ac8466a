import type { RouteObject } from "react-router";

/** The exchange module's pages: bulk import, loaded when first visited. */
export const exchangePages: RouteObject[] = [
  {
    path: "import",
    lazy: async () => ({ Component: (await import("./ImportPage.tsx")).ImportPage }),
  },
];
