import type { RouteObject } from "react-router";

/** The organisations module's pages, each loaded when first visited. */
export const organisationsPages: RouteObject[] = [
  {
    path: "organisations",
    lazy: async () => ({
      Component: (await import("./directory/DirectoryPage.tsx")).DirectoryPage,
    }),
  },
  {
    path: "organisations/new",
    lazy: async () => ({
      Component: (await import("./create/CreateOrganisationPage.tsx")).CreateOrganisationPage,
    }),
  },
  {
    path: "organisations/:slug",
    lazy: async () => ({
      Component: (await import("./profile/OrganisationPage.tsx")).OrganisationPage,
    }),
  },
  {
    path: "invitations",
    lazy: async () => ({
      Component: (await import("./invitations/InvitationPage.tsx")).InvitationPage,
    }),
  },
  {
    path: "me/organisations",
    lazy: async () => ({
      Component: (await import("./me/MyOrganisationsPage.tsx")).MyOrganisationsPage,
    }),
  },
];
