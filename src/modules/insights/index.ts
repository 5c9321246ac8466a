/**
 * Insights: the impact dashboards of the network, a city, a provider and a sector, and their
 * numbers as open data (JSON and CSV at stable addresses). No tables of its own: it reads
 * challenges, procurement, consortia, events, organisations and references through their
 * index files. See docs/insights.md.
 */
import type { ServiceContext } from "../../core/context.ts";
import type { ModuleManifest } from "../../core/module.ts";
import { insightsRoutes } from "./routes.ts";

export function insightsModule(ctx: ServiceContext): ModuleManifest {
  return {
    name: "insights",
    routes: async (app) => {
      await app.register(insightsRoutes, { ctx });
    },
  };
}
