/**
 * Events: meetings, workshops, webinars and hackathons hosted by organisations — agenda,
 * registration with capacity and a waitlist (promotion notified), iCalendar files and personal
 * feeds. The 1:1 meeting scheduler lives in scheduling/. See docs/events.md.
 */
import type { ServiceContext } from "../../core/context.ts";
import type { ModuleManifest } from "../../core/module.ts";
import { eventsRoutes } from "./routes.ts";

export function eventsModule(ctx: ServiceContext): ModuleManifest {
  return {
    name: "events",
    routes: async (app) => {
      await app.register(eventsRoutes, { ctx });
    },
  };
}

export { seedDemoEvents } from "./seed-demo-events.ts";
