/**
 * Events: meetings, workshops, webinars and hackathons hosted by organisations — agenda,
 * registration with capacity and a waitlist (promotion notified), iCalendar files and personal
 * feeds; outcomes of workshops and meetings (routes-outcomes.ts), shown on challenges' pages too;
 * 1:1 brokerage meetings (routes-brokerage.ts) placed by the scheduler in scheduling/. See docs/events.md.
 */
import type { ServiceContext } from "../../core/context.ts";
import type { ModuleManifest } from "../../core/module.ts";
import { eventsRoutes } from "./routes.ts";
import { brokerageRoutes } from "./routes-brokerage.ts";
import { outcomesRoutes } from "./routes-outcomes.ts";

export function eventsModule(ctx: ServiceContext): ModuleManifest {
  return {
    name: "events",
    routes: async (app) => {
      await app.register(eventsRoutes, { ctx });
      await app.register(brokerageRoutes, { ctx });
      await app.register(outcomesRoutes, { ctx });
    },
  };
}

export { seedDemoEvents } from "./seed-demo-events.ts";
