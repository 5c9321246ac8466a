/**
 * Hackathons: the teams, submissions, judging, results, public gallery and "hackathon to pilot"
 * of events of kind `hackathon` (the events module owns the events themselves). Conflicts of
 * interest are detected by procurement's rules; winning teams become organisations and
 * catalogue solutions through those modules' own commands. See docs/hackathons.md.
 */
import type { ServiceContext } from "../../core/context.ts";
import type { ModuleManifest } from "../../core/module.ts";
import { hackathonRoutes } from "./routes.ts";
import { hackathonTeamRoutes } from "./routes-teams.ts";

export function hackathonsModule(ctx: ServiceContext): ModuleManifest {
  return {
    name: "hackathons",
    routes: async (app) => {
      await app.register(hackathonRoutes, { ctx });
      await app.register(hackathonTeamRoutes, { ctx });
    },
  };
}

export { seedDemoHackathon } from "./seed-demo-hackathon.ts";
