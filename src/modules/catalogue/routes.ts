import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ServiceContext } from "../../core/context.ts";
import { solutionMediaRoutes } from "./routes-media.ts";
import { portfolioRoutes } from "./routes-portfolios.ts";
import { solutionRoutes } from "./routes-solutions.ts";
import { taxonomyRoutes } from "./routes-taxonomy.ts";

/** The catalogue's routes, one file per resource: solutions, their images, the taxonomy, portfolios. */
export const catalogueRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  await app.register(solutionRoutes, { ctx });
  await app.register(solutionMediaRoutes, { ctx });
  await app.register(taxonomyRoutes, { ctx });
  await app.register(portfolioRoutes, { ctx });
};
