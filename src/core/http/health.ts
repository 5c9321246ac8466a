import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";

const Health = z.object({
  status: z.enum(["ok", "unavailable"]),
  database: z.enum(["ok", "unreachable"]),
  version: z.string(),
});

/** For load balancers and monitors: 200 when the database answers, 503 when it does not. */
export const healthRoutes: FastifyPluginAsyncZod<{
  ping: () => Promise<void>;
  version: string;
}> = async (app, { ping, version }) => {
  app.get(
    "/healthz",
    {
      schema: {
        tags: ["operations"],
        summary: "Liveness and database reachability",
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      reply.header("cache-control", "no-store");
      try {
        await Promise.race([
          ping(),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error("database ping timed out")), 2_000),
          ),
        ]);
        return { status: "ok" as const, database: "ok" as const, version };
      } catch {
        return reply.status(503).send({ status: "unavailable", database: "unreachable", version });
      }
    },
  );
};
