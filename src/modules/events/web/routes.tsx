import type { RouteObject } from "react-router";

/** The events module's pages, each loaded when first visited. */
export const eventsPages: RouteObject[] = [
  {
    path: "events",
    lazy: async () => ({ Component: (await import("./EventsPage.tsx")).EventsPage }),
  },
  {
    path: "events/new",
    lazy: async () => ({ Component: (await import("./EventFormPage.tsx")).NewEventPage }),
  },
  {
    path: "events/:id",
    lazy: async () => ({ Component: (await import("./EventPage.tsx")).EventPage }),
  },
  {
    path: "events/:id/agenda",
    lazy: async () => ({ Component: (await import("./AgendaPage.tsx")).AgendaPage }),
  },
  {
    path: "events/:id/edit",
    lazy: async () => ({ Component: (await import("./EventFormPage.tsx")).EditEventPage }),
  },
];
