import type { ServiceContext } from "../../core/context.ts";
import { currentOrganisationsOf } from "../organisations/index.ts";
import { createReference } from "./commands/create-reference.ts";
import { decideReference } from "./commands/decide-reference.ts";
import type { CreateReferenceBody } from "./contract.ts";
import type { Standing } from "./policy.ts";
import { listReferences } from "./repository.ts";

const note = "\n\n_Demo reference for trying the platform; the figures are illustrative._";

interface DemoReference {
  solution: string;
  /** A demo city organisation's key, or a C40 city that is not on the platform. */
  city: { key: string } | { name: string; country: string };
  body: Omit<CreateReferenceBody, "city">;
  /** Who decides, as that city's member (a demo account key), and how; none: pending. */
  decision?: { by: string; decision: "verify" | "reject"; reason?: string };
}

/**
 * Deployments of demo solutions in real C40 cities: some verified by the city (badged, counted
 * in matchmaking and the impact figures), some awaiting it, one rejected, one in a city that is
 * not a member. None of HydroSense's is in Copenhagen: the e2e journey adds that one.
 */
const demoReferences: DemoReference[] = [
  {
    solution: "NightWatch acoustic leak detection",
    city: { key: "lisbon" },
    body: {
      sector: "water",
      startedOn: "2021-04-01",
      scale: "310 km of distribution mains, 1,200 hydrant sensors",
      description: `Night-time listening across the Alfama and Baixa pressure zones with the city's water utility.${note}`,
      metrics: [
        { kind: "water_saved", value: 1_450_000 },
        { kind: "energy_saved", value: 620 },
        { kind: "co2e_avoided", value: 95 },
      ],
    },
    decision: { by: "admin", decision: "verify" },
  },
  {
    solution: "NightWatch acoustic leak detection",
    city: { key: "mexico" },
    body: {
      sector: "water",
      startedOn: "2024-02-01",
      scale: "Pilot: 45 km of mains in Iztapalapa, 180 sensors",
      description: `A pilot with the metropolitan water system on the mains that lose most.${note}`,
      metrics: [
        { kind: "water_saved", value: 2_100_000 },
        { kind: "people_served", value: 260_000 },
      ],
    },
  },
  {
    solution: "PressurePilot network optimisation",
    city: { name: "Barcelona", country: "ES" },
    body: {
      sector: "water",
      startedOn: "2019-09-01",
      endedOn: "2022-12-31",
      scale: "12 pressure districts",
      description: `Pressure management across twelve district metered areas.${note}`,
      metrics: [{ kind: "water_saved", value: 900_000 }],
    },
  },
  {
    solution: "Second-life battery storage for bus depots",
    city: { key: "copenhagen" },
    body: {
      sector: "energy",
      startedOn: "2022-06-01",
      scale: "2 bus depots, 4.8 MWh of second-life batteries",
      description: `Peak shaving for overnight charging of 120 electric buses.${note}`,
      metrics: [
        { kind: "energy_saved", value: 1_900 },
        { kind: "co2e_avoided", value: 310 },
      ],
    },
    decision: { by: "city", decision: "verify" },
  },
  {
    solution: "Real-time stormwater control",
    city: { key: "copenhagen" },
    body: {
      sector: "adaptation",
      startedOn: "2020-05-01",
      scale: "14 retention basins in Østerbro and Nørrebro",
      description: `Forecast-driven emptying of retention basins before cloudbursts.${note}`,
      metrics: [
        { kind: "people_served", value: 45_000 },
        {
          kind: "custom",
          value: 240,
          label: "basement flooding claims avoided",
          unit: "claims/yr",
        },
      ],
    },
    decision: { by: "city", decision: "verify" },
  },
  {
    solution: "Reflective cool roof coating",
    city: { key: "seoul" },
    body: {
      sector: "buildings",
      startedOn: "2021-07-01",
      scale: "380 public housing roofs",
      description: `Cool roofs on public housing blocks in Nowon and Gangbuk.${note}`,
      metrics: [
        { kind: "energy_saved", value: 2_300 },
        { kind: "co2e_avoided", value: 1_050 },
        { kind: "people_served", value: 18_000 },
      ],
    },
    decision: { by: "admin", decision: "verify" },
  },
  {
    solution: "Biowaste collection route optimiser",
    city: { key: "nairobi" },
    body: {
      sector: "waste",
      startedOn: "2023-01-15",
      scale: "3 sub-counties, 28 collection trucks",
      description: `Routes for market and household biowaste to two compost sites.${note}`,
      metrics: [
        { kind: "waste_diverted", value: 12_500 },
        { kind: "co2e_avoided", value: 4_100 },
      ],
    },
  },
  {
    solution: "Calibrated low-cost air sensor network",
    city: { key: "seoul" },
    body: {
      sector: "air",
      startedOn: "2022-03-01",
      scale: "1,000 sensors city-wide",
      description: `A city-wide network calibrated against reference stations.${note}`,
      metrics: [{ kind: "people_served", value: 9_700_000 }],
    },
    decision: {
      by: "admin",
      decision: "reject",
      reason: "The city ran 250 sensors in a pilot, not 1,000 city-wide; please correct the scale.",
    },
  },
];

/** Demo data: the references above, once (a solution with references already is skipped). */
export async function seedDemoReferences(
  ctx: ServiceContext,
  organisationIds: Map<string, string>,
  solutionIds: Map<string, string>,
  userIds: Map<string, string>,
): Promise<void> {
  for (const reference of demoReferences) {
    const solutionId = solutionIds.get(reference.solution);
    if (!solutionId) throw new Error(`demo solution ${reference.solution} is missing`);
    const city =
      "key" in reference.city
        ? { organisationId: organisationIds.get(reference.city.key)! }
        : reference.city;
    const existing = await listReferences(ctx.db, { solutionId });
    if (existing.some((row) => row.startedOn === reference.body.startedOn)) continue;
    const { id } = await createReference(
      ctx,
      userIds.get("admin") ?? null,
      solutionId,
      { ...reference.body, city },
      "seed",
    );
    if (!reference.decision) continue;
    const actorId = userIds.get(reference.decision.by)!;
    const organisations = await currentOrganisationsOf(ctx.db, actorId);
    // The decider acts as the member of the city organisation they are.
    const standing: Standing = {
      platformAdmin: false,
      memberOf: new Set(organisations.map((row) => row.organisationId)),
    };
    await decideReference(ctx, actorId, standing, id, reference.decision);
  }
}
