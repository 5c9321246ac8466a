/**
 * Consortia: the builder that suggests teams of organisations covering a challenge's needs
 * (team-builder.ts, fed by matchmaking), and the consortia organisations form to answer a
 * challenge — a lead, members with roles and the capabilities each brings, invitations. See
 * docs/consortia.md.
 */
import type { ServiceContext } from "../../core/context.ts";
import type { ModuleManifest } from "../../core/module.ts";
import { consortiaRoutes } from "./routes.ts";

export function consortiaModule(ctx: ServiceContext): ModuleManifest {
  return {
    name: "consortia",
    routes: async (app) => {
      await app.register(consortiaRoutes, { ctx });
    },
  };
}
export { buildTeams, type TeamCandidate, type TeamSuggestion } from "./team-builder.ts";
