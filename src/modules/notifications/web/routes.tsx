import type { RouteObject } from "react-router";

/** The notifications module's pages, each loaded when first visited. */
export const notificationsPages: RouteObject[] = [
  {
    path: "notifications",
    lazy: async () => ({
      Component: (await import("./NotificationsPage.tsx")).NotificationsPage,
    }),
  },
];

/** Account → E-mail notifications, which the app adds to the account area. */
export const notificationsAccountSection = {
  path: "notifications",
  label: { namespace: "notifications", key: "preferences.title" },
  load: async () => (await import("./DeliveryPreferencesSection.tsx")).DeliveryPreferencesSection,
};
