import type { ServiceContext } from "../core/context.ts";
import type { CreateSolutionBody } from "../modules/catalogue/contract.ts";
import { seedPortfolio, seedSolution } from "../modules/catalogue/index.ts";

/**
 * Demo solutions of the demo providers (invented, like the providers; figures are plausible,
 * not claims), covering all ten sectors, and a Nordic Cleantech Cluster portfolio shared with
 * Copenhagen.
 */
type DemoSolution = Omit<CreateSolutionBody, "providerId" | "description"> & {
  provider: string;
  description: string;
};

const note = "\n\n_Demo solution for trying the platform._";

export const demoSolutions: DemoSolution[] = [
  {
    provider: "hydrosense",
    title: "NightWatch acoustic leak detection",
    summary:
      "Hydrant-mounted acoustic loggers listen to water mains at night and pinpoint leaks to within a metre.",
    description: `Loggers are clipped onto hydrants and valves; each night they record the network's noise and a model separates leak signatures from traffic and pumps.\n\n- 14-month payback in three Spanish utilities\n- Cuts non-revenue water by 8–15 % in the first year${note}`,
    sectors: ["water"],
    capabilities: ["water.leak-detection", "data.iot-sensor-networks"],
    trl: 9,
    countriesDeployed: ["ES", "PT"],
    referenceLinks: ["https://hydrosense.example/cases/valencia"],
  },
  {
    provider: "hydrosense",
    title: "PressurePilot network optimisation",
    summary:
      "Pressure management for district metered areas: fewer bursts, lower pumping energy, same service.",
    description: `Pressure-reducing valves are steered from live demand forecasts, so pressure drops at night when leaks run fastest.${note}`,
    sectors: ["water", "energy"],
    capabilities: ["water.water-network-optimisation", "data.ai-optimisation"],
    trl: 8,
    countriesDeployed: ["ES"],
  },
  {
    provider: "hydrosense",
    title: "Smart meter analytics for water utilities",
    summary:
      "Turns hourly smart water meter reads into leak alerts for households and consumption insight for the city.",
    description: `Works with the AMI systems utilities already run; alerts households of continuous flow within 48 hours.${note}`,
    sectors: ["water", "data"],
    capabilities: ["water.smart-water-metering", "data.energy-data-analytics"],
    trl: 7,
    countriesDeployed: ["ES", "MX"],
  },
  {
    provider: "voltgrid",
    title: "Second-life battery storage for bus depots",
    summary:
      "Container storage built from retired bus batteries, shaving the evening charging peak of electric depots.",
    description: `A 1 MWh container smooths depot charging so the grid connection does not need an upgrade.\n\n1. Batteries graded cell by cell\n2. Containers installed in a weekend\n3. Peak shaving from day one${note}`,
    sectors: ["energy", "mobility"],
    capabilities: ["energy.energy-storage", "mobility.depot-charging"],
    trl: 8,
    countriesDeployed: ["NL", "DK"],
  },
  {
    provider: "voltgrid",
    title: "Substation flexibility service",
    summary:
      "Batteries at district substations sell flexibility to the grid operator and keep neighbourhoods on during faults.",
    description: `Aggregated storage bids into the operator's flexibility market; revenue pays back the hardware in seven years.${note}`,
    sectors: ["energy"],
    capabilities: ["energy.smart-grid", "energy.energy-storage"],
    trl: 7,
    countriesDeployed: ["NL"],
  },
  {
    provider: "voltgrid",
    title: "Electric ferry shore charging",
    summary: "Fast shore chargers with buffer storage for electric harbour ferries.",
    description: `Buffer batteries charge slowly from the city grid and deliver 2 MW in a ten-minute turnaround.${note}`,
    sectors: ["mobility", "energy"],
    capabilities: ["mobility.electric-ferries", "energy.energy-storage"],
    trl: 6,
    countriesDeployed: ["NL"],
  },
  {
    provider: "coolroof",
    title: "Reflective cool roof coating",
    summary:
      "A lime-based white roof coating that lowers indoor temperatures in tin-roofed homes by up to 5 °C.",
    description: `Applied by local crews trained in two days; lasts five monsoons.${note}`,
    sectors: ["buildings", "adaptation"],
    capabilities: ["buildings.cool-roofs", "adaptation.urban-heat"],
    trl: 9,
    countriesDeployed: ["IN", "BD"],
    media: [
      {
        url: "https://coolroof.example/img/ahmedabad-roofs.jpg",
        alt: "Rows of white-coated roofs in a dense Ahmedabad neighbourhood",
      },
    ],
  },
  {
    provider: "coolroof",
    title: "Heat action plan toolkit",
    summary:
      "Ward-level heat vulnerability maps and early warnings that trigger cooling centres and outreach.",
    description: `Combines satellite land-surface temperature with census data to rank wards; SMS alerts go out when forecasts cross thresholds.${note}`,
    sectors: ["adaptation", "data"],
    capabilities: ["adaptation.urban-heat", "adaptation.climate-risk-assessment"],
    trl: 8,
    countriesDeployed: ["IN"],
  },
  {
    provider: "circuloop",
    title: "Biowaste collection route optimiser",
    summary:
      "Plans food-waste collection rounds from bin fill levels, cutting truck kilometres by a quarter.",
    description: `Fill-level sensors on shared bins feed a daily route plan; drivers follow it on a tablet.${note}`,
    sectors: ["waste"],
    capabilities: ["waste.organic-waste", "waste.smart-waste-collection"],
    trl: 8,
    countriesDeployed: ["FR"],
  },
  {
    provider: "circuloop",
    title: "Neighbourhood compost hubs",
    summary:
      "Staffed compost hubs that turn a district's food waste into compost for parks within ten weeks.",
    description: `Each hub serves 3,000 households and diverts about 400 t of biowaste a year from incineration.${note}`,
    sectors: ["waste", "food"],
    capabilities: ["waste.organic-waste", "food.urban-agriculture"],
    trl: 9,
    countriesDeployed: ["FR", "BE"],
  },
  {
    provider: "circuloop",
    title: "Surplus food redistribution platform",
    summary:
      "Matches unsold food from markets and canteens with charities the same day, with cold-chain tracking.",
    description: `Donors list surplus in under a minute; volunteers collect by cargo bike.${note}`,
    sectors: ["food", "waste"],
    capabilities: ["food.food-waste-prevention", "mobility.urban-logistics"],
    trl: 7,
    countriesDeployed: ["FR"],
  },
  {
    provider: "airq",
    title: "Calibrated low-cost air sensor network",
    summary:
      "PM2.5 and NO2 sensors co-located with reference stations and recalibrated remotely every week.",
    description: `Open data dashboard and API; the calibration model is published so the city can audit it.${note}`,
    sectors: ["air", "data"],
    capabilities: ["air.air-quality-monitoring", "data.open-data-platforms"],
    trl: 9,
    countriesDeployed: ["KR", "MX"],
  },
  {
    provider: "airq",
    title: "School street air monitoring",
    summary:
      "Sensors outside school gates that show parents and officials the effect of school streets.",
    description: `Before-and-after reports for each school street trial, in plain language.${note}`,
    sectors: ["air", "mobility"],
    capabilities: ["air.school-streets", "air.air-quality-monitoring"],
    trl: 7,
    countriesDeployed: ["KR"],
  },
  {
    provider: "floodguard",
    title: "Real-time stormwater control",
    summary:
      "Smart valves on retention basins release water ahead of a cloudburst, doubling usable storage.",
    description: `Forecast-driven control empties basins before heavy rain and holds water afterwards to relieve sewers.${note}`,
    sectors: ["adaptation", "water"],
    capabilities: ["adaptation.stormwater", "adaptation.flood-early-warning"],
    trl: 8,
    countriesDeployed: ["NL", "DK"],
  },
  {
    provider: "floodguard",
    title: "Blue-green street design kit",
    summary: "Rain gardens, permeable paving and tree pits designed together as a sponge street.",
    description: `A design catalogue and hydraulic model for streets that hold a 100-year cloudburst without flooding basements.${note}`,
    sectors: ["adaptation"],
    capabilities: ["adaptation.stormwater", "adaptation.urban-greening"],
    trl: 9,
    countriesDeployed: ["NL", "DK", "DE"],
  },
  {
    provider: "iues",
    title: "Heat network planning model",
    summary:
      "Open-source model that finds where district heating pays off, street by street, from building data.",
    description: `Uses the building stock model and waste-heat sources to draw expansion plans and their costs.${note}`,
    sectors: ["energy", "data"],
    capabilities: ["energy.district-heating", "energy.waste-heat-recovery"],
    trl: 6,
    countriesDeployed: ["DE", "DK"],
  },
  {
    provider: "iues",
    title: "Municipal building stock model",
    summary:
      "A digital twin of every building's energy use that ranks deep retrofits by carbon saved per euro.",
    description: `Calibrated on metered consumption; exports retrofit programmes for procurement.${note}`,
    sectors: ["buildings", "data"],
    capabilities: ["buildings.digital-twin-buildings", "buildings.deep-retrofit"],
    trl: 5,
    countriesDeployed: ["DE"],
  },
  {
    provider: "iues",
    title: "City GHG inventory and climate budget tool",
    summary:
      "Keeps the city's greenhouse gas inventory (GPC) and ties each budget line to its CO2e effect.",
    description: `Finance and climate teams share one tool: every investment shows its emissions impact next to its cost.${note}`,
    sectors: ["finance", "data"],
    capabilities: ["data.ghg-inventory", "finance.climate-budgeting"],
    trl: 7,
    countriesDeployed: ["DE", "AT"],
  },
  {
    provider: "tropical-lab",
    title: "Street canyon cooling study",
    summary:
      "Measures how trees, shade sails and cool pavements lower felt temperature in tropical streets.",
    description: `Mobile sensor walks and thermal imaging before and after each intervention.${note}`,
    sectors: ["adaptation", "air"],
    capabilities: ["adaptation.urban-heat", "data.earth-observation"],
    trl: 4,
    countriesDeployed: ["SG", "MY"],
  },
  {
    provider: "tropical-lab",
    title: "Rooftop hydroponic farms for public housing",
    summary: "Low-energy hydroponic farms on housing-block roofs run by residents' cooperatives.",
    description: `Each farm grows 8 t of leafy greens a year and shades the roof below.${note}`,
    sectors: ["food", "buildings"],
    capabilities: ["food.urban-agriculture", "buildings.cool-roofs"],
    trl: 6,
    countriesDeployed: ["SG"],
  },
  {
    provider: "nordic-cluster",
    title: "Green bond readiness programme",
    summary:
      "Helps mid-size cities prepare a first municipal green bond: framework, pipeline and second opinion.",
    description: `Delivered by the cluster's finance members over six months.${note}`,
    sectors: ["finance"],
    capabilities: ["finance.green-bonds", "finance.blended-finance"],
    trl: 9,
    countriesDeployed: ["DK", "SE", "NO"],
  },
  {
    provider: "med-water",
    title: "Greywater reuse for public buildings",
    summary:
      "Treats shower and sink water in schools and sports halls for toilet flushing and irrigation.",
    description: `Compact membrane units; saves 40 % of a sports hall's mains water.${note}`,
    sectors: ["water", "buildings"],
    capabilities: ["water.water-reuse", "adaptation.drought-resilience"],
    trl: 8,
    countriesDeployed: ["ES", "IT"],
  },
];

export async function seedDemoSolutions(
  ctx: ServiceContext,
  organisationIds: Map<string, string>,
  actorId: string,
): Promise<Map<string, string>> {
  const solutionIds = new Map<string, string>();
  for (const { provider, ...solution } of demoSolutions) {
    const providerId = organisationIds.get(provider);
    if (!providerId) throw new Error(`demo provider ${provider} is missing`);
    const { id } = await seedSolution(ctx, actorId, { ...solution, providerId });
    solutionIds.set(solution.title, id);
  }
  const clusterId = organisationIds.get("nordic-cluster");
  const cityId = organisationIds.get("copenhagen");
  if (!clusterId || !cityId) return solutionIds;
  const pick = (title: string, why: string) => ({ solutionId: solutionIds.get(title)!, note: why });
  await seedPortfolio(ctx, actorId, {
    clusterId,
    title: "Cloudburst and heat resilience toolbox for Copenhagen",
    description:
      "Members' solutions for the city's cloudburst plan and the district heating transition.",
    theme: "Cloudburst management and heat networks",
    items: [
      pick("Real-time stormwater control", "Doubles the storage of existing retention basins."),
      pick("Blue-green street design kit", "Designed for 100-year cloudbursts."),
      pick("Heat network planning model", "Street-by-street district heating plans."),
      pick("Second-life battery storage for bus depots", "For the electric bus depots."),
    ],
    sharedWith: [cityId],
  });
  return solutionIds;
}
