import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServiceContext } from "../../core/context.ts";
import { IdParams, problemResponses } from "../../core/http/contract.ts";
import { commonErrors } from "../../core/http/problem.ts";
import { organisationExists } from "../organisations/index.ts";
import { Dashboard, SectorParams } from "./contract.ts";
import { dashboardCsv } from "./csv.ts";
import { type DashboardTarget, dashboardOf } from "./dashboards.ts";

const tags = ["insights"];
const providerKinds = ["company", "research", "cluster"];

/**
 * Open data: every dashboard's numbers, public, as JSON at its address and as CSV at the same
 * address + `/data.csv` (docs/insights.md). Nothing private is in them, so nothing is refused.
 */
export const insightsRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  const organisationTarget = async (
    id: string,
    kind: "city" | "provider",
  ): Promise<DashboardTarget> => {
    const organisation = await organisationExists(ctx.db, id);
    const fits =
      organisation &&
      (kind === "city" ? organisation.kind === "city" : providerKinds.includes(organisation.kind));
    if (!organisation || !fits) {
      throw commonErrors.notFound(
        kind === "city" ? "No city organisation has this id." : "No provider has this id.",
      );
    }
    return { kind, id: organisation.id, name: organisation.name };
  };

  const scopes: Array<{
    path: string;
    summary: string;
    params?: typeof IdParams | typeof SectorParams;
    target: (params: Record<string, string>) => Promise<DashboardTarget>;
  }> = [
    {
      path: "/api/v1/insights/network",
      summary: "The network's impact figures",
      target: async () => ({ kind: "network", id: null, name: "network" }),
    },
    {
      path: "/api/v1/insights/cities/:id",
      summary: "A city organisation's impact figures",
      params: IdParams,
      target: (params) => organisationTarget(params.id!, "city"),
    },
    {
      path: "/api/v1/insights/providers/:id",
      summary: "A provider's impact figures (company, research institute or cluster)",
      params: IdParams,
      target: (params) => organisationTarget(params.id!, "provider"),
    },
    {
      path: "/api/v1/insights/sectors/:sector",
      summary: "A sector's impact figures",
      params: SectorParams,
      target: async (params) => ({ kind: "sector", id: params.sector!, name: params.sector! }),
    },
  ];

  for (const scope of scopes) {
    app.get(
      scope.path,
      {
        schema: {
          tags,
          summary: `${scope.summary} as JSON (open data)`,
          description:
            "Public challenges by status and sector, live proposals to closed calls, forming consortia, published " +
            "events and registered people by year, verified references' outcomes by sector and year (units never mixed) " +
            "and the cities on the map. The same as CSV at this address + /data.csv.",
          ...(scope.params ? { params: scope.params } : {}),
          response: { 200: Dashboard, ...problemResponses },
        },
      },
      async (request) =>
        dashboardOf(
          ctx.db,
          await scope.target(request.params as Record<string, string>),
          ctx.clock.now(),
        ),
    );
    app.get(
      `${scope.path}/data.csv`,
      {
        schema: {
          tags,
          summary: `${scope.summary} as CSV (open data; one figure per row)`,
          ...(scope.params ? { params: scope.params } : {}),
          response: {
            200: {
              description: "One figure per row",
              content: { "text/csv": { schema: z.string() } },
            },
            ...problemResponses,
          },
        },
      },
      async (request, reply) => {
        const target = await scope.target(request.params as Record<string, string>);
        const dashboard = await dashboardOf(ctx.db, target, ctx.clock.now());
        return reply
          .type("text/csv; charset=utf-8")
          .header(
            "content-disposition",
            `inline; filename="insights-${target.kind}${target.id ? `-${target.id}` : ""}.csv"`,
          )
          .send(dashboardCsv(dashboard));
      },
    );
  }
};
