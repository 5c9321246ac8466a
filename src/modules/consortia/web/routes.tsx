import type { RouteObject } from "react-router";

/** The consortia module's pages, each loaded when first visited. */
export const consortiaPages: RouteObject[] = [
  {
    path: "consortia",
    lazy: async () => ({
      Component: (await import("./MyConsortiaPage.tsx")).MyConsortiaPage,
    }),
  },
  {
    path: "consortia/:id",
    lazy: async () => ({
      Component: (await import("./ConsortiumPage.tsx")).ConsortiumPage,
    }),
  },
];
