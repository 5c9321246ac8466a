import { z } from "zod";
import { Uuid } from "../../core/http/contract.ts";
import { Sector } from "../challenges/contract.ts";

/** The impact dashboards' numbers (shared by server and web); every figure is public. */

export const DashboardScope = z.enum(["network", "city", "provider", "sector"]);
export type DashboardScope = z.infer<typeof DashboardScope>;

export const SectorParams = z.strictObject({ sector: Sector });

export const Dashboard = z
  .object({
    scope: z.object({
      kind: DashboardScope,
      /** The organisation (city, provider) or sector code; null for the network. */
      id: z.string().nullable(),
      name: z.string(),
    }),
    /** The calendar year the figures run to (running references count up to it). */
    untilYear: z.number().int(),
    challenges: z.object({
      /** Public challenges (never drafts) by status. */
      byStatus: z.array(z.object({ status: z.string(), count: z.number().int() })),
      /** By sector: a challenge of two sectors counts in each. */
      bySector: z.array(z.object({ sector: z.string(), count: z.number().int() })),
    }),
    /**
     * Pilots: public challenges whose chosen solution is being piloted or was implemented
     * (status piloting or implemented). Null on a provider's dashboard, which lists no challenges.
     */
    pilots: z.number().int().nullable(),
    /** Live proposals to calls whose proposal deadline has passed (sealed calls are not counted). */
    proposals: z.number().int(),
    /** Consortia forming. */
    consortia: z.number().int(),
    /** Published events and people registered for them, by the year they start. */
    events: z.array(
      z.object({
        year: z.number().int(),
        events: z.number().int(),
        participants: z.number().int(),
      }),
    ),
    /** Verified references' yearly outcomes summed by sector, year, kind and unit. */
    impact: z.array(
      z.object({
        sector: z.string(),
        year: z.number().int(),
        kind: z.string(),
        label: z.string(),
        unit: z.string(),
        value: z.number(),
      }),
    ),
    /** For the map: C40 cities with public challenges or verified references. */
    cities: z.array(
      z.object({
        cityId: Uuid,
        name: z.string(),
        country: z.string(),
        challenges: z.number().int(),
        verifiedReferences: z.number().int(),
      }),
    ),
  })
  .meta({ id: "Dashboard" });
export type Dashboard = z.infer<typeof Dashboard>;

/** The CSV's columns: one row per figure, long format (docs/insights.md). */
export const CSV_COLUMNS = ["section", "key", "year", "kind", "label", "unit", "value"] as const;

export const dashboardPath = (scope: DashboardScope, id: string | null) =>
  scope === "network"
    ? "/api/v1/insights/network"
    : `/api/v1/insights/${scope === "city" ? "cities" : scope === "provider" ? "providers" : "sectors"}/${id}`;
