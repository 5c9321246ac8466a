import type { FastifyPluginAsync } from "fastify";
import type { JobHandlers } from "./jobs/outbox.ts";

/**
 * What a domain module gives the composition root: its routes, the background jobs it handles,
 * and housekeeping to run periodically. The app registers each module's manifest; nothing is
 * discovered implicitly.
 */
export interface ModuleManifest {
  name: string;
  routes: FastifyPluginAsync;
  jobs?: JobHandlers;
  /** Periodic clean-up (expired sessions, old counters); must be safe to run from any process. */
  housekeeping?: () => Promise<void>;
}
