import type { RouteObject } from "react-router";

/** The references module's pages, each loaded when first visited. */
export const referencesPages: RouteObject[] = [
  {
    path: "references/:id",
    lazy: async () => ({ Component: (await import("./ReferencePage.tsx")).ReferencePage }),
  },
];
